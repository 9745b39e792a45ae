#include <marketshock/io/vendor/index_membership.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

namespace marketshock::io {
namespace {

using boost::gregorian::date;
using testing::ElementsAre;
using testing::HasSubstr;
using Kind = MembershipDisagreement::Kind;

MembershipInterval spell(const char* symbol, date start, std::optional<date> end,
                         const char* source) {
  return {"sp500", Symbol(symbol), start, end, source};
}

IndexChange change(date effective, std::vector<Symbol> added, std::vector<Symbol> removed) {
  return {"sp500", effective, std::move(added), std::move(removed), "changes.csv:2"};
}

const std::vector<MembershipInterval> kIntervals = {
    spell("AAL", date(2015, 3, 23), date(2024, 9, 23), "start_end.csv:2"),
    spell("PLTR", date(2024, 9, 23), std::nullopt, "start_end.csv:3"),
    spell("KMX", date(2010, 6, 28), std::nullopt, "start_end.csv:4"),
    spell("DELL", date(1996, 9, 6), date(2013, 10, 29), "start_end.csv:5"),
    spell("DELL", date(2024, 9, 23), std::nullopt, "start_end.csv:6"),
};

TEST(MembersOn, EndIsTheFirstDayOut) {
  EXPECT_THAT(members_on(kIntervals, date(2024, 9, 20)), ElementsAre(Symbol("AAL"), Symbol("KMX")));
  EXPECT_THAT(members_on(kIntervals, date(2024, 9, 23)),
              ElementsAre(Symbol("DELL"), Symbol("KMX"), Symbol("PLTR")));
  EXPECT_THAT(members_on(kIntervals, date(2000, 1, 3)), ElementsAre(Symbol("DELL")));
}

TEST(CompareIntervalsWithChanges, AgreeingSourcesGiveNothing) {
  const std::vector changes = {
      change(date(2024, 9, 23), {Symbol("PLTR"), Symbol("DELL")}, {Symbol("AAL")})};
  EXPECT_TRUE(compare_intervals_with_changes(kIntervals, changes).empty());
  EXPECT_TRUE(compare_intervals_with_changes(kIntervals, {}).empty());
}

TEST(CompareIntervalsWithChanges, ReportsEveryUnmatchedBoundaryBothWays) {
  // The change list dates the PLTR addition a month late (like the 2025-03-24 rebalance dated
  // 2025-04-24), forgets DELL, and removes KMX, which the table still holds.
  const std::vector changes = {change(date(2024, 9, 23), {}, {Symbol("AAL")}),
                               change(date(2024, 10, 23), {Symbol("PLTR")}, {}),
                               change(date(2025, 10, 31), {}, {Symbol("KMX")})};
  const auto found = compare_intervals_with_changes(kIntervals, changes);
  ASSERT_EQ(found.size(), 4U);
  EXPECT_EQ(found[0].kind, Kind::interval_start_not_listed);
  EXPECT_EQ(found[0].symbol, Symbol("DELL"));
  EXPECT_THAT(found[0].detail, HasSubstr("the change list never mentions DELL"));
  EXPECT_EQ(found[1].kind, Kind::interval_start_not_listed);
  EXPECT_EQ(found[1].symbol, Symbol("PLTR"));
  EXPECT_THAT(found[1].detail, HasSubstr("added 2024-10-23 (changes.csv:2)"));
  EXPECT_EQ(found[2].kind, Kind::added_without_interval);
  EXPECT_EQ(found[2].date, date(2024, 10, 23));
  EXPECT_THAT(found[2].detail,
              HasSubstr("PLTR is a member on that day in interval [2024-09-23, open) "
                        "(start_end.csv:3)"));
  EXPECT_EQ(found[3].kind, Kind::removed_without_interval);
  EXPECT_EQ(found[3].symbol, Symbol("KMX"));
  EXPECT_EQ(to_string(found[3].kind), "removed_without_interval");
}

TEST(CompareIntervalsWithChanges, IgnoresBoundariesBeforeTheFirstChange) {
  const std::vector changes = {
      change(date(2024, 9, 23), {Symbol("PLTR"), Symbol("DELL")}, {Symbol("AAL")})};
  std::vector intervals = kIntervals;
  intervals.push_back(spell("OLD", date(2001, 1, 2), date(2005, 1, 3), "start_end.csv:7"));
  EXPECT_TRUE(compare_intervals_with_changes(intervals, changes).empty());
}

}  // namespace
}  // namespace marketshock::io
