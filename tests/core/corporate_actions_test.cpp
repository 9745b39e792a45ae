#include <marketshock/core/corporate_actions.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

namespace marketshock {
namespace {

using boost::gregorian::date;

// NVIDIA's splits since 2020: 4-for-1 effective 2021-07-20, 10-for-1 effective 2024-06-10.
CorporateActions nvda() {
  return CorporateActions(
      Symbol("NVDA"),
      {{date(2021, 7, 20), 4.0, std::nullopt}, {date(2024, 6, 10), 10.0, std::nullopt}}, {});
}

TEST(CorporateActions, SplitFactorCountsSplitsAfterFromUpToAndIncludingTo) {
  const auto actions = nvda();
  EXPECT_EQ(actions.split_factor(date(2020, 1, 2), date(2025, 1, 27)), 40.0);
  EXPECT_EQ(actions.split_factor(date(2024, 6, 7), date(2024, 6, 10)), 10.0);
  // On the effective day itself the price already trades on the new basis.
  EXPECT_EQ(actions.split_factor(date(2024, 6, 10), date(2025, 1, 27)), 1.0);
  EXPECT_EQ(actions.split_factor(date(2024, 6, 7), date(2024, 6, 7)), 1.0);
  EXPECT_EQ(actions.split_factor(date(2025, 1, 27), date(2020, 1, 2)), 1.0);
  // The 2020 close of 239.91 is 5.99775 on today's basis, as vendor files show it.
  EXPECT_DOUBLE_EQ(239.91 / actions.split_factor(date(2020, 1, 2), date(2025, 1, 27)), 5.99775);
}

TEST(CorporateActions, DividendFactorUndoesAnAdjustment) {
  // Two dividends of 1 on closes of 100 and 50: a price before both was scaled by 0.99 x 0.98.
  const CorporateActions actions(Symbol("XYZ"), {},
                                 {{date(2024, 3, 1), 1.0}, {date(2024, 6, 3), 1.0}});
  const std::vector<double> closes{100.0, 50.0};
  EXPECT_DOUBLE_EQ(actions.dividend_factor(date(2024, 1, 2), date(2025, 1, 1), closes),
                   0.99 * 0.98);
  EXPECT_DOUBLE_EQ(actions.dividend_factor(date(2024, 3, 1), date(2025, 1, 1), closes), 0.98);
  EXPECT_DOUBLE_EQ(actions.dividend_factor(date(2024, 1, 2), date(2024, 4, 1), closes), 0.99);
  EXPECT_THROW((void)actions.dividend_factor(date(2024, 1, 2), date(2025, 1, 1), {}),
               InvalidArgument);
}

TEST(CorporateActions, RejectsBadRatiosAndUnsortedDates) {
  EXPECT_THAT(
      [] {
        CorporateActions(Symbol("X"), {{date(2024, 1, 2), 0.0, std::nullopt}}, {});
      },
      testing::ThrowsMessage<DataError>(testing::HasSubstr("X: split effective 2024-01-02")));
  EXPECT_THROW(
      CorporateActions(
          Symbol("X"),
          {{date(2024, 2, 1), 2.0, std::nullopt}, {date(2024, 1, 2), 2.0, std::nullopt}}, {}),
      DataError);
  EXPECT_THROW(CorporateActions(Symbol("X"), {}, {{date(2024, 1, 2), -0.5}}), DataError);
}

}  // namespace
}  // namespace marketshock
