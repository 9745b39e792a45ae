#include <marketshock/core/step_series.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marketshock {
namespace {

using boost::gregorian::date;

TEST(StepSeries, AsOfIsInclusiveOfTheEffectiveDate) {
  // NVIDIA 10-Q cover counts (as reported, split-adjusted 10:1 after 2024-06-10).
  const StepSeries<double> shares(
      {{date(2024, 8, 21), 24'530'000'000.0}, {date(2024, 11, 15), 24'490'000'000.0}});
  EXPECT_FALSE(shares.as_of(date(2024, 8, 20)).has_value());
  EXPECT_EQ(shares.as_of(date(2024, 8, 21)).value(), 24'530'000'000.0);
  EXPECT_EQ(shares.as_of(date(2024, 11, 14)).value(), 24'530'000'000.0);
  EXPECT_EQ(shares.as_of(date(2024, 11, 15)).value(), 24'490'000'000.0);
  EXPECT_EQ(shares.as_of(date(2025, 1, 27)).value(), 24'490'000'000.0);
  EXPECT_EQ(shares.step_as_of(date(2025, 1, 27))->effective, date(2024, 11, 15));
  EXPECT_EQ(shares.size(), 2u);
}

TEST(StepSeries, WeekendEffectiveDatesApplyToTheNextSession) {
  // An effective date on a Saturday must be found by <=, never by equality with a session.
  const StepSeries<int> s({{date(2024, 1, 6), 1}});
  EXPECT_EQ(s.as_of(date(2024, 1, 8)).value(), 1);
}

TEST(StepSeries, EmptySeriesHasNoValue) {
  const StepSeries<bool> s;
  EXPECT_TRUE(s.empty());
  EXPECT_FALSE(s.as_of(date(2025, 1, 27)).has_value());
}

TEST(StepSeries, RejectsUnsortedOrDuplicateDates) {
  EXPECT_THAT(
      [] {
        StepSeries<int>({{date(2024, 2, 1), 1}, {date(2024, 2, 1), 2}});
      },
      testing::ThrowsMessage<DataError>(testing::HasSubstr("step 2 (2024-02-01) follows step 1")));
  EXPECT_THROW(StepSeries<int>({{date(2024, 3, 1), 1}, {date(2024, 2, 1), 2}}), DataError);
}

}  // namespace
}  // namespace marketshock
