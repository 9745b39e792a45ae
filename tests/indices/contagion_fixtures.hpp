// A hand-built market for the contagion unit tests. Every expected value in the tests is worked
// out by hand from the numbers here; the arithmetic is in the comments below and in the tests.
#pragma once

#include <marketshock/core/market_data.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace marketshock::indices::testing_fixtures {

using boost::gregorian::date;

// Three sessions: Thursday 2025-01-23 (the base), Friday 2025-01-24, Monday 2025-01-27.
inline const date S0(2025, 1, 23), S1(2025, 1, 24), S2(2025, 1, 27);

inline SharesRecord shares(double count) {
  return SharesRecord{count, count, 1.0, "cover-page count", "test", "fixture"};
}

/// Adds a security with flat bars (open = high = low = close) on the given sessions.
inline void add(MarketDataBuilder& b, const char* symbol, const char* issuer, const char* sector,
                const std::vector<std::pair<date, double>>& closes, std::optional<double> count,
                PriceBasis basis = PriceBasis::split_adjusted(date(2025, 4, 30))) {
  std::vector<Bar> bars;
  for (const auto& [day, close] : closes) bars.push_back(Bar{day, close, close, close, close, 1});
  b.add_security(Security{Symbol(symbol), IssuerId(issuer), "", Exchange::nasdaq, sector, "",
                          std::string(symbol) + " Inc."},
                 DailyBars(Symbol(symbol), basis, bars), {});
  if (count)
    b.set_shares(Symbol(symbol), StepSeries<SharesRecord>({{date(2020, 1, 2), shares(*count)}}));
}

inline DailyBars levels(const char* id, double l0, double l1, double o2, double h2, double lo2,
                        double c2) {
  const std::vector<Bar> bars{
      {S0, l0, l0, l0, l0, -1}, {S1, l1, l1, l1, l1, -1}, {S2, o2, h2, lo2, c2, -1}};
  return DailyBars(Symbol(id), PriceBasis::as_traded(), bars);
}

/// "sp500" (levels SPX 1000 -> 970 on S2; open 980, high 990, low 950):
///   AAA  IT  1e9 shares, closes 100 100 90   prior value 100e9, return -10%, change -10e9
///   BBB  IT  2e9 shares, closes  50  50 55   prior value 100e9, return +10%, change +10e9
///   CCC  HC  1e9 shares, closes 200 200 188  prior value 200e9, return  -6%, change -12e9
///   DDD  IT  no shares,  closes  10  10  8   no_shares, return -20%
///   EEE  IT  1e9 shares, closes  30  30  -   no_bar on S2
///   FFF  IT  1e9 shares, closes   -   -  40  no_previous_bar on S2
///   VVV  HC  dividend-adjusted, 1e9 shares, closes 50 50 49: dividend_adjusted_prices, -2%
/// Weights on S2: AAA 0.25, BBB 0.25, CCC 0.50; rebuilt = -0.025 + 0.025 - 0.03 = -3% (= SPX).
/// "ndx100" (levels NDX 2000 -> 1850): AAA, GOOGL (1e9 all-class shares, closes 100 100 95),
///   GOOG (no count of its own, closes 101 101 96): value_on_other_class.
///   Weights AAA 0.5, GOOGL 0.5; rebuilt = 0.5 x -10% + 0.5 x -5% = -7.5% (= NDX).
inline MarketData contagion_market() {
  MarketDataBuilder b("contagion-fixture");
  for (const char* issuer : {"aaa", "bbb", "ccc", "ddd", "eee", "fff", "vvv", "alphabet"}) {
    b.add_issuer({IssuerId(issuer), issuer, std::nullopt});
  }
  const std::string it = "Information Technology", hc = "Health Care";
  add(b, "AAA", "aaa", it.c_str(), {{S0, 100}, {S1, 100}, {S2, 90}}, 1e9);
  add(b, "BBB", "bbb", it.c_str(), {{S0, 50}, {S1, 50}, {S2, 55}}, 2e9);
  add(b, "CCC", "ccc", hc.c_str(), {{S0, 200}, {S1, 200}, {S2, 188}}, 1e9);
  add(b, "DDD", "ddd", it.c_str(), {{S0, 10}, {S1, 10}, {S2, 8}}, std::nullopt);
  add(b, "EEE", "eee", it.c_str(), {{S0, 30}, {S1, 30}}, 1e9);
  add(b, "FFF", "fff", it.c_str(), {{S2, 40}}, 1e9);
  add(b, "VVV", "vvv", hc.c_str(), {{S0, 50}, {S1, 50}, {S2, 49}}, 1e9,
      PriceBasis::split_and_dividend_adjusted(date(2025, 4, 30)));
  add(b, "GOOGL", "alphabet", "Communication Services", {{S0, 100}, {S1, 100}, {S2, 95}}, 1e9);
  add(b, "GOOG", "alphabet", "Communication Services", {{S0, 101}, {S1, 101}, {S2, 96}},
      std::nullopt);

  IndexMembership sp500("sp500", "S&P 500");
  for (const char* s : {"AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "VVV"}) {
    sp500.add_interval(Symbol(s), date(2020, 1, 2), std::nullopt);
  }
  b.add_membership(std::move(sp500));
  IndexMembership ndx("ndx100", "Nasdaq-100");
  for (const char* s : {"AAA", "GOOG", "GOOGL"})
    ndx.add_interval(Symbol(s), date(2020, 1, 2), std::nullopt);
  b.add_membership(std::move(ndx));
  b.add_index_levels("SPX", levels("SPX", 1000, 1000, 980, 990, 950, 970));
  b.add_index_levels("NDX", levels("NDX", 2000, 2000, 1900, 1950, 1840, 1850));
  return std::move(b).build();
}

}  // namespace marketshock::indices::testing_fixtures
