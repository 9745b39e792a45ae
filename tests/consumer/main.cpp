// Uses one piece of each layer through the installed headers and libraries.
#include <marketshock/core/market_value.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/indices/breadth.hpp>
#include <marketshock/report/text_table.hpp>
#include <marketshock/version.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdio>
#include <vector>

int main() {
  using boost::gregorian::date;
  const auto& nyse = marketshock::TradingCalendar::nyse();
  const bool closed_for_carter = !nyse.is_session(date(2025, 1, 9));
  const auto traded = marketshock::SplitBasis::point_in_time();
  const double value = marketshock::market_value(marketshock::Price(118.42, traded),
                                                 marketshock::ShareCount(24.49e9, traded));
  const std::vector<double> returns{-0.17, 0.03};
  const auto b = marketshock::indices::breadth(returns);
  marketshock::report::TextTable table({{"k"}, {"v"}});
  table.add_row({"version", std::string(marketshock::kVersion)});
  std::printf("%s", table.render().c_str());
  const bool ok = closed_for_carter && value > 2.9e12 && value < 2.91e12 && b.decliners == 1;
  std::printf("consumer %s\n", ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
