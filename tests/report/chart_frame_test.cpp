#include <marketshock/report/charts.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace marketshock::report {
namespace {

using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

TEST(NiceTicks, HandComputedRanges) {
  // (100 - -600) / 5 = 140 -> next nice step 200; -600 and 200 are multiples of it.
  const AxisTicks bars = nice_ticks(-600, 100, 5);
  EXPECT_EQ(bars.step, 200);
  EXPECT_EQ(bars.lo, -600);
  EXPECT_EQ(bars.hi, 200);
  EXPECT_THAT(bars.values, ElementsAre(-600, -400, -200, 0, 200));
  EXPECT_EQ(bars.decimals, 0);

  // NVIDIA's market value in $B over the DeepSeek week: (3490 - 2903) / 5 = 117.4 -> 200.
  const AxisTicks value = nice_ticks(2903, 3490, 5);
  EXPECT_THAT(value.values, ElementsAre(2800, 3000, 3200, 3400, 3600));

  // (1 - 0) / 4 = 0.25 is itself nice; two decimals write it.
  const AxisTicks quarter = nice_ticks(0, 1, 4);
  EXPECT_EQ(quarter.step, 0.25);
  EXPECT_EQ(quarter.decimals, 2);
  EXPECT_THAT(quarter.values, ElementsAre(0, 0.25, 0.5, 0.75, 1));

  // (0.3 - 0.1) / 5 = 0.04 -> 0.05, and tick values are exact multiples, not 0.1 + 0.05 + ...
  const AxisTicks small = nice_ticks(0.1, 0.3, 5);
  EXPECT_EQ(small.step, 0.05);
  EXPECT_EQ(small.decimals, 2);
  ASSERT_EQ(small.values.size(), 5U);
  EXPECT_THAT(small.values[4], DoubleNear(0.3, 1e-12));

  // (-16.97 - -18.17) / 5 = 0.24 -> 0.25: lo -18.25, hi -16.75.
  const AxisTicks returns = nice_ticks(-18.17, -16.97, 5);
  EXPECT_EQ(returns.step, 0.25);
  EXPECT_EQ(returns.lo, -18.25);
  EXPECT_EQ(returns.hi, -16.75);

  // (25 - 0) / 5 = 5 exactly: no extra interval from rounding noise.
  EXPECT_THAT(nice_ticks(0, 25, 5).values, ElementsAre(0, 5, 10, 15, 20, 25));
  // 2.5 steps need one decimal.
  EXPECT_EQ(nice_ticks(0, 10, 4).decimals, 1);
}

TEST(NiceTicks, DegenerateRangeWidensToAStepOfATenth) {
  EXPECT_THAT(nice_ticks(100, 100).values, ElementsAre(90, 100, 110));
  EXPECT_THAT(nice_ticks(0, 0).values, ElementsAre(-1, 0, 1));
  EXPECT_THAT(nice_ticks(-5, -5).values, ElementsAre(-5.5, -5, -4.5));
  // 2900 / 10 = 290 -> step 500; 2900 is not a multiple, so the axis is 2500..3000.
  EXPECT_THAT(nice_ticks(2900, 2900).values, ElementsAre(2500, 3000));
}

TEST(NiceTicks, RejectsBrokenRanges) {
  EXPECT_THAT([] { (void)nice_ticks(2, 1); },
              ThrowsMessage<InvalidArgument>(HasSubstr("axis range [2, 1]")));
  EXPECT_THROW((void)nice_ticks(std::nan(""), 1), InvalidArgument);
  EXPECT_THROW((void)nice_ticks(0, INFINITY), InvalidArgument);
  EXPECT_THAT([] { (void)nice_ticks(0, 1, 0); },
              ThrowsMessage<InvalidArgument>(HasSubstr("tick target 0")));
}

TEST(FormatChartValue, ThousandsSeparatorsAndFixedDecimals) {
  EXPECT_EQ(format_chart_value(2903.25, 1), "2,903.2");  // 2903.25 is exact: half to even
  EXPECT_EQ(format_chart_value(-592.66, 1), "-592.7");
  EXPECT_EQ(format_chart_value(-600, 0), "-600");
  EXPECT_EQ(format_chart_value(1234567.0, 0), "1,234,567");
  EXPECT_EQ(format_chart_value(-1234.5, 2), "-1,234.50");
  EXPECT_EQ(format_chart_value(-0.04, 1), "0.0");
  EXPECT_EQ(format_chart_value(999.96, 1), "1,000.0");
  EXPECT_EQ(format_chart_value(std::nan(""), 1), "n/a");
}

}  // namespace
}  // namespace marketshock::report
