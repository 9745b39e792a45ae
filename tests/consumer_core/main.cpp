// Uses the core layer alone, through the installed headers and library.
#include <marketshock/core/market_value.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdio>

int main() {
  using boost::gregorian::date;
  const auto& nyse = marketshock::TradingCalendar::nyse();
  const bool closed_for_carter = !nyse.is_session(date(2025, 1, 9));
  const auto traded = marketshock::SplitBasis::point_in_time();
  const double value = marketshock::market_value(marketshock::Price(118.42, traded),
                                                 marketshock::ShareCount(24.49e9, traded));
  const bool ok = closed_for_carter && value > 2.9e12 && value < 2.91e12;
  std::printf("consumer_core %s\n", ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
