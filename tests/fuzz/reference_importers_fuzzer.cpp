// libFuzzer target: the reference and share importers (S&P 500 intervals and changes, constituent
// tables, snapshot quotes, SEC, Yahoo and FMP share counts), and the checks run on what they
// return. The first byte picks the importer; the rest is the file. Bad input may only raise
// ParseError or DataError, and strict and lenient loads agree.
#include "fuzz_support.hpp"

#include <marketshock/io/vendor/constituents.hpp>
#include <marketshock/io/vendor/index_membership.hpp>
#include <marketshock/io/vendor/share_counts.hpp>
#include <marketshock/io/vendor/share_series_checks.hpp>
#include <marketshock/io/vendor/snapshot_quotes.hpp>
#include <marketshock/io/vendor/sp500_membership.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace marketshock;
using namespace marketshock::io;
using boost::gregorian::date;

// Runs what the dataset build runs on share observations; none of it may throw.
void check_share_series(const std::vector<ShareObservation>& observations) {
  for (auto& [symbol, series] : share_series_by_symbol(observations)) {
    // The checks want strictly increasing dates; the importers keep repeated dates (the SEC file
    // repeats counts from a second source), so keep the first of each date.
    std::vector<ShareObservation> distinct;
    for (const ShareObservation& o : series) {
      if (distinct.empty() || distinct.back().as_of < o.as_of) distinct.push_back(o);
    }
    (void)flag_share_outliers(distinct);
    (void)detect_splits(distinct);
  }
}

// Imports `text` with the importer `selector` picks, checks its output and returns its report.
LoadReport import(std::uint8_t selector, const std::string& text, LoadPolicy policy) {
  auto reader = CsvReader::from_string(text, selector % 9 == 8 ? "NVDA.csv" : "fuzz.csv");
  switch (selector % 9) {
    case 0: {
      auto result = import_sp500_intervals(reader, policy);
      (void)members_on(result.intervals, date(2025, 1, 27));
      return result.report;
    }
    case 1: {
      auto result = import_sp500_changes(reader, policy);
      const std::vector<MembershipInterval> none;
      (void)compare_intervals_with_changes(none, result.changes);
      return result.report;
    }
    case 2:
      return import_sp500_constituents(reader, policy).report;
    case 3:
      return import_ndx_constituents(reader, policy).report;
    case 4: {
      auto result = import_yahoo_financials_snapshot(reader, date(2025, 2, 1), policy);
      for (const SnapshotQuote& quote : result.quotes) (void)implied_share_count(quote);
      return result.report;
    }
    case 5:
      return import_kaggle_sp500_snapshot(reader, date(2024, 12, 20), policy).report;
    case 6: {
      auto result = import_sec_share_points(reader, policy);
      check_share_series(result.observations);
      return result.report;
    }
    case 7: {
      auto result = import_yahoo_monthly_shares(reader, policy);
      check_share_series(result.observations);
      return result.report;
    }
    default: {
      auto result = import_fmp_quarterly_shares(reader, date(2025, 6, 30), policy);
      check_share_series(result.observations);
      return result.report;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  const std::string text = fuzz::as_text(data + 1, size - 1);
  std::optional<LoadReport> strict_report;
  std::optional<LoadReport> lenient_report;
  const auto strict = fuzz::refuse_only_bad_input(
      [&] { strict_report = import(selector, text, LoadPolicy::strict); });
  const auto lenient = fuzz::refuse_only_bad_input(
      [&] { lenient_report = import(selector, text, LoadPolicy::lenient); });
  if (strict_report) fuzz::check_report(*strict_report);
  if (lenient_report) fuzz::check_report(*lenient_report);
  fuzz::check_policies_agree(strict, lenient, lenient_report);
  return 0;
}
