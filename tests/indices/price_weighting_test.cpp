// The price-weighted strategy on a hand-built three-member index with a divisor and a split
// inside the window. Every expected number is worked out below from the closes.
//
// Sessions: S0 Wed 2025-01-22 (base), S1 Thu 01-23, S2 Fri 01-24, S3 Mon 01-27.
// Traded closes                 S0    S1    S2    S3
//   AAA (2:1 split on S3)       100   102   104   53     (bars split-adjusted: 50 51 52 53)
//   BBB                          50    49    50   51
//   CCC (no share count)        150   151   149  150
//   sum                         300   302   303  254
// Divisor 0.5 until the split, so the levels are 600, 604, 606. The split halves AAA's price,
// so the divisor becomes (104 / 2 + 50 + 149) / 606 = 251 / 606 and the S3 level is
// 254 / (251 / 606) = 254 x 606 / 251 = 613.243...: the index moves by 254 / 251 - 1 = +1.195%.
#include <marketshock/indices/attribution.hpp>
#include <marketshock/indices/index_reconstruction.hpp>
#include <marketshock/indices/price_weighting.hpp>
#include <marketshock/indices/session_analysis.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace marketshock::indices {
namespace {

using boost::gregorian::date;
const date S0(2025, 1, 22), S1(2025, 1, 23), S2(2025, 1, 24), S3(2025, 1, 27);
const double kLevel3 = 254.0 * 606.0 / 251.0;

Bar flat(date day, double close) {
  return Bar{day, close, close, close, close, 1};
}

void add(MarketDataBuilder& b, const char* symbol, PriceBasis basis, std::vector<double> closes,
         bool with_shares) {
  b.add_issuer({IssuerId(symbol), symbol, std::nullopt});
  std::vector<Bar> bars;
  const date days[] = {S0, S1, S2, S3};
  for (std::size_t k = 0; k < closes.size(); ++k) bars.push_back(flat(days[k], closes[k]));
  b.add_security(Security{Symbol(symbol), IssuerId(symbol), "", Exchange::nyse,
                          "Information Technology", "", std::string(symbol) + " Inc."},
                 DailyBars(Symbol(symbol), basis, bars), {});
  if (with_shares) {
    b.set_shares(Symbol(symbol), StepSeries<SharesRecord>(
                                     {{date(2020, 1, 2), {1e9, 1e9, 1.0, "count", "test", ""}}}));
  }
}

MarketData price_weighted_market() {
  MarketDataBuilder b("price-weighted-fixture");
  // AAA's bars are split-adjusted as of 2025-04-30: the traded closes before the split are
  // twice the bars'.
  add(b, "AAA", PriceBasis::split_adjusted(date(2025, 4, 30)), {50, 51, 52, 53}, true);
  Split split;
  split.effective = S3;
  split.ratio = 2.0;
  b.set_actions(Symbol("AAA"), CorporateActions(Symbol("AAA"), {split}, {}));
  add(b, "BBB", PriceBasis::as_traded(), {50, 49, 50, 51}, true);
  add(b, "CCC", PriceBasis::as_traded(), {150, 151, 149, 150}, false);
  IndexMembership avg("avg3", "Three-stock average");
  for (const char* s : {"AAA", "BBB", "CCC"}) avg.add_interval(Symbol(s), S0, std::nullopt);
  b.add_membership(std::move(avg));
  const std::vector<Bar> levels{flat(S0, 600), flat(S1, 604), flat(S2, 606), flat(S3, kLevel3)};
  b.add_index_levels("AVG3", DailyBars(Symbol("AVG3"), PriceBasis::as_traded(), levels));
  return std::move(b).build();
}

const MarketData& market() {
  static const MarketData data = price_weighted_market();
  return data;
}

const IndexSpec& spec() {
  static const IndexSpec s{"avg3", "Three-stock average",
                           "AVG3", "avg3",
                           "GICS", std::make_shared<const PriceWeighting>()};
  return s;
}

const IndexReconstruction& index() {
  static const IndexReconstruction rebuilt =
      IndexReconstruction::build(market(), spec(), TradingCalendar::nyse(), {S0, S3});
  return rebuilt;
}

const MemberWeight& member(const SessionReconstruction& s, std::string_view symbol) {
  const auto it = std::find_if(s.members.begin(), s.members.end(),
                               [&](const MemberWeight& m) { return m.symbol.view() == symbol; });
  EXPECT_NE(it, s.members.end()) << symbol;
  return *it;
}

TEST(PriceWeighting, TradedPricesRestatedFromSplitAdjustedBars) {
  const MemberPanel& panel = index().panel();
  const Eigen::Index aaa = 0;  // rows are S0..S3
  ASSERT_EQ(panel.symbols()[0].view(), "AAA");
  EXPECT_DOUBLE_EQ(panel.traded_closes()(1, aaa), 102.0);  // bar 51 x 2 before the split
  EXPECT_DOUBLE_EQ(panel.traded_closes()(2, aaa), 104.0);
  EXPECT_DOUBLE_EQ(panel.traded_closes()(3, aaa), 53.0);
  // The previous close in the shares of the session: 102 on S2, 104 / 2 on S3.
  EXPECT_DOUBLE_EQ(panel.previous_traded_closes()(2, aaa), 102.0);
  EXPECT_DOUBLE_EQ(panel.previous_traded_closes()(3, aaa), 52.0);
}

TEST(PriceWeighting, ReturnsAreSumsOfPrices) {
  const RebuiltSeries series = index().series();
  ASSERT_EQ(series.sessions.size(), 3u);
  EXPECT_NEAR(series.rebuilt_returns[0], 302.0 / 300.0 - 1.0, 1e-15);
  EXPECT_NEAR(series.rebuilt_returns[1], 303.0 / 302.0 - 1.0, 1e-15);
  EXPECT_NEAR(series.rebuilt_returns[2], 254.0 / 251.0 - 1.0, 1e-15);  // across the split
  for (Eigen::Index k = 0; k < 3; ++k) {
    EXPECT_NEAR(series.rebuilt_returns[k], series.actual_returns[k], 1e-15) << k;
  }
}

TEST(PriceWeighting, WeightsArePricesOverTheirSumAndNeedNoShareCount) {
  const SessionReconstruction s = index().session(S3);
  EXPECT_EQ(s.included_count, 3u);
  EXPECT_NEAR(member(s, "AAA").weight, 52.0 / 251.0, 1e-15);  // 104 / 2 after the split
  EXPECT_NEAR(member(s, "BBB").weight, 50.0 / 251.0, 1e-15);
  EXPECT_NEAR(member(s, "CCC").weight, 149.0 / 251.0, 1e-15);
  // CCC has no share count: no market value, but a price, so it weighs.
  EXPECT_EQ(member(s, "CCC").valuation, ValuationStatus::no_shares);
  EXPECT_TRUE(member(s, "CCC").weighted);
  EXPECT_TRUE(std::isnan(member(s, "CCC").market_value_change_usd));
  EXPECT_NEAR(member(s, "AAA").price_return, 53.0 / 52.0 - 1.0, 1e-15);
}

TEST(PriceWeighting, DivisorInForceAndPointsPerDollar) {
  // Before the split the divisor in force on S2 is the S1 sum over the S1 level: 302 / 604.
  EXPECT_NEAR(index().session(S2).divisor, 0.5, 1e-15);
  // On S3 the split has changed it: (52 + 50 + 149) / 606.
  const SessionReconstruction s = index().session(S3);
  EXPECT_NEAR(s.divisor, 251.0 / 606.0, 1e-15);
  // A $1 move is 1 / divisor points: AAA rose $1 (52 -> 53 in S3's shares), BBB $1, CCC $1.
  const Attribution a = attribute(index(), s);
  ASSERT_EQ(a.ranked.size(), 3u);
  for (const Contribution& c : a.ranked) {
    EXPECT_NEAR(c.contribution_points, 1.0 / s.divisor, 1e-12) << c.symbol.view();
  }
  double points = 0.0;
  for (const Contribution& c : a.ranked) points += c.contribution_points;
  EXPECT_NEAR(points, kLevel3 - 606.0, 1e-9);  // the level's move: 3 x 606 / 251
}

TEST(PriceWeighting, ImpliedDivisorConstantWithinPeriodsAndStepsAtTheSplit) {
  const auto d = spec().weighting->implied_divisors(index().panel());
  ASSERT_TRUE(d.has_value());
  ASSERT_EQ(d->periods.size(), 2u);
  EXPECT_EQ(d->periods[0].first, S0);
  EXPECT_EQ(d->periods[0].last, S2);
  EXPECT_EQ(d->periods[0].starts_with, "window start");
  EXPECT_EQ(d->periods[0].sessions, 3u);
  EXPECT_NEAR(d->periods[0].min, 0.5, 1e-15);
  EXPECT_NEAR(d->periods[0].max_relative_variation, 0.0, 1e-15);
  EXPECT_TRUE(d->periods[0].steps.empty());
  EXPECT_EQ(d->periods[1].first, S3);
  EXPECT_EQ(d->periods[1].starts_with, "split: AAA 2:1");
  EXPECT_NEAR(d->periods[1].min, 251.0 / 606.0, 1e-15);
  EXPECT_NEAR(d->divisors[3], 251.0 / 606.0, 1e-15);
  // The implied divisor of S3's close equals the one in force on S3: the rebuild is exact.
  EXPECT_NEAR(d->divisors[3], index().session(S3).divisor, 1e-15);
}

TEST(PriceWeighting, CompositionChangeStartsAPeriod) {
  // BBB leaves after S1 and DDD (price 20) joins on S2: the divisor changes so that the level
  // does not jump. Sums: S1 102 + 49 + 151 = 302 (level 604); S2 on the new list
  // 104 + 20 + 149 = 273, previous 102 + 21 + 151 = 274 (DDD 21 on S1).
  MarketDataBuilder b("composition");
  add(b, "AAA", PriceBasis::as_traded(), {100, 102, 104}, false);
  add(b, "BBB", PriceBasis::as_traded(), {50, 49, 50}, false);
  add(b, "CCC", PriceBasis::as_traded(), {150, 151, 149}, false);
  add(b, "DDD", PriceBasis::as_traded(), {22, 21, 20}, false);
  IndexMembership avg("avg3", "Three-stock average");
  avg.add_interval(Symbol("AAA"), S0, std::nullopt);
  avg.add_interval(Symbol("BBB"), S0, S2);
  avg.add_interval(Symbol("CCC"), S0, std::nullopt);
  avg.add_interval(Symbol("DDD"), S2, std::nullopt);
  b.add_membership(std::move(avg));
  const double level2 = 604.0 * 273.0 / 274.0;
  const std::vector<Bar> levels{flat(S0, 600), flat(S1, 604), flat(S2, level2)};
  b.add_index_levels("AVG3", DailyBars(Symbol("AVG3"), PriceBasis::as_traded(), levels));
  const MarketData data = std::move(b).build();
  const auto rebuilt = IndexReconstruction::build(data, spec(), TradingCalendar::nyse(), {S0, S2});
  const SessionReconstruction s = rebuilt.session(S2);
  EXPECT_NEAR(s.rebuilt_return, 273.0 / 274.0 - 1.0, 1e-15);
  EXPECT_NEAR(s.rebuilt_return, s.actual_return, 1e-15);
  EXPECT_NEAR(s.divisor, 274.0 / 604.0, 1e-15);
  const auto d = spec().weighting->implied_divisors(rebuilt.panel());
  ASSERT_TRUE(d.has_value());
  ASSERT_EQ(d->periods.size(), 2u);
  EXPECT_EQ(d->periods[1].starts_with, "composition change: +DDD -BBB");
  EXPECT_NEAR(d->divisors[2], 274.0 / 604.0, 1e-15);
}

}  // namespace
}  // namespace marketshock::indices
