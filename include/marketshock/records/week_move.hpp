/// \file week_move.hpp
/// \brief WeekMove: a security's calendar-week change, and the latest earlier week beyond it
/// ("the worst week since September 2022").
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/valuation.hpp>
#include <marketshock/records/move_measure.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace marketshock::records {

/// One calendar week of one security: from the close before the week (the previous session's,
/// normally the Friday before, or Thursday when Friday was a holiday) to the close of the week's
/// last bar. Weeks run Monday to Friday; holidays simply have no bar. Returns are fractions,
/// money USD; market-value fields are NaN unless `market_value_status` is `available`.
struct WeekMove {
  /// The Monday of the week (even when Monday was a holiday).
  boost::gregorian::date week_start;
  /// The last bar before the week: the base of the change.
  boost::gregorian::date base_date;
  /// The week's last bar.
  boost::gregorian::date last_date;
  /// Bars in the week.
  std::size_t sessions = 0;
  /// True when last_date is the week's last NYSE session (false for a week still in progress at
  /// the end of the data, or a security halted at the end of the week).
  bool complete = false;
  /// The closes as the bars show them.
  double base_close = 0.0;
  double close = 0.0;
  /// close / base close - 1, across splits (an as-traded base close is restated first).
  double close_return = 0.0;
  ValuationStatus market_value_status = ValuationStatus::available;
  /// base close x shares on base_date, close x shares on last_date, and their difference.
  double base_market_value_usd = 0.0;
  double market_value_usd = 0.0;
  double market_value_change_usd = 0.0;

  /// close_return for Measure::percent, market_value_change_usd for Measure::usd.
  [[nodiscard]] double value(Measure measure) const noexcept {
    return measure == Measure::percent ? close_return : market_value_change_usd;
  }
};

/// The Monday on or before `day`: the start of the Monday-to-Sunday week holding `day`.
[[nodiscard]] boost::gregorian::date monday_of(boost::gregorian::date day);

/// The week of `security` holding `day` (any date; a weekend date belongs to the week before it).
/// Empty when the security has no bar that week, or none before it (no base). O(log n).
[[nodiscard]] std::optional<WeekMove> week_move(const Valuation& valuation, SecurityId id,
                                                boost::gregorian::date day);

/// Every week of `security` that has a bar and a base, in date order. O(n).
[[nodiscard]] std::vector<WeekMove> weekly_moves(const Valuation& valuation, SecurityId id);

/// Among `weeks` (in date order, as weekly_moves gives them), the latest one that starts before
/// `week` and whose value is strictly beyond it in `direction` (worse for losses, better for
/// gains); ties do not count. Weeks whose value is NaN (USD without shares) are skipped. Empty when
/// no earlier week in the data is beyond it: then it is the worst (best) week of the data.
/// O(log w + scanned weeks).
[[nodiscard]] std::optional<WeekMove> latest_week_beyond(std::span<const WeekMove> weeks,
                                                         const WeekMove& week, Direction direction,
                                                         Measure measure);

/// A week with its place in the security's own history: it is the worst week since
/// `latest_worse` (or of all the data when empty), and the best since `latest_better`.
struct WeekInHistory {
  WeekMove week;
  std::optional<WeekMove> latest_worse;
  std::optional<WeekMove> latest_better;
};

/// The week of `security` holding `day`, compared with its earlier weeks by `measure`. Throws
/// InvalidArgument when the security has no bar that week or none before it. O(n).
[[nodiscard]] WeekInHistory week_in_history(const Valuation& valuation, SecurityId id,
                                            boost::gregorian::date day,
                                            Measure measure = Measure::percent);

/// The same for `symbol` and the week holding `session`. Throws InvalidArgument for an unknown
/// symbol (suggesting close matches) and for a date that is not an NYSE session (naming the
/// sessions before and after).
[[nodiscard]] WeekInHistory week_in_history(const MarketData& data, std::string_view symbol,
                                            boost::gregorian::date session,
                                            Measure measure = Measure::percent);

}  // namespace marketshock::records
