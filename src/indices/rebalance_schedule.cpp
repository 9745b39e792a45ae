#include <marketshock/indices/rebalance_schedule.hpp>

#include <marketshock/core/require.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

namespace marketshock::indices {

std::vector<Rebalance> nasdaq100_rebalances(const TradingCalendar& calendar,
                                            boost::gregorian::date from,
                                            boost::gregorian::date to) {
  namespace g = boost::gregorian;
  MARKETSHOCK_REQUIRE(from <= to, "rebalance range {} to {} is reversed",
                      g::to_iso_extended_string(from), g::to_iso_extended_string(to));
  std::vector<Rebalance> out;
  using third_weekday = g::nth_day_of_the_week_in_month;
  for (int year = from.year() - 1; year <= to.year(); ++year) {
    for (const int month : {3, 6, 9, 12}) {
      const g::date third_friday =
          third_weekday(third_weekday::third, g::Friday, static_cast<unsigned short>(month))
              .get_date(static_cast<unsigned short>(year));
      if (third_friday < TradingCalendar::first_supported_date() ||
          third_friday >= TradingCalendar::last_supported_date()) {
        continue;
      }
      const g::date effective = calendar.next_session(third_friday);
      if (effective < from || effective > to) continue;
      const g::date month_start(static_cast<unsigned short>(year),
                                static_cast<unsigned short>(month), 1);
      out.push_back({calendar.previous_session(month_start), calendar.previous_session(effective),
                     effective});
    }
  }
  return out;
}

}  // namespace marketshock::indices
