#include <algorithm>
#include <marketshock/records/ranking.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>

#include "records/records_fixtures.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace marketshock::records {
namespace {

using namespace testing_fixtures;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

// "SYMBOL YYYY-MM-DD" for each ranked move (per issuer: the issuer key).
std::vector<std::string> keys(const Ranking& r) {
  std::vector<std::string> out;
  for (const RankedMove& m : r.moves) {
    const std::string who =
        r.query.per == Grouping::security ? m.move.symbols.front().str() : m.move.issuer.key();
    out.push_back(who + " " + format_iso_date(m.move.date));
  }
  return out;
}

RankingQuery from_s2(RankingQuery q = {}) {
  q.from = S2;
  return q;
}

TEST(Ranking, UsdLossesWithTotalTieBreak) {
  const MarketData data = ranking_market();
  const MoveTable table(data);
  const Ranking r = rank_moves(table, from_s2());
  // All losses (see records_fixtures.hpp): CCC S2 -30e9, AAA S5 -19e9, then four at exactly
  // -10e9 ordered by symbol then date (AAA S2, BBB S2, BBB S4, BBB S6), GOOGL S5 -5e9, GOOG S5
  // -4e9, EEE S5 -3e9, CCC S6 -2e9. Zero moves (SPL's split day among them) are not losses.
  EXPECT_EQ(keys(r), (std::vector<std::string>{"CCC 2025-01-22", "AAA 2025-01-27", "AAA 2025-01-22",
                                               "BBB 2025-01-22", "BBB 2025-01-24", "BBB 2025-01-28",
                                               "GOOGL 2025-01-27", "GOOG 2025-01-27",
                                               "EEE 2025-01-27", "CCC 2025-01-28"}));
  EXPECT_EQ(r.candidate_count, 10u);
  EXPECT_EQ(r.moves[0].rank, 1u);
  EXPECT_DOUBLE_EQ(r.moves[0].move.value, -30e9);
  EXPECT_DOUBLE_EQ(r.moves[0].move.market_value_change_usd, -30e9);
  EXPECT_DOUBLE_EQ(r.moves[0].move.previous_market_value_usd, 200e9);
  EXPECT_NEAR(r.moves[0].move.close_return, -0.15, 1e-12);  // 170 / 200 - 1
  EXPECT_EQ(r.moves[0].move.issuer, IssuerId("ccc"));
  EXPECT_EQ(r.from, S2);
  EXPECT_EQ(r.to, S6);
  EXPECT_EQ(r.as_of, S6);
  // BBB 3, AAA 2, CCC 2, then one each, ties by key.
  EXPECT_EQ(r.holders,
            (std::vector<HolderCount>{
                {"BBB", 3}, {"AAA", 2}, {"CCC", 2}, {"EEE", 1}, {"GOOG", 1}, {"GOOGL", 1}}));

  RankingQuery top3 = from_s2();
  top3.top = 3;
  EXPECT_EQ(keys(rank_moves(table, top3)),
            (std::vector<std::string>{"CCC 2025-01-22", "AAA 2025-01-27", "AAA 2025-01-22"}));
}

TEST(Ranking, GainsAndPercent) {
  const MarketData data = ranking_market();
  const MoveTable table(data);
  RankingQuery gains = from_s2();
  gains.direction = Direction::gains;
  // Gains: AAA S3 +9e9, AAA S6 +8e9; nothing else rose.
  EXPECT_EQ(keys(rank_moves(table, gains)),
            (std::vector<std::string>{"AAA 2025-01-23", "AAA 2025-01-28"}));

  RankingQuery pct = from_s2();
  pct.measure = Measure::percent;
  pct.top = 12;
  // Close-to-close returns, no share count needed (DDD and VVV take part):
  //   AAA S5 80/99-1 = -19.19%; DDD S6 5/6-1 = -16.67%; CCC S2 -15%; DDD S5 6/7-1 = -14.29%;
  //   BBB S6 35/40-1 and DDD S4 7/8-1, both exactly -12.5% (BBB first);
  //   BBB S4 40/45-1 and DDD S3 8/9-1, the same double (BBB first);
  //   AAA S2, BBB S2, DDD S2, EEE S5 all 0.9 - 1 (by symbol).
  // SPL's split day is 100 / (1000 / 10) - 1 = 0, not a -90% loss.
  EXPECT_EQ(keys(rank_moves(table, pct)),
            (std::vector<std::string>{"AAA 2025-01-27", "DDD 2025-01-28", "CCC 2025-01-22",
                                      "DDD 2025-01-27", "BBB 2025-01-28", "DDD 2025-01-24",
                                      "BBB 2025-01-24", "DDD 2025-01-23", "AAA 2025-01-22",
                                      "BBB 2025-01-22", "DDD 2025-01-22", "EEE 2025-01-27"}));
  const Ranking r = rank_moves(table, pct);
  EXPECT_NEAR(r.moves[0].move.value, -0.191919, 1e-6);
  EXPECT_TRUE(r.excluded.empty());  // every day in range has a previous bar
}

TEST(Ranking, ASplitDayIsNeverALoss) {
  const MarketData data = nvda_market();
  for (const Measure measure : {Measure::usd, Measure::percent}) {
    RankingQuery q;
    q.measure = measure;
    q.top = 100;
    for (const RankedMove& m : rank_moves(data, q).moves) {
      EXPECT_NE(m.move.date, d(2024, 6, 10)) << to_string(measure);
    }
  }
}

TEST(Ranking, AsOfHidesLaterMoves) {
  const MarketData data = ranking_market();
  const MoveTable table(data);
  RankingQuery q = from_s2();
  q.as_of = S4;
  q.to = S6;  // clamped to the as-of date
  const Ranking r = rank_moves(table, q);
  EXPECT_EQ(r.to, S4);
  EXPECT_EQ(keys(r), (std::vector<std::string>{"CCC 2025-01-22", "AAA 2025-01-22", "BBB 2025-01-22",
                                               "BBB 2025-01-24"}));
  // A weekend as-of date is fine: the ranking as it stood then.
  q.as_of = d(2025, 1, 26);
  EXPECT_EQ(rank_moves(table, q).moves.size(), 4u);
}

TEST(Ranking, PointInTimeIndexMembership) {
  const MarketData data = ranking_market();
  const MoveTable table(data);
  RankingQuery q = from_s2();
  q.universe = "sp500";
  // CCC's -30e9 on S2 came before it joined (S5); its S6 -2e9 counts. BBB left on S6, so its
  // S6 -10e9 does not count.
  EXPECT_EQ(keys(rank_moves(table, q)),
            (std::vector<std::string>{"AAA 2025-01-27", "AAA 2025-01-22", "BBB 2025-01-22",
                                      "BBB 2025-01-24", "GOOGL 2025-01-27", "GOOG 2025-01-27",
                                      "EEE 2025-01-27", "CCC 2025-01-28"}));
  q.universe = "sp400";
  EXPECT_THAT([&] { (void)rank_moves(table, q); },
              ThrowsMessage<InvalidArgument>(
                  HasSubstr("unknown universe 'sp400'; the dataset has: all, sp500")));
}

TEST(Ranking, IssuerAggregatesShareClasses) {
  const MarketData data = ranking_market();
  const MoveTable table(data);
  RankingQuery q = from_s2();
  q.per = Grouping::issuer;
  const Ranking r = rank_moves(table, q);
  // Alphabet on S5: GOOGL (190 - 200) x 0.5e9 = -5e9 plus GOOG (195 - 205) x 0.4e9 = -4e9
  // = -9e9, ranked after the four -10e9 moves and before EEE's -3e9.
  EXPECT_EQ(keys(r),
            (std::vector<std::string>{"ccc 2025-01-22", "aaa 2025-01-27", "aaa 2025-01-22",
                                      "bbb 2025-01-22", "bbb 2025-01-24", "bbb 2025-01-28",
                                      "alphabet 2025-01-27", "eee 2025-01-27", "ccc 2025-01-28"}));
  const MoveEntry& alphabet = r.moves[6].move;
  EXPECT_EQ(alphabet.symbols, (std::vector<Symbol>{Symbol("GOOG"), Symbol("GOOGL")}));
  EXPECT_DOUBLE_EQ(alphabet.market_value_change_usd, -9e9);
  // Previous values 205 x 0.4e9 + 200 x 0.5e9 = 82e9 + 100e9 = 182e9; -9 / 182 = -4.945%.
  EXPECT_DOUBLE_EQ(alphabet.previous_market_value_usd, 182e9);
  EXPECT_NEAR(alphabet.close_return, -0.0494505, 1e-7);

  q.measure = Measure::percent;
  q.issuer = IssuerId("alphabet");
  const Ranking pct = rank_moves(table, q);
  ASSERT_EQ(pct.moves.size(), 1u);
  EXPECT_NEAR(pct.moves[0].move.value, -0.0494505, 1e-7);
}

TEST(Ranking, AClassWithoutSharesLeavesTheIssuerValueToTheClassThatCarriesIt) {
  // DUA has 1e9 shares (the all-class count), DUB none: the issuer's value stands on DUA, counted
  // once, and DUB is reported as valued on the other class (as GOOG on GOOGL).
  MarketDataBuilder b("dual");
  b.add_issuer({IssuerId("dual"), "Dual Class Corp.", std::nullopt});
  add(b, "DUA", "dual", six(10, 9, 9, 9, 9, 9), {{d(2020, 1, 2), shares(1e9)}},
      PriceBasis::as_traded(), false);
  add(b, "DUB", "dual", six(10, 9, 9, 9, 9, 9), {}, PriceBasis::as_traded(), false);
  const MarketData data = std::move(b).build();
  RankingQuery q = from_s2();
  q.per = Grouping::issuer;
  const Ranking r = rank_moves(data, q);
  ASSERT_EQ(r.moves.size(), 1u);
  EXPECT_EQ(r.moves[0].move.date, S2);
  EXPECT_DOUBLE_EQ(r.moves[0].move.value, -1e9);  // (9 - 10) x 1e9, DUA alone
  // Per issuer nothing is left out: DUB's value is part of the issuer's, on DUA's count.
  EXPECT_TRUE(r.excluded.empty());
  // Per security, DUA's S2 loss (9 - 10) x 1e9 = -1e9 ranks, and DUB is listed as valued on the
  // other class.
  q.per = Grouping::security;
  const Ranking per_security = rank_moves(data, q);
  EXPECT_EQ(keys(per_security), (std::vector<std::string>{"DUA 2025-01-22"}));
  EXPECT_EQ(per_security.excluded,
            (std::vector<ExcludedMoves>{{Symbol("DUB"), IssuerId("dual"),
                                         ValuationStatus::value_on_other_class, S2, S6, 5}}));
}

TEST(Ranking, ExcludedDaysAreListedInRuns) {
  const MarketData data = ranking_market();
  const MoveTable table(data);
  const Ranking r = rank_moves(table, from_s2());
  EXPECT_EQ(
      r.excluded,
      (std::vector<ExcludedMoves>{
          {Symbol("DDD"), IssuerId("ddd"), ValuationStatus::no_shares, S2, S6, 5},
          {Symbol("EEE"), IssuerId("eee"), ValuationStatus::no_shares, S2, S3, 2},
          {Symbol("EEE"), IssuerId("eee"), ValuationStatus::no_previous_shares, S4, S4, 1},
          {Symbol("VVV"), IssuerId("vvv"), ValuationStatus::dividend_adjusted_prices, S2, S6, 5}}));
  // From the first bar, every security's first day is listed too (no previous bar).
  const Ranking all = rank_moves(table, RankingQuery{});
  // A first bar spans no known sessions (0).
  EXPECT_EQ(all.excluded.front(), (ExcludedMoves{Symbol("AAA"), IssuerId("aaa"),
                                                 ValuationStatus::no_previous_bar, S1, S1, 1, 0}));
  // Nine first bars (no previous bar), then DDD's no_shares run, EEE's two runs, VVV's run.
  EXPECT_EQ(all.excluded.size(), 9u + 4u);
  // Outside the universe nothing is listed: CCC, no sp500 member before S5, loses its first bar.
  RankingQuery sp;
  sp.universe = "sp500";
  const Ranking in_index = rank_moves(table, sp);
  EXPECT_EQ(in_index.excluded.size(), 8u + 4u);
  for (const ExcludedMoves& e : in_index.excluded) EXPECT_NE(e.symbol, Symbol("CCC"));
}

TEST(Ranking, RecordsAtTheTime) {
  const MarketData data = ranking_market();
  const MoveTable table(data);
  const Ranking all = rank_moves(table, from_s2());
  // S2's best is CCC's -30e9: a record, with nothing before it. AAA's -19e9 on S5 falls short
  // of it. AAA's -10e9 on S2 is beaten on its own day: no record, and no earlier record stood.
  EXPECT_TRUE(all.moves[0].record_at_the_time);
  EXPECT_FALSE(all.moves[0].previous_record.has_value());
  EXPECT_FALSE(all.moves[1].record_at_the_time);
  ASSERT_TRUE(all.moves[1].previous_record.has_value());
  EXPECT_EQ(all.moves[1].previous_record->symbols.front(), Symbol("CCC"));
  EXPECT_EQ(all.moves[1].previous_record->date, S2);
  EXPECT_DOUBLE_EQ(all.moves[1].previous_record->value, -30e9);
  EXPECT_FALSE(all.moves[2].record_at_the_time);
  EXPECT_FALSE(all.moves[2].previous_record.has_value());

  // The history behind a record reaches before `from`: from S5, AAA's S5 still stands against
  // CCC's S2.
  RankingQuery late = from_s2();
  late.from = S5;
  EXPECT_EQ(rank_moves(table, late).moves[0].previous_record->date, S2);

  // In the S&P 500 (CCC not yet a member on S2): AAA's -10e9 leads S2 (AAA before BBB) and is a
  // record; BBB's equal -10e9 on S4 only ties it, which breaks nothing; AAA's -19e9 on S5 breaks
  // AAA's S2 record.
  RankingQuery sp = from_s2();
  sp.universe = "sp500";
  const Ranking in_index = rank_moves(table, sp);
  EXPECT_EQ(keys(in_index)[0], "AAA 2025-01-27");
  EXPECT_TRUE(in_index.moves[0].record_at_the_time);
  EXPECT_EQ(in_index.moves[0].previous_record->symbols.front(), Symbol("AAA"));
  EXPECT_EQ(in_index.moves[0].previous_record->date, S2);
  EXPECT_TRUE(in_index.moves[1].record_at_the_time);   // AAA S2
  EXPECT_FALSE(in_index.moves[2].record_at_the_time);  // BBB S2
  EXPECT_FALSE(in_index.moves[3].record_at_the_time);  // BBB S4
  EXPECT_EQ(in_index.moves[3].previous_record->date, S2);
}

TEST(Ranking, NvidiaBrokeItsSeptemberRecord) {
  const MarketData data = nvda_market();
  const Ranking usd = rank_moves(data, RankingQuery{});
  // Losses: 2025-01-27 -24.20 x 24.49e9 = -592.658e9; 2024-09-03 (108.00 - 119.37) x 24.53e9
  // = -278.9061e9; 2025-01-29 -5.29 x 24.49e9 = -129.5521e9; 2025-01-31 -4.58 x 24.49e9
  // = -112.1642e9. The fixture has no bars between 2024-06-10 and 2024-08-30, so 2024-08-30's
  // -72.7595e9 (119.37 x 24.53e9 - 121.79 x 24.64e9) spans 57 sessions (13 in June after the
  // 10th, Juneteenth closed; 22 in July, the 4th closed; 22 in August) and is no one-day move.
  EXPECT_EQ(keys(usd), (std::vector<std::string>{"NVDA 2025-01-27", "NVDA 2024-09-03",
                                                 "NVDA 2025-01-29", "NVDA 2025-01-31"}));
  const auto gap = std::find_if(usd.excluded.begin(), usd.excluded.end(),
                                [](const ExcludedMoves& e) { return e.first == d(2024, 8, 30); });
  ASSERT_NE(gap, usd.excluded.end());
  EXPECT_EQ(gap->reason, ValuationStatus::spans_several_sessions);
  EXPECT_EQ(gap->sessions_spanned, 57u);
  EXPECT_NEAR(usd.moves[0].move.value, -592.658e9, 1e3);
  EXPECT_NEAR(usd.moves[0].move.close_return, -0.169682, 1e-6);
  EXPECT_TRUE(usd.moves[0].record_at_the_time);
  const MoveEntry& broken = *usd.moves[0].previous_record;
  EXPECT_EQ(broken.date, d(2024, 9, 3));
  EXPECT_NEAR(broken.value, -278.9061e9, 1e3);
  EXPECT_NEAR(broken.close_return, -0.095250, 1e-6);  // 108.00 / 119.37 - 1
  // 2024-09-03 was a record when it happened: the gap move before it does not count.
  EXPECT_TRUE(usd.moves[1].record_at_the_time);
  EXPECT_FALSE(usd.moves[1].previous_record.has_value());
  EXPECT_FALSE(usd.moves[2].record_at_the_time);
  EXPECT_EQ(usd.holders, (std::vector<HolderCount>{{"NVDA", 4}}));
  // The first bar cannot be ranked and is said so.
  EXPECT_EQ(usd.excluded.front().reason, ValuationStatus::no_previous_bar);

  // "The largest drop in its history", by percent within the data: 2025-01-27 leads.
  RankingQuery pct;
  pct.measure = Measure::percent;
  pct.top = 1;
  const Ranking largest = rank_moves(data, pct);
  EXPECT_EQ(keys(largest), (std::vector<std::string>{"NVDA 2025-01-27"}));
  EXPECT_TRUE(largest.moves[0].record_at_the_time);
  // Four one-day losses in percent too: 2024-08-30 spans 57 sessions and 2025-01-24 (after
  // 2024-09-03) many more.
  EXPECT_EQ(largest.candidate_count, 4u);
}

TEST(Ranking, BadQueriesAreExplained) {
  const MarketData data = ranking_market();
  const MoveTable table(data);
  RankingQuery q;
  q.top = 0;
  EXPECT_THAT([&] { (void)rank_moves(table, q); },
              ThrowsMessage<InvalidArgument>(HasSubstr("top N must be at least 1, got 0")));
  q = RankingQuery{};
  q.as_of = d(2024, 12, 31);
  EXPECT_THAT([&] { (void)rank_moves(table, q); },
              ThrowsMessage<InvalidArgument>(HasSubstr(
                  "as-of date 2024-12-31 is before the data starts (first bar 2025-01-21)")));
  q = RankingQuery{};
  q.from = S6;
  q.as_of = S5;
  EXPECT_THAT([&] { (void)rank_moves(table, q); },
              ThrowsMessage<InvalidArgument>(HasSubstr("empty range: from 2025-01-28 is after "
                                                       "2025-01-27")));
  q = RankingQuery{};
  q.issuer = IssuerId("nobody");
  EXPECT_THAT([&] { (void)rank_moves(table, q); },
              ThrowsMessage<InvalidArgument>(HasSubstr("unknown issuer 'nobody'")));
  const MarketData empty = MarketDataBuilder("empty").build();
  EXPECT_THAT([&] { (void)rank_moves(empty, RankingQuery{}); },
              ThrowsMessage<InvalidArgument>(HasSubstr("dataset 'empty' has no bars")));
}

}  // namespace
}  // namespace marketshock::records
