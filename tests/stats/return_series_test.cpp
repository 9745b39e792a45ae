// Which series a name stands for: a security, else an index level series; the security when it is
// both. Hand-built data: every return below is a ratio of the closes written here.
#include <marketshock/core/error.hpp>
#include <marketshock/core/market_data.hpp>
#include <marketshock/stats/return_series.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <utility>
#include <vector>

namespace marketshock::stats {
namespace {

using boost::gregorian::date;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

const date kMon(2025, 1, 27), kTue(2025, 1, 28), kWed(2025, 1, 29);

DailyBars bars(const char* id, double c1, double c2, double c3) {
  const std::pair<date, double> closes[] = {{kMon, c1}, {kTue, c2}, {kWed, c3}};
  std::vector<Bar> b;
  for (const auto& [day, close] : closes) b.push_back(Bar{day, close, close, close, close, 1});
  return DailyBars(Symbol(id), PriceBasis::as_traded(), b);
}

// AAA and SPY are securities; SPX and SPY are index level series (SPY's levels differ from its
// bars so that the test sees which one was taken).
MarketData fixture() {
  MarketDataBuilder b("series-fixture");
  b.add_issuer({IssuerId("aaa"), "AAA Inc.", std::nullopt});
  b.add_issuer({IssuerId("spdr"), "SPDR Trust", std::nullopt});
  b.add_security(Security{Symbol("AAA"), IssuerId("aaa"), "", Exchange::nasdaq, "", "", ""},
                 bars("AAA", 100, 110, 99), {});
  b.add_security(Security{Symbol("SPY"), IssuerId("spdr"), "", Exchange::nyse, "", "", ""},
                 bars("SPY", 600, 612, 606), {});
  b.add_index_levels("SPX", bars("SPX", 6000, 5940, 6000));
  b.add_index_levels("SPY", bars("SPY", 1, 2, 3));
  return std::move(b).build();
}

TEST(ReturnSeries, SecurityThenIndexLevels) {
  const MarketData data = fixture();
  EXPECT_EQ(try_resolve_series(data, "AAA"), (SeriesId{"AAA", SeriesKind::security}));
  EXPECT_EQ(try_resolve_series(data, "SPX"), (SeriesId{"SPX", SeriesKind::index_level}));
  EXPECT_EQ(try_resolve_series(data, "SPY"), (SeriesId{"SPY", SeriesKind::security}));
  EXPECT_FALSE(try_resolve_series(data, "QQQ"));
  EXPECT_FALSE(try_resolve_series(data, "not a symbol"));
  EXPECT_EQ(to_string(SeriesKind::index_level), "index_level");
}

TEST(ReturnSeries, UnknownNameSuggestsSymbolsAndIndexSeries) {
  const MarketData data = fixture();
  EXPECT_THAT([&] { (void)resolve_series(data, "SPXX"); },
              ThrowsMessage<InvalidArgument>(HasSubstr(
                  "unknown symbol or index series 'SPXX'; did you mean SPX, SPY? (index series: "
                  "SPX, SPY)")));
  EXPECT_THAT([&] { (void)resolve_series(data, "ZZZZZZ"); },
              ThrowsMessage<InvalidArgument>(HasSubstr("(index series: SPX, SPY)")));
}

TEST(ReturnSeries, ReturnsOfSecuritiesAndIndexLevels) {
  const MarketData data = fixture();
  const std::vector<SeriesId> series{resolve_series(data, "AAA"), resolve_series(data, "SPX"),
                                     resolve_series(data, "SPY")};
  const std::vector<date> sessions{kMon, kTue, kWed};
  const Eigen::MatrixXd r = series_returns(data, series, sessions);
  ASSERT_EQ(r.rows(), 3);
  ASSERT_EQ(r.cols(), 3);
  EXPECT_TRUE(std::isnan(r(0, 0)));  // no bar before the first
  EXPECT_DOUBLE_EQ(r(1, 0), 110.0 / 100.0 - 1.0);
  EXPECT_DOUBLE_EQ(r(2, 1), 6000.0 / 5940.0 - 1.0);
  EXPECT_DOUBLE_EQ(r(1, 2), 612.0 / 600.0 - 1.0);  // the security's bars, not the levels
  const std::vector<SeriesId> twice{series[0], series[0]};
  EXPECT_THAT([&] { (void)series_returns(data, twice, sessions); },
              ThrowsMessage<InvalidArgument>(HasSubstr("'AAA' is given twice")));
}

}  // namespace
}  // namespace marketshock::stats
