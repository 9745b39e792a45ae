// The index registry: one place that names the indices; lookups, the "all" selection, and
// registering an index as data (here a fixture index run through analyse_contagion).
#include "indices/contagion_fixtures.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/indices/contagion_session.hpp>
#include <marketshock/indices/index_registry.hpp>
#include <marketshock/indices/total_market_value_weighting.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>

namespace marketshock::indices {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;
using namespace testing_fixtures;

IndexSpec spec(std::string id) {
  return {id,      id + " index", "SPX",
          "sp500", "GICS",        std::make_shared<const TotalMarketValueWeighting>()};
}

TEST(IndexRegistry, StandardIndices) {
  const IndexRegistry& r = IndexRegistry::standard();
  EXPECT_THAT(r.ids(), ElementsAre("sp500", "ndx100", "djia"));
  EXPECT_EQ(r.require("sp500").level_id, "SPX");
  EXPECT_EQ(r.require("ndx100").weighting->id(), "nasdaq100_modified");
  EXPECT_EQ(r.require("djia").weighting->id(), "price_weighted");
  EXPECT_EQ(r.find("ftse"), nullptr);
  EXPECT_THAT([&] { (void)r.require("ftse"); },
              ThrowsMessage<InvalidArgument>(HasSubstr("unknown index 'ftse' (known: sp500, "
                                                       "ndx100, djia)")));
}

TEST(IndexRegistry, SelectAllOrOne) {
  const IndexRegistry& r = IndexRegistry::standard();
  EXPECT_EQ(r.select("all").size(), 3u);
  ASSERT_EQ(r.select("djia").size(), 1u);
  EXPECT_EQ(r.select("djia")[0]->name, "Dow Jones Industrial Average");
  EXPECT_THAT([&] { (void)r.select("both"); },
              ThrowsMessage<InvalidArgument>(HasSubstr("sp500, ndx100, djia or all")));
}

TEST(IndexRegistry, RejectsBadRegistrations) {
  EXPECT_THROW(IndexRegistry({spec("a"), spec("a")}), InvalidArgument);
  EXPECT_THROW(IndexRegistry({spec("all")}), InvalidArgument);
  EXPECT_THROW(IndexRegistry({spec("")}), InvalidArgument);
  IndexSpec no_weighting = spec("b");
  no_weighting.weighting = nullptr;
  EXPECT_THAT([&] { IndexRegistry{{no_weighting}}; },
              ThrowsMessage<InvalidArgument>(HasSubstr("'b' has no weighting strategy")));
}

TEST(IndexRegistry, AnIndexIsOneRegistration) {
  // A registry of one index over the fixture market ("ndx100" membership and "NDX" levels, here
  // weighted by total market value): analyse_contagion needs nothing else.
  const MarketData data = contagion_market();
  IndexSpec fixture = spec("fixture");
  fixture.membership_id = "ndx100";
  fixture.level_id = "NDX";
  const IndexRegistry registry({fixture});
  ContagionRequest request;
  const ContagionSession s =
      analyse_contagion(data, S2, request, TradingCalendar::nyse(), registry);
  ASSERT_EQ(s.indices.size(), 1u);
  EXPECT_EQ(s.indices[0].spec.id, "fixture");
  // AAA and GOOGL weigh 100e9 each (GOOG's value is on GOOGL): 0.5 x -10% + 0.5 x -5%.
  EXPECT_NEAR(s.indices[0].session.rebuilt_return, -0.075, 1e-12);
  ASSERT_EQ(s.universes.size(), 3u);
  EXPECT_EQ(s.universes[0].name, "fixture index (all members)");
  request.index = "sp500";
  EXPECT_THROW((void)analyse_contagion(data, S2, request, TradingCalendar::nyse(), registry),
               InvalidArgument);
}

}  // namespace
}  // namespace marketshock::indices
