// Checks of the reference and shares importers against the raw public files of ../shared/data
// (never part of the repository). Each test skips when the files are absent, so the suite passes
// without them. The survey, which prints every reject, disagreement and flag, is disabled by
// default; run it with
//   marketshock_io_tests --gtest_also_run_disabled_tests --gtest_filter='ReferenceSharesRealData.*'
// and point MARKETSHOCK_SHARED_DATA at the shared data directory if it is not ../shared/data.
#include <marketshock/io/vendor/constituents.hpp>
#include <marketshock/io/vendor/ndx_membership.hpp>
#include <marketshock/io/vendor/share_counts.hpp>
#include <marketshock/io/vendor/share_series_checks.hpp>
#include <marketshock/io/vendor/snapshot_quotes.hpp>
#include <marketshock/io/vendor/sp500_membership.hpp>

#include <marketshock/core/iso_date.hpp>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <optional>
#include <set>
#include <vector>

namespace marketshock::io {
namespace {

namespace fs = std::filesystem;
using boost::gregorian::date;

fs::path shared_data() {
  if (const char* dir = std::getenv("MARKETSHOCK_SHARED_DATA")) return dir;
  return fs::path(MARKETSHOCK_SOURCE_DIR) / ".." / "shared" / "data";
}

const fs::path kFja = "reference/fja05680__sp500/HEAD_58490ec";
const fs::path kNdx =
    "reference/jmccarrell__n100tickers/HEAD_9a23023/src/nasdaq_100_ticker_history";
const fs::path kSpCompanies =
    "reference/datasets__s-and-p-500-companies/2024-12-27_f455575/data/constituents.csv";
const fs::path kFinancials = "reference/datasets__s-and-p-500-companies-financials";
const date kDeepSeekMonday(2025, 1, 27);

// `relative` under the shared data directory, or empty when it is not there.
std::optional<fs::path> shared(const fs::path& relative) {
  fs::path full = shared_data() / relative;
  if (!fs::exists(full)) return std::nullopt;
  return full;
}

TEST(ReferenceSharesRealData, Sp500MembersOnDeepSeekMondayMatchTheConstituentsTable) {
  const auto found = shared(kFja);
  if (!found) GTEST_SKIP() << kFja << " is not under " << shared_data();
  const fs::path& full = *found;
  const auto intervals =
      import_sp500_intervals(full / "sp500_ticker_start_end.csv", LoadPolicy::strict);
  const auto members = members_on(intervals.intervals, kDeepSeekMonday);
  EXPECT_EQ(members.size(), 503U);
  const auto table = import_sp500_constituents(shared_data() / kSpCompanies, LoadPolicy::strict);
  std::vector<Symbol> listed;
  for (const auto& s : table.securities) listed.push_back(s.symbol);
  std::sort(listed.begin(), listed.end());
  EXPECT_EQ(members, listed);
}

TEST(ReferenceSharesRealData, NasdaqHundredHas101TickersOnDeepSeekMonday) {
  const auto found = shared(kNdx);
  if (!found) GTEST_SKIP() << kNdx << " is not under " << shared_data();
  const fs::path& full = *found;
  const auto history = import_ndx_history(full, LoadPolicy::strict);
  const auto members = members_on(history.intervals, kDeepSeekMonday);
  EXPECT_EQ(members.size(), 101U);
  EXPECT_TRUE(std::binary_search(members.begin(), members.end(), Symbol("GOOG")));
  EXPECT_TRUE(std::binary_search(members.begin(), members.end(), Symbol("GOOGL")));
  EXPECT_TRUE(history.mismatches.empty());
}

TEST(ReferenceSharesRealData, YahooSnapshotShowsThePreviousSessionClose) {
  const fs::path folder = kFinancials / "2025-02-01_67dd99e";
  const auto found = shared(folder);
  if (!found) GTEST_SKIP() << folder << " is not under " << shared_data();
  const fs::path& full = *found;
  const auto snapshot = import_yahoo_financials_snapshot(full / "data/constituents-financials.csv",
                                                         snapshot_folder_date("2025-02-01_67dd99e"),
                                                         LoadPolicy::strict);
  const auto nvda = std::find_if(snapshot.quotes.begin(), snapshot.quotes.end(),
                                 [](const auto& q) { return q.symbol == Symbol("NVDA"); });
  ASSERT_NE(nvda, snapshot.quotes.end());
  EXPECT_EQ(nvda->session, date(2025, 1, 31));
  EXPECT_DOUBLE_EQ(nvda->price, 120.07);
}

// ---- The survey: prints what the importers found. ----

void print_report(const LoadReport& report) {
  fmt::print("{}\n", report.summary(20));
}

template <class Import>
void strict_then_lenient(const fs::path& path, Import import) {
  try {
    const auto imported = import(path, LoadPolicy::strict);
    print_report(imported.report);
  } catch (const Error& error) {
    fmt::print("STRICT FAILED {}\n", error.what());
    print_report(import(path, LoadPolicy::lenient).report);
  }
}

TEST(ReferenceSharesRealData, DISABLED_SurveyReference) {
  const auto found = shared("reference");
  if (!found)
    GTEST_SKIP() << "reference"
                 << " is not under " << shared_data();
  const fs::path& full = *found;
  const auto intervals = import_sp500_intervals(
      full / kFja.lexically_relative("reference") / "sp500_ticker_start_end.csv",
      LoadPolicy::strict);
  print_report(intervals.report);
  for (const char* commit : {"HEAD_58490ec", "2025-03-10_142a8af"}) {
    const auto changes = import_sp500_changes(
        full / "fja05680__sp500" / commit / "sp500_changes_since_2019.csv", LoadPolicy::strict);
    print_report(changes.report);
    const auto disagreements = compare_intervals_with_changes(intervals.intervals, changes.changes);
    fmt::print("{} disagreements of the intervals with the {} changes\n", disagreements.size(),
               commit);
    for (const auto& d : disagreements) {
      fmt::print("  {} {} {}: {}\n", format_iso_date(d.date), to_string(d.kind), d.symbol,
                 d.detail);
    }
  }
  const auto ndx = import_ndx_history(shared_data() / kNdx, LoadPolicy::strict);
  for (const auto& r : ndx.reports) print_report(r);
  fmt::print("NDX: {} intervals, {} changes, {} mismatches, {} members on 2025-01-27\n",
             ndx.intervals.size(), ndx.changes.size(), ndx.mismatches.size(),
             members_on(ndx.intervals, kDeepSeekMonday).size());
  for (const auto& m : ndx.mismatches) fmt::print("  {}: {}\n", m.source, m.description);
  for (const fs::path& table :
       {full / kSpCompanies.lexically_relative("reference"),
        full / "datasets__s-and-p-500-companies/2025-03-14_8df32af/data/constituents.csv",
        full / "fja05680__sp500/HEAD_58490ec/sp500.csv"}) {
    strict_then_lenient(
        table, [](const fs::path& p, LoadPolicy l) { return import_sp500_constituents(p, l); });
  }
  strict_then_lenient(
      full /
          "Gary-Strauss__NASDAQ100_Constituents/2025-06-22_accc447/data/nasdaq100_constituents.csv",
      [](const fs::path& p, LoadPolicy l) { return import_ndx_constituents(p, l); });
  std::vector<fs::path> folders;
  for (const auto& e : fs::directory_iterator(shared_data() / kFinancials))
    folders.push_back(e.path());
  std::sort(folders.begin(), folders.end());
  for (const auto& folder : folders) {
    const date day = snapshot_folder_date(folder.filename().string());
    const auto s = import_yahoo_financials_snapshot(folder / "data/constituents-financials.csv",
                                                    day, LoadPolicy::strict);
    std::vector<std::string> missing;
    for (const auto& q : s.quotes) {
      if (std::isnan(q.price) || std::isnan(q.market_cap)) missing.push_back(q.symbol.str());
    }
    const auto nvda = std::find_if(s.quotes.begin(), s.quotes.end(),
                                   [](const auto& q) { return q.symbol == Symbol("NVDA"); });
    fmt::print("{}: session {}, {} quotes, missing numbers: {}; NVDA {} cap/price {:.4f}B\n",
               folder.filename().string(), format_iso_date(s.quotes.front().session),
               s.quotes.size(), fmt::join(missing, " "), nvda->price,
               implied_share_count(*nvda)->shares / 1e9);
  }
  const auto kaggle = import_kaggle_sp500_snapshot(
      full / "NothCK__Stock-Sentiment-Pipeline/2025-03-29_f3c9b86/sp500_companies.csv",
      date(2024, 12, 20), LoadPolicy::strict);
  print_report(kaggle.report);
}

void print_checks(const char* name, const std::vector<ShareObservation>& all) {
  std::size_t outliers = 0, splits = 0, repeats = 0;
  for (const auto& [symbol, series] : share_series_by_symbol(all)) {
    std::vector<ShareObservation> unique;  // drop exact repeats (same date and count)
    for (const auto& o : series) {
      if (!unique.empty() && unique.back().as_of == o.as_of) {
        ++repeats;
        if (unique.back().shares != o.shares)
          fmt::print("  {} {} CONFLICT {} vs {}\n", symbol, format_iso_date(o.as_of),
                     unique.back().shares, o.shares);
        continue;
      }
      unique.push_back(o);
    }
    std::vector<ShareObservation> kept;  // without the outliers, for the split detector
    const auto flagged = flag_share_outliers(unique);
    for (const auto& f : flagged) {
      ++outliers;
      fmt::print("  outlier {} {} {}: {}\n", symbol, to_string(f.kind),
                 format_iso_date(f.observation.as_of), f.reason);
    }
    std::copy_if(unique.begin(), unique.end(), std::back_inserter(kept), [&](const auto& o) {
      return std::none_of(flagged.begin(), flagged.end(),
                          [&](const auto& f) { return f.observation.as_of == o.as_of; });
    });
    for (const auto& s : detect_splits(kept)) {
      ++splits;
      fmt::print("  split {} {:g} ({:.3f}) between {} and {}{}\n", symbol, s.ratio,
                 s.observed_ratio, format_iso_date(s.last_before), format_iso_date(s.first_after),
                 s.confirmed ? "" : " (unconfirmed)");
    }
  }
  fmt::print("{}: {} observations, {} repeated dates, {} outliers, {} splits\n", name, all.size(),
             repeats, outliers, splits);
}

TEST(ReferenceSharesRealData, DISABLED_SurveyShares) {
  const auto found = shared("shares");
  if (!found)
    GTEST_SKIP() << "shares"
                 << " is not under " << shared_data();
  const fs::path& full = *found;
  const auto points = import_sec_share_points(full / "POINTS.csv", LoadPolicy::strict);
  print_report(points.report);
  print_checks("POINTS.csv", points.observations);
  const fs::path monthly_file =
      full / "s-koirala__MarketCapBacktest/data/historical_shares_outstanding.csv";
  strict_then_lenient(monthly_file, [](const fs::path& p, LoadPolicy l) {
    return import_yahoo_monthly_shares(p, l);
  });
  const auto monthly = import_yahoo_monthly_shares(monthly_file, LoadPolicy::lenient);
  print_checks("Yahoo monthly", monthly.observations);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(full / "hamletj__finance_assistant/data"))
    files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<ShareObservation> fmp;
  std::size_t strict_failures = 0, rows = 0, loaded = 0;
  for (const auto& file : files) {
    try {
      (void)import_fmp_quarterly_shares(file, date(2025, 6, 30), LoadPolicy::strict);
    } catch (const Error& error) {
      ++strict_failures;
      fmt::print("  STRICT FAILED {}\n", error.what());
    }
    auto imported = import_fmp_quarterly_shares(file, date(2025, 6, 30), LoadPolicy::lenient);
    rows += imported.report.rows_read;
    loaded += imported.report.rows_loaded;
    fmp.insert(fmp.end(), imported.observations.begin(), imported.observations.end());
  }
  fmt::print("FMP: {} files, {} fail strict, {} rows read, {} loaded\n", files.size(),
             strict_failures, rows, loaded);
  print_checks("FMP quarterly", fmp);
}

}  // namespace
}  // namespace marketshock::io
