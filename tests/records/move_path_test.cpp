#include <marketshock/records/move_path.hpp>

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

TEST(MovePath, TheWeekAfterTheShockCumulates) {
  const MarketData data = nvda_market();
  const MovePath path = move_path(data, "NVDA", d(2025, 1, 27), d(2025, 1, 31));
  EXPECT_EQ(path.symbol, Symbol("NVDA"));
  EXPECT_EQ(path.base_date, d(2025, 1, 24));
  EXPECT_EQ(path.base_close, 142.62);
  EXPECT_NEAR(path.base_market_value_usd, 3492.7638e9, 1e3);  // 142.62 x 24.49e9
  ASSERT_EQ(path.days.size(), 5u);
  // Cumulative against 142.62 on 24.49e9 shares:
  //   01-27 118.42: -0.169682, -24.20 x 24.49e9 = -592.6580e9
  //   01-28 128.99: -0.095569, -13.63 x 24.49e9 = -333.7987e9
  //   01-29 123.70: -0.132660, -18.92 x 24.49e9 = -463.3508e9
  //   01-30 124.65: -0.125999, -17.97 x 24.49e9 = -440.0853e9
  //   01-31 120.07: -0.158112, -22.55 x 24.49e9 = -552.2495e9
  const double returns[] = {-0.169682, -0.095569, -0.132660, -0.125999, -0.158112};
  const double changes[] = {-592.6580e9, -333.7987e9, -463.3508e9, -440.0853e9, -552.2495e9};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_NEAR(path.days[i].cumulative_return, returns[i], 1e-6) << i;
    EXPECT_NEAR(path.days[i].cumulative_change_usd, changes[i], 1e3) << i;
  }
  // Day by day: 01-28 rose 128.99 / 118.42 - 1 = +8.926%, +10.57 x 24.49e9 = +258.8593e9.
  EXPECT_NEAR(path.days[1].move.close_return, 0.089258, 1e-6);
  EXPECT_NEAR(path.days[1].move.market_value_change_usd, 258.8593e9, 1e3);
  EXPECT_NEAR(path.total_return(), -0.158112, 1e-6);
  EXPECT_NEAR(path.total_change_usd(), -552.2495e9, 1e3);
}

TEST(MovePath, CumulatesAcrossASplit) {
  // From 1208.88 (2024-06-07, 2.464e9 shares) to 119.37 (2024-08-30, 24.53e9 shares), through
  // the 10-for-1 split: return 119.37 x 10 / 1208.88 - 1 = -0.012557; value
  // 119.37 x 24.53e9 - 1208.88 x 2.464e9 = 2928.1461e9 - 2978.68032e9 = -50.53422e9.
  const MarketData data = nvda_market();
  const MovePath path = move_path(data, "NVDA", d(2024, 6, 10), d(2024, 8, 30));
  ASSERT_EQ(path.days.size(), 2u);
  EXPECT_EQ(path.base_close, 1208.88);
  EXPECT_NEAR(path.total_return(), -0.012557, 1e-6);
  EXPECT_NEAR(path.total_change_usd(), -50.53422e9, 1e3);
}

TEST(MovePath, WithoutSharesTheUsdPathIsNaN) {
  const MarketData data = ranking_market();
  // DDD: 10 -> 9 -> 8, no shares: returns -10%, -20%, USD NaN.
  const MovePath path = move_path(data, "DDD", S2, S3);
  EXPECT_NEAR(path.days[1].cumulative_return, -0.2, 1e-12);
  EXPECT_TRUE(std::isnan(path.days[1].cumulative_change_usd));
  EXPECT_TRUE(std::isnan(path.base_market_value_usd));
}

TEST(MovePath, BadInputIsExplained) {
  const MarketData data = nvda_market();
  EXPECT_THAT([&] { (void)move_path(data, "NVDA", d(2025, 1, 31), d(2025, 1, 27)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("path start 2025-01-31 is after its end")));
  EXPECT_THAT([&] { (void)move_path(data, "NVDA", d(2025, 1, 26), d(2025, 1, 31)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("previous session 2025-01-24")));
  EXPECT_THAT([&] { (void)move_path(data, "NVDA", d(2024, 6, 3), d(2024, 6, 7)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("2024-06-07 is its first bar")));
  EXPECT_THAT([&] { (void)move_path(data, "NVDA", d(2024, 12, 2), d(2024, 12, 6)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("NVDA has no bar from 2024-12-02")));
  EXPECT_THAT([&] { (void)move_path(data, "NVD", d(2025, 1, 27), d(2025, 1, 31)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("did you mean NVDA")));
}

}  // namespace
}  // namespace marketshock::records
