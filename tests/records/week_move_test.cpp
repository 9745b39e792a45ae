#include <marketshock/records/week_move.hpp>

#include <marketshock/core/error.hpp>

#include "records/records_fixtures.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace marketshock::records {
namespace {

using namespace testing_fixtures;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

// WKS, 1e9 shares throughout; Friday closes, then every session of the last week:
//   2022-09-02 100    (base of the next week)
//   2022-09-09 100    week of 09-05 (Labor Day Monday):  0%
//   2022-09-16  80    week of 09-12: 80 / 100 - 1 = -20%
//   2022-09-23  88    week of 09-19: +10%
//   2022-09-30  79.2  week of 09-26: 79.2 / 88 - 1 = -10%
//   2025-01-17  79.2  week of 2025-01-13: 0% (base 2022-09-30: the data has a gap)
//   2025-01-24  88    week of 01-20 (MLK Monday): 88 / 79.2 - 1 = +11.1%
//   2025-01-27..31: 74.8 77 75 76 74.8  week of 01-27: 74.8 / 88 - 1 = -15%, (74.8 - 88) x 1e9
//   = -13.2e9
MarketData weekly_market() {
  MarketDataBuilder b("records-weeks");
  add(b, "WKS", "wks",
      {{d(2022, 9, 2), 100},
       {d(2022, 9, 9), 100},
       {d(2022, 9, 16), 80},
       {d(2022, 9, 23), 88},
       {d(2022, 9, 30), 79.2},
       {d(2025, 1, 17), 79.2},
       {d(2025, 1, 24), 88},
       {d(2025, 1, 27), 74.8},
       {d(2025, 1, 28), 77},
       {d(2025, 1, 29), 75},
       {d(2025, 1, 30), 76},
       {d(2025, 1, 31), 74.8}},
      {{d(2022, 1, 3), shares(1e9)}});
  return std::move(b).build();
}

TEST(WeekMove, MondayOf) {
  EXPECT_EQ(monday_of(d(2025, 1, 27)), d(2025, 1, 27));
  EXPECT_EQ(monday_of(d(2025, 1, 31)), d(2025, 1, 27));
  EXPECT_EQ(monday_of(d(2025, 2, 1)), d(2025, 1, 27));  // Saturday
  EXPECT_EQ(monday_of(d(2025, 2, 2)), d(2025, 1, 27));  // Sunday
}

TEST(WeekMove, NvidiaShockWeekFromTheFridayClose) {
  // 120.07 / 142.62 - 1 = -0.158112; (120.07 - 142.62) x 24.49e9 = -552.2495e9.
  const MarketData data = nvda_market();
  const auto week = week_move(Valuation(data), data.require("NVDA"), d(2025, 1, 29));
  ASSERT_TRUE(week.has_value());
  EXPECT_EQ(week->week_start, d(2025, 1, 27));
  EXPECT_EQ(week->base_date, d(2025, 1, 24));
  EXPECT_EQ(week->last_date, d(2025, 1, 31));
  EXPECT_EQ(week->sessions, 5u);
  EXPECT_TRUE(week->complete);
  EXPECT_NEAR(week->close_return, -0.158112, 1e-6);
  EXPECT_NEAR(week->market_value_change_usd, -552.2495e9, 1e3);
}

TEST(WeekMove, HolidaysComeFromTheCalendar) {
  const MarketData data = weekly_market();
  const Valuation valuation(data);
  const SecurityId wks = data.require("WKS");
  // The week of Labor Day 2022 has one bar (Friday), measured from the Friday before.
  const auto labor_day = week_move(valuation, wks, d(2022, 9, 6));
  ASSERT_TRUE(labor_day.has_value());
  EXPECT_EQ(labor_day->week_start, d(2022, 9, 5));
  EXPECT_EQ(labor_day->base_date, d(2022, 9, 2));
  EXPECT_TRUE(labor_day->complete);
  // No week before the first bar's, and none without bars.
  EXPECT_FALSE(week_move(valuation, wks, d(2022, 9, 2)).has_value());
  EXPECT_FALSE(week_move(valuation, wks, d(2023, 6, 14)).has_value());

  // Good Friday 2024 (03-29): a week whose last session is Thursday is complete there.
  MarketDataBuilder b("good-friday");
  add(b, "GFR", "gfr",
      {{d(2024, 3, 22), 10}, {d(2024, 3, 27), 11}, {d(2024, 3, 28), 12}, {d(2024, 4, 1), 12}}, {});
  const MarketData gf = std::move(b).build();
  const auto easter = week_move(Valuation(gf), gf.require("GFR"), d(2024, 3, 25));
  ASSERT_TRUE(easter.has_value());
  EXPECT_TRUE(easter->complete);
  EXPECT_EQ(easter->sessions, 2u);
  EXPECT_NEAR(easter->close_return, 0.2, 1e-12);  // 12 / 10 - 1
  EXPECT_EQ(easter->market_value_status, ValuationStatus::no_shares);
  EXPECT_TRUE(std::isnan(easter->market_value_change_usd));
  // The week of 04-01 has only Monday so far: not complete.
  EXPECT_FALSE(week_move(Valuation(gf), gf.require("GFR"), d(2024, 4, 1))->complete);
}

TEST(WeekMove, WorstWeekSinceSeptember2022) {
  const MarketData data = weekly_market();
  const WeekInHistory h = week_in_history(data, "WKS", d(2025, 1, 27));
  EXPECT_NEAR(h.week.close_return, -0.15, 1e-12);
  EXPECT_NEAR(h.week.market_value_change_usd, -13.2e9, 1e3);
  // Earlier weeks: +11.1% (2025-01-20), 0%, -10% (2022-09-26), +10%, -20% (2022-09-12), 0%.
  // The latest worse than -15% is the week of 2022-09-12, skipping -10%; the latest better is
  // the week just before.
  ASSERT_TRUE(h.latest_worse.has_value());
  EXPECT_EQ(h.latest_worse->week_start, d(2022, 9, 12));
  EXPECT_NEAR(h.latest_worse->close_return, -0.2, 1e-12);
  ASSERT_TRUE(h.latest_better.has_value());
  EXPECT_EQ(h.latest_better->week_start, d(2025, 1, 20));

  // The week of 2022-09-12 is the worst of the data: nothing earlier is worse.
  const WeekInHistory worst = week_in_history(data, "WKS", d(2022, 9, 16));
  EXPECT_FALSE(worst.latest_worse.has_value());
  EXPECT_EQ(worst.latest_better->week_start, d(2022, 9, 5));

  // By USD the answer is the same week: (80 - 100) x 1e9 = -20e9 < -13.2e9.
  const WeekInHistory usd = week_in_history(data, "WKS", d(2025, 1, 27), Measure::usd);
  EXPECT_EQ(usd.latest_worse->week_start, d(2022, 9, 12));

  const auto weeks = weekly_moves(Valuation(data), data.require("WKS"));
  ASSERT_EQ(weeks.size(), 7u);
  EXPECT_FALSE(latest_week_beyond(weeks, weeks.front(), Direction::losses, Measure::percent));
}

TEST(WeekMove, BadInputIsExplained) {
  const MarketData data = weekly_market();
  EXPECT_THAT([&] { (void)week_in_history(data, "WKS", d(2025, 2, 1)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("next 2025-02-03")));
  EXPECT_THAT(
      [&] { (void)week_in_history(data, "WKS", d(2023, 6, 14)); },
      ThrowsMessage<InvalidArgument>(HasSubstr("no weekly change for the week of 2023-06-12")));
  EXPECT_THAT([&] { (void)week_in_history(data, "WK", d(2025, 1, 27)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("did you mean WKS")));
}

}  // namespace
}  // namespace marketshock::records
