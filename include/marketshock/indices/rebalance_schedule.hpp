/// \file rebalance_schedule.hpp
/// \brief The Nasdaq-100 quarterly rebalance dates: effective after the third Friday of March,
/// June, September and December, with weights from the prior month's last session.
#pragma once

#include <marketshock/core/trading_calendar.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <vector>

namespace marketshock::indices {

/// One quarterly rebalance.
struct Rebalance {
  /// The session whose closes and share counts set the weights: the last session of the month
  /// before the rebalance month (2024-11-29 for December 2024).
  boost::gregorian::date reference;
  /// The last session before `effective` (normally the third Friday, 2024-12-20): the last
  /// closes before the new weights apply.
  boost::gregorian::date eve;
  /// The first session on the new weights: the session after the third Friday (2024-12-23).
  boost::gregorian::date effective;

  friend bool operator==(const Rebalance&, const Rebalance&) = default;
};

/// Every quarterly rebalance whose effective session lies in [from, to], in order. A third
/// Friday that is a holiday still counts (the rebalance is effective after the session before
/// it). Throws InvalidArgument when from > to or either is outside the calendar's range.
[[nodiscard]] std::vector<Rebalance> nasdaq100_rebalances(const TradingCalendar& calendar,
                                                          boost::gregorian::date from,
                                                          boost::gregorian::date to);

}  // namespace marketshock::indices
