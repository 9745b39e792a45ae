/// \file daily_move.hpp
/// \brief DailyMove: one security's close-to-close, intraday and market-value move on one session.
#pragma once

#include <marketshock/core/daily_bars.hpp>
#include <marketshock/core/price_basis.hpp>
#include <marketshock/core/step_series.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <vector>

namespace marketshock::records {

/// One session's move against the previous bar. Returns are fractions (-0.1697 is -16.97%);
/// money is USD. Market-value fields are NaN when a share count is missing on either day.
struct DailyMove {
  boost::gregorian::date date;
  double previous_close = 0.0;
  double close = 0.0;
  /// close / previous_close - 1 (close to close).
  double close_return = 0.0;
  /// open / previous_close - 1: the opening gap.
  double open_gap_return = 0.0;
  /// low / previous_close - 1 and high / previous_close - 1: the intraday extremes.
  double intraday_low_return = 0.0;
  double intraday_high_return = 0.0;
  /// Shares in force on this session and on the previous one (same split basis as the bars).
  double shares = 0.0;
  double previous_shares = 0.0;
  /// close x shares, and its change: close x shares - previous close x previous shares.
  double market_value_usd = 0.0;
  double market_value_change_usd = 0.0;
  /// low x shares - previous close x previous shares: the loss at the day's low.
  double intraday_low_change_usd = 0.0;
};

/// The move of every bar after the first. `shares` is effective-dated and on `shares_basis`,
/// which must equal the bars' split basis (throws InvalidArgument otherwise, and for
/// dividend-adjusted bars). A split day compares like with like, so it is never a loss.
[[nodiscard]] std::vector<DailyMove> daily_moves(const DailyBars& bars,
                                                 const StepSeries<double>& shares,
                                                 const SplitBasis& shares_basis);

}  // namespace marketshock::records
