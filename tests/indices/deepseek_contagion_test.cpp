// The index figures of the DeepSeek selloff (shared/facts/deepseek_selloff.md: the S&P 500 and
// Nasdaq-100 closes, claims C4 and C7) on the embedded dataset. The tolerance of each rebuilt
// return is derived from the same reconstruction's tracking error over the whole dataset
// window: the event day must lie within three RMSEs of the actual return, and the RMSE itself
// must stay below the value measured when this test was written (plus a margin).
#include <marketshock/indices/index_registry.hpp>
#include <marketshock/indices/peer_groups.hpp>
#include <marketshock/indices/session_analysis.hpp>
#include <marketshock/indices/universe_move.hpp>
#include <marketshock/io/dataset/dataset_files.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace marketshock::indices {
namespace {

using boost::gregorian::date;
const date kEvent(2025, 1, 27);

const MarketData& data() {
  static const io::LoadedDataset loaded =
      io::load_dataset(std::filesystem::path(MARKETSHOCK_SOURCE_DIR) / "data");
  return loaded.data;
}

const IndexSpec& sp500_spec() {
  return IndexRegistry::standard().require("sp500");
}
const IndexSpec& nasdaq100_spec() {
  return IndexRegistry::standard().require("ndx100");
}

const IndexReconstruction& rebuilt(const IndexSpec& spec) {
  static const IndexReconstruction sp =
      IndexReconstruction::build(data(), sp500_spec(), TradingCalendar::nyse());
  static const IndexReconstruction ndx =
      IndexReconstruction::build(data(), nasdaq100_spec(), TradingCalendar::nyse());
  return &spec == &sp500_spec() ? sp : ndx;
}

TEST(DeepSeekContagion, WindowIsTheDatasetWindow) {
  for (const IndexSpec* spec : {&sp500_spec(), &nasdaq100_spec()}) {
    EXPECT_EQ(rebuilt(*spec).window().first, date(2024, 8, 1)) << spec->name;
    EXPECT_EQ(rebuilt(*spec).window().last, date(2025, 4, 30)) << spec->name;
  }
}

TEST(DeepSeekContagion, Sp500RebuiltWithinItsTrackingError) {
  const IndexSessionAnalysis a = analyse_session(rebuilt(sp500_spec()), kEvent);
  // Actual: 6,012.28 from 6,101.24 (-1.46%), from the dataset's SPX levels.
  EXPECT_NEAR(a.session.actual_return, 6012.28 / 6101.24 - 1.0, 2e-6);
  // Measured: RMSE 2.35 bp over 186 sessions, correlation 0.99986, event day +3.0 bp.
  EXPECT_EQ(a.window_tracking.observations, 186u);
  EXPECT_LT(a.window_tracking.rmse_bps, 3.0);
  EXPECT_GT(a.window_tracking.correlation, 0.9995);
  EXPECT_NEAR(a.session.rebuilt_return, a.session.actual_return,
              3 * a.window_tracking.rmse_bps / 1e4);
  // NVIDIA is the largest negative contributor, about -108 bp of the -143 bp rebuilt move.
  ASSERT_FALSE(a.attribution.ranked.empty());
  EXPECT_EQ(a.attribution.ranked[0].symbol.view(), "NVDA");
  EXPECT_NEAR(a.attribution.ranked[0].contribution_bps, -108.0, 3.0);
  EXPECT_EQ(a.attribution.ranked[1].symbol.view(), "AVGO");
  EXPECT_GT(a.attribution.concentration[0].share_of_move, 0.7);  // NVDA alone: ~76%
  // Every member is accounted for: weighted, or listed with a reason.
  EXPECT_EQ(a.session.members.size(), 503u);
  EXPECT_EQ(a.breadth.advancers + a.breadth.decliners + a.breadth.unchanged + a.breadth.missing,
            503u);
  EXPECT_GT(a.breadth.advancers, a.breadth.decliners);  // most members rose while the index fell
}

TEST(DeepSeekContagion, Nasdaq100RebuiltWithinItsTrackingError) {
  const IndexSessionAnalysis a = analyse_session(rebuilt(nasdaq100_spec()), kEvent);
  EXPECT_NEAR(a.session.actual_return, 21127.28 / 21774.01 - 1.0, 2e-6);  // -2.97%
  // Measured: RMSE 9.7 bp, correlation 0.9985, event day +6.2 bp (capping on third-Friday
  // closes; 16 of 101 members have no share count and carry no weight).
  EXPECT_LT(a.window_tracking.rmse_bps, 11.0);
  EXPECT_GT(a.window_tracking.correlation, 0.998);
  EXPECT_NEAR(a.session.rebuilt_return, a.session.actual_return,
              3 * a.window_tracking.rmse_bps / 1e4);
  EXPECT_EQ(a.attribution.ranked[0].symbol.view(), "NVDA");
  EXPECT_EQ(a.attribution.ranked[1].symbol.view(), "AVGO");
  EXPECT_EQ(a.session.members.size(), 101u);
}

TEST(DeepSeekContagion, Nasdaq100CappingPricesCompared) {
  // The same rule priced at the prior month end tracks the window about as well (RMSE 9.0 bp)
  // but misses the event day by about -33 bp: Broadcom, capped at November's prices, had drifted
  // to ~6.4% of the index after its December rally. Third-Friday prices are the default.
  const TradingCalendar& calendar = TradingCalendar::nyse();
  const auto month_end = IndexReconstruction::build(data(), nasdaq100_spec(), calendar,
                                                    default_window(data(), "ndx100", calendar),
                                                    {CappingPrices::reference_month_end});
  const SessionReconstruction me = month_end.session(kEvent);
  const SessionReconstruction eve = rebuilt(nasdaq100_spec()).session(kEvent);
  EXPECT_GT(std::abs(me.rebuilt_return - me.actual_return),
            std::abs(eve.rebuilt_return - eve.actual_return));
  ASSERT_EQ(rebuilt(nasdaq100_spec()).epochs().size(), 4u);  // stand-in + Sep, Dec, Mar
  for (const WeightingEpoch& e : rebuilt(nasdaq100_spec()).epochs()) {
    EXPECT_EQ(e.capping.status, CappingStatus::capped);
    EXPECT_TRUE(e.capping.aggregate_step_applied);
  }
}

TEST(DeepSeekContagion, ExcludingNvidia) {
  const auto& index = rebuilt(sp500_spec());
  const SessionReconstruction full = index.session(kEvent);
  const auto ex = exclusion_counterfactual(index, full, std::vector<Symbol>{Symbol("NVDA")});
  // Without NVIDIA the S&P 500 falls about 0.37%, not 1.43%.
  EXPECT_NEAR(ex.rebuilt_return_excluding, -0.0037, 0.0005);
  EXPECT_NEAR(
      full.rebuilt_return,
      ex.excluded_contribution_bps / 1e4 + (1 - ex.excluded_weight) * ex.rebuilt_return_excluding,
      1e-12);
  EXPECT_GT(equal_weighted(full).equal_weighted_return, 0.0);  // the average member rose
}

TEST(DeepSeekContagion, C4IntradayLowsFromIndexOhlc) {
  // "The S&P 500 fell 2.3% early Monday; the Nasdaq-100 fell 3.6% before paring losses."
  const auto sp = analyse_session(rebuilt(sp500_spec()), kEvent).extremes;
  const auto ndx = analyse_session(rebuilt(nasdaq100_spec()), kEvent).extremes;
  ASSERT_TRUE(sp && ndx);
  // S&P 500 low 5,962.92 vs 6,101.24: -2.27%, which is the claim's 2.3%.
  EXPECT_NEAR(sp->low_return, 5962.919921875 / 6101.240234375 - 1.0, 1e-9);
  EXPECT_NEAR(sp->low_return, -0.023, 0.0005);
  // Nasdaq-100 low 20,974.90 vs 21,774.01: -3.67%; it opened -3.55%. The claim's 3.6% lies
  // between the two: a level during the morning, not the day's low.
  EXPECT_NEAR(ndx->low_return, 20974.900390625 / 21774.009765625 - 1.0, 1e-9);
  EXPECT_NEAR(ndx->low_return, -0.0367, 0.0001);
  EXPECT_NEAR(ndx->open_return, -0.0355, 0.0001);
  EXPECT_LT(ndx->low_return, -0.036);
  EXPECT_GT(ndx->open_return, -0.036);
}

TEST(DeepSeekContagion, C7MovesAndTheTrillionDollarUniverse) {
  const TradingCalendar& calendar = TradingCalendar::nyse();
  const auto single = [&](const char* symbol) {
    return universe_move(data(), symbol, std::vector{data().require(symbol)}, kEvent, calendar)
        .moves[0];
  };
  EXPECT_NEAR(single("AVGO").price_return, -0.174, 0.0005);    // Broadcom -17.4%
  EXPECT_NEAR(single("MSFT").price_return, -0.0214, 0.00005);  // Microsoft -2.14%
  EXPECT_LT(single("GOOGL").price_return, -0.04);              // Alphabet: -4.20% (A)
  EXPECT_LT(single("GOOG").price_return, -0.04);               //           -4.03% (C)
  EXPECT_EQ(single("GOOG").status, ValuationStatus::value_on_other_class);

  const auto it = index_members(data(), "sp500", kEvent, "Information Technology");
  auto it_comm = it;
  for (const SecurityId id : index_members(data(), "sp500", kEvent, "Communication Services")) {
    it_comm.push_back(id);
  }
  const UniverseMove sp_it = universe_move(data(), "S&P 500 IT", it, kEvent, calendar);
  const UniverseMove sp_tech = universe_move(data(), "S&P 500 IT + CS", it_comm, kEvent, calendar);
  const UniverseMove ndx = universe_move(data(), "Nasdaq-100",
                                         index_members(data(), "ndx100", kEvent), kEvent, calendar);
  // "More than $1 trillion": net only over S&P 500 IT + Communication Services (-$1.01T); the IT
  // sector alone nets -$0.96T (Apple's +$106B offsets), its decliners lost $1.11T. The
  // Nasdaq-100 nets -$0.94T over the 85 members with share counts (decliners: -$1.16T).
  EXPECT_LT(sp_tech.market_value_change_usd, -1e12);
  EXPECT_GT(sp_it.market_value_change_usd, -1e12);
  EXPECT_LT(sp_it.market_value_change_usd, -0.9e12);
  EXPECT_LT(sp_it.losses_usd, -1e12);
  EXPECT_GT(ndx.market_value_change_usd, -1e12);
  EXPECT_LT(ndx.losses_usd, -1e12);
  EXPECT_EQ(ndx.valued, 85u);
}

TEST(DeepSeekContagion, PeerGroupsFileNamesDatasetSecurities) {
  std::ifstream in(std::filesystem::path(MARKETSHOCK_SOURCE_DIR) / "data" / "peer_groups.json");
  const auto doc = nlohmann::json::parse(in);
  ASSERT_EQ(doc.at("format"), "marketshock-peer-groups");
  std::vector<PeerGroup> groups;
  for (const auto& g : doc.at("groups")) {
    PeerGroup group{g.at("id"), g.at("name"), g.value("description", ""), {}};
    for (const auto& s : g.at("symbols")) group.symbols.emplace_back(s.get<std::string>());
    groups.push_back(std::move(group));
  }
  EXPECT_NO_THROW(validate_peer_groups(data(), groups));
  ASSERT_GE(groups.size(), 3u);
  for (const PeerGroup& g : groups) {
    const UniverseMove m = peer_group_move(data(), g, kEvent, TradingCalendar::nyse());
    // Semiconductors, AI power and hyperscalers all fell on the day.
    if (g.id != "ai_data_centre_hardware") {
      EXPECT_LT(m.cap_weighted_return, 0.0) << g.id;
    }
  }
}

}  // namespace
}  // namespace marketshock::indices
