#include <marketshock/core/daily_bars.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace marketshock {
namespace {

using boost::gregorian::date;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// NVDA as traded around the DeepSeek selloff (closes as published: 142.62, 118.42, 128.99).
std::vector<Bar> nvda_bars() {
  return {{date(2025, 1, 24), 148.37, 148.97, 141.88, 142.62, 234657600},
          {date(2025, 1, 27), 124.80, 128.40, 116.70, 118.42, 818830900},
          {date(2025, 1, 28), 121.81, 129.00, 116.25, 128.99, 579666400}};
}

TEST(DailyBars, StoresColumnsAndFindsDates) {
  const auto rows = nvda_bars();
  const DailyBars bars(Symbol("NVDA"), PriceBasis::as_traded(), rows);
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_EQ(bars.close()[1], 118.42);
  EXPECT_EQ(bars.low()[1], 116.70);
  EXPECT_EQ(bars.volume()[2], 579666400);
  EXPECT_EQ(bars.find(date(2025, 1, 27)).value(), 1u);
  EXPECT_FALSE(bars.find(date(2025, 1, 25)).has_value());
  EXPECT_EQ(bars.find_on_or_before(date(2025, 1, 26)).value(), 0u);
  EXPECT_FALSE(bars.find_on_or_before(date(2025, 1, 23)).has_value());
  EXPECT_EQ(bars.at(2).date, date(2025, 1, 28));
  EXPECT_EQ(bars.basis().describe(), "as traded");
}

TEST(DailyBars, MissingOpenHighLowAreAllowed) {
  const std::vector<Bar> rows{{date(2025, 1, 24), kNaN, kNaN, kNaN, 6101.24, -1}};
  const DailyBars bars(Symbol("SPX"), PriceBasis::as_traded(), rows);
  EXPECT_TRUE(std::isnan(bars.open()[0]));
}

TEST(DailyBars, RejectsInconsistentBarsNamingSymbolAndDate) {
  auto rows = nvda_bars();
  rows[1].low = 119.0;  // above the close
  EXPECT_THAT([&] { DailyBars(Symbol("NVDA"), PriceBasis::as_traded(), rows); },
              testing::ThrowsMessage<DataError>(
                  testing::HasSubstr("NVDA 2025-01-27: low above open or close")));
  rows = nvda_bars();
  rows[0].high = 145.0;  // above low and close, below the open
  EXPECT_THAT([&] { DailyBars(Symbol("NVDA"), PriceBasis::as_traded(), rows); },
              testing::ThrowsMessage<DataError>(testing::HasSubstr("high below open or close")));
  rows = nvda_bars();
  rows[2].close = -1.0;
  EXPECT_THROW(DailyBars(Symbol("NVDA"), PriceBasis::as_traded(), rows), DataError);
  rows = nvda_bars();
  rows[2].close = std::numeric_limits<double>::infinity();
  EXPECT_THROW(DailyBars(Symbol("NVDA"), PriceBasis::as_traded(), rows), DataError);
}

TEST(DailyBars, RejectsUnsortedAndDuplicateDates) {
  auto rows = nvda_bars();
  std::swap(rows[0], rows[1]);
  EXPECT_THAT([&] { DailyBars(Symbol("NVDA"), PriceBasis::as_traded(), rows); },
              testing::ThrowsMessage<DataError>(testing::HasSubstr(
                  "bar dates must strictly increase (2025-01-24 after 2025-01-27)")));
  rows = nvda_bars();
  rows[1].date = rows[0].date;
  EXPECT_THROW(DailyBars(Symbol("NVDA"), PriceBasis::as_traded(), rows), DataError);
}

TEST(PriceBasis, DescribesItself) {
  EXPECT_EQ(PriceBasis::split_adjusted(date(2026, 4, 24)).describe(),
            "split-adjusted as of 2026-04-24");
  EXPECT_EQ(PriceBasis::split_and_dividend_adjusted(date(2025, 10, 8)).describe(),
            "split- and dividend-adjusted as of 2025-10-08");
  EXPECT_NE(PriceBasis::as_traded(), PriceBasis::split_adjusted(date(2026, 4, 24)));
}

}  // namespace
}  // namespace marketshock
