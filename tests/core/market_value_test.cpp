#include <marketshock/core/market_value.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

namespace marketshock {
namespace {

using boost::gregorian::date;

const SplitBasis kTraded = SplitBasis::point_in_time();

TEST(MarketValue, NvidiaOnTheDeepSeekSelloff) {
  // LSEG's -$593B: 24.49B shares (10-Q cover, as of 2024-11-15) x (118.42 - 142.62).
  const ShareCount shares(24'490'000'000.0, kTraded);
  const auto change =
      market_value_change(Price(142.62, kTraded), shares, Price(118.42, kTraded), shares);
  EXPECT_NEAR(change.previous_usd, 3.4927638e12, 1.0);
  EXPECT_NEAR(change.current_usd, 2.9001058e12, 1.0);
  EXPECT_NEAR(change.change_usd, -592.658e9, 1.0);
  EXPECT_NEAR(change.change_fraction, -0.169681, 1e-6);
}

TEST(MarketValue, ASplitDayIsNotALoss) {
  // 10-for-1 effective 2024-06-10: 1208.88 x 2.46B shares the day before, 121.79 x 24.6B after.
  const auto change = market_value_change(Price(1208.88, kTraded), ShareCount(2.46e9, kTraded),
                                          Price(121.79, kTraded), ShareCount(24.6e9, kTraded));
  EXPECT_NEAR(change.change_fraction, 121.79 * 10 / 1208.88 - 1.0, 1e-12);
  EXPECT_GT(change.change_usd, 0.0);
}

TEST(MarketValue, RefusesToMixSplitBases) {
  const auto adjusted = SplitBasis::adjusted_as_of(date(2025, 1, 27));
  EXPECT_THAT([&] { (void)market_value(Price(5.99775, adjusted), ShareCount(6.1e8, kTraded)); },
              testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr(
                  "price is split-adjusted as of 2025-01-27 but the share count is as traded")));
}

TEST(MarketValue, RestatingCountsAndPricesAcrossASplit) {
  const CorporateActions nvda(Symbol("NVDA"), {{date(2024, 6, 10), 10.0, std::nullopt}}, {});
  const auto adjusted = SplitBasis::adjusted_as_of(date(2025, 1, 27));
  const ShareCount before(2.46e9, kTraded);
  const ShareCount restated = before.restated(nvda, date(2024, 6, 7), adjusted);
  EXPECT_DOUBLE_EQ(restated.value(), 24.6e9);
  EXPECT_EQ(restated.basis(), adjusted);
  const Price price = Price(1208.88, kTraded).restated(nvda, date(2024, 6, 7), adjusted);
  EXPECT_DOUBLE_EQ(price.usd(), 120.888);
  // The market value does not depend on the basis it is computed on.
  EXPECT_DOUBLE_EQ(market_value(price, restated), 1208.88 * 2.46e9);
  // Back from adjusted-as-of to point in time, and to a basis earlier than the day.
  EXPECT_DOUBLE_EQ(restated.restated(nvda, date(2024, 6, 7), kTraded).value(), 2.46e9);
  const auto old_basis = SplitBasis::adjusted_as_of(date(2024, 1, 2));
  EXPECT_DOUBLE_EQ(Price(121.79, kTraded).restated(nvda, date(2024, 6, 10), old_basis).usd(),
                   1217.9);
}

TEST(MarketValue, DividendAdjustedClosesGiveNoMarketValue) {
  const std::vector<Bar> rows{{date(2025, 1, 27), 124.0, 128.0, 116.0, 118.40, 1}};
  const DailyBars bars(Symbol("NVDA"), PriceBasis::split_and_dividend_adjusted(date(2025, 10, 8)),
                       rows);
  EXPECT_THAT([&] { (void)Price::close_of(bars, 0); },
              testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr("dividend-adjusted")));
  const DailyBars traded(Symbol("NVDA"), PriceBasis::as_traded(), rows);
  EXPECT_EQ(Price::close_of(traded, 0).usd(), 118.40);
}

TEST(MarketValue, RejectsNonPositiveInputs) {
  EXPECT_THROW(ShareCount(0.0, kTraded), InvalidArgument);
  EXPECT_THROW(Price(-1.0, kTraded), InvalidArgument);
}

}  // namespace
}  // namespace marketshock
