/// \file move_path.hpp
/// \brief MovePath: a security's day-by-day path over several sessions, with cumulative change.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/records/daily_move.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <string_view>
#include <vector>

namespace marketshock::records {

/// One day of a path: that day's move and the change accumulated since the path's base.
struct PathDay {
  DailyMove move;
  /// close / base close - 1, across splits (the product of the daily 1 + close_return).
  double cumulative_return = 0.0;
  /// market value - base market value, USD; NaN when either lacks a share count.
  double cumulative_change_usd = 0.0;
};

/// The path of one security from the close before `from` to the close of `to`: "fell 17% on
/// Monday, then ...". Returns are fractions, money USD.
struct MovePath {
  Symbol symbol;
  /// The bar the path is measured from: the last bar before the first day of the path.
  boost::gregorian::date base_date;
  /// The base close, and the base market value (NaN without a share count on base_date, or for
  /// dividend-adjusted bars).
  double base_close = 0.0;
  double base_market_value_usd = 0.0;
  /// One entry per bar in the range, in date order (never empty).
  std::vector<PathDay> days;

  /// Cumulative return over the whole path (that of the last day).
  [[nodiscard]] double total_return() const { return days.back().cumulative_return; }
  /// Cumulative market-value change over the whole path, USD (NaN when unknown).
  [[nodiscard]] double total_change_usd() const { return days.back().cumulative_change_usd; }
};

/// The path of `security` over its bars dated `from` to `to`, both inclusive. Throws
/// InvalidArgument when `from > to`, when no bar falls in the range, or when the first bar in the
/// range is the security's first bar (no base close). O(log n + k log s) for k days.
[[nodiscard]] MovePath move_path(const Valuation& valuation, SecurityId id,
                                 boost::gregorian::date from, boost::gregorian::date to);

/// The path of `symbol` from session `from` to session `to`. Throws InvalidArgument for an
/// unknown symbol (suggesting close matches), for a date that is not an NYSE session (naming the
/// sessions before and after), and in the cases of the overload above.
[[nodiscard]] MovePath move_path(const MarketData& data, std::string_view symbol,
                                 boost::gregorian::date from, boost::gregorian::date to);

}  // namespace marketshock::records
