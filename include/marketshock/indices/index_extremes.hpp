/// \file index_extremes.hpp
/// \brief IndexExtremes: an index's open, low and high of one session against the prior close
/// ("fell as much as 2.3%").
#pragma once

#include <marketshock/core/daily_bars.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace marketshock::indices {

/// One session of an index level series against the previous session's close. Levels in index
/// points, returns as fractions; open, low and high (and their returns) are NaN when the source
/// gave none.
struct IndexExtremes {
  boost::gregorian::date session;
  boost::gregorian::date previous_session;
  double previous_close = 0.0;
  double open = 0.0;
  double low = 0.0;
  double high = 0.0;
  double close = 0.0;
  double open_return = 0.0;
  /// low / previous close - 1: the deepest intraday fall.
  double low_return = 0.0;
  /// high / previous close - 1.
  double high_return = 0.0;
  double close_return = 0.0;
};

/// The extremes of `levels` on `session` against its close on `previous_session`. Throws
/// InvalidArgument naming the series when either date has no level.
[[nodiscard]] IndexExtremes index_extremes(const DailyBars& levels, boost::gregorian::date session,
                                           boost::gregorian::date previous_session);

}  // namespace marketshock::indices
