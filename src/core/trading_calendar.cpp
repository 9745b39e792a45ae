#include <marketshock/core/trading_calendar.hpp>

#include <marketshock/core/require.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <tuple>
#include <utility>

namespace marketshock {
namespace {

namespace bg = boost::gregorian;
using bg::date;

constexpr int kFirstYear = 1990;
constexpr int kLastYear = 2030;

std::string iso(date day) {
  if (day.is_not_a_date()) return "not-a-date-time";
  if (day.is_special()) return day.is_pos_infinity() ? "+infinity" : "-infinity";
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()),
                     static_cast<int>(day.month()), static_cast<int>(day.day()));
}

date make_date(int year, int month, int day) {
  return {static_cast<unsigned short>(year), static_cast<unsigned short>(month),
          static_cast<unsigned short>(day)};
}

bool is_weekend(date day) {
  const auto weekday = day.day_of_week();
  return weekday == bg::Saturday || weekday == bg::Sunday;
}

/// NYSE Rule 7.2: a holiday on a Saturday closes the Friday before, one on a Sunday the Monday
/// after.
date observed(date holiday) {
  if (holiday.day_of_week() == bg::Saturday) return holiday - bg::days(1);
  if (holiday.day_of_week() == bg::Sunday) return holiday + bg::days(1);
  return holiday;
}

/// Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus, Jones, Butcher).
date easter_sunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return make_date(year, month, day);
}

/// The weekdays of `year` closed for a regular NYSE holiday, with the holiday's name. A holiday
/// that falls on a weekend and is not moved to a weekday closes nothing and is not listed.
std::vector<std::pair<date, std::string_view>> regular_holidays(int year) {
  using Nth = bg::nth_day_of_the_week_in_month;
  using Last = bg::last_day_of_the_week_in_month;
  const auto y = static_cast<unsigned short>(year);
  std::vector<std::pair<date, std::string_view>> out;
  const auto add = [&out](date day, std::string_view name) {
    if (!is_weekend(day)) out.emplace_back(day, name);
  };

  // New Year's Day, January 1; on a Sunday the Monday after. On a Saturday nothing closes: the
  // year-end Friday (e.g. 2010-12-31, 2021-12-31) stays a session, as NYSE Rule 7.2 allows.
  const date new_year(y, bg::Jan, 1);
  add(new_year.day_of_week() == bg::Sunday ? new_year + bg::days(1) : new_year, "New Year's Day");
  // Martin Luther King Jr. Day, third Monday of January; the NYSE closes for it since 1998.
  if (year >= 1998) {
    add(Nth(Nth::third, bg::Monday, bg::Jan).get_date(y), "Martin Luther King Jr. Day");
  }
  // Washington's Birthday (Presidents' Day), third Monday of February.
  add(Nth(Nth::third, bg::Monday, bg::Feb).get_date(y), "Washington's Birthday");
  // Good Friday, two days before Easter Sunday; not a federal holiday, but the NYSE has closed
  // on it every year of the range.
  add(easter_sunday(year) - bg::days(2), "Good Friday");
  // Memorial Day, last Monday of May.
  add(Last(bg::Monday, bg::May).get_date(y), "Memorial Day");
  // Juneteenth, June 19, observed; a federal holiday from 2021, closing the NYSE from 2022.
  if (year >= 2022) {
    add(observed(bg::partial_date(19, bg::Jun).get_date(y)),
        "Juneteenth National Independence Day");
  }
  // Independence Day, July 4, observed.
  add(observed(bg::partial_date(4, bg::Jul).get_date(y)), "Independence Day");
  // Labor Day, first Monday of September.
  add(Nth(Nth::first, bg::Monday, bg::Sep).get_date(y), "Labor Day");
  // Thanksgiving Day, fourth Thursday of November.
  add(Nth(Nth::fourth, bg::Thursday, bg::Nov).get_date(y), "Thanksgiving Day");
  // Christmas Day, December 25, observed.
  add(observed(bg::partial_date(25, bg::Dec).get_date(y)), "Christmas Day");
  return out;
}

struct DatedClosure {
  int year;
  int month;
  int day;
  std::string_view name;
};

/// Unscheduled full-day closures of 1990-2030. Every one is in QuantLib's NYSE calendar
/// (ql/time/calendars/unitedstates.cpp, NyseImpl::isBusinessDay, "Special closings"), in
/// pandas_market_calendars (holidays/nyse.py, after the NYSE's "Closings" history PDF) and in
/// exchange_calendars (us_holidays.py: September11Closings, HurricaneSandyClosings,
/// USNationalDaysofMourning); 2025-01-09 as the NYSE announced it after President Carter's death
/// on 2024-12-29 (QuantLib versions before it lack the day). Checked day by day for 1990-2030:
/// the closed weekdays of this calendar and of QuantLib's rules are the same (the test lists
/// them year by year).
constexpr std::array kSpecialClosures{
    DatedClosure{1994, 4, 27, "Funeral of former President Richard Nixon"},
    DatedClosure{2001, 9, 11, "September 11 attacks"},
    DatedClosure{2001, 9, 12, "September 11 attacks"},
    DatedClosure{2001, 9, 13, "September 11 attacks"},
    DatedClosure{2001, 9, 14, "September 11 attacks"},
    DatedClosure{2004, 6, 11, "National day of mourning for former President Ronald Reagan"},
    DatedClosure{2007, 1, 2, "National day of mourning for former President Gerald Ford"},
    DatedClosure{2012, 10, 29, "Hurricane Sandy"},
    DatedClosure{2012, 10, 30, "Hurricane Sandy"},
    DatedClosure{2018, 12, 5, "National day of mourning for former President George H.W. Bush"},
    DatedClosure{2025, 1, 9, "National day of mourning for former President Jimmy Carter"},
};

/// A calendar day written as data, so that the tables below read as dates.
struct Ymd {
  int year;
  int month;
  int day;
};

/// Scheduled early closes. QuantLib does not model early closes; the sources are
/// pandas_market_calendars (holidays/nyse.py, after the NYSE's "Closings" history PDF),
/// exchange_calendars (exchange_calendar_xnys.py, special_closes and special_closes_adhoc) and
/// the NYSE's published holiday schedules (2012-2016 as republished at the time; 2019-2026
/// checked when this table was written). Before 1993 they were at 14:00, since at 13:00. Patterns:
/// the day after Thanksgiving (since 1992); Christmas Eve on a Monday to Thursday (1990-1992,
/// 1996-1998 and since 1999); July 3 on a Monday, Tuesday or Thursday (since 1995) or on a
/// Wednesday (since 2013), July 5 on a Friday (1996-2012); December 26 in 1997 and 2003 (both
/// Fridays after a Thursday Christmas; not 2008 nor 2014, which traded a full day, as the
/// exchange_calendars XNYS notes say). Dated exceptions:
/// - 1999-12-31, 13:00, for the year-2000 changeover: the NYSE board approved it on 1999-04-06
///   (NYSE press release "The New York Stock Exchange Defers Off-Hours Trading Until Second Half
///   2000"); exchange_calendars lists it, pandas_market_calendars marks it "disputed, not in
///   reference source". This table lacked it until issue #14.
/// Years after 2026 follow the pattern.
// clang-format off
constexpr std::array kEarlyCloses{
    Ymd{1990, 12, 24},
    Ymd{1991, 12, 24},
    Ymd{1992, 11, 27}, Ymd{1992, 12, 24},
    Ymd{1993, 11, 26},
    Ymd{1994, 11, 25},
    Ymd{1995, 7, 3}, Ymd{1995, 11, 24},
    Ymd{1996, 7, 5}, Ymd{1996, 11, 29}, Ymd{1996, 12, 24},
    Ymd{1997, 7, 3}, Ymd{1997, 11, 28}, Ymd{1997, 12, 24}, Ymd{1997, 12, 26},
    Ymd{1998, 11, 27}, Ymd{1998, 12, 24},
    Ymd{1999, 11, 26}, Ymd{1999, 12, 31},
    Ymd{2000, 7, 3}, Ymd{2000, 11, 24},
    Ymd{2001, 7, 3}, Ymd{2001, 11, 23}, Ymd{2001, 12, 24},
    Ymd{2002, 7, 5}, Ymd{2002, 11, 29}, Ymd{2002, 12, 24},
    Ymd{2003, 7, 3}, Ymd{2003, 11, 28}, Ymd{2003, 12, 24}, Ymd{2003, 12, 26},
    Ymd{2004, 11, 26},
    Ymd{2005, 11, 25},
    Ymd{2006, 7, 3}, Ymd{2006, 11, 24},
    Ymd{2007, 7, 3}, Ymd{2007, 11, 23}, Ymd{2007, 12, 24},
    Ymd{2008, 7, 3}, Ymd{2008, 11, 28}, Ymd{2008, 12, 24},
    Ymd{2009, 11, 27}, Ymd{2009, 12, 24},
    Ymd{2010, 11, 26},
    Ymd{2011, 11, 25},
    Ymd{2012, 7, 3}, Ymd{2012, 11, 23}, Ymd{2012, 12, 24},
    Ymd{2013, 7, 3}, Ymd{2013, 11, 29}, Ymd{2013, 12, 24},
    Ymd{2014, 7, 3}, Ymd{2014, 11, 28}, Ymd{2014, 12, 24},
    Ymd{2015, 11, 27}, Ymd{2015, 12, 24},
    Ymd{2016, 11, 25},
    Ymd{2017, 7, 3}, Ymd{2017, 11, 24},
    Ymd{2018, 7, 3}, Ymd{2018, 11, 23}, Ymd{2018, 12, 24},
    Ymd{2019, 7, 3}, Ymd{2019, 11, 29}, Ymd{2019, 12, 24},
    Ymd{2020, 11, 27}, Ymd{2020, 12, 24},
    Ymd{2021, 11, 26},
    Ymd{2022, 11, 25},
    Ymd{2023, 7, 3}, Ymd{2023, 11, 24},
    Ymd{2024, 7, 3}, Ymd{2024, 11, 29}, Ymd{2024, 12, 24},
    Ymd{2025, 7, 3}, Ymd{2025, 11, 28}, Ymd{2025, 12, 24},
    Ymd{2026, 11, 27}, Ymd{2026, 12, 24},
    Ymd{2027, 11, 26},
    Ymd{2028, 7, 3}, Ymd{2028, 11, 24},
    Ymd{2029, 7, 3}, Ymd{2029, 11, 23}, Ymd{2029, 12, 24},
    Ymd{2030, 7, 3}, Ymd{2030, 11, 29}, Ymd{2030, 12, 24},
};
// clang-format on

constexpr bool ascending(const Ymd& a, const Ymd& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}
static_assert(std::is_sorted(kEarlyCloses.begin(), kEarlyCloses.end(), ascending));

}  // namespace

const TradingCalendar& TradingCalendar::nyse() {
  static const TradingCalendar calendar;
  return calendar;
}

date TradingCalendar::first_supported_date() {
  return make_date(kFirstYear, 1, 1);
}

date TradingCalendar::last_supported_date() {
  return make_date(kLastYear, 12, 31);
}

TradingCalendar::TradingCalendar() {
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    for (auto& [day, name] : regular_holidays(year)) closures_.push_back({day, std::string(name)});
  }
  for (const auto& special : kSpecialClosures) {
    closures_.push_back(
        {make_date(special.year, special.month, special.day), std::string(special.name)});
  }
  std::sort(closures_.begin(), closures_.end(),
            [](const Closure& a, const Closure& b) { return a.day < b.day; });

  const date first = first_supported_date();
  const auto day_count = static_cast<std::size_t>((last_supported_date() - first).days()) + 1;
  sessions_before_.reserve(day_count + 1);
  auto closure = closures_.begin();
  for (std::size_t k = 0; k < day_count; ++k) {
    const date day = first + bg::days(static_cast<long>(k));
    sessions_before_.push_back(static_cast<std::int32_t>(sessions_.size()));
    while (closure != closures_.end() && closure->day < day) ++closure;
    const bool closed = closure != closures_.end() && closure->day == day;
    if (!is_weekend(day) && !closed) sessions_.push_back(day);
  }
  sessions_before_.push_back(static_cast<std::int32_t>(sessions_.size()));

  for (const auto& row : kEarlyCloses) {
    const int hour = row.year < 1993 ? 14 : 13;
    early_closes_.push_back(
        {make_date(row.year, row.month, row.day), boost::posix_time::hours(hour)});
  }
}

std::size_t TradingCalendar::day_offset(date day) const {
  MARKETSHOCK_REQUIRE(!day.is_special(), "the NYSE calendar needs a real date, not {}", iso(day));
  MARKETSHOCK_REQUIRE(day >= first_supported_date() && day <= last_supported_date(),
                      "{} is outside the NYSE calendar's supported range {} to {}", iso(day),
                      iso(first_supported_date()), iso(last_supported_date()));
  return static_cast<std::size_t>((day - first_supported_date()).days());
}

bool TradingCalendar::is_session(date day) const {
  const std::size_t k = day_offset(day);
  return sessions_before_[k + 1] > sessions_before_[k];
}

date TradingCalendar::next_session(date day) const {
  const auto next = static_cast<std::size_t>(sessions_before_[day_offset(day) + 1]);
  MARKETSHOCK_REQUIRE(next < sessions_.size(),
                      "no NYSE session after {} within the supported range (last session {})",
                      iso(day), iso(sessions_.back()));
  return sessions_[next];
}

date TradingCalendar::previous_session(date day) const {
  const auto before = static_cast<std::size_t>(sessions_before_[day_offset(day)]);
  MARKETSHOCK_REQUIRE(before > 0,
                      "no NYSE session before {} within the supported range (first session {})",
                      iso(day), iso(sessions_.front()));
  return sessions_[before - 1];
}

std::vector<date> TradingCalendar::sessions_between(date from, date to) const {
  const std::size_t first = day_offset(from);
  const std::size_t last = day_offset(to);
  MARKETSHOCK_REQUIRE(first <= last, "sessions_between: from {} is after to {}", iso(from),
                      iso(to));
  return {sessions_.begin() + sessions_before_[first],
          sessions_.begin() + sessions_before_[last + 1]};
}

std::size_t TradingCalendar::session_count(date from, date to) const {
  const std::size_t first = day_offset(from);
  const std::size_t last = day_offset(to);
  MARKETSHOCK_REQUIRE(first <= last, "session_count: from {} is after to {}", iso(from), iso(to));
  return static_cast<std::size_t>(sessions_before_[last + 1] - sessions_before_[first]);
}

std::optional<SessionIndex> TradingCalendar::session_index(date day) const {
  const std::size_t k = day_offset(day);
  if (sessions_before_[k + 1] == sessions_before_[k]) return std::nullopt;
  return SessionIndex(sessions_before_[k]);
}

date TradingCalendar::session_at(SessionIndex index) const {
  MARKETSHOCK_REQUIRE(
      index.value() >= 0 && static_cast<std::size_t>(index.value()) < sessions_.size(),
      "session index {} is outside the NYSE calendar's 0 to {}", index.value(),
      sessions_.size() - 1);
  return sessions_[static_cast<std::size_t>(index.value())];
}

std::optional<std::string> TradingCalendar::holiday_name(date day) const {
  static_cast<void>(day_offset(day));  // range check only
  if (is_weekend(day)) return std::nullopt;
  const auto it = std::lower_bound(closures_.begin(), closures_.end(), day,
                                   [](const Closure& c, date d) { return c.day < d; });
  if (it == closures_.end() || it->day != day) return std::nullopt;
  return it->name;
}

SessionIndex TradingCalendar::require_session(date day) const {
  if (const auto index = session_index(day)) return *index;
  const std::string reason = is_weekend(day) ? "weekend" : holiday_name(day).value_or("closed");
  const std::size_t k = day_offset(day);
  const auto before = static_cast<std::size_t>(sessions_before_[k]);
  const auto after = static_cast<std::size_t>(sessions_before_[k + 1]);
  const std::string previous = before > 0 ? iso(sessions_[before - 1]) : "none in range";
  const std::string next = after < sessions_.size() ? iso(sessions_[after]) : "none in range";
  throw InvalidArgument(fmt::format("{} is not an NYSE session ({}); previous session {}, next {}",
                                    iso(day), reason, previous, next));
}

const TradingCalendar::EarlyClose* TradingCalendar::find_early_close(date day) const {
  static_cast<void>(day_offset(day));  // range check only
  const auto it = std::lower_bound(early_closes_.begin(), early_closes_.end(), day,
                                   [](const EarlyClose& e, date d) { return e.day < d; });
  return it != early_closes_.end() && it->day == day ? &*it : nullptr;
}

bool TradingCalendar::is_early_close(date day) const {
  return find_early_close(day) != nullptr;
}

std::optional<boost::posix_time::time_duration> TradingCalendar::early_close_time(date day) const {
  if (const EarlyClose* early = find_early_close(day)) return early->close;
  return std::nullopt;
}

}  // namespace marketshock
