#include "reference_data.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/csv_reader.hpp>
#include <marketshock/io/vendor/constituents.hpp>
#include <marketshock/io/vendor/index_membership.hpp>
#include <marketshock/io/vendor/ndx_membership.hpp>
#include <marketshock/io/vendor/normalise_ticker.hpp>
#include <marketshock/io/vendor/share_counts.hpp>
#include <marketshock/io/vendor/snapshot_quotes.hpp>
#include <marketshock/io/vendor/sp500_membership.hpp>

#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/io/vendor/price_importers.hpp>

#include <fmt/format.h>

#include <cmath>

#include <algorithm>
#include <set>

namespace marketshock::recipe {

namespace {

using boost::gregorian::date;
namespace fs = std::filesystem;

constexpr const char* kSp500Dir = "reference/fja05680__sp500/HEAD_58490ec";
constexpr const char* kNdxDir =
    "reference/jmccarrell__n100tickers/HEAD_9a23023/src/nasdaq_100_ticker_history";
constexpr const char* kSp500Constituents =
    "reference/datasets__s-and-p-500-companies/2024-12-27_f455575/data/constituents.csv";
constexpr const char* kNdxConstituents =
    "reference/Gary-Strauss__NASDAQ100_Constituents/2025-06-22_accc447/data/"
    "nasdaq100_constituents.csv";
constexpr const char* kSnapshotsDir = "reference/datasets__s-and-p-500-companies-financials";
constexpr const char* kFmpDir = "shares/hamletj__finance_assistant/data";
constexpr const char* kKaggleSnapshot =
    "reference/NothCK__Stock-Sentiment-Pipeline/2025-03-29_f3c9b86/sp500_companies.csv";
// The Kaggle table shows the 2024-12-20 close (PROVENANCE; checked against closes below).
// (Functions, not constants: a date's constructor may throw, which a static must not.)
date kaggle_session() {
  return {2024, 12, 20};
}
// FMP's data was taken in mid-2025 (PROVENANCE); the exact day is measured per security when
// its counts are restated (share_selection.cpp), so this date only labels the basis.
date fmp_taken() {
  return {2025, 6, 30};
}

// Consolidated split-only closes of the dane-anderson files (all load cleanly), used to tell
// which session each Yahoo snapshot table shows.
std::map<Symbol, std::vector<Bar>> reference_closes(BuildContext& context) {
  std::map<Symbol, std::vector<Bar>> out;
  for (const auto& entry :
       fs::directory_iterator(context.raw("prices/dane-anderson__equity-signal-engine/data"))) {
    const auto symbol = io::try_normalise_ticker(entry.path().stem().string());
    if (!symbol) continue;
    try {
      auto series = io::import_yahoo_csv(
          entry.path(), {entry.path().stem().string(), "check", io::LoadPolicy::strict},
          PriceBasis::split_adjusted(date(2026, 4, 10)));
      out.emplace(*symbol, std::move(series.bars));
    } catch (const Error&) {
      continue;  // only a sample is needed; the price stage reports every file it uses
    }
  }
  return out;
}

// Share of the quotes equal (within 0.05%) to the reference close of `session`.
double match_rate(const std::vector<io::SnapshotQuote>& quotes, date session,
                  const std::map<Symbol, std::vector<Bar>>& closes) {
  std::size_t compared = 0;
  std::size_t matched = 0;
  for (const io::SnapshotQuote& q : quotes) {
    const auto it = closes.find(q.symbol);
    if (it == closes.end() || !(q.price > 0.0)) continue;
    const auto bar = std::lower_bound(it->second.begin(), it->second.end(), session,
                                      [](const Bar& b, date d) { return b.date < d; });
    if (bar == it->second.end() || bar->date != session) continue;
    ++compared;
    if (std::abs(q.price / bar->close - 1.0) < 5e-4) ++matched;
  }
  return compared == 0 ? 0.0 : static_cast<double>(matched) / static_cast<double>(compared);
}

// Yahoo's exchange codes: NMS, NGM, NCM are Nasdaq tiers, NYQ the NYSE, BTS Cboe BZX.
std::map<Symbol, Exchange> read_exchanges(BuildContext& context) {
  std::map<Symbol, Exchange> out;
  auto reader = io::CsvReader::from_file(context.raw(kKaggleSnapshot));
  const auto [exchange, symbol] = reader.require_columns({"Exchange", "Symbol"});
  // Init-captures: clang-tidy 16 misreads captured structured bindings (LLVM issue 91835).
  context.keep(for_each_row(reader, io::LoadPolicy::lenient,
                            [&, exchange = exchange, symbol = symbol](const io::CsvRow& row) {
                              const std::string_view code = row.text(exchange);
                              Exchange e = Exchange::other;
                              if (code == "NMS" || code == "NGM" || code == "NCM")
                                e = Exchange::nasdaq;
                              if (code == "NYQ") e = Exchange::nyse;
                              if (code == "BTS") e = Exchange::cboe;
                              const auto s = io::try_normalise_ticker(row.text(symbol));
                              if (!s)
                                throw row.error(
                                    symbol, fmt::format("invalid ticker '{}'", row.text(symbol)));
                              out[*s] = e;
                            }));
  return out;
}

std::map<Symbol, std::vector<io::ShareObservation>> by_symbol(
    std::vector<io::ShareObservation> list) {
  std::map<Symbol, std::vector<io::ShareObservation>> out;
  for (auto& o : list) out[o.symbol].push_back(std::move(o));
  return out;
}

}  // namespace

ReferenceData read_reference_data(BuildContext& context) {
  ReferenceData ref;
  context.progress("reading index membership");
  auto sp = io::import_sp500_intervals(context.raw(kSp500Dir) / "sp500_ticker_start_end.csv",
                                       io::LoadPolicy::strict);
  context.keep(sp.report);
  ref.sp500 = std::move(sp.intervals);
  const auto changes = io::import_sp500_changes(
      context.raw(kSp500Dir) / "sp500_changes_since_2019.csv", io::LoadPolicy::strict);
  const auto disagreements = io::compare_intervals_with_changes(ref.sp500, changes.changes);
  for (const auto& d : disagreements) {
    context.note("membership", d.symbol.str(),
                 fmt::format("S&P 500 intervals and change list disagree ({}, {}): {}; rule: the "
                             "intervals file is used",
                             to_string(d.kind), format_iso_date(d.date), d.detail));
  }
  auto ndx = io::import_ndx_history(context.raw(kNdxDir), io::LoadPolicy::strict);
  for (const auto& r : ndx.reports) context.keep(r);
  for (const auto& m : ndx.mismatches) {
    context.note("membership", "",
                 fmt::format("Nasdaq-100 YAML {} ({}): {}", m.year, m.source, m.description));
  }
  ref.ndx100 = std::move(ndx.intervals);

  context.progress("reading constituents, snapshots and share counts");
  auto sp_names =
      io::import_sp500_constituents(context.raw(kSp500Constituents), io::LoadPolicy::strict);
  auto ndx_names =
      io::import_ndx_constituents(context.raw(kNdxConstituents), io::LoadPolicy::strict);
  for (auto& s : sp_names.securities) ref.securities.emplace(s.symbol, std::move(s));
  for (auto& s : ndx_names.securities) ref.securities.emplace(s.symbol, std::move(s));

  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(context.raw(kSnapshotsDir))) {
    folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  const auto closes = reference_closes(context);
  const TradingCalendar& nyse = TradingCalendar::nyse();
  for (const auto& folder : folders) {
    const date taken = io::snapshot_folder_date(folder.filename().string());
    auto snapshot = io::import_yahoo_financials_snapshot(
        folder / "data" / "constituents-financials.csv", taken, io::LoadPolicy::lenient);
    context.keep(snapshot.report);
    // A table taken after the close shows the previous session; one taken during a session
    // shows intraday prices of no session, and is not used. Decided by matching the
    // consolidated closes of the dane-anderson files.
    const date before = nyse.previous_session(taken);
    const double rate_before = match_rate(snapshot.quotes, before, closes);
    const double rate_same =
        nyse.is_session(taken) ? match_rate(snapshot.quotes, taken, closes) : 0.0;
    if (rate_before < 0.75 && rate_same >= 0.75) {
      for (auto& q : snapshot.quotes) q.session = taken;
    } else if (rate_before < 0.75) {
      context.note("snapshots", folder.filename().string(),
                   fmt::format("only {:.0f}% of its prices equal the {} close ({:.0f}% the {} "
                               "close): taken during a session, not used",
                               rate_before * 100.0, format_iso_date(before), rate_same * 100.0,
                               format_iso_date(taken)));
      continue;
    }
    context.note(
        "snapshots", folder.filename().string(),
        fmt::format(
            "shows the {} close ({:.0f}% of checked prices match)",
            format_iso_date(snapshot.quotes.empty() ? before : snapshot.quotes.front().session),
            std::max(rate_before, rate_same) * 100.0));
    for (auto& q : snapshot.quotes) {
      auto& list = context.snapshots[q.symbol];
      if (!(q.price > 0.0)) continue;
      // Consecutive snapshots taken before the next session show the same close: keep one.
      if (list.empty() || list.back().session != q.session) list.push_back(std::move(q));
    }
  }
  {
    auto kaggle = io::import_kaggle_sp500_snapshot(context.raw(kKaggleSnapshot), kaggle_session(),
                                                   io::LoadPolicy::lenient);
    context.keep(kaggle.report);
    const double rate = match_rate(kaggle.quotes, kaggle_session(), closes);
    context.note("snapshots", "NothCK sp500_companies.csv",
                 fmt::format("shows the {} close ({:.0f}% of checked prices match){}",
                             format_iso_date(kaggle_session()), rate * 100.0,
                             rate < 0.75 ? ": not used" : ""));
    if (rate >= 0.75) {
      for (auto& q : kaggle.quotes) {
        if (!(q.price > 0.0)) continue;
        auto& list = context.snapshots[q.symbol];
        const auto at =
            std::lower_bound(list.begin(), list.end(), q.session,
                             [](const io::SnapshotQuote& a, date d) { return a.session < d; });
        if (at == list.end() || at->session != q.session) list.insert(at, std::move(q));
      }
    }
  }
  ref.exchanges = read_exchanges(context);
  auto sec = io::import_sec_share_points(context.raw("shares/POINTS.csv"), io::LoadPolicy::strict);
  ref.sec_counts = by_symbol(std::move(sec.observations));
  auto yahoo = io::import_yahoo_monthly_shares(
      context.raw("shares/s-koirala__MarketCapBacktest/data/historical_shares_outstanding.csv"),
      io::LoadPolicy::lenient);  // it writes 0 for some missing months: skipped and reported
  context.keep(yahoo.report);
  ref.yahoo_monthly_counts = by_symbol(std::move(yahoo.observations));
  return ref;
}

std::vector<io::ShareObservation> read_fmp_counts(const Symbol& symbol, BuildContext& context) {
  std::string ticker = symbol.str();
  std::replace(ticker.begin(), ticker.end(), '.', '-');
  const auto file = context.raw(kFmpDir) / (ticker + ".csv");
  if (!fs::exists(file)) return {};
  auto imported = io::import_fmp_quarterly_shares(file, fmp_taken(), io::LoadPolicy::lenient);
  context.keep(imported.report);
  return std::move(imported.observations);
}

std::vector<Symbol> largest_companies_since(BuildContext& context) {
  // quarter (year * 4 + quarter index) -> (market value, symbol)
  std::map<int, std::vector<std::pair<double, Symbol>>> by_quarter;
  for (const auto& entry : fs::directory_iterator(context.raw(kFmpDir))) {
    const auto symbol = io::try_normalise_ticker(entry.path().stem().string());
    if (!symbol) continue;
    auto reader = io::CsvReader::from_file(entry.path());
    const auto [period, cap, currency] =
        reader.require_columns({"date", "marketCap", "reportedCurrency"});
    io::CsvRow row;
    // Read leniently by hand: a row without a market value simply does not rank; none is
    // loaded into the dataset from here.
    while (!reader.at_end()) {
      try {
        if (!reader.next(row)) break;
        if (row.text(currency) != "USD" || row.is_empty(cap)) continue;
        const date end = row.as_date(period);
        if (end < context.options.history_from) continue;
        const int quarter = end.year() * 4 + (end.month() - 1) / 3;
        by_quarter[quarter].emplace_back(row.as_double(cap), *symbol);
      } catch (const Error&) {
        continue;
      }
    }
  }
  std::set<Symbol> top;
  for (auto& [quarter, list] : by_quarter) {
    if (list.size() < 300) continue;  // a quarter most companies have not reported yet
    const std::size_t n = std::min(context.options.history_top_n, list.size());
    std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(n), list.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; i < n; ++i) top.insert(list[i].second);
  }
  return {top.begin(), top.end()};
}

}  // namespace marketshock::recipe
