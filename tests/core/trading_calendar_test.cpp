#include <marketshock/core/error.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/date_time/gregorian/gregorian.hpp>  // operator<< for test messages

#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace marketshock {
namespace {

using boost::gregorian::date;
using testing::HasSubstr;
using testing::ThrowsMessage;

static_assert(sizeof(SessionIndex) == sizeof(std::int32_t));
static_assert(std::is_trivially_copyable_v<SessionIndex>);
static_assert(std::is_nothrow_constructible_v<SessionIndex, std::int32_t>);
static_assert(!std::is_convertible_v<std::int32_t, SessionIndex>, "explicit construction only");
static_assert(!std::is_convertible_v<SessionIndex, std::int32_t>, "no implicit way back");
static_assert(SessionIndex(3) < SessionIndex(4));
static_assert(SessionIndex(3) + 2 == SessionIndex(5));
static_assert(SessionIndex(7) - SessionIndex(3) == 4);
static_assert(SessionIndex().value() == 0);

date d(int year, int month, int day) {
  return {static_cast<unsigned short>(year), static_cast<unsigned short>(month),
          static_cast<unsigned short>(day)};
}

const TradingCalendar& nyse() {
  return TradingCalendar::nyse();
}

/// Weekdays of `year` on which the exchange was closed.
std::vector<date> closed_weekdays(int year) {
  std::vector<date> out;
  for (date day = d(year, 1, 1); day <= d(year, 12, 31); day += boost::gregorian::days(1)) {
    const auto weekday = day.day_of_week();
    if (weekday == boost::date_time::Saturday || weekday == boost::date_time::Sunday) continue;
    if (!nyse().is_session(day)) out.push_back(day);
  }
  return out;
}

std::vector<date> early_closes(int year) {
  std::vector<date> out;
  for (const date day : nyse().sessions_between(d(year, 1, 1), d(year, 12, 31))) {
    if (nyse().is_early_close(day)) out.push_back(day);
  }
  return out;
}

/// A day of a year's list, {month, day}.
struct MonthDay {
  int month;
  int day;
};

/// One year's expected days, written compactly so that a whole year reads on one line.
struct YearList {
  int year;
  std::vector<MonthDay> days;
};

std::vector<date> dates_of(const YearList& list) {
  std::vector<date> out;
  out.reserve(list.days.size());
  for (const MonthDay& md : list.days) out.push_back(d(list.year, md.month, md.day));
  return out;
}

// Every weekday the NYSE was (or will be, by its rules) closed, 1990-2030, year by year in the
// style of QuantLib's testUSNewYorkStockExchange. Sources: QuantLib's NYSE calendar
// (ql/time/calendars/unitedstates.cpp, NyseImpl::isBusinessDay), whose rules and special
// closings give exactly these days for 1990-2030 once 2025-01-09 (the NYSE's day of mourning for
// President Carter, which that file predates) is added; pandas_market_calendars (holidays/nyse.py)
// and exchange_calendars (us_holidays.py, exchange_calendar_xnys.py) agree. Special closures:
// 1994-04-27 (Nixon), 2001-09-11..14, 2004-06-11 (Reagan), 2007-01-02 (Ford), 2012-10-29..30
// (Sandy), 2018-12-05 (G. H. W. Bush), 2025-01-09 (Carter). New Year's Day on a Saturday closes
// nothing (1994, 2000, 2005, 2011, 2022, 2028: NYSE Rule 7.2, the year-end is an accounting
// period); MLK Day from 1998; Juneteenth from 2022.
TEST(TradingCalendar, ClosedWeekdaysEveryYear1990To2030) {
  // clang-format off
  const std::vector<YearList> expected{
      {1990, {{1, 1}, {2, 19}, {4, 13}, {5, 28}, {7, 4}, {9, 3}, {11, 22}, {12, 25}}},
      {1991, {{1, 1}, {2, 18}, {3, 29}, {5, 27}, {7, 4}, {9, 2}, {11, 28}, {12, 25}}},
      {1992, {{1, 1}, {2, 17}, {4, 17}, {5, 25}, {7, 3}, {9, 7}, {11, 26}, {12, 25}}},
      {1993, {{1, 1}, {2, 15}, {4, 9}, {5, 31}, {7, 5}, {9, 6}, {11, 25}, {12, 24}}},
      {1994, {{2, 21}, {4, 1}, {4, 27}, {5, 30}, {7, 4}, {9, 5}, {11, 24}, {12, 26}}},
      {1995, {{1, 2}, {2, 20}, {4, 14}, {5, 29}, {7, 4}, {9, 4}, {11, 23}, {12, 25}}},
      {1996, {{1, 1}, {2, 19}, {4, 5}, {5, 27}, {7, 4}, {9, 2}, {11, 28}, {12, 25}}},
      {1997, {{1, 1}, {2, 17}, {3, 28}, {5, 26}, {7, 4}, {9, 1}, {11, 27}, {12, 25}}},
      {1998, {{1, 1}, {1, 19}, {2, 16}, {4, 10}, {5, 25}, {7, 3}, {9, 7}, {11, 26}, {12, 25}}},
      {1999, {{1, 1}, {1, 18}, {2, 15}, {4, 2}, {5, 31}, {7, 5}, {9, 6}, {11, 25}, {12, 24}}},
      {2000, {{1, 17}, {2, 21}, {4, 21}, {5, 29}, {7, 4}, {9, 4}, {11, 23}, {12, 25}}},
      {2001, {{1, 1}, {1, 15}, {2, 19}, {4, 13}, {5, 28}, {7, 4}, {9, 3}, {9, 11}, {9, 12}, {9, 13},
              {9, 14}, {11, 22}, {12, 25}}},
      {2002, {{1, 1}, {1, 21}, {2, 18}, {3, 29}, {5, 27}, {7, 4}, {9, 2}, {11, 28}, {12, 25}}},
      {2003, {{1, 1}, {1, 20}, {2, 17}, {4, 18}, {5, 26}, {7, 4}, {9, 1}, {11, 27}, {12, 25}}},
      {2004, {{1, 1}, {1, 19}, {2, 16}, {4, 9}, {5, 31}, {6, 11}, {7, 5}, {9, 6}, {11, 25},
              {12, 24}}},
      {2005, {{1, 17}, {2, 21}, {3, 25}, {5, 30}, {7, 4}, {9, 5}, {11, 24}, {12, 26}}},
      {2006, {{1, 2}, {1, 16}, {2, 20}, {4, 14}, {5, 29}, {7, 4}, {9, 4}, {11, 23}, {12, 25}}},
      {2007, {{1, 1}, {1, 2}, {1, 15}, {2, 19}, {4, 6}, {5, 28}, {7, 4}, {9, 3}, {11, 22},
              {12, 25}}},
      {2008, {{1, 1}, {1, 21}, {2, 18}, {3, 21}, {5, 26}, {7, 4}, {9, 1}, {11, 27}, {12, 25}}},
      {2009, {{1, 1}, {1, 19}, {2, 16}, {4, 10}, {5, 25}, {7, 3}, {9, 7}, {11, 26}, {12, 25}}},
      {2010, {{1, 1}, {1, 18}, {2, 15}, {4, 2}, {5, 31}, {7, 5}, {9, 6}, {11, 25}, {12, 24}}},
      {2011, {{1, 17}, {2, 21}, {4, 22}, {5, 30}, {7, 4}, {9, 5}, {11, 24}, {12, 26}}},
      {2012, {{1, 2}, {1, 16}, {2, 20}, {4, 6}, {5, 28}, {7, 4}, {9, 3}, {10, 29}, {10, 30},
              {11, 22}, {12, 25}}},
      {2013, {{1, 1}, {1, 21}, {2, 18}, {3, 29}, {5, 27}, {7, 4}, {9, 2}, {11, 28}, {12, 25}}},
      {2014, {{1, 1}, {1, 20}, {2, 17}, {4, 18}, {5, 26}, {7, 4}, {9, 1}, {11, 27}, {12, 25}}},
      {2015, {{1, 1}, {1, 19}, {2, 16}, {4, 3}, {5, 25}, {7, 3}, {9, 7}, {11, 26}, {12, 25}}},
      {2016, {{1, 1}, {1, 18}, {2, 15}, {3, 25}, {5, 30}, {7, 4}, {9, 5}, {11, 24}, {12, 26}}},
      {2017, {{1, 2}, {1, 16}, {2, 20}, {4, 14}, {5, 29}, {7, 4}, {9, 4}, {11, 23}, {12, 25}}},
      {2018, {{1, 1}, {1, 15}, {2, 19}, {3, 30}, {5, 28}, {7, 4}, {9, 3}, {11, 22}, {12, 5},
              {12, 25}}},
      {2019, {{1, 1}, {1, 21}, {2, 18}, {4, 19}, {5, 27}, {7, 4}, {9, 2}, {11, 28}, {12, 25}}},
      {2020, {{1, 1}, {1, 20}, {2, 17}, {4, 10}, {5, 25}, {7, 3}, {9, 7}, {11, 26}, {12, 25}}},
      {2021, {{1, 1}, {1, 18}, {2, 15}, {4, 2}, {5, 31}, {7, 5}, {9, 6}, {11, 25}, {12, 24}}},
      {2022, {{1, 17}, {2, 21}, {4, 15}, {5, 30}, {6, 20}, {7, 4}, {9, 5}, {11, 24}, {12, 26}}},
      {2023, {{1, 2}, {1, 16}, {2, 20}, {4, 7}, {5, 29}, {6, 19}, {7, 4}, {9, 4}, {11, 23},
              {12, 25}}},
      {2024, {{1, 1}, {1, 15}, {2, 19}, {3, 29}, {5, 27}, {6, 19}, {7, 4}, {9, 2}, {11, 28},
              {12, 25}}},
      {2025, {{1, 1}, {1, 9}, {1, 20}, {2, 17}, {4, 18}, {5, 26}, {6, 19}, {7, 4}, {9, 1}, {11, 27},
              {12, 25}}},
      {2026, {{1, 1}, {1, 19}, {2, 16}, {4, 3}, {5, 25}, {6, 19}, {7, 3}, {9, 7}, {11, 26},
              {12, 25}}},
      {2027, {{1, 1}, {1, 18}, {2, 15}, {3, 26}, {5, 31}, {6, 18}, {7, 5}, {9, 6}, {11, 25},
              {12, 24}}},
      {2028, {{1, 17}, {2, 21}, {4, 14}, {5, 29}, {6, 19}, {7, 4}, {9, 4}, {11, 23}, {12, 25}}},
      {2029, {{1, 1}, {1, 15}, {2, 19}, {3, 30}, {5, 28}, {6, 19}, {7, 4}, {9, 3}, {11, 22},
              {12, 25}}},
      {2030, {{1, 1}, {1, 21}, {2, 18}, {4, 19}, {5, 27}, {6, 19}, {7, 4}, {9, 2}, {11, 28},
              {12, 25}}},
  };
  // clang-format on
  ASSERT_EQ(expected.size(), 41U);
  for (const YearList& year : expected) {
    EXPECT_EQ(closed_weekdays(year.year), dates_of(year)) << year.year;
  }
}

// Every scheduled early close, 1990-2030, year by year (QuantLib models none). Sources:
// pandas_market_calendars (holidays/nyse.py, after the NYSE's "Closings" history PDF: the day
// after Thanksgiving from 1992, Christmas Eve 1990-1992 at 14:00 and 1996-1998 at 13:00, July 3
// from 1995, July 5 on Fridays 1996-2012, 1997-12-26 and 2003-12-26 after Thursday Christmases),
// exchange_calendars (exchange_calendar_xnys.py, the same plus 1999-12-31), and the NYSE's
// holiday schedules (2012-2016 as republished then; 2019-2026 checked when the table was
// written). Years after 2026 follow the rules. 1999-12-31 was missing here before issue #14.
TEST(TradingCalendar, EarlyClosesEveryYear1990To2030) {
  // clang-format off
  const std::vector<YearList> expected{
      {1990, {{12, 24}}},
      {1991, {{12, 24}}},
      {1992, {{11, 27}, {12, 24}}},
      {1993, {{11, 26}}},
      {1994, {{11, 25}}},
      {1995, {{7, 3}, {11, 24}}},
      {1996, {{7, 5}, {11, 29}, {12, 24}}},
      {1997, {{7, 3}, {11, 28}, {12, 24}, {12, 26}}},
      {1998, {{11, 27}, {12, 24}}},
      {1999, {{11, 26}, {12, 31}}},
      {2000, {{7, 3}, {11, 24}}},
      {2001, {{7, 3}, {11, 23}, {12, 24}}},
      {2002, {{7, 5}, {11, 29}, {12, 24}}},
      {2003, {{7, 3}, {11, 28}, {12, 24}, {12, 26}}},
      {2004, {{11, 26}}},
      {2005, {{11, 25}}},
      {2006, {{7, 3}, {11, 24}}},
      {2007, {{7, 3}, {11, 23}, {12, 24}}},
      {2008, {{7, 3}, {11, 28}, {12, 24}}},
      {2009, {{11, 27}, {12, 24}}},
      {2010, {{11, 26}}},
      {2011, {{11, 25}}},
      {2012, {{7, 3}, {11, 23}, {12, 24}}},
      {2013, {{7, 3}, {11, 29}, {12, 24}}},
      {2014, {{7, 3}, {11, 28}, {12, 24}}},
      {2015, {{11, 27}, {12, 24}}},
      {2016, {{11, 25}}},
      {2017, {{7, 3}, {11, 24}}},
      {2018, {{7, 3}, {11, 23}, {12, 24}}},
      {2019, {{7, 3}, {11, 29}, {12, 24}}},
      {2020, {{11, 27}, {12, 24}}},
      {2021, {{11, 26}}},
      {2022, {{11, 25}}},
      {2023, {{7, 3}, {11, 24}}},
      {2024, {{7, 3}, {11, 29}, {12, 24}}},
      {2025, {{7, 3}, {11, 28}, {12, 24}}},
      {2026, {{11, 27}, {12, 24}}},
      {2027, {{11, 26}}},
      {2028, {{7, 3}, {11, 24}}},
      {2029, {{7, 3}, {11, 23}, {12, 24}}},
      {2030, {{7, 3}, {11, 29}, {12, 24}}},
  };
  // clang-format on
  ASSERT_EQ(expected.size(), 41U);
  for (const YearList& year : expected) {
    EXPECT_EQ(early_closes(year.year), dates_of(year)) << year.year;
    for (const date day : dates_of(year)) {
      EXPECT_EQ(nyse().early_close_time(day), boost::posix_time::hours(year.year < 1993 ? 14 : 13))
          << day;
    }
  }
}

// The NYSE closed at 13:00 on Friday 1999-12-31 to prepare for the year-2000 changeover: its
// board approved the early close on 1999-04-06 (NYSE press release "The New York Stock Exchange
// Defers Off-Hours Trading Until Second Half 2000"; reported by The Independent, "NYSE delays
// extended opening"). exchange_calendars lists it (special_closes_adhoc); pandas_market_calendars
// leaves it out as "disputed, not in reference source".
TEST(TradingCalendar, YearTwoThousandChangeoverClosedAtOne) {
  EXPECT_TRUE(nyse().is_session(d(1999, 12, 31)));
  EXPECT_EQ(nyse().early_close_time(d(1999, 12, 31)), boost::posix_time::hours(13));
  EXPECT_EQ(nyse().holiday_name(d(1999, 12, 24)), "Christmas Day") << "Saturday Christmas";
  EXPECT_FALSE(nyse().is_early_close(d(1999, 12, 23)));
  EXPECT_FALSE(nyse().is_early_close(d(2008, 12, 26))) << "a full day, unlike 1997 and 2003";
  EXPECT_FALSE(nyse().is_early_close(d(2014, 12, 26)));
}

// Expected closures listed year by year, as QuantLib's testUSNewYorkStockExchange does.
TEST(TradingCalendar, HolidayListsBeforeJuneteenth) {
  EXPECT_EQ(closed_weekdays(1994),
            (std::vector{d(1994, 2, 21), d(1994, 4, 1), d(1994, 4, 27), d(1994, 5, 30),
                         d(1994, 7, 4), d(1994, 9, 5), d(1994, 11, 24), d(1994, 12, 26)}));
  EXPECT_EQ(
      closed_weekdays(2001),
      (std::vector{d(2001, 1, 1), d(2001, 1, 15), d(2001, 2, 19), d(2001, 4, 13), d(2001, 5, 28),
                   d(2001, 7, 4), d(2001, 9, 3), d(2001, 9, 11), d(2001, 9, 12), d(2001, 9, 13),
                   d(2001, 9, 14), d(2001, 11, 22), d(2001, 12, 25)}));
  EXPECT_EQ(closed_weekdays(2004),
            (std::vector{d(2004, 1, 1), d(2004, 1, 19), d(2004, 2, 16), d(2004, 4, 9),
                         d(2004, 5, 31), d(2004, 6, 11), d(2004, 7, 5), d(2004, 9, 6),
                         d(2004, 11, 25), d(2004, 12, 24)}));
  EXPECT_EQ(closed_weekdays(2005),
            (std::vector{d(2005, 1, 17), d(2005, 2, 21), d(2005, 3, 25), d(2005, 5, 30),
                         d(2005, 7, 4), d(2005, 9, 5), d(2005, 11, 24), d(2005, 12, 26)}));
  EXPECT_EQ(closed_weekdays(2006), (std::vector{d(2006, 1, 2), d(2006, 1, 16), d(2006, 2, 20),
                                                d(2006, 4, 14), d(2006, 5, 29), d(2006, 7, 4),
                                                d(2006, 9, 4), d(2006, 11, 23), d(2006, 12, 25)}));
  EXPECT_EQ(closed_weekdays(2007),
            (std::vector{d(2007, 1, 1), d(2007, 1, 2), d(2007, 1, 15), d(2007, 2, 19),
                         d(2007, 4, 6), d(2007, 5, 28), d(2007, 7, 4), d(2007, 9, 3),
                         d(2007, 11, 22), d(2007, 12, 25)}));
  EXPECT_EQ(closed_weekdays(2012),
            (std::vector{d(2012, 1, 2), d(2012, 1, 16), d(2012, 2, 20), d(2012, 4, 6),
                         d(2012, 5, 28), d(2012, 7, 4), d(2012, 9, 3), d(2012, 10, 29),
                         d(2012, 10, 30), d(2012, 11, 22), d(2012, 12, 25)}));
  EXPECT_EQ(closed_weekdays(2018),
            (std::vector{d(2018, 1, 1), d(2018, 1, 15), d(2018, 2, 19), d(2018, 3, 30),
                         d(2018, 5, 28), d(2018, 7, 4), d(2018, 9, 3), d(2018, 11, 22),
                         d(2018, 12, 5), d(2018, 12, 25)}));
  EXPECT_EQ(closed_weekdays(2021), (std::vector{d(2021, 1, 1), d(2021, 1, 18), d(2021, 2, 15),
                                                d(2021, 4, 2), d(2021, 5, 31), d(2021, 7, 5),
                                                d(2021, 9, 6), d(2021, 11, 25), d(2021, 12, 24)}));
}

TEST(TradingCalendar, HolidayListsWithJuneteenth) {
  EXPECT_EQ(closed_weekdays(2022), (std::vector{d(2022, 1, 17), d(2022, 2, 21), d(2022, 4, 15),
                                                d(2022, 5, 30), d(2022, 6, 20), d(2022, 7, 4),
                                                d(2022, 9, 5), d(2022, 11, 24), d(2022, 12, 26)}));
  EXPECT_EQ(closed_weekdays(2024),
            (std::vector{d(2024, 1, 1), d(2024, 1, 15), d(2024, 2, 19), d(2024, 3, 29),
                         d(2024, 5, 27), d(2024, 6, 19), d(2024, 7, 4), d(2024, 9, 2),
                         d(2024, 11, 28), d(2024, 12, 25)}));
  EXPECT_EQ(closed_weekdays(2025),
            (std::vector{d(2025, 1, 1), d(2025, 1, 9), d(2025, 1, 20), d(2025, 2, 17),
                         d(2025, 4, 18), d(2025, 5, 26), d(2025, 6, 19), d(2025, 7, 4),
                         d(2025, 9, 1), d(2025, 11, 27), d(2025, 12, 25)}));
  EXPECT_EQ(closed_weekdays(2026),
            (std::vector{d(2026, 1, 1), d(2026, 1, 19), d(2026, 2, 16), d(2026, 4, 3),
                         d(2026, 5, 25), d(2026, 6, 19), d(2026, 7, 3), d(2026, 9, 7),
                         d(2026, 11, 26), d(2026, 12, 25)}));
  // Juneteenth and Christmas on Saturdays, Independence Day on a Sunday.
  EXPECT_EQ(closed_weekdays(2027),
            (std::vector{d(2027, 1, 1), d(2027, 1, 18), d(2027, 2, 15), d(2027, 3, 26),
                         d(2027, 5, 31), d(2027, 6, 18), d(2027, 7, 5), d(2027, 9, 6),
                         d(2027, 11, 25), d(2027, 12, 24)}));
}

TEST(TradingCalendar, HolidayNamesOf2025) {
  const std::vector<std::pair<date, std::string>> expected{
      {d(2025, 1, 1), "New Year's Day"},
      {d(2025, 1, 9), "National day of mourning for former President Jimmy Carter"},
      {d(2025, 1, 20), "Martin Luther King Jr. Day"},
      {d(2025, 2, 17), "Washington's Birthday"},
      {d(2025, 4, 18), "Good Friday"},
      {d(2025, 5, 26), "Memorial Day"},
      {d(2025, 6, 19), "Juneteenth National Independence Day"},
      {d(2025, 7, 4), "Independence Day"},
      {d(2025, 9, 1), "Labor Day"},
      {d(2025, 11, 27), "Thanksgiving Day"},
      {d(2025, 12, 25), "Christmas Day"},
  };
  for (const auto& [day, name] : expected) EXPECT_EQ(nyse().holiday_name(day), name) << day;
  EXPECT_EQ(nyse().holiday_name(d(2025, 1, 8)), std::nullopt) << "a session";
  EXPECT_EQ(nyse().holiday_name(d(2025, 1, 11)), std::nullopt) << "a Saturday";
}

TEST(TradingCalendar, January2025HasTwentySessions) {
  EXPECT_EQ(nyse().session_count(d(2025, 1, 1), d(2025, 1, 31)), 20U);
  EXPECT_EQ(nyse().sessions_between(d(2025, 1, 1), d(2025, 1, 31)).size(), 20U);
  for (const date closed : {d(2025, 1, 1), d(2025, 1, 9), d(2025, 1, 20)}) {
    EXPECT_FALSE(nyse().is_session(closed)) << closed;
  }
}

TEST(TradingCalendar, EverySpecialClosureIsClosedAndNamed) {
  const std::vector<std::pair<date, std::string>> specials{
      {d(1994, 4, 27), "Funeral of former President Richard Nixon"},
      {d(2001, 9, 11), "September 11 attacks"},
      {d(2001, 9, 12), "September 11 attacks"},
      {d(2001, 9, 13), "September 11 attacks"},
      {d(2001, 9, 14), "September 11 attacks"},
      {d(2004, 6, 11), "National day of mourning for former President Ronald Reagan"},
      {d(2007, 1, 2), "National day of mourning for former President Gerald Ford"},
      {d(2012, 10, 29), "Hurricane Sandy"},
      {d(2012, 10, 30), "Hurricane Sandy"},
      {d(2018, 12, 5), "National day of mourning for former President George H.W. Bush"},
      {d(2025, 1, 9), "National day of mourning for former President Jimmy Carter"},
  };
  for (const auto& [day, name] : specials) {
    EXPECT_FALSE(nyse().is_session(day)) << day;
    EXPECT_EQ(nyse().holiday_name(day), name) << day;
  }
}

TEST(TradingCalendar, SessionsPerYearMatchPublishedCounts) {
  const std::vector<std::pair<int, std::size_t>> counts{
      {2001, 248}, {2012, 250}, {2020, 253}, {2021, 252},
      {2022, 251}, {2023, 250}, {2024, 252}, {2025, 250},
  };
  for (const auto& [year, count] : counts) {
    EXPECT_EQ(nyse().session_count(d(year, 1, 1), d(year, 12, 31)), count) << year;
  }
}

TEST(TradingCalendar, NewYearOnSaturdayIsNotObservedOnFriday) {
  for (const date year_end : {d(1993, 12, 31), d(1999, 12, 31), d(2004, 12, 31), d(2010, 12, 31),
                              d(2021, 12, 31), d(2027, 12, 31)}) {
    EXPECT_TRUE(nyse().is_session(year_end)) << year_end;
  }
  EXPECT_EQ(nyse().holiday_name(d(2022, 1, 1)), std::nullopt);
  EXPECT_EQ(nyse().holiday_name(d(2023, 1, 2)), "New Year's Day") << "Sunday moves to Monday";
}

TEST(TradingCalendar, WeekendsAreNeverSessionsNorNamedClosures) {
  for (const date session : nyse().sessions()) {
    ASSERT_LT(session.day_of_week().as_number(), 6);
    ASSERT_GT(session.day_of_week().as_number(), 0);
  }
  EXPECT_FALSE(nyse().is_session(d(2025, 1, 4)));
  EXPECT_FALSE(nyse().is_session(d(2025, 1, 5)));
  // Christmas 2021 fell on a Saturday: the Friday carries the name, the Saturday does not.
  EXPECT_EQ(nyse().holiday_name(d(2021, 12, 25)), std::nullopt);
  EXPECT_EQ(nyse().holiday_name(d(2021, 12, 24)), "Christmas Day");
}

TEST(TradingCalendar, RulesStartInTheRightYear) {
  EXPECT_TRUE(nyse().is_session(d(1997, 1, 20))) << "no MLK Day closure before 1998";
  EXPECT_EQ(nyse().holiday_name(d(1998, 1, 19)), "Martin Luther King Jr. Day");
  EXPECT_TRUE(nyse().is_session(d(2021, 6, 18))) << "no Juneteenth closure before 2022";
  EXPECT_EQ(nyse().holiday_name(d(2022, 6, 20)), "Juneteenth National Independence Day");
}

TEST(TradingCalendar, GoodFridays) {
  // Good Fridays 2017-2030, as listed in QuantLib's testSOFR.
  for (const date good_friday :
       {d(2017, 4, 14), d(2018, 3, 30), d(2019, 4, 19), d(2020, 4, 10), d(2021, 4, 2),
        d(2022, 4, 15), d(2023, 4, 7), d(2024, 3, 29), d(2025, 4, 18), d(2026, 4, 3),
        d(2027, 3, 26), d(2028, 4, 14), d(2029, 3, 30), d(2030, 4, 19)}) {
    EXPECT_EQ(nyse().holiday_name(good_friday), "Good Friday") << good_friday;
  }
}

TEST(TradingCalendar, NextAndPreviousSkipClosures) {
  EXPECT_EQ(nyse().next_session(d(2025, 1, 8)), d(2025, 1, 10));
  EXPECT_EQ(nyse().previous_session(d(2025, 1, 10)), d(2025, 1, 8));
  EXPECT_EQ(nyse().next_session(d(2025, 1, 9)), d(2025, 1, 10));
  EXPECT_EQ(nyse().previous_session(d(2025, 1, 9)), d(2025, 1, 8));
  EXPECT_EQ(nyse().previous_session(d(2025, 1, 2)), d(2024, 12, 31)) << "across the year end";
  EXPECT_EQ(nyse().next_session(d(2025, 4, 17)), d(2025, 4, 21)) << "Good Friday and weekend";
  EXPECT_EQ(nyse().next_session(d(2001, 9, 10)), d(2001, 9, 17));
  EXPECT_EQ(nyse().previous_session(d(2001, 9, 17)), d(2001, 9, 10));
  EXPECT_EQ(nyse().next_session(d(2012, 10, 26)), d(2012, 10, 31));
  EXPECT_EQ(nyse().next_session(d(2025, 1, 11)), d(2025, 1, 13)) << "from a Saturday";
}

TEST(TradingCalendar, SessionsBetweenIsInclusive) {
  EXPECT_EQ(nyse().sessions_between(d(2025, 1, 1), d(2025, 1, 10)),
            (std::vector{d(2025, 1, 2), d(2025, 1, 3), d(2025, 1, 6), d(2025, 1, 7), d(2025, 1, 8),
                         d(2025, 1, 10)}));
  EXPECT_EQ(nyse().sessions_between(d(2025, 1, 8), d(2025, 1, 8)), (std::vector{d(2025, 1, 8)}));
  EXPECT_TRUE(nyse().sessions_between(d(2025, 1, 11), d(2025, 1, 12)).empty());
  EXPECT_EQ(nyse().session_count(d(2025, 1, 11), d(2025, 1, 12)), 0U);
  EXPECT_EQ(nyse().session_count(TradingCalendar::first_supported_date(),
                                 TradingCalendar::last_supported_date()),
            nyse().sessions().size());
}

TEST(TradingCalendar, SessionIndexRoundTrips) {
  const auto sessions = nyse().sessions();
  ASSERT_FALSE(sessions.empty());
  EXPECT_EQ(sessions.front(), d(1990, 1, 2));
  EXPECT_EQ(sessions.back(), d(2030, 12, 31));
  EXPECT_EQ(nyse().session_index(d(1990, 1, 2)), SessionIndex(0));
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const auto index = nyse().session_index(sessions[i]);
    ASSERT_TRUE(index.has_value()) << sessions[i];
    ASSERT_EQ(index->value(), static_cast<std::int32_t>(i));
    ASSERT_EQ(nyse().session_at(*index), sessions[i]);
  }
  EXPECT_EQ(nyse().session_index(d(2025, 1, 9)), std::nullopt);
  EXPECT_EQ(nyse().session_index(d(2025, 1, 11)), std::nullopt);
  const SessionIndex before = *nyse().session_index(d(2025, 1, 8));
  const SessionIndex after = *nyse().session_index(d(2025, 1, 10));
  EXPECT_EQ(after - before, 1) << "the closure takes no index";
  EXPECT_EQ(nyse().session_at(before + 1), d(2025, 1, 10));
}

TEST(TradingCalendar, RequireSessionNamesTheClosureAndNeighbours) {
  EXPECT_EQ(nyse().require_session(d(2025, 1, 8)), *nyse().session_index(d(2025, 1, 8)));
  EXPECT_THAT([] { nyse().require_session(d(2025, 1, 9)); },
              ThrowsMessage<InvalidArgument>(HasSubstr(
                  "2025-01-09 is not an NYSE session (National day of mourning for former "
                  "President Jimmy Carter); previous session 2025-01-08, next 2025-01-10")));
  EXPECT_THAT([] { nyse().require_session(d(2025, 1, 11)); },
              ThrowsMessage<InvalidArgument>(HasSubstr(
                  "2025-01-11 is not an NYSE session (weekend); previous session 2025-01-10, "
                  "next 2025-01-13")));
  EXPECT_THAT([] { nyse().require_session(d(1990, 1, 1)); },
              ThrowsMessage<InvalidArgument>(
                  HasSubstr("(New Year's Day); previous session none in range, next 1990-01-02")));
}

TEST(TradingCalendar, OutOfRangeDatesThrow) {
  const auto outside = [](const std::string& what) {
    return ThrowsMessage<InvalidArgument>(
        HasSubstr(what + " is outside the NYSE calendar's supported range 1990-01-01 to "
                         "2030-12-31"));
  };
  EXPECT_THAT([] { (void)nyse().is_session(d(1989, 12, 29)); }, outside("1989-12-29"));
  EXPECT_THAT([] { (void)nyse().holiday_name(d(2031, 1, 1)); }, outside("2031-01-01"));
  EXPECT_THAT([] { (void)nyse().session_index(d(2031, 1, 2)); }, outside("2031-01-02"));
  EXPECT_THAT([] { (void)nyse().is_early_close(d(1989, 11, 24)); }, outside("1989-11-24"));
  EXPECT_THAT([] { (void)nyse().sessions_between(d(2030, 12, 1), d(2031, 1, 31)); },
              outside("2031-01-31"));
  EXPECT_THAT([] { (void)nyse().is_session(date(boost::gregorian::not_a_date_time)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("not not-a-date-time")));
  EXPECT_THAT([] { (void)nyse().next_session(d(2030, 12, 31)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("no NYSE session after 2030-12-31")));
  EXPECT_THAT([] { (void)nyse().previous_session(d(1990, 1, 2)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("no NYSE session before 1990-01-02")));
  EXPECT_THAT([] { (void)nyse().session_count(d(2025, 1, 10), d(2025, 1, 9)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("from 2025-01-10 is after to 2025-01-09")));
  EXPECT_THAT([] { (void)nyse().session_at(SessionIndex(-1)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("session index -1 is outside")));
  const auto past_end = SessionIndex(static_cast<std::int32_t>(nyse().sessions().size()));
  EXPECT_THROW((void)nyse().session_at(past_end), InvalidArgument);
}

TEST(TradingCalendar, EarlyClosesOf2019To2026) {
  EXPECT_EQ(early_closes(2019), (std::vector{d(2019, 7, 3), d(2019, 11, 29), d(2019, 12, 24)}));
  EXPECT_EQ(early_closes(2020), (std::vector{d(2020, 11, 27), d(2020, 12, 24)}));
  EXPECT_EQ(early_closes(2021), (std::vector{d(2021, 11, 26)}));
  EXPECT_EQ(early_closes(2022), (std::vector{d(2022, 11, 25)}));
  EXPECT_EQ(early_closes(2023), (std::vector{d(2023, 7, 3), d(2023, 11, 24)}));
  EXPECT_EQ(early_closes(2024), (std::vector{d(2024, 7, 3), d(2024, 11, 29), d(2024, 12, 24)}));
  EXPECT_EQ(early_closes(2025), (std::vector{d(2025, 7, 3), d(2025, 11, 28), d(2025, 12, 24)}));
  EXPECT_EQ(early_closes(2026), (std::vector{d(2026, 11, 27), d(2026, 12, 24)}));
  EXPECT_EQ(nyse().early_close_time(d(2025, 7, 3)), boost::posix_time::hours(13));
  EXPECT_EQ(nyse().early_close_time(d(2025, 7, 2)), std::nullopt);
  EXPECT_FALSE(nyse().is_early_close(d(2025, 7, 4))) << "a closure is not an early close";
}

TEST(TradingCalendar, EarlyClosesFollowTheirPatterns) {
  for (date day = TradingCalendar::first_supported_date();
       day <= TradingCalendar::last_supported_date(); day += boost::gregorian::days(1)) {
    if (nyse().is_early_close(day)) {
      EXPECT_TRUE(nyse().is_session(day)) << day;
    }
  }
  for (int year = 1990; year <= 2030; ++year) {
    for (const date early : early_closes(year)) {
      EXPECT_EQ(nyse().early_close_time(early), boost::posix_time::hours(year < 1993 ? 14 : 13))
          << early;
    }
  }
  // The day after Thanksgiving, since 1992.
  for (int year = 1992; year <= 2030; ++year) {
    const date thanksgiving = boost::gregorian::nth_day_of_the_week_in_month(
                                  boost::gregorian::nth_day_of_the_week_in_month::fourth,
                                  boost::gregorian::Thursday, boost::gregorian::Nov)
                                  .get_date(static_cast<unsigned short>(year));
    EXPECT_TRUE(nyse().is_early_close(thanksgiving + boost::gregorian::days(1))) << year;
  }
  // Christmas Eve on a Monday to Thursday, since 1999.
  for (int year = 1999; year <= 2030; ++year) {
    const date eve = d(year, 12, 24);
    const bool monday_to_thursday =
        eve.day_of_week().as_number() >= 1 && eve.day_of_week().as_number() <= 4;
    EXPECT_EQ(nyse().is_early_close(eve), monday_to_thursday) << eve;
  }
  EXPECT_TRUE(nyse().is_early_close(d(2002, 7, 5))) << "Friday after Independence Day, pre-2013";
  EXPECT_TRUE(nyse().is_early_close(d(2003, 12, 26)));
}

}  // namespace
}  // namespace marketshock
