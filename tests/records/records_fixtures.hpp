// Hand-built MarketData fixtures for the records tests. Every expected value in the tests is
// worked out by hand from the numbers here; the arithmetic is in the tests' comments.
#pragma once

#include <marketshock/core/market_data.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace marketshock::records::testing_fixtures {

using boost::gregorian::date;

inline date d(int year, int month, int day) {
  return {static_cast<unsigned short>(year), static_cast<unsigned short>(month),
          static_cast<unsigned short>(day)};
}

/// A bar with open = high = low = close.
inline Bar flat(date day, double close) {
  return Bar{day, close, close, close, close, 1};
}

inline Security security(const char* symbol, const char* issuer, const char* share_class = "") {
  return Security{Symbol(symbol), IssuerId(issuer), share_class, Exchange::nasdaq, "", "", ""};
}

inline SharesRecord shares(double count) {
  return SharesRecord{count, count, 1.0, "cover-page count", "test", "fixture"};
}

/// A split of `ratio` new shares per old share, first trading on the new basis on `effective`.
inline Split split(date effective, double ratio) {
  Split s;
  s.effective = effective;
  s.ratio = ratio;
  return s;
}

/// Adds a one-class issuer and its security with the given closes (flat bars) and share steps.
inline void add(MarketDataBuilder& b, const char* symbol, const char* issuer,
                const std::vector<std::pair<date, double>>& closes,
                std::vector<Step<SharesRecord>> share_steps,
                PriceBasis basis = PriceBasis::as_traded(), bool add_issuer = true) {
  if (add_issuer) b.add_issuer({IssuerId(issuer), issuer, std::nullopt});
  std::vector<Bar> bars;
  for (const auto& [day, close] : closes) bars.push_back(flat(day, close));
  b.add_security(security(symbol, issuer), DailyBars(Symbol(symbol), basis, bars), {});
  if (!share_steps.empty()) b.set_shares(Symbol(symbol), StepSeries<SharesRecord>(share_steps));
}

// The six sessions of the ranking fixture: Tuesday 2025-01-21 (Monday the 20th was Martin Luther
// King Jr. Day) to Tuesday 2025-01-28.
inline const date S1 = d(2025, 1, 21), S2 = d(2025, 1, 22), S3 = d(2025, 1, 23),
                  S4 = d(2025, 1, 24), S5 = d(2025, 1, 27), S6 = d(2025, 1, 28);

inline std::vector<std::pair<date, double>> six(double c1, double c2, double c3, double c4,
                                                double c5, double c6) {
  return {{S1, c1}, {S2, c2}, {S3, c3}, {S4, c4}, {S5, c5}, {S6, c6}};
}

/// The ranking fixture. Market-value changes (USD) by session, S2..S6:
///   AAA  1e9 shares, closes 100 90 99 99 80 88:  -10e9  +9e9   0   -19e9  +8e9
///   BBB  2e9 shares, closes 50 45 45 40 40 35:   -10e9   0   -10e9   0   -10e9
///   CCC  1e9 shares, closes 200 170 170 170 170 168: -30e9  0  0  0  -2e9
///   DDD  no shares, closes 10 9 8 7 6 5: excluded (no_shares) S2..S6
///   EEE  1.5e9 shares from S4 only, closes 20 20 20 20 18 18: S2, S3 no_shares; S4
///        no_previous_shares; S5 (18-20) x 1.5e9 = -3e9; S6 0
///   GOOGL (alphabet, class A) 0.5e9 shares, closes 200 ... 200 190 190: S5 -5e9
///   GOOG  (alphabet, class C) 0.4e9 shares, closes 205 ... 205 195 195: S5 -4e9
///   SPL  as traded, 10-for-1 split effective S4; closes 1000 1000 1000 100 100 100; 0.1e9 shares,
///        restated to 1e9 from S4: every change 0 (S4: 100 x 1e9 - 1000 x 0.1e9 = 0)
///   VVV  split- and dividend-adjusted closes 50 49 49 49 49 49, 1e9 shares: no market value
///        (dividend_adjusted_prices); its S2 return is -2%
/// sp500 membership: everyone from 2020-01-02, except CCC (joins on S5) and BBB (leaves on S6,
/// exclusive end: not a member on S6).
inline MarketData ranking_market() {
  MarketDataBuilder b("records-ranking");
  add(b, "AAA", "aaa", six(100, 90, 99, 99, 80, 88), {{d(2020, 1, 2), shares(1e9)}});
  add(b, "BBB", "bbb", six(50, 45, 45, 40, 40, 35), {{d(2020, 1, 2), shares(2e9)}});
  add(b, "CCC", "ccc", six(200, 170, 170, 170, 170, 168), {{d(2020, 1, 2), shares(1e9)}});
  add(b, "DDD", "ddd", six(10, 9, 8, 7, 6, 5), {});
  add(b, "EEE", "eee", six(20, 20, 20, 20, 18, 18), {{S4, shares(1.5e9)}});
  b.add_issuer({IssuerId("alphabet"), "Alphabet Inc.", std::nullopt});
  add(b, "GOOGL", "alphabet", six(200, 200, 200, 200, 190, 190), {{d(2020, 1, 2), shares(0.5e9)}},
      PriceBasis::as_traded(), false);
  add(b, "GOOG", "alphabet", six(205, 205, 205, 205, 195, 195), {{d(2020, 1, 2), shares(0.4e9)}},
      PriceBasis::as_traded(), false);
  add(b, "SPL", "spl", six(1000, 1000, 1000, 100, 100, 100),
      {{d(2020, 1, 2), shares(0.1e9)}, {S4, shares(1e9)}});
  b.set_actions(Symbol("SPL"), CorporateActions(Symbol("SPL"), {split(S4, 10.0)}, {}));
  add(b, "VVV", "vvv", six(50, 49, 49, 49, 49, 49), {{d(2020, 1, 2), shares(1e9)}},
      PriceBasis::split_and_dividend_adjusted(d(2025, 1, 31)));

  IndexMembership sp500("sp500", "S&P 500");
  for (const char* symbol : {"AAA", "DDD", "EEE", "GOOG", "GOOGL", "SPL", "VVV"}) {
    sp500.add_interval(Symbol(symbol), d(2020, 1, 2), std::nullopt);
  }
  sp500.add_interval(Symbol("BBB"), d(2020, 1, 2), S6);
  sp500.add_interval(Symbol("CCC"), S5, std::nullopt);
  b.add_membership(std::move(sp500));
  return std::move(b).build();
}

/// NVIDIA with real closes (Yahoo, as traded) on a few stretches of 2024-2025:
///   2024-06-07 1208.88; 2024-06-10 121.79 (10-for-1 split effective 2024-06-10);
///   2024-08-30 119.37; 2024-09-03 108.00; 2025-01-24 142.62 (O 148.87 H 148.97 L 141.88);
///   2025-01-27 118.42 (O 124.80 H 128.40 L 116.70); 01-28 128.99; 01-29 123.70; 01-30 124.65;
///   01-31 120.07.
/// Shares (restated onto the as-traded footing): 2.464e9 from 2024-05-22; 24.64e9 from the split;
/// 24.53e9 from 2024-08-23; 24.49e9 from 2024-11-15 (the 10-Q cover count).
inline MarketData nvda_market(PriceBasis basis = PriceBasis::as_traded()) {
  const bool as_traded = basis.split.is_point_in_time();
  MarketDataBuilder b("records-nvda");
  b.add_issuer({IssuerId("nvidia"), "NVIDIA Corporation", std::string("0001045810")});
  std::vector<Bar> bars{
      flat(d(2024, 6, 7), as_traded ? 1208.88 : 120.888),
      flat(d(2024, 6, 10), 121.79),
      flat(d(2024, 8, 30), 119.37),
      flat(d(2024, 9, 3), 108.00),
      Bar{d(2025, 1, 24), 148.87, 148.97, 141.88, 142.62, 1},
      Bar{d(2025, 1, 27), 124.80, 128.40, 116.70, 118.42, 1},
      flat(d(2025, 1, 28), 128.99),
      flat(d(2025, 1, 29), 123.70),
      flat(d(2025, 1, 30), 124.65),
      flat(d(2025, 1, 31), 120.07),
  };
  b.add_security(security("NVDA", "nvidia"), DailyBars(Symbol("NVDA"), basis, bars), {});
  std::vector<Step<SharesRecord>> steps{{d(2024, 5, 22), shares(as_traded ? 2.464e9 : 24.64e9)},
                                        {d(2024, 6, 10), shares(24.64e9)},
                                        {d(2024, 8, 23), shares(24.53e9)},
                                        {d(2024, 11, 15), shares(24.49e9)}};
  b.set_shares(Symbol("NVDA"), StepSeries<SharesRecord>(steps));
  b.set_actions(Symbol("NVDA"),
                CorporateActions(Symbol("NVDA"), {split(d(2024, 6, 10), 10.0)}, {}));
  return std::move(b).build();
}

}  // namespace marketshock::records::testing_fixtures
