#include <marketshock/records/panel_records.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace marketshock::records {
namespace {

using boost::gregorian::date;
using testing::HasSubstr;
using testing::ThrowsMessage;

// A panel built row by row, with share steps per security.
struct Fixture {
  std::vector<Symbol> symbols;
  std::vector<std::uint32_t> offsets{0};
  std::vector<date> effective;
  std::vector<std::int64_t> shares;
  std::vector<std::uint32_t> security;
  std::vector<date> dates;
  std::vector<std::int64_t> closes;

  void add_security(const char* symbol, std::vector<std::pair<date, std::int64_t>> steps) {
    symbols.emplace_back(symbol);
    for (const auto& [d, n] : steps) {
      effective.push_back(d);
      shares.push_back(n);
    }
    offsets.push_back(static_cast<std::uint32_t>(shares.size()));
  }
  void add_row(std::uint32_t s, date d, std::int64_t cents) {
    security.push_back(s);
    dates.push_back(d);
    closes.push_back(cents);
  }
  [[nodiscard]] ShareStepsView steps() const { return {offsets, effective, shares}; }
  [[nodiscard]] PanelRowsView rows(std::size_t from = 0, std::size_t to = SIZE_MAX) const {
    to = std::min(to, dates.size());
    return {std::span(security).subspan(from, to - from), std::span(dates).subspan(from, to - from),
            std::span(closes).subspan(from, to - from)};
  }
};

TEST(MarketValueLossRanking, JoinsSharesAsOfAndComparesWithThePreviousRow) {
  Fixture f;
  // SPLT: a 2-for-1 split effective 2024-03-05; the price halves, the market value barely moves.
  f.add_security("SPLT", {{date(2024, 3, 1), 1000}, {date(2024, 3, 5), 2000}});
  // DRFT: issuance dated Saturday 2024-03-02, in force from Monday's session (as of, <=).
  f.add_security("DRFT", {{date(2024, 3, 1), 100}, {date(2024, 3, 2), 90}});
  // HALT: no row on 2024-03-05; its 03-06 row compares with 03-04.
  f.add_security("HALT", {{date(2024, 3, 1), 10}});
  f.add_row(0, date(2024, 3, 1), 10000);
  f.add_row(1, date(2024, 3, 1), 5000);
  f.add_row(2, date(2024, 3, 1), 700);
  f.add_row(0, date(2024, 3, 4), 10000);
  f.add_row(1, date(2024, 3, 4), 5000);  // 5000 x 90 - 5000 x 100 = -50000
  f.add_row(2, date(2024, 3, 4), 700);
  f.add_row(0, date(2024, 3, 5), 4990);  // 4990 x 2000 - 10000 x 1000 = -20000
  f.add_row(1, date(2024, 3, 5), 5000);
  f.add_row(2, date(2024, 3, 6), 100);  // (100 - 700) x 10 = -6000, previous row 03-04
  const auto losses = largest_market_value_losses(f.symbols, f.steps(), f.rows(), 3);
  ASSERT_EQ(losses.size(), 3U);
  EXPECT_EQ(losses[0].symbol, Symbol("DRFT"));
  EXPECT_EQ(losses[0].date, date(2024, 3, 4));
  EXPECT_EQ(losses[0].change_cents, -50000);
  EXPECT_EQ(losses[0].previous_shares, 100);
  EXPECT_EQ(losses[0].shares, 90);
  EXPECT_DOUBLE_EQ(losses[0].fraction(), -0.1);
  EXPECT_EQ(losses[1].symbol, Symbol("SPLT"));
  EXPECT_EQ(losses[1].change_cents, -20000);
  EXPECT_EQ(losses[1].previous_value_cents, 10000000);
  EXPECT_EQ(losses[2].symbol, Symbol("HALT"));
  EXPECT_EQ(losses[2].previous_date, date(2024, 3, 4));
  EXPECT_EQ(losses[2].previous_close_cents, 700);
  EXPECT_EQ(losses[2].change_cents, -6000);
}

TEST(MarketValueLossRanking, BreaksTiesBySymbolThenDateAndKeepsAllWhenFewerThanK) {
  Fixture f;
  f.add_security("BB", {{date(2024, 1, 1), 1}});
  f.add_security("AA", {{date(2024, 1, 1), 1}});
  for (int d = 1; d <= 3; ++d) {
    const date day = date(2024, 1, 1) + boost::gregorian::days(d - 1);
    f.add_row(0, day, 100 - d);  // each day -1
    f.add_row(1, day, 100 - d);
  }
  const auto losses = largest_market_value_losses(f.symbols, f.steps(), f.rows(), 10);
  ASSERT_EQ(losses.size(), 4U);
  EXPECT_EQ(losses[0].symbol, Symbol("AA"));
  EXPECT_EQ(losses[0].date, date(2024, 1, 2));
  EXPECT_EQ(losses[1].symbol, Symbol("AA"));
  EXPECT_EQ(losses[1].date, date(2024, 1, 3));
  EXPECT_EQ(losses[2].symbol, Symbol("BB"));
  EXPECT_EQ(losses[3].date, date(2024, 1, 3));
  const auto top1 = largest_market_value_losses(f.symbols, f.steps(), f.rows(), 1);
  ASSERT_EQ(top1.size(), 1U);
  EXPECT_EQ(top1[0].symbol, Symbol("AA"));
  EXPECT_EQ(top1[0].date, date(2024, 1, 2));
}

TEST(MarketValueLossRanking, CountsRowsWithoutSharesInsteadOfDroppingThemSilently) {
  Fixture f;
  f.add_security("LATE", {{date(2024, 1, 3), 5}});  // no count before 2024-01-03
  f.add_row(0, date(2024, 1, 2), 100);
  f.add_row(0, date(2024, 1, 3), 50);  // previous row has no shares
  f.add_row(0, date(2024, 1, 4), 40);  // a candidate
  f.add_row(7, date(2024, 1, 4), 40);  // a security the share table does not know
  MarketValueLossRanking ranking(f.symbols, f.steps(), 5);
  ranking.merge(ranking.scan(f.rows()));
  EXPECT_EQ(ranking.summary().rows, 4U);
  EXPECT_EQ(ranking.summary().candidates, 1U);
  EXPECT_EQ(ranking.summary().rows_without_shares, 2U);
  EXPECT_EQ(ranking.summary().rows_without_previous_shares, 1U);
  ASSERT_EQ(ranking.losses().size(), 1U);
  EXPECT_EQ(ranking.losses()[0].change_cents, -50);
}

TEST(MarketValueLossRanking, RejectsBrokenInput) {
  Fixture f;
  f.add_security("AA", {{date(2024, 1, 1), 1}});
  f.add_row(0, date(2024, 1, 3), 100);
  f.add_row(0, date(2024, 1, 2), 100);
  MarketValueLossRanking ranking(f.symbols, f.steps(), 5);
  EXPECT_THAT([&] { (void)ranking.scan(f.rows()); },
              ThrowsMessage<InvalidArgument>(HasSubstr("rows of AA are not in date order: "
                                                       "2024-01-02 after 2024-01-03")));
  ranking.merge(ranking.scan(f.rows(0, 1)));
  EXPECT_THROW(ranking.merge(ranking.scan(f.rows(1, 2))), InvalidArgument);
  EXPECT_THROW(MarketValueLossRanking(f.symbols, f.steps(), 0), InvalidArgument);
  EXPECT_THROW(MarketValueLossRanking({}, f.steps(), 1), InvalidArgument);

  Fixture big;
  big.add_security("BIG", {{date(2024, 1, 1), std::int64_t{1} << 40}});
  big.add_row(0, date(2024, 1, 2), std::int64_t{1} << 30);
  EXPECT_THAT([&] { (void)largest_market_value_losses(big.symbols, big.steps(), big.rows(), 1); },
              ThrowsMessage<DataError>(HasSubstr("market value of BIG on 2024-01-02 overflows")));
}

// Any split of the panel into chunks, merged in order, gives the ranking of one scan, which
// equals a brute-force sort of every candidate.
TEST(MarketValueLossRanking, ChunkedMergeEqualsOneScanAndBruteForce) {
  std::mt19937_64 rng(7);
  Fixture f;
  const int securities = 20;
  for (int s = 0; s < securities; ++s) {
    std::vector<std::pair<date, std::int64_t>> steps;
    date d = date(2024, 1, 1) + boost::gregorian::days(s % 5);
    for (int k = 0; k < 6; ++k, d += boost::gregorian::days(7 + static_cast<int>(rng() % 9))) {
      steps.emplace_back(d, 1 + static_cast<std::int64_t>(rng() % 50));
    }
    f.symbols.push_back(Symbol("S" + std::to_string(100 + (s * 7) % securities)));
    for (const auto& [e, n] : steps) {
      f.effective.push_back(e);
      f.shares.push_back(n);
    }
    f.offsets.push_back(static_cast<std::uint32_t>(f.shares.size()));
  }
  std::vector<std::int64_t> close(securities, 1000);
  for (int day = 0; day < 60; ++day) {
    for (int s = 0; s < securities; ++s) {
      if (rng() % 10 == 0) continue;  // halted
      close[s] = std::max<std::int64_t>(1, close[s] + static_cast<std::int64_t>(rng() % 41) - 20);
      f.add_row(static_cast<std::uint32_t>(s), date(2024, 1, 1) + boost::gregorian::days(day),
                close[s]);
    }
  }
  // Brute force: every candidate, sorted.
  std::vector<std::tuple<std::int64_t, Symbol, date>> all;
  for (std::size_t i = 0; i < f.dates.size(); ++i) {
    const auto s = f.security[i];
    for (std::size_t j = i; j-- > 0;) {
      if (f.security[j] != s) continue;
      const auto shares_on = [&](date d) -> std::int64_t {
        std::int64_t n = 0;
        for (auto k = f.offsets[s]; k < f.offsets[s + 1]; ++k) {
          if (f.effective[k] <= d) n = f.shares[k];
        }
        return n;
      };
      const auto a = shares_on(f.dates[j]), b = shares_on(f.dates[i]);
      if (a > 0 && b > 0) {
        all.emplace_back(f.closes[i] * b - f.closes[j] * a, f.symbols[s], f.dates[i]);
      }
      break;
    }
  }
  std::sort(all.begin(), all.end());
  const std::size_t k = 25;
  const auto one_scan = largest_market_value_losses(f.symbols, f.steps(), f.rows(), k);
  ASSERT_EQ(one_scan.size(), k);
  for (std::size_t i = 0; i < k; ++i) {
    EXPECT_EQ(one_scan[i].change_cents, std::get<0>(all[i]));
    EXPECT_EQ(one_scan[i].symbol, std::get<1>(all[i]));
    EXPECT_EQ(one_scan[i].date, std::get<2>(all[i]));
  }
  for (const std::size_t chunk : {1U, 7U, 50U, 333U}) {
    MarketValueLossRanking ranking(f.symbols, f.steps(), k);
    std::vector<MarketValueLossRanking::Part> parts;
    for (std::size_t from = 0; from < f.dates.size(); from += chunk) {
      parts.push_back(ranking.scan(f.rows(from, from + chunk)));
    }
    for (auto& part : parts) ranking.merge(std::move(part));
    const auto chunked = ranking.losses();
    ASSERT_EQ(chunked.size(), k);
    for (std::size_t i = 0; i < k; ++i) {
      EXPECT_EQ(chunked[i].change_cents, one_scan[i].change_cents) << chunk;
      EXPECT_EQ(chunked[i].symbol, one_scan[i].symbol);
      EXPECT_EQ(chunked[i].date, one_scan[i].date);
      EXPECT_EQ(chunked[i].previous_date, one_scan[i].previous_date);
    }
    EXPECT_EQ(ranking.summary().candidates, all.size());
    EXPECT_EQ(ranking.summary().rows, f.dates.size());
  }
}

}  // namespace
}  // namespace marketshock::records
