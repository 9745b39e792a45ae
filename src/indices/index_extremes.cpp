#include <marketshock/indices/index_extremes.hpp>

#include <marketshock/core/require.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

namespace marketshock::indices {

IndexExtremes index_extremes(const DailyBars& levels, boost::gregorian::date session,
                             boost::gregorian::date previous_session) {
  const auto row = levels.find(session);
  const auto previous_row = levels.find(previous_session);
  MARKETSHOCK_REQUIRE(row.has_value(), "{} has no level on {}", levels.symbol(),
                      boost::gregorian::to_iso_extended_string(session));
  MARKETSHOCK_REQUIRE(previous_row.has_value(), "{} has no level on {}", levels.symbol(),
                      boost::gregorian::to_iso_extended_string(previous_session));
  IndexExtremes out;
  out.session = session;
  out.previous_session = previous_session;
  out.previous_close = levels.close()[*previous_row];
  out.open = levels.open()[*row];
  out.low = levels.low()[*row];
  out.high = levels.high()[*row];
  out.close = levels.close()[*row];
  out.open_return = out.open / out.previous_close - 1.0;
  out.low_return = out.low / out.previous_close - 1.0;
  out.high_return = out.high / out.previous_close - 1.0;
  out.close_return = out.close / out.previous_close - 1.0;
  return out;
}

}  // namespace marketshock::indices
