#include "price_selection.hpp"

#include "split_tolerance.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/vendor/price_importers.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace marketshock::recipe {

namespace {

using boost::gregorian::date;

enum class VendorKind { split_only, split_and_dividend, iex };

struct PriceSource {
  const char* id;
  const char* directory;  // relative to the raw root
  VendorKind kind;
};

// The order is the rule: consolidated split-only closes first, dividend-adjusted ones next
// (their adjustment undone), the single-venue IEX bars last.
constexpr std::array<PriceSource, 5> kPriceSources{{
    {"growwanalysis-nasdaq100", "prices/growwanalysis__nasdaq100/data", VendorKind::split_only},
    {"dane-anderson-equity-signal-engine", "prices/dane-anderson__equity-signal-engine/data",
     VendorKind::split_only},
    {"carlosgberreteaga-trading-ai", "prices/CarlosGBerreteaga__trading-ai/data",
     VendorKind::split_and_dividend},
    {"dsci560-lab4", "prices/dsci560-spr26__lab4/data/stock", VendorKind::split_and_dividend},
    {"spooky-labs-course-1", "prices/Spooky-Labs__Course-1/data", VendorKind::iex},
}};

// Vendors write class suffixes with a hyphen in file names (BRK-B.csv).
std::string vendor_ticker(const Symbol& symbol) {
  std::string t = symbol.str();
  std::replace(t.begin(), t.end(), '.', '-');
  return t;
}

io::ImportedSeries import_source(const PriceSource& source, const std::filesystem::path& file,
                                 const std::string& ticker) {
  // Lenient: a bad row (HUBB 2021-05-05 has its low above its open) is skipped and reported;
  // a file whose header is wrong still throws.
  const io::PriceImportRequest request{ticker, source.id, io::LoadPolicy::lenient};
  // The as-of date is provisional: it becomes the file's last date below.
  const date provisional(2000, 1, 3);
  switch (source.kind) {
    case VendorKind::split_only:
      return io::import_yahoo_split_adjusted_csv(file, request, provisional);
    case VendorKind::split_and_dividend:
      return io::import_adjusted_ohlcv_csv(file, request, provisional);
    case VendorKind::iex:
      return io::import_alpaca_iex_csv(file, request, PriceBasis::split_adjusted(provisional));
  }
  throw InvalidArgument("unknown vendor kind");
}

std::vector<Bar> trimmed(const std::vector<Bar>& bars, date from, date to) {
  std::vector<Bar> out;
  std::copy_if(bars.begin(), bars.end(), std::back_inserter(out),
               [&](const Bar& b) { return from <= b.date && b.date <= to; });
  return out;
}

// One Yahoo snapshot close against the vendor's close of the same session.
struct LevelPoint {
  date session;
  double split_factor;  // splits between the session and the vendor's as-of date
  double level_factor;  // what remains: 1 for split-only closes, 1/D for dividend-adjusted ones
};

std::vector<LevelPoint> level_points(const Symbol& symbol, const std::vector<Bar>& bars,
                                     BuildContext& context, const char* source_id) {
  std::vector<LevelPoint> points;
  const auto it = context.snapshots.find(symbol);
  if (it == context.snapshots.end()) return points;
  for (const io::SnapshotQuote& q : it->second) {
    if (!(q.price > 0.0)) continue;  // the snapshot has no price for this symbol that day
    const auto bar = std::lower_bound(bars.begin(), bars.end(), q.session,
                                      [](const Bar& b, date d) { return b.date < d; });
    if (bar == bars.end() || bar->date != q.session) continue;
    const double ratio = q.price / bar->close;
    // Dividend adjustment scales by at most ~12% over the years covered; splits by far more.
    const auto split = split_ratio_within(ratio, 0.12);
    if (!split) {
      context.note(
          "prices", symbol.str(),
          fmt::format("{}: Yahoo snapshot close {} on {} is {:.4f}x the vendor close {}: no "
                      "split ratio explains it; snapshot not used",
                      source_id, q.price, format_iso_date(q.session), ratio, bar->close));
      continue;
    }
    points.push_back({q.session, *split, ratio / *split});
  }
  return points;
}

std::string session_range(const std::vector<LevelPoint>& points) {
  return fmt::format("{}..{}", format_iso_date(points.front().session),
                     format_iso_date(points.back().session));
}

// Undoes a dividend adjustment: a bar's level factor is the one measured at the first snapshot
// session on or after it (exact unless an ex-date falls between the two); after the last
// snapshot the last factor is carried forward, which the note states.
void undo_dividends(std::vector<Bar>& bars, const std::vector<LevelPoint>& points) {
  std::size_t j = 0;
  for (Bar& b : bars) {
    while (j + 1 < points.size() && points[j].session < b.date) ++j;
    const double f = points[j].level_factor;
    b.open *= f;
    b.high *= f;
    b.low *= f;
    b.close *= f;
  }
}

// The history a split-only source lacks (dane-anderson starts 2021-04-12) is taken from the
// first dividend-adjusted source that has it, scaled so that its close meets the chosen
// source's close on the chosen source's first date. Within the prepended segment the dividend
// adjustment is not undone (no snapshot reaches back there): its levels are approximate by the
// dividends paid between each bar and the splice, and the note says so.
void prepend_history(const Symbol& symbol, const PriceSource& chosen, date from,
                     std::vector<Bar>& bars, PriceProvenance& provenance, BuildContext& context) {
  const std::string ticker = vendor_ticker(symbol);
  const date splice = bars.front().date;
  for (const PriceSource& source : kPriceSources) {
    if (&source == &chosen || source.kind != VendorKind::split_and_dividend) continue;
    const auto file = context.raw(source.directory) / (ticker + ".csv");
    if (!std::filesystem::exists(file)) continue;
    io::ImportedSeries earlier;
    try {
      earlier = import_source(source, file, ticker);
    } catch (const Error&) {
      continue;  // its rejection is reported if the security ever needs it as its main source
    }
    const auto meet = std::find_if(earlier.bars.begin(), earlier.bars.end(),
                                   [&](const Bar& b) { return b.date == splice; });
    if (meet == earlier.bars.end() || earlier.bars.front().date >= splice) continue;
    const double scale = bars.front().close / meet->close;
    std::vector<Bar> head;
    for (const Bar& b : earlier.bars) {
      if (b.date < from || !(b.date < splice)) continue;
      head.push_back(
          {b.date, b.open * scale, b.high * scale, b.low * scale, b.close * scale, b.volume});
    }
    if (head.empty()) return;
    context.keep(earlier.report);
    context.note(
        "prices", symbol.str(),
        fmt::format("{}..{} taken from {} (split- and dividend-adjusted), scaled x{:.6f} to "
                    "meet {} on {}; levels there approximate by the dividends paid "
                    "before {}",
                    format_iso_date(head.front().date), format_iso_date(head.back().date),
                    source.id, scale, chosen.id, format_iso_date(splice), format_iso_date(splice)));
    provenance.note += fmt::format(
        "{}bars before {} from {}, scaled to meet at {} (levels "
        "approximate by the dividends paid before it)",
        provenance.note.empty() ? "" : "; ", format_iso_date(splice), source.id,
        format_iso_date(splice));
    bars.insert(bars.begin(), head.begin(), head.end());
    return;
  }
}

}  // namespace

std::vector<VendorPriceFile> split_only_price_files(const Symbol& symbol,
                                                    const BuildContext& context) {
  std::vector<VendorPriceFile> out;
  for (const PriceSource& source : kPriceSources) {
    if (source.kind != VendorKind::split_only) continue;
    auto file = context.raw(source.directory) / (vendor_ticker(symbol) + ".csv");
    if (std::filesystem::exists(file)) out.push_back({source.id, std::move(file)});
  }
  return out;
}

std::optional<PriceChoice> select_prices(const Symbol& symbol, date from, date to,
                                         BuildContext& context) {
  const std::string ticker = vendor_ticker(symbol);
  for (const PriceSource& source : kPriceSources) {
    const auto file = context.raw(source.directory) / (ticker + ".csv");
    if (!std::filesystem::exists(file)) continue;
    io::ImportedSeries series;
    try {
      series = import_source(source, file, ticker);
    } catch (const Error& e) {
      context.note("prices", symbol.str(), fmt::format("{} rejected: {}", source.id, e.what()));
      continue;
    }
    if (series.bars.empty()) continue;
    context.keep(series.report);
    if (series.report.rows_skipped > 0) {
      context.note("prices", symbol.str(),
                   fmt::format("{}: {} row(s) skipped (see the load reports below)", source.id,
                               series.report.rows_skipped));
    }
    if (series.rounding_adjusted_bars > 0) {
      context.note("prices", symbol.str(),
                   fmt::format("{}: {} bar(s) had a high or low off the open or close by a "
                               "rounding difference (<= 1e-9 relative) and were set to it",
                               source.id, series.rounding_adjusted_bars));
    }
    const date as_of = series.bars.back().date;
    std::vector<Bar> bars = trimmed(series.bars, from, to);
    if (bars.empty() || bars.front().date > from + boost::gregorian::days(7)) {
      context.note("prices", symbol.str(),
                   fmt::format("{}: covers {}..{}, not the requested start {}; {}", source.id,
                               format_iso_date(series.bars.front().date), format_iso_date(as_of),
                               format_iso_date(from),
                               bars.empty() ? "not used" : "used from its first date"));
      if (bars.empty()) continue;
    }
    const auto points = level_points(symbol, bars, context, source.id);
    PriceProvenance provenance{source.id, "", false};
    PriceBasis basis = PriceBasis::split_adjusted(as_of);
    if (source.kind == VendorKind::split_and_dividend) {
      if (points.empty()) {
        basis = PriceBasis::split_and_dividend_adjusted(as_of);
        provenance.flagged = true;
        provenance.note =
            "dividend-adjusted closes and no Yahoo snapshot to measure the adjustment: levels "
            "below traded prices, no market value";
      } else {
        undo_dividends(bars, points);
        provenance.note = fmt::format(
            "dividend adjustment undone with factors measured against {} Yahoo snapshot closes "
            "({}); levels after the last snapshot, and before the first, are approximate by the "
            "dividends paid there",
            points.size(), session_range(points));
      }
    } else {
      const auto off = std::count_if(points.begin(), points.end(), [](const LevelPoint& p) {
        return std::abs(p.level_factor - 1.0) > 0.005;
      });
      if (source.kind == VendorKind::split_only && off * 2 > static_cast<long>(points.size())) {
        context.note("prices", symbol.str(),
                     fmt::format("{} rejected: its Close sits {:+.2f}% off the Yahoo snapshot "
                                 "closes on {} of {} sessions (not a split ratio)",
                                 source.id, (1.0 / points.front().level_factor - 1.0) * 100.0, off,
                                 points.size()));
        continue;
      }
      if (source.kind == VendorKind::iex) {
        provenance.flagged = true;
        provenance.note =
            "Alpaca IEX bars: single-venue closes near, not equal to, the "
            "consolidated close; volume is IEX's only";
      } else if (points.empty()) {
        provenance.note = "level not cross-checked (no Yahoo snapshot for this symbol)";
      }
    }
    if (bars.front().date > from + boost::gregorian::days(7) && source.kind != VendorKind::iex) {
      prepend_history(symbol, source, from, bars, provenance, context);
    }
    PriceChoice choice{DailyBars(symbol, basis, bars), std::move(provenance), {}};
    for (const LevelPoint& p : points) choice.split_factor_at[p.session] = p.split_factor;
    return choice;
  }
  return std::nullopt;
}

}  // namespace marketshock::recipe
