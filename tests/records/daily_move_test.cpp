#include <marketshock/records/daily_move.hpp>

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

TEST(DailyMove, NvidiaOnTheDeepSeekMonday) {
  const MarketData data = nvda_market();
  const DailyMove m = daily_move(data, "NVDA", d(2025, 1, 27));
  EXPECT_EQ(m.date, d(2025, 1, 27));
  EXPECT_EQ(m.previous_date, d(2025, 1, 24));
  EXPECT_EQ(m.previous_close, 142.62);
  EXPECT_EQ(m.split_ratio, 1.0);
  // 118.42 / 142.62 - 1 = -0.169682 (the published -16.97%).
  EXPECT_NEAR(m.close_return, -0.169682, 1e-6);
  // Fell as much as 18%: 116.70 / 142.62 - 1 = -0.181742.
  EXPECT_NEAR(m.intraday_low_return, -0.181742, 1e-6);
  // Opening gap 124.80 / 142.62 - 1 = -0.124947; high 128.40 / 142.62 - 1 = -0.099706.
  EXPECT_NEAR(m.open_gap_return, -0.124947, 1e-6);
  EXPECT_NEAR(m.intraday_high_return, -0.099706, 1e-6);

  ASSERT_TRUE(m.has_market_value());
  ASSERT_TRUE(m.shares.has_value());
  EXPECT_EQ(m.shares->effective, d(2024, 11, 15));
  EXPECT_EQ(m.shares->record.shares, 24.49e9);
  EXPECT_EQ(m.shares->record.measure, "cover-page count");
  EXPECT_EQ(m.shares->record.source, "test");
  EXPECT_EQ(m.previous_shares, m.shares);
  // 142.62 x 24.49e9 = 3492.7638e9; 118.42 x 24.49e9 = 2900.1058e9.
  EXPECT_NEAR(m.previous_market_value_usd, 3492.7638e9, 1e3);
  EXPECT_NEAR(m.market_value_usd, 2900.1058e9, 1e3);
  // -24.20 x 24.49e9 = -592.658e9 (LSEG's "$593B").
  EXPECT_NEAR(m.market_value_change_usd, -592.658e9, 1e3);
  EXPECT_NEAR(m.market_value_change_return, -0.169682, 1e-6);
  // At the low: -25.92 x 24.49e9 = -634.7808e9; at the open -17.82 x 24.49e9 = -436.4118e9;
  // at the high -14.22 x 24.49e9 = -348.2478e9.
  EXPECT_NEAR(m.intraday_low_change_usd, -634.7808e9, 1e3);
  EXPECT_NEAR(m.open_gap_change_usd, -436.4118e9, 1e3);
  EXPECT_NEAR(m.intraday_high_change_usd, -348.2478e9, 1e3);
}

TEST(DailyMove, ASplitDayIsNotALossOnEitherFooting) {
  // As traded: 1208.88 on 2024-06-07, 121.79 on 2024-06-10 (10-for-1), shares 2.464e9 -> 24.64e9.
  // Previous close on the new footing 1208.88 / 10 = 120.888; return 121.79 / 120.888 - 1
  // = +0.746%. Value 121.79 x 24.64e9 - 1208.88 x 2.464e9 = 3000.9056e9 - 2978.68032e9
  // = +22.22528e9.
  const MarketData traded = nvda_market();
  const DailyMove m = daily_move(traded, "NVDA", d(2024, 6, 10));
  EXPECT_EQ(m.split_ratio, 10.0);
  EXPECT_NEAR(m.previous_close, 120.888, 1e-9);
  EXPECT_NEAR(m.close_return, 0.0074615, 1e-7);
  EXPECT_NEAR(m.market_value_change_usd, 22.22528e9, 1e3);
  EXPECT_EQ(m.previous_shares->record.shares, 2.464e9);
  EXPECT_EQ(m.shares->record.shares, 24.64e9);

  // Split-adjusted as of 2025-01-31: 120.888 -> 121.79 on 24.64e9 shares both days:
  // 0.902 x 24.64e9 = +22.22528e9, the same figure.
  const MarketData adjusted = nvda_market(PriceBasis::split_adjusted(d(2025, 1, 31)));
  const DailyMove a = daily_move(adjusted, "NVDA", d(2024, 6, 10));
  EXPECT_EQ(a.split_ratio, 1.0);
  EXPECT_NEAR(a.close_return, 0.0074615, 1e-7);
  EXPECT_NEAR(a.market_value_change_usd, 22.22528e9, 1e3);
}

TEST(DailyMove, MissingSharesGiveNaNAndSayWhich) {
  const MarketData data = ranking_market();
  const Valuation valuation(data);
  const auto moves = daily_moves(valuation, data.require("EEE"));
  ASSERT_EQ(moves.size(), 5u);                                          // S2..S6
  EXPECT_EQ(moves[0].market_value_status, ValuationStatus::no_shares);  // S2
  EXPECT_FALSE(moves[0].shares.has_value());
  EXPECT_TRUE(std::isnan(moves[0].market_value_change_usd));
  EXPECT_TRUE(std::isnan(moves[0].intraday_low_change_usd));
  EXPECT_EQ(moves[0].close_return, 0.0);  // returns need no share count
  EXPECT_EQ(moves[2].market_value_status, ValuationStatus::no_previous_shares);  // S4
  EXPECT_EQ(moves[2].shares->effective, S4);
  EXPECT_FALSE(moves[2].previous_shares.has_value());
  // S5: (18 - 20) x 1.5e9 = -3e9.
  EXPECT_EQ(moves[3].market_value_status, ValuationStatus::available);
  EXPECT_DOUBLE_EQ(moves[3].market_value_change_usd, -3e9);

  const DailyMove v = daily_moves(valuation, data.require("VVV")).front();
  EXPECT_EQ(v.market_value_status, ValuationStatus::dividend_adjusted_prices);
  EXPECT_TRUE(std::isnan(v.market_value_usd));
  EXPECT_NEAR(v.close_return, -0.02, 1e-12);  // 49 / 50 - 1
  EXPECT_EQ(to_string(v.market_value_status), "dividend_adjusted_prices");
}

TEST(DailyMove, RangeKeepsThePreviousBarBeforeIt) {
  const MarketData data = nvda_market();
  const Valuation valuation(data);
  const SecurityId nvda = data.require("NVDA");
  const auto moves = daily_moves(valuation, nvda, d(2025, 1, 25), d(2025, 1, 28));
  ASSERT_EQ(moves.size(), 2u);
  EXPECT_EQ(moves[0].date, d(2025, 1, 27));
  EXPECT_EQ(moves[0].previous_date, d(2025, 1, 24));
  EXPECT_EQ(moves[1].date, d(2025, 1, 28));
  EXPECT_TRUE(daily_moves(valuation, nvda, d(2025, 2, 1), d(2025, 2, 28)).empty());
  EXPECT_EQ(daily_moves(valuation, nvda).size(), 9u);  // ten bars
}

TEST(DailyMove, BadInputIsExplained) {
  const MarketData data = nvda_market();
  EXPECT_THAT(
      [&] { (void)daily_move(data, "NVDIA", d(2025, 1, 27)); },
      ThrowsMessage<InvalidArgument>(HasSubstr("unknown symbol 'NVDIA'; did you mean NVDA?")));
  EXPECT_THAT(
      [&] { (void)daily_move(data, "NVDA", d(2025, 1, 25)); },
      ThrowsMessage<InvalidArgument>(HasSubstr("previous session 2025-01-24, next 2025-01-27")));
  EXPECT_THAT([&] { (void)daily_move(data, "NVDA", d(2025, 1, 9)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("Jimmy Carter")));
  EXPECT_THAT([&] { (void)daily_move(data, "NVDA", d(2025, 1, 21)); },
              ThrowsMessage<InvalidArgument>(HasSubstr(
                  "NVDA has no bar on 2025-01-21 (its bars run from 2024-06-07 to 2025-01-31)")));
  EXPECT_THAT([&] { (void)daily_move(data, "NVDA", d(2024, 6, 7)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("2024-06-07 is its first bar")));
}

}  // namespace
}  // namespace marketshock::records
