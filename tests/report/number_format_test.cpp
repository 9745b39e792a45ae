// The one number formatter of the text reports: decimals, sign, scale, units, missing values.
#include <marketshock/report/number_format.hpp>

#include <gtest/gtest.h>

#include <limits>

namespace marketshock::report {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(NumberFormat, Fixed) {
  EXPECT_EQ(fixed(2.697), "2.70");
  EXPECT_EQ(fixed(-0.226696, {.decimals = 3}), "-0.227");
  EXPECT_EQ(fixed(12.0, {.decimals = 0}), "12");
  EXPECT_EQ(fixed(0.0, {.sign = Sign::always}), "+0.00");
  EXPECT_EQ(fixed(-3.25, {.decimals = 1, .sign = Sign::always}), "-3.2");  // an exact tie: even
  EXPECT_EQ(fixed(118.42, {.prefix = "$"}), "$118.42");
  EXPECT_EQ(fixed(-0.16968, {.scale = 100.0}), "-16.97");
}

TEST(NumberFormat, MissingIsNotANumber) {
  EXPECT_EQ(fixed(kNaN), "n/a");
  EXPECT_EQ(fixed(kInf, {.prefix = "$", .suffix = "B"}), "n/a");
  EXPECT_EQ(percent(kNaN, {.suffix = "%"}), "n/a");
  EXPECT_EQ(billions(-kInf), "n/a");
}

TEST(NumberFormat, PercentAndBillions) {
  EXPECT_EQ(percent(-0.16968), "-16.97");
  EXPECT_EQ(percent(0.0123, {.sign = Sign::always, .suffix = "%"}), "+1.23%");
  EXPECT_EQ(percent(0.0123, {.decimals = 1, .scale = 7.0}), "1.2");  // the scale is always 100
  EXPECT_EQ(billions(-592.658e9), "-592.7");
  EXPECT_EQ(billions(-592.658e9, {.decimals = 1, .prefix = "$", .suffix = "B"}), "$-592.7B");
  EXPECT_EQ(billions(1.5e9, {.decimals = 2, .sign = Sign::always}), "+1.50");
}

}  // namespace
}  // namespace marketshock::report
