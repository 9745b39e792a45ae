#include <marketshock/io/vendor/share_series_checks.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace marketshock::io {
namespace {

using boost::gregorian::date;
using testing::HasSubstr;
using testing::ThrowsMessage;

// A series of `symbol` from (date, count) pairs.
std::vector<ShareObservation> series(const char* symbol,
                                     std::vector<std::pair<date, double>> points) {
  std::vector<ShareObservation> out;
  for (const auto& [day, shares] : points) {
    out.push_back(ShareObservation{.symbol = Symbol(symbol),
                                   .as_of = day,
                                   .shares = shares,
                                   .basis = SplitBasis::point_in_time(),
                                   .measure = "month-end count",
                                   .source = "test",
                                   .reference = ""});
  }
  return out;
}

TEST(NearestSplitRatio, MatchesForwardAndReverseRatios) {
  EXPECT_EQ(nearest_split_ratio(24.53 / 2.46), 10.0);
  EXPECT_EQ(nearest_split_ratio(17.0 / 4.28), 4.0);
  EXPECT_EQ(nearest_split_ratio(1.49), 1.5);
  EXPECT_EQ(nearest_split_ratio(0.0502), 0.05);
  EXPECT_EQ(nearest_split_ratio(1.16), std::nullopt);
  EXPECT_EQ(nearest_split_ratio(1.02), std::nullopt);
  EXPECT_THAT([] { (void)nearest_split_ratio(-2.0); },
              ThrowsMessage<InvalidArgument>(HasSubstr("invalid observed ratio -2")));
}

TEST(FlagShareOutliers, FlagsAnIsolatedSpikeBetweenAgreeingNeighbours) {
  // Yahoo's AMZN 2022-04: 16% above both neighbours, then the 20-for-1 split step.
  const auto amzn = series("AMZN", {{date(2022, 3, 31), 508844000.0},
                                    {date(2022, 4, 30), 591665984.0},
                                    {date(2022, 5, 31), 508720000.0},
                                    {date(2022, 6, 30), 10174400512.0},
                                    {date(2022, 7, 31), 10187599872.0}});
  const auto flagged = flag_share_outliers(amzn);
  ASSERT_EQ(flagged.size(), 1U);
  EXPECT_EQ(flagged[0].observation.as_of, date(2022, 4, 30));
  EXPECT_EQ(flagged[0].kind, OutlierKind::isolated);
  EXPECT_EQ(flagged[0].previous_as_of, date(2022, 3, 31));
  EXPECT_EQ(flagged[0].next_as_of, date(2022, 5, 31));
  EXPECT_NEAR(flagged[0].change_from_previous, 0.1628, 1e-4);
  EXPECT_THAT(flagged[0].reason, HasSubstr("+16.3% against 508844000 on 2022-03-31"));
}

TEST(FlagShareOutliers, FlagsARunOfTwoBetweenAgreeingNeighbours) {
  // FMP's RVTY: two bogus quarters in 2023.
  const auto rvty = series("RVTY", {{date(2022, 10, 2), 126378181.0},
                                    {date(2023, 1, 1), 165601856.0},
                                    {date(2023, 4, 2), 2894600405.0},
                                    {date(2023, 6, 30), 125215000.0},
                                    {date(2023, 9, 30), 123992000.0}});
  const auto flagged = flag_share_outliers(rvty);
  ASSERT_EQ(flagged.size(), 2U);
  EXPECT_EQ(flagged[0].observation.as_of, date(2023, 1, 1));
  EXPECT_EQ(flagged[1].observation.as_of, date(2023, 4, 2));
  EXPECT_EQ(flagged[1].kind, OutlierKind::isolated);
  EXPECT_THAT(flagged[1].reason, HasSubstr("one of 2 consecutive outliers"));
  ShareSeriesCheckOptions single;
  single.max_run = 1;
  // Without runs, only the larger one is caught, as a spike across disagreeing neighbours.
  const auto only = flag_share_outliers(rvty, single);
  ASSERT_EQ(only.size(), 1U);
  EXPECT_EQ(only[0].kind, OutlierKind::beyond_both);
}

TEST(FlagShareOutliers, FlagsASpikeAcrossARealStep) {
  // FMP's MET 2023 Q1 between two buyback quarters 4.8% apart.
  const auto met = series("MET", {{date(2022, 12, 31), 804500717.0},
                                  {date(2023, 3, 31), 4430905566.0},
                                  {date(2023, 6, 30), 765900000.0}});
  const auto flagged = flag_share_outliers(met);
  ASSERT_EQ(flagged.size(), 1U);
  EXPECT_EQ(flagged[0].kind, OutlierKind::beyond_both);
  EXPECT_EQ(to_string(flagged[0].kind), "beyond_both");
}

TEST(FlagShareOutliers, LeavesStepsDriftAndEndsAlone) {
  // A split step that persists, ordinary drift, a jump at the last observation.
  const auto nvda = series("NVDA", {{date(2024, 4, 30), 2.46e9},
                                    {date(2024, 5, 31), 2.459e9},
                                    {date(2024, 6, 30), 24.53e9},
                                    {date(2024, 7, 31), 24.55e9},
                                    {date(2024, 8, 31), 30.0e9}});
  EXPECT_TRUE(flag_share_outliers(nvda).empty());
  EXPECT_TRUE(flag_share_outliers(series("X", {})).empty());
  EXPECT_TRUE(flag_share_outliers(series("X", {{date(2024, 1, 31), 5.0}})).empty());
}

TEST(FlagShareOutliers, ASplitSeenOneCountEarlyIsNotTheOutlier) {
  // The new level appears, vanishes for one count, then stays: the odd one is the old level.
  const auto s = series("S", {{date(2024, 1, 31), 1e9},
                              {date(2024, 2, 29), 1e9},
                              {date(2024, 3, 31), 4e9},
                              {date(2024, 4, 30), 1e9},
                              {date(2024, 5, 31), 4e9},
                              {date(2024, 6, 30), 4e9}});
  const auto flagged = flag_share_outliers(s);
  ASSERT_EQ(flagged.size(), 1U);
  EXPECT_EQ(flagged[0].observation.as_of, date(2024, 4, 30));
}

TEST(FlagShareOutliers, RejectsUnsortedOrMixedSeries) {
  auto s = series("S", {{date(2024, 2, 29), 1e9}, {date(2024, 1, 31), 1e9}});
  EXPECT_THAT([&] { (void)flag_share_outliers(s); },
              ThrowsMessage<InvalidArgument>(HasSubstr("dates not strictly increasing")));
  s = series("S", {{date(2024, 1, 31), 1e9}});
  s.push_back(series("T", {{date(2024, 2, 29), 1e9}})[0]);
  EXPECT_THAT([&] { (void)detect_splits(s); },
              ThrowsMessage<InvalidArgument>(HasSubstr("mixes symbols S and T")));
}

TEST(DetectSplits, FindsPersistingStepsAtSplitRatios) {
  const auto nvda = series(
      "NVDA",
      {{date(2024, 4, 28), 2.46e9}, {date(2024, 7, 28), 24.53e9}, {date(2024, 10, 27), 24.49e9}});
  const auto found = detect_splits(nvda);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].symbol, Symbol("NVDA"));
  EXPECT_EQ(found[0].last_before, date(2024, 4, 28));
  EXPECT_EQ(found[0].first_after, date(2024, 7, 28));
  EXPECT_EQ(found[0].ratio, 10.0);
  EXPECT_NEAR(found[0].observed_ratio, 9.9715, 1e-4);
  EXPECT_TRUE(found[0].confirmed);

  // AAPL's 4-for-1 of 2020 as the last pair of the series: found, unconfirmed.
  const auto aapl = series("AAPL", {{date(2020, 7, 17), 4.28e9}, {date(2020, 10, 16), 17.0e9}});
  const auto last = detect_splits(aapl);
  ASSERT_EQ(last.size(), 1U);
  EXPECT_EQ(last[0].ratio, 4.0);
  EXPECT_FALSE(last[0].confirmed);
}

TEST(DetectSplits, IgnoresGlitchesAndOrdinaryChanges) {
  // A one-count jump at a split ratio that does not persist, and a 16% glitch.
  const auto s = series("S", {{date(2024, 1, 31), 1e9},
                              {date(2024, 2, 29), 2e9},
                              {date(2024, 3, 31), 1e9},
                              {date(2024, 4, 30), 1.16e9},
                              {date(2024, 5, 31), 1e9}});
  EXPECT_TRUE(detect_splits(s).empty());
  // A 1-for-10 reverse split.
  const auto r = series(
      "R", {{date(2024, 1, 31), 5e9}, {date(2024, 2, 29), 0.5e9}, {date(2024, 3, 31), 0.5e9}});
  ASSERT_EQ(detect_splits(r).size(), 1U);
  EXPECT_EQ(detect_splits(r)[0].ratio, 0.1);
}

TEST(ShareSeriesBySymbol, GroupsAndSortsWithoutDropping) {
  auto all = series("B", {{date(2024, 2, 29), 2.0}, {date(2024, 1, 31), 1.0}});
  const auto a = series("A", {{date(2024, 1, 31), 3.0}, {date(2024, 1, 31), 3.0}});
  all.insert(all.end(), a.begin(), a.end());
  const auto groups = share_series_by_symbol(all);
  ASSERT_EQ(groups.size(), 2U);
  EXPECT_EQ(groups.at(Symbol("A")).size(), 2U);
  EXPECT_EQ(groups.at(Symbol("B"))[0].as_of, date(2024, 1, 31));
}

}  // namespace
}  // namespace marketshock::io
