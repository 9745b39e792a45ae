#include "split_evidence.hpp"

#include "price_selection.hpp"
#include "split_dates.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/io/csv_reader.hpp>
#include <marketshock/io/vendor/price_importers.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <tuple>

namespace marketshock::recipe {

namespace {

using boost::gregorian::date;
using boost::gregorian::days;

// Month-end share counts can report a split a month late (Yahoo's NFLX 10:1 of November 2025
// shows between 2025-11-30 and 2025-12-31), so the grid also looks at the month before the
// bracket; a date found there is reported as outside the count bracket.
constexpr int kCountLagDays = 31;

// A copy of a pasted file is identified only if it matches the reference on at least a year.
constexpr std::size_t kMinCommonSessions = 250;

// One split-only price series available for the grid.
struct GridSeries {
  std::string label;  // "growwanalysis-nasdaq100 NVDA.csv"
  std::vector<Bar> bars;
};

std::string label_of(const VendorPriceFile& file) {
  return fmt::format("{} {}", file.source, file.path.filename().string());
}

// A file of several stocks pasted side by side ("Open,Open,...,Close,Close") is refused as a
// price source, since which copy is the named stock varies by file. For the grid a copy is used
// when exactly one copy's Close equals another source's split-only Close of the same stock on
// every common session (growwanalysis AAPL.csv's first copy and dane-anderson's AAPL).
std::optional<GridSeries> identified_copy(const VendorPriceFile& file,
                                          const GridSeries& reference) {
  io::CsvOptions options;
  options.allow_duplicate_columns = true;
  auto reader = io::CsvReader::from_file(file.path, options);
  const auto& header = reader.header();
  const auto occurrences = [&](std::string_view name) {
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) at.push_back(i);
    }
    return at;
  };
  const auto date_column = occurrences("Date");
  const auto open = occurrences("Open");
  const auto high = occurrences("High");
  const auto low = occurrences("Low");
  const auto close = occurrences("Close");
  const std::size_t copies = close.size();
  if (date_column.size() != 1 || copies < 2 || open.size() != copies || high.size() != copies ||
      low.size() != copies) {
    return std::nullopt;
  }
  std::vector<std::vector<Bar>> bars(copies);
  io::CsvRow row;
  while (reader.next(row)) {
    const date day = row.as_date(date_column[0]);
    for (std::size_t k = 0; k < copies; ++k) {
      bars[k].push_back({day, row.as_double(open[k], io::EmptyField::nan),
                         row.as_double(high[k], io::EmptyField::nan),
                         row.as_double(low[k], io::EmptyField::nan), row.as_double(close[k])});
    }
  }
  std::map<date, double> reference_close;
  for (const Bar& b : reference.bars) reference_close.emplace(b.date, b.close);
  std::optional<std::size_t> match;
  std::size_t common_sessions = 0;
  for (std::size_t k = 0; k < copies; ++k) {
    std::size_t common = 0;
    bool equal = true;
    for (const Bar& b : bars[k]) {
      const auto it = reference_close.find(b.date);
      if (it == reference_close.end()) continue;
      ++common;
      equal = equal && std::abs(b.close - it->second) <= 1e-6 * std::abs(it->second);
    }
    if (!equal || common < kMinCommonSessions) continue;
    if (match) return std::nullopt;  // two copies equal: no way to tell
    match = k;
    common_sessions = common;
  }
  if (!match) return std::nullopt;
  return GridSeries{
      fmt::format("{} (copy {} of {}: its Close equals {}'s on all {} common sessions)",
                  label_of(file), *match + 1, copies, reference.label, common_sessions),
      std::move(bars[*match])};
}

// Every split-only series of `symbol` that reads; a pasted file only through identified_copy().
std::vector<GridSeries> grid_series(const Symbol& symbol, BuildContext& context) {
  std::vector<GridSeries> loaded;
  std::vector<VendorPriceFile> refused;
  for (const VendorPriceFile& file : split_only_price_files(symbol, context)) {
    try {
      // Lenient: a bad row is one session less; the as-of date is irrelevant to the grid.
      const io::PriceImportRequest request{file.path.stem().string(), file.source,
                                           io::LoadPolicy::lenient};
      auto series = io::import_yahoo_split_adjusted_csv(file.path, request, date(2000, 1, 3));
      if (!series.bars.empty()) loaded.push_back({label_of(file), std::move(series.bars)});
    } catch (const Error&) {
      refused.push_back(file);
    }
  }
  for (const VendorPriceFile& file : refused) {
    std::optional<GridSeries> copy;
    for (const GridSeries& reference : loaded) {
      try {
        copy = identified_copy(file, reference);
      } catch (const Error&) {
        copy.reset();
      }
      if (copy) break;
    }
    if (copy) {
      loaded.push_back(std::move(*copy));
    } else {
      context.note("splits", symbol.str(),
                   fmt::format("{} not used for the tick grid: it does not load and no copy in "
                               "it could be identified against another source",
                               label_of(file)));
    }
  }
  return loaded;
}

// The product of the ratios of the splits after `index` that the series (ending `last`) is
// adjusted for; nullopt when `last` falls inside a later split's bracket.
std::optional<double> later_factor(const std::vector<Split>& splits, std::size_t index, date last) {
  double factor = 1.0;
  for (std::size_t j = index + 1; j < splits.size(); ++j) {
    const Split& s = splits[j];
    if (s.effective <= last) {
      factor *= s.ratio;
    } else if (s.earliest_after && *s.earliest_after < last) {
      return std::nullopt;
    }
  }
  return factor;
}

std::string bracket_text(const Split& split) {
  return fmt::format("({}, {}]", format_iso_date(*split.earliest_after),
                     format_iso_date(split.effective));
}

std::string fact_text(const SecSplitFact& f) {
  const std::string when =
      f.start ? fmt::format("period {}..{}", format_iso_date(*f.start), format_iso_date(f.end))
              : fmt::format("instant {}", format_iso_date(f.end));
  return fmt::format("{} ({} {})", when, f.form, f.accession);
}

// The SEC cross-check: the company's split facts of the same ratio within a year of the split.
// A split is "effected after the close" of its last old-basis session, which the SEC's instant
// names (NVIDIA: 2021-07-19); a period fact agrees when it spans the effective date.
void cross_check_with_sec(const Symbol& symbol, const Split& split, bool exact,
                          const std::vector<SecSplitFact>& sec_facts, BuildContext& context) {
  if (sec_facts.empty()) return;
  const date from = (split.earliest_after ? *split.earliest_after : split.effective) - days(366);
  const date to = split.effective + days(366);
  std::vector<const SecSplitFact*> facts;
  for (const SecSplitFact& f : sec_facts) {
    if (std::abs(f.ratio - split.ratio) < 1e-9 && from <= f.end && f.end <= to) {
      facts.push_back(&f);
    }
  }
  if (facts.empty()) {
    context.note("splits", symbol.str(),
                 fmt::format("SEC companyfacts cross-check of the {}:1: no split fact of that "
                             "ratio within a year of it",
                             split.ratio));
    return;
  }
  std::string listed;
  for (const SecSplitFact* f : facts) listed += (listed.empty() ? "" : ", ") + fact_text(*f);
  if (!exact) {
    context.note("splits", symbol.str(),
                 fmt::format("SEC companyfacts split facts of ratio {}: {}; not used to date it "
                             "(the price evidence decides, and it did not)",
                             split.ratio, listed));
    return;
  }
  const date last_old = TradingCalendar::nyse().previous_session(split.effective);
  const auto agreeing = std::find_if(facts.begin(), facts.end(), [&](const SecSplitFact* f) {
    return f->start ? *f->start <= split.effective && split.effective <= f->end
                    : f->end == last_old;
  });
  context.note(
      "splits", symbol.str(),
      agreeing != facts.end()
          ? fmt::format("SEC companyfacts cross-check of the {}:1 effective {}: agrees ({} {}); "
                        "facts of that ratio: {}",
                        split.ratio, format_iso_date(split.effective), fact_text(**agreeing),
                        (*agreeing)->start ? "spans the effective date"
                                           : "is the last session on the old basis",
                        listed)
          : fmt::format("SEC companyfacts cross-check of the {}:1 effective {}: DISAGREES: no "
                        "fact at the last old-basis session {} or spanning the date; facts of "
                        "that ratio: {} (the price evidence is kept)",
                        split.ratio, format_iso_date(split.effective), format_iso_date(last_old),
                        listed));
}

}  // namespace

std::map<std::string, std::vector<SecSplitFact>> read_sec_split_facts(BuildContext& context) {
  std::map<std::string, std::vector<SecSplitFact>> out;
  const auto directory = context.raw("shares/dgunning__edgartools/tests/cassettes");
  if (!std::filesystem::is_directory(directory)) return out;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    try {
      const YAML::Node root = YAML::LoadFile(file.string());
      for (const YAML::Node& interaction : root["interactions"]) {
        const auto uri = interaction["request"]["uri"].as<std::string>("");
        if (uri.find("/api/xbrl/companyfacts/") == std::string::npos) continue;
        const auto body = nlohmann::json::parse(
            interaction["response"]["body"]["string"].as<std::string>(""), nullptr, false);
        if (body.is_discarded() || !body.contains("cik")) continue;
        const std::string cik = std::to_string(body["cik"].get<long long>());
        const auto units = body.value(
            nlohmann::json::json_pointer(
                "/facts/us-gaap/StockholdersEquityNoteStockSplitConversionRatio1/units/pure"),
            nlohmann::json::array());
        auto& facts = out[cik];
        for (const auto& u : units) {
          SecSplitFact f;
          if (u.contains("start")) f.start = parse_iso_date(u["start"].get<std::string>());
          f.end = parse_iso_date(u["end"].get<std::string>());
          f.ratio = u["val"].get<double>();
          f.form = u.value("form", "");
          f.accession = u.value("accn", "");
          const bool seen = std::any_of(facts.begin(), facts.end(), [&](const SecSplitFact& g) {
            return std::tie(g.start, g.end, g.ratio) == std::tie(f.start, f.end, f.ratio);
          });
          if (!seen) facts.push_back(std::move(f));
        }
      }
    } catch (const std::exception& e) {
      context.note(
          "splits", "",
          fmt::format("{}: SEC companyfacts recording not read: {}", file.string(), e.what()));
    }
  }
  return out;
}

void date_splits(const Symbol& symbol, std::vector<Split>& splits,
                 const std::vector<SecSplitFact>& sec_facts, BuildContext& context) {
  if (splits.empty()) return;
  const std::vector<GridSeries> series = grid_series(symbol, context);
  const TradingCalendar& calendar = TradingCalendar::nyse();
  // Latest first: a later split dated exactly makes the factor of the earlier ones certain.
  for (std::size_t i = splits.size(); i-- > 0;) {
    Split& split = splits[i];
    if (!split.earliest_after) continue;  // already exact
    const std::string counts = split.source.empty() ? "" : " (" + split.source + ")";
    std::optional<date> found;
    std::string found_by;
    std::string evidence;
    std::vector<std::string> undecided;
    bool conflict = false;
    for (const GridSeries& s : series) {
      const auto factor = later_factor(splits, i, s.bars.back().date);
      if (!factor) {
        undecided.push_back(fmt::format("{}: ends inside the bracket of a later split", s.label));
        continue;
      }
      const SplitSearch search{split.ratio, *factor, *split.earliest_after - days(kCountLagDays),
                               split.effective};
      const TickGridFinding f = date_split_by_tick_grid(s.bars, search, calendar);
      if (!f.effective) {
        const std::string why = f.evidence.empty() ? f.reason : f.reason + " (" + f.evidence + ")";
        undecided.push_back(s.label + ": " + why);
        context.note("splits", symbol.str(),
                     fmt::format("tick grid of the {}:1 in {}, {}: not determined: {}", split.ratio,
                                 bracket_text(split), s.label, why));
        continue;
      }
      context.note(
          "splits", symbol.str(),
          fmt::format("tick grid of the {}:1 in {}, {}: effective {} ({})", split.ratio,
                      bracket_text(split), s.label, format_iso_date(*f.effective), f.evidence));
      if (!found) {
        found = f.effective;
        found_by = s.label;
        evidence = f.evidence;
      } else if (*found == *f.effective) {
        evidence += fmt::format("; {} agrees", s.label);
      } else {
        conflict = true;
        undecided.push_back(fmt::format("{} gives {}, {} gives {}", found_by,
                                        format_iso_date(*found), s.label,
                                        format_iso_date(*f.effective)));
      }
    }
    if (found && !conflict) {
      const std::string outside =
          *found <= *split.earliest_after
              ? fmt::format("; before the share-count bracket {}, whose month-end counts lag it",
                            bracket_text(split))
              : "";
      context.note(
          "splits", symbol.str(),
          fmt::format("{}:1 detected from share counts in {}{}: effective {} by the tick grid{}",
                      split.ratio, bracket_text(split), counts, format_iso_date(*found), outside));
      split.effective = *found;
      split.earliest_after.reset();
      split.source = fmt::format("tick grid: {}, {}{}", found_by, evidence, outside);
    } else {
      std::string why;
      for (const std::string& u : undecided) why += (why.empty() ? "" : "; ") + u;
      if (series.empty()) why = "no split-only price file (growwanalysis, dane-anderson) reads";
      context.note("splits", symbol.str(),
                   fmt::format("{}:1 detected from share counts in {}{}: exact date not "
                               "determined, the bracket is kept",
                               split.ratio, bracket_text(split), counts));
      split.source =
          fmt::format("detected from share counts{}; exact date not determined: {}", counts, why);
    }
    cross_check_with_sec(symbol, split, !split.earliest_after.has_value(), sec_facts, context);
  }
}

}  // namespace marketshock::recipe
