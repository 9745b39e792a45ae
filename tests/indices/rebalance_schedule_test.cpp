// Nasdaq-100 quarterly rebalance dates, listed by hand from the NYSE calendar.
#include <marketshock/indices/rebalance_schedule.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marketshock::indices {
namespace {

using boost::gregorian::date;

TEST(RebalanceSchedule, DatasetWindow) {
  // Reference: last session of the prior month (2024-11-29 is the early-close Friday after
  // Thanksgiving); eve: the third Friday; effective: the Monday after.
  EXPECT_THAT(
      nasdaq100_rebalances(TradingCalendar::nyse(), date(2024, 8, 1), date(2025, 4, 30)),
      ::testing::ElementsAre(Rebalance{date(2024, 8, 30), date(2024, 9, 20), date(2024, 9, 23)},
                             Rebalance{date(2024, 11, 29), date(2024, 12, 20), date(2024, 12, 23)},
                             Rebalance{date(2025, 2, 28), date(2025, 3, 21), date(2025, 3, 24)}));
}

TEST(RebalanceSchedule, ThirdFridayOnAHoliday) {
  // 2026-06-19, the third Friday of June, is Juneteenth: the eve is Thursday the 18th.
  EXPECT_THAT(
      nasdaq100_rebalances(TradingCalendar::nyse(), date(2026, 6, 1), date(2026, 6, 30)),
      ::testing::ElementsAre(Rebalance{date(2026, 5, 29), date(2026, 6, 18), date(2026, 6, 22)}));
}

}  // namespace
}  // namespace marketshock::indices
