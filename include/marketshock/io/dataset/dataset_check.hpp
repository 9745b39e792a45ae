/// \file dataset_check.hpp
/// \brief check_dataset: the consistency checks of `marketshock dataset check`.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/io/dataset/metadata.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace marketshock::io {

/// ok: holds. gap: does not hold for reasons the data explains (a source that ends early, a
/// security no source has share counts for), each listed. failed: an inconsistency.
enum class CheckVerdict { ok, gap, failed };

/// "ok", "gap" or "FAILED".
[[nodiscard]] std::string_view to_string(CheckVerdict verdict) noexcept;

/// One named check with its verdict and what it found (at most a few examples).
struct CheckResult {
  std::string name;
  CheckVerdict verdict = CheckVerdict::failed;
  std::string detail;
};

/// Coverage of one index's members on the membership date.
struct IndexCoverage {
  std::string index;
  std::size_t members = 0;
  std::size_t with_window_bars = 0;   ///< every window session present
  std::size_t with_event_shares = 0;  ///< a share count in force on every event-window session
  std::vector<std::string> missing;   ///< members lacking bars or shares, with the reason
};

/// Everything `dataset check` reports.
struct DatasetCheckReport {
  std::vector<CheckResult> checks;
  std::vector<IndexCoverage> coverage;
  /// True when no check failed (gaps are allowed: they are explained and listed).
  [[nodiscard]] bool passed() const noexcept;
};

/// What the checks expect of one dataset. Nothing has a default: the expectations belong to the
/// dataset (whoever builds it knows them), not to the library.
struct DatasetExpectations {
  /// The day whose index members are counted and need bars and share counts.
  boost::gregorian::date membership_date;
  /// Member lines (share classes, not companies) expected on `membership_date`, by index id
  /// (IndexMembership::id()). An index of the dataset that is not listed is counted, not checked.
  std::map<std::string, std::size_t> members;
  /// The sessions around the event, inclusive, on each of which every member needs a share count.
  boost::gregorian::date event_from;
  boost::gregorian::date event_to;
};

/// Runs every check:
/// - each bar date (securities and index levels) is a session of `calendar` (else failed);
/// - between a series' first and last bar, every session has a bar (else failed);
/// - every member on the membership date has a bar on every window session (metadata window);
///   a series that starts after the window opens or ends before it closes is a gap;
/// - every such member has a share count in force on every event-window session; a member
///   with no count at all is a gap, one with counts that miss event sessions failed;
/// - membership counts on the membership date equal `expected.members` (else failed).
/// Row order, duplicates, OHLC consistency, plausibility bounds and bar dates on sessions are
/// enforced when a dataset is loaded (load_dataset()); the session check here also covers data
/// built in memory. A lenient load's skipped rows are not a check: `dataset check` reports them
/// and does not pass when there are any.
/// \throws InvalidArgument when `expected` lacks a date or its event window ends before it starts.
[[nodiscard]] DatasetCheckReport check_dataset(const MarketData& data,
                                               const DatasetMetadata& metadata,
                                               const TradingCalendar& calendar,
                                               const DatasetExpectations& expected);

}  // namespace marketshock::io
