// Attribution, breadth, counterfactuals and sector contributions on a hand-built rising session
// (the falling one is in index_reconstruction_test.cpp). Every expected number is derived here.
//
// Sessions S0 = Thu 2025-01-23 (base), S1 = Fri 2025-01-24; index "rise", level 1000 -> 1030.
//   UUU  IT         1e9 shares  100 -> 110  +10%  prior value 100e9  change +10e9
//   VVV  IT         2e9 shares   50 ->  49   -2%  prior value 100e9  change  -2e9
//   WWW  (no sector) 1e9 shares 200 -> 204   +2%  prior value 200e9  change  +4e9
//   XXX  IT         no shares    10 ->  11  +10%  no market value: no weight
//   YYY  IT         1e9 shares    - ->  40        listed on S1: no previous bar, no return
// Weights at the prior close: UUU 0.25, VVV 0.25, WWW 0.5; rebuilt return
// 0.25 x 10% - 0.25 x 2% + 0.5 x 2% = +3.0% (= the level's).
#include <marketshock/indices/attribution.hpp>
#include <marketshock/indices/breadth.hpp>
#include <marketshock/indices/counterfactual.hpp>
#include <marketshock/indices/index_reconstruction.hpp>
#include <marketshock/indices/sector_contribution.hpp>
#include <marketshock/indices/session_analysis.hpp>
#include <marketshock/indices/total_market_value_weighting.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <optional>

namespace marketshock::indices {
namespace {

using boost::gregorian::date;
using ::testing::ElementsAre;
const date S0(2025, 1, 23), S1(2025, 1, 24);
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Bar flat(date day, double close) {
  return Bar{day, close, close, close, close, 1};
}

void add(MarketDataBuilder& b, const char* symbol, const char* sector,
         std::vector<std::pair<date, double>> closes, std::optional<double> shares) {
  b.add_issuer({IssuerId(symbol), symbol, std::nullopt});
  std::vector<Bar> bars;
  for (const auto& [day, close] : closes) bars.push_back(flat(day, close));
  b.add_security(Security{Symbol(symbol), IssuerId(symbol), "", Exchange::nyse, sector, "",
                          std::string(symbol) + " Corp."},
                 DailyBars(Symbol(symbol), PriceBasis::as_traded(), bars), {});
  if (shares) {
    b.set_shares(Symbol(symbol),
                 StepSeries<SharesRecord>(
                     {{date(2020, 1, 2), {*shares, *shares, 1.0, "count", "test", ""}}}));
  }
}

MarketData rising_market() {
  MarketDataBuilder b("rising");
  const char* it = "Information Technology";
  add(b, "UUU", it, {{S0, 100}, {S1, 110}}, 1e9);
  add(b, "VVV", it, {{S0, 50}, {S1, 49}}, 2e9);
  add(b, "WWW", "", {{S0, 200}, {S1, 204}}, 1e9);
  add(b, "XXX", it, {{S0, 10}, {S1, 11}}, std::nullopt);
  add(b, "YYY", it, {{S1, 40}}, 1e9);
  IndexMembership rise("rise", "Rising index");
  for (const char* s : {"UUU", "VVV", "WWW", "XXX", "YYY"}) {
    rise.add_interval(Symbol(s), date(2020, 1, 2), std::nullopt);
  }
  b.add_membership(std::move(rise));
  const std::vector<Bar> levels{flat(S0, 1000), flat(S1, 1030)};
  b.add_index_levels("RISE", DailyBars(Symbol("RISE"), PriceBasis::as_traded(), levels));
  return std::move(b).build();
}

const IndexReconstruction& index() {
  static const MarketData data = rising_market();
  static const IndexSpec spec{"rise", "Rising index",
                              "RISE", "rise",
                              "GICS", std::make_shared<const TotalMarketValueWeighting>()};
  static const IndexReconstruction rebuilt =
      IndexReconstruction::build(data, spec, TradingCalendar::nyse(), {S0, S1});
  return rebuilt;
}

TEST(Breadth, CountsEveryReturnOnce) {
  const double returns[] = {0.01, -0.02, 0.0, kNaN, 0.03, -0.0};
  const Breadth b = breadth(returns);
  EXPECT_EQ(b.advancers, 2u);
  EXPECT_EQ(b.decliners, 1u);
  EXPECT_EQ(b.unchanged, 2u);  // 0 and -0
  EXPECT_EQ(b.missing, 1u);
  const Breadth none = breadth({});
  EXPECT_EQ(none.advancers + none.decliners + none.unchanged + none.missing, 0u);
}

TEST(Breadth, OfARisingSessionCountsUnweightedMembers) {
  const IndexSessionAnalysis a = analyse_session(index(), S1);
  EXPECT_EQ(a.breadth.advancers, 3u);  // UUU WWW XXX (XXX has no weight, but a return)
  EXPECT_EQ(a.breadth.decliners, 1u);  // VVV
  EXPECT_EQ(a.breadth.unchanged, 0u);
  EXPECT_EQ(a.breadth.missing, 1u);  // YYY: no previous bar
  EXPECT_EQ(a.session.members.size(), 5u);
}

TEST(Attribution, RisingSessionRankedUpwards) {
  const SessionReconstruction s = index().session(S1);
  EXPECT_NEAR(s.rebuilt_return, 0.03, 1e-15);
  EXPECT_NEAR(s.actual_return, 0.03, 1e-15);
  EXPECT_NEAR(s.divisor, 400e9 / 1000.0, 1e-3);  // USD of market value per index point
  const Attribution a = attribute(index(), s);
  ASSERT_EQ(a.ranked.size(), 3u);
  EXPECT_EQ(a.ranked[0].symbol.view(), "UUU");  // 0.25 x 10% = +250 bp
  EXPECT_NEAR(a.ranked[0].contribution_bps, 250.0, 1e-9);
  EXPECT_NEAR(a.ranked[0].contribution_points, 25.0, 1e-9);  // of 1000
  EXPECT_NEAR(a.ranked[0].market_value_change_usd, 10e9, 1e-3);
  EXPECT_EQ(a.ranked[1].symbol.view(), "WWW");  // 0.5 x 2% = +100 bp
  EXPECT_NEAR(a.ranked[1].contribution_bps, 100.0, 1e-9);
  EXPECT_EQ(a.ranked[2].symbol.view(), "VVV");  // 0.25 x -2% = -50 bp
  EXPECT_NEAR(a.ranked[2].contribution_bps, -50.0, 1e-9);
  double points = 0.0;
  for (const Contribution& c : a.ranked) points += c.contribution_points;
  EXPECT_NEAR(points, 30.0, 1e-9);  // 1000 -> 1030
  ASSERT_EQ(a.concentration.size(), 1u);
  EXPECT_NEAR(a.concentration[0].share_of_move, 250.0 / 300.0, 1e-12);
  const auto against = offsetting_contributors(a, 5);
  ASSERT_EQ(against.size(), 1u);
  EXPECT_EQ(against[0].symbol.view(), "VVV");
  EXPECT_TRUE(offsetting_contributors(a, 0).empty());
}

TEST(SectorContribution, RisingSessionWithAnUnknownSector) {
  const auto sectors = sector_contributions(index(), index().session(S1));
  ASSERT_EQ(sectors.size(), 2u);
  // Information Technology: UUU, VVV weighted; XXX (no shares) and YYY (no previous bar) not.
  EXPECT_EQ(sectors[0].sector, "Information Technology");  // +200 bp first on a rising session
  EXPECT_EQ(sectors[0].members, 4u);
  EXPECT_EQ(sectors[0].included, 2u);
  EXPECT_NEAR(sectors[0].weight, 0.5, 1e-15);
  EXPECT_NEAR(sectors[0].contribution_bps, 200.0, 1e-9);
  EXPECT_NEAR(sectors[0].sector_return, 0.04, 1e-12);          // (0.25 x 10% - 0.25 x 2%) / 0.5
  EXPECT_NEAR(sectors[0].market_value_change_usd, 8e9, 1e-3);  // +10e9 - 2e9
  EXPECT_EQ(sectors[0].valued, 2u);
  EXPECT_EQ(sectors[1].sector, "(unknown)");
  EXPECT_NEAR(sectors[1].contribution_bps, 100.0, 1e-9);
  EXPECT_NEAR(sectors[1].sector_return, 0.02, 1e-12);
  EXPECT_NEAR(sectors[1].market_value_change_usd, 4e9, 1e-3);
}

TEST(Counterfactual, ExcludingTheLeaderAndMembersWithoutWeight) {
  const SessionReconstruction full = index().session(S1);
  const auto ex = exclusion_counterfactual(
      index(), full, std::vector<Symbol>{Symbol("UUU"), Symbol("XXX"), Symbol("ZZZ")});
  EXPECT_THAT(ex.excluded, ElementsAre(Symbol("UUU")));
  // XXX is a member without weight (no share count); ZZZ is no member at all.
  EXPECT_THAT(ex.without_weight, ElementsAre(Symbol("XXX"), Symbol("ZZZ")));
  EXPECT_NEAR(ex.excluded_weight, 0.25, 1e-15);
  EXPECT_NEAR(ex.excluded_contribution_bps, 250.0, 1e-9);
  // VVV and WWW renormalised to 1/3 and 2/3: (-2% + 2 x 2%) / 3.
  EXPECT_NEAR(ex.rebuilt_return_excluding, 0.02 / 3.0, 1e-15);
  EXPECT_NEAR(
      ex.rebuilt_return,
      ex.excluded_contribution_bps / 1e4 + (1 - ex.excluded_weight) * ex.rebuilt_return_excluding,
      1e-15);

  const SessionReconstruction without = index().session(S1, std::vector<Symbol>{Symbol("UUU")});
  EXPECT_NEAR(equal_weighted(full).equal_weighted_return, (0.10 - 0.02 + 0.02 + 0.10) / 4, 1e-15);
  EXPECT_EQ(equal_weighted(full).members, 4u);  // YYY has no return
  EXPECT_NEAR(equal_weighted(without).equal_weighted_return, (-0.02 + 0.02 + 0.10) / 3, 1e-15);

  // Excluding nobody who carries weight changes nothing, to the bit.
  const auto none = exclusion_counterfactual(index(), full, std::vector<Symbol>{Symbol("XXX")});
  EXPECT_TRUE(none.excluded.empty());
  EXPECT_EQ(none.rebuilt_return_excluding, full.rebuilt_return);
}

TEST(Counterfactual, ExcludingEveryWeightedMemberLeavesNoIndex) {
  const SessionReconstruction full = index().session(S1);
  const auto ex = exclusion_counterfactual(
      index(), full, std::vector<Symbol>{Symbol("UUU"), Symbol("VVV"), Symbol("WWW")});
  EXPECT_NEAR(ex.excluded_weight, 1.0, 1e-15);
  EXPECT_TRUE(std::isnan(ex.rebuilt_return_excluding));
}

}  // namespace
}  // namespace marketshock::indices
