#include <marketshock/core/index_membership.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marketshock {
namespace {

using boost::gregorian::date;

TEST(IndexMembership, PointInTimeMembersWithExclusiveEnds) {
  IndexMembership ndx("ndx100", "Nasdaq-100");
  // MDB left on 2025-05-19 (first session out); SHOP joined that day.
  ndx.add_interval(Symbol("MDB"), date(2024, 7, 22), date(2025, 5, 19));
  ndx.add_interval(Symbol("SHOP"), date(2025, 5, 19), std::nullopt);
  ndx.add_interval(Symbol("NVDA"), date(2001, 1, 2), std::nullopt);
  EXPECT_TRUE(ndx.is_member(Symbol("MDB"), date(2025, 5, 16)));
  EXPECT_FALSE(ndx.is_member(Symbol("MDB"), date(2025, 5, 19)));
  EXPECT_TRUE(ndx.is_member(Symbol("SHOP"), date(2025, 5, 19)));
  EXPECT_FALSE(ndx.is_member(Symbol("SHOP"), date(2025, 5, 16)));
  EXPECT_FALSE(ndx.is_member(Symbol("AAPL"), date(2025, 5, 16)));
  EXPECT_EQ(ndx.members_on(date(2025, 1, 27)),
            (std::vector<Symbol>{Symbol("MDB"), Symbol("NVDA")}));
  EXPECT_EQ(ndx.all_symbols().size(), 3u);
}

TEST(IndexMembership, RejoiningAfterAGapAndOverlaps) {
  IndexMembership sp("sp500", "S&P 500");
  sp.add_interval(Symbol("X"), date(2010, 1, 4), date(2014, 9, 22));
  sp.add_interval(Symbol("X"), date(2020, 3, 23), std::nullopt);
  EXPECT_FALSE(sp.is_member(Symbol("X"), date(2016, 1, 4)));
  EXPECT_TRUE(sp.is_member(Symbol("X"), date(2025, 1, 27)));
  const auto intervals = sp.intervals(Symbol("X"));
  ASSERT_EQ(intervals.size(), 2u);
  EXPECT_EQ(intervals[0].second, date(2014, 9, 22));
  EXPECT_FALSE(intervals[1].second.has_value());
  EXPECT_THAT([&] { sp.add_interval(Symbol("X"), date(2021, 1, 4), std::nullopt); },
              testing::ThrowsMessage<DataError>(testing::HasSubstr("overlaps")));
  EXPECT_THROW(sp.add_interval(Symbol("Y"), date(2021, 1, 4), date(2021, 1, 4)), DataError);
}

}  // namespace
}  // namespace marketshock
