// Index reconstruction, attribution, sectors and counterfactuals on the hand-built market of
// contagion_fixtures.hpp; every expected number is derived there by hand.
#include "indices/contagion_fixtures.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/indices/attribution.hpp>
#include <marketshock/indices/counterfactual.hpp>
#include <marketshock/indices/index_reconstruction.hpp>
#include <marketshock/indices/index_registry.hpp>
#include <marketshock/indices/sector_contribution.hpp>
#include <marketshock/indices/session_analysis.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace marketshock::indices {
namespace {

using namespace testing_fixtures;
using ::testing::HasSubstr;

const MarketData& market() {
  static const MarketData data = contagion_market();
  return data;
}

IndexReconstruction sp500() {
  return IndexReconstruction::build(market(), IndexRegistry::standard().require("sp500"),
                                    TradingCalendar::nyse(), {S0, S2});
}

const MemberWeight& member(const SessionReconstruction& s, std::string_view symbol) {
  const auto it = std::find_if(s.members.begin(), s.members.end(),
                               [&](const MemberWeight& m) { return m.symbol.view() == symbol; });
  EXPECT_NE(it, s.members.end()) << symbol;
  return *it;
}

TEST(IndexReconstruction, WeightsFromPriorCloseMarketValues) {
  const SessionReconstruction s = sp500().session(S2);
  EXPECT_EQ(s.previous_session, S1);
  EXPECT_EQ(s.members.size(), 7u);
  EXPECT_EQ(s.included_count, 3u);
  EXPECT_DOUBLE_EQ(member(s, "AAA").weight, 0.25);
  EXPECT_DOUBLE_EQ(member(s, "BBB").weight, 0.25);
  EXPECT_DOUBLE_EQ(member(s, "CCC").weight, 0.50);
  EXPECT_NEAR(member(s, "CCC").price_return, -0.06, 1e-12);
  EXPECT_NEAR(s.rebuilt_return, -0.03, 1e-12);
  EXPECT_NEAR(s.actual_return, -0.03, 1e-12);  // SPX 1000 -> 970
  EXPECT_DOUBLE_EQ(s.previous_level, 1000.0);
  EXPECT_NEAR(member(s, "CCC").market_value_change_usd, -12e9, 1e-3);
}

TEST(IndexReconstruction, EveryUnweightedMemberHasItsReason) {
  const SessionReconstruction s = sp500().session(S2);
  EXPECT_EQ(member(s, "DDD").valuation, ValuationStatus::no_shares);
  EXPECT_FALSE(member(s, "DDD").weighted);
  EXPECT_NEAR(member(s, "DDD").price_return, -0.20, 1e-12);  // the return is still known
  EXPECT_EQ(member(s, "EEE").valuation, ValuationStatus::no_bar);
  EXPECT_TRUE(std::isnan(member(s, "EEE").price_return));
  EXPECT_EQ(member(s, "FFF").valuation, ValuationStatus::no_previous_bar);
  EXPECT_EQ(member(s, "VVV").valuation, ValuationStatus::dividend_adjusted_prices);
  EXPECT_EQ(weight_status(member(s, "VVV")), "dividend_adjusted_prices");
  EXPECT_TRUE(std::isnan(member(s, "VVV").market_value_change_usd));
  EXPECT_EQ(member(s, "VVV").weight, 0.0);
}

TEST(IndexReconstruction, DualClassIssuerCountedOnceOnTheCarryingClass) {
  const auto ndx = IndexReconstruction::build(market(), IndexRegistry::standard().require("ndx100"),
                                              TradingCalendar::nyse(), {S0, S2});
  const SessionReconstruction s = ndx.session(S2);
  EXPECT_EQ(member(s, "GOOG").valuation, ValuationStatus::value_on_other_class);
  EXPECT_DOUBLE_EQ(member(s, "GOOGL").weight, 0.5);
  EXPECT_DOUBLE_EQ(member(s, "AAA").weight, 0.5);
  EXPECT_NEAR(s.rebuilt_return, -0.075, 1e-12);
  EXPECT_NEAR(s.actual_return, -0.075, 1e-12);  // NDX 2000 -> 1850
  // Two issuers of 50% cannot meet the 48% aggregate cap: the capping reports infeasible and
  // leaves market-value weights (factor 1).
  ASSERT_EQ(ndx.epochs().size(), 1u);
  EXPECT_TRUE(ndx.epochs()[0].stand_in);
  EXPECT_EQ(ndx.epochs()[0].capping.status, CappingStatus::infeasible);
  EXPECT_DOUBLE_EQ(member(s, "GOOGL").weight_factor, 1.0);
}

TEST(IndexReconstruction, ExclusionRenormalisesTheRest) {
  const SessionReconstruction s = sp500().session(S2, std::vector<Symbol>{Symbol("CCC")});
  EXPECT_TRUE(member(s, "CCC").excluded_by_request);
  EXPECT_FALSE(member(s, "CCC").weighted);
  EXPECT_EQ(member(s, "CCC").valuation, ValuationStatus::available);  // valued, but left out
  EXPECT_EQ(weight_status(member(s, "CCC")), "excluded_by_request");
  EXPECT_DOUBLE_EQ(member(s, "AAA").weight, 0.5);
  EXPECT_NEAR(s.rebuilt_return, 0.0, 1e-12);  // 0.5 x -10% + 0.5 x +10%
}

TEST(IndexReconstruction, SeriesMatchesSessions) {
  const auto index = sp500();
  const RebuiltSeries series = index.series();
  ASSERT_EQ(series.sessions.size(), 2u);  // S1 and S2; S0 is the base
  EXPECT_EQ(series.sessions[1], S2);
  EXPECT_NEAR(series.rebuilt_returns[0], 0.0, 1e-12);  // nothing moved on S1
  // One weight formula: the series and the session agree to the bit.
  EXPECT_EQ(series.rebuilt_returns[1], index.session(S2).rebuilt_return);
  EXPECT_EQ(series.member_counts[1], 7u);
  EXPECT_EQ(series.included_counts[1], 3u);
}

TEST(IndexReconstruction, SessionOutsideTheWindowNamesIt) {
  EXPECT_THAT([] { (void)sp500().session(S0); },
              ::testing::ThrowsMessage<InvalidArgument>(HasSubstr("2025-01-24 to 2025-01-27")));
}

TEST(Attribution, ContributionsRankedInTheDirectionOfTheMove) {
  const auto index = sp500();
  const Attribution a = attribute(index, index.session(S2));
  ASSERT_EQ(a.ranked.size(), 3u);
  EXPECT_EQ(a.ranked[0].symbol.view(), "CCC");  // 0.5 x -6% = -300 bp
  EXPECT_NEAR(a.ranked[0].contribution_bps, -300.0, 1e-9);
  EXPECT_NEAR(a.ranked[0].contribution_points, -30.0, 1e-9);  // of SPX 1000
  EXPECT_EQ(a.ranked[0].sector, "Health Care");
  EXPECT_EQ(a.ranked[1].symbol.view(), "AAA");  // -250 bp
  EXPECT_EQ(a.ranked[2].symbol.view(), "BBB");  // +250 bp
  ASSERT_EQ(a.concentration.size(), 1u);        // only the top 1 exists among 3 members
  EXPECT_NEAR(a.concentration[0].share_of_move, 1.0, 1e-12);  // -300 / -300
  const auto against = offsetting_contributors(a, 5);
  ASSERT_EQ(against.size(), 1u);
  EXPECT_EQ(against[0].symbol.view(), "BBB");
}

TEST(SectorContribution, SumsBySector) {
  const auto index = sp500();
  const auto sectors = sector_contributions(index, index.session(S2));
  ASSERT_EQ(sectors.size(), 2u);
  EXPECT_EQ(sectors[0].sector, "Health Care");  // most negative first on a falling session
  EXPECT_EQ(sectors[0].members, 2u);            // CCC and VVV
  EXPECT_EQ(sectors[0].included, 1u);
  EXPECT_NEAR(sectors[0].contribution_bps, -300.0, 1e-9);
  EXPECT_NEAR(sectors[0].sector_return, -0.06, 1e-12);
  EXPECT_NEAR(sectors[0].market_value_change_usd, -12e9, 1e-3);
  EXPECT_EQ(sectors[1].sector, "Information Technology");
  EXPECT_NEAR(sectors[1].weight, 0.5, 1e-12);
  EXPECT_NEAR(sectors[1].contribution_bps, 0.0, 1e-9);
  EXPECT_NEAR(sectors[1].market_value_change_usd, 0.0, 1e-3);  // AAA -10e9, BBB +10e9
  EXPECT_EQ(sectors[1].valued, 2u);  // DDD (no shares), EEE (no bar), FFF (no previous bar) not
}

TEST(Counterfactual, ExclusionAndEqualWeight) {
  const auto index = sp500();
  const SessionReconstruction full = index.session(S2);
  const auto ex =
      exclusion_counterfactual(index, full, std::vector<Symbol>{Symbol("CCC"), Symbol("DDD")});
  EXPECT_THAT(ex.excluded, ::testing::ElementsAre(Symbol("CCC")));
  EXPECT_THAT(ex.without_weight, ::testing::ElementsAre(Symbol("DDD")));
  EXPECT_NEAR(ex.excluded_weight, 0.5, 1e-12);
  EXPECT_NEAR(ex.excluded_contribution_bps, -300.0, 1e-9);
  EXPECT_NEAR(ex.rebuilt_return_excluding, 0.0, 1e-12);
  // Identity: full = w_ex x r_ex + (1 - w_ex) x excluding.
  EXPECT_NEAR(
      ex.rebuilt_return,
      ex.excluded_contribution_bps / 1e4 + (1 - ex.excluded_weight) * ex.rebuilt_return_excluding,
      1e-12);

  const EqualWeighted ew = equal_weighted(full);
  EXPECT_EQ(ew.members, 5u);  // AAA BBB CCC DDD VVV have returns; EEE, FFF do not
  EXPECT_NEAR(ew.equal_weighted_return, (-0.10 + 0.10 - 0.06 - 0.20 - 0.02) / 5, 1e-12);
  EXPECT_NEAR(ew.cap_weighted_return, -0.03, 1e-12);
}

TEST(SessionAnalysis, BreadthExtremesAndMarketValue) {
  const auto index = sp500();
  const IndexSessionAnalysis a = analyse_session(index, S2, std::vector<Symbol>{Symbol("CCC")}, 2);
  EXPECT_EQ(a.breadth.advancers, 1u);  // BBB
  EXPECT_EQ(a.breadth.decliners, 4u);  // AAA CCC DDD VVV
  EXPECT_EQ(a.breadth.missing, 2u);    // EEE FFF
  ASSERT_EQ(a.worst.size(), 2u);
  EXPECT_EQ(a.worst[0].symbol.view(), "DDD");
  EXPECT_EQ(a.best[0].symbol.view(), "BBB");
  ASSERT_TRUE(a.extremes.has_value());
  EXPECT_NEAR(a.extremes->low_return, -0.05, 1e-12);  // 950 / 1000 - 1
  EXPECT_NEAR(a.extremes->high_return, -0.01, 1e-12);
  EXPECT_NEAR(a.extremes->open_return, -0.02, 1e-12);
  EXPECT_NEAR(a.market_value_change_usd, -12e9, 1e-3);  // AAA -10 + BBB +10 + CCC -12
  EXPECT_EQ(a.valued, 3u);
  ASSERT_TRUE(a.excluding.has_value());
  EXPECT_NEAR(a.excluding->rebuilt_return_excluding, 0.0, 1e-12);
  EXPECT_NEAR(a.window_tracking.rmse_bps, 0.0, 1e-9);
}

TEST(ReconstructionWindow, StartsWhereMembersHaveBars) {
  // 6 of the 7 sp500 members have a bar on each session (FFF lacks S0, S1; EEE lacks S2).
  const auto w = default_window(market(), "sp500", TradingCalendar::nyse(), 0.85);
  EXPECT_EQ(w.first, S0);
  EXPECT_EQ(w.last, S2);
  EXPECT_THROW((void)default_window(market(), "sp500", TradingCalendar::nyse(), 0.9), DataError);
  EXPECT_THROW((void)default_window(market(), "dow", TradingCalendar::nyse()), InvalidArgument);
}

}  // namespace
}  // namespace marketshock::indices
