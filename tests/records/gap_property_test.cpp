// Property: whatever bars are deleted from (or inserted off the calendar into) a copy of the
// embedded dataset, no ranking and no daily move presents a change across a gap as a one-day move.
#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/core/valuation.hpp>
#include <marketshock/records/daily_move.hpp>
#include <marketshock/records/move_table.hpp>
#include <marketshock/records/ranking.hpp>

#include "support/embedded_dataset.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

namespace marketshock::records {
namespace {

using boost::gregorian::date;

struct Tampering {
  MarketData data;
  /// Bars removed (symbol, date) and bars inserted on non-sessions (symbol, date).
  std::set<std::pair<Symbol, date>> deleted;
  std::set<std::pair<Symbol, date>> inserted;
};

std::vector<Bar> bars_of(const DailyBars& bars) {
  std::vector<Bar> out;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    out.push_back(Bar{bars.dates()[i], bars.open()[i], bars.high()[i], bars.low()[i],
                      bars.close()[i], bars.volume()[i]});
  }
  return out;
}

// A copy of `source` where every tampered security loses a few random bars (never its first) and
// may gain a Saturday bar, a copy of the Friday before with its close moved by 30%.
Tampering tamper(const MarketData& source, std::uint32_t seed) {
  std::mt19937 rng(seed);
  Tampering out{MarketDataBuilder(source.name()).build(), {}, {}};
  MarketDataBuilder builder(source.name() + "-tampered");
  for (const auto& [id, issuer] : source.issuers()) builder.add_issuer(issuer);
  for (const SecurityRecord& r : source.securities()) {
    std::vector<Bar> bars = bars_of(r.bars);
    if (bars.size() > 20 && std::bernoulli_distribution(0.3)(rng)) {
      const int deletions = std::uniform_int_distribution<int>(1, 4)(rng);
      for (int k = 0; k < deletions && bars.size() > 3; ++k) {
        const auto at = std::uniform_int_distribution<std::size_t>(1, bars.size() - 2)(rng);
        out.deleted.emplace(r.security.symbol, bars[at].date);
        bars.erase(bars.begin() + static_cast<std::ptrdiff_t>(at));
      }
      for (std::size_t i = 1; i + 1 < bars.size(); ++i) {
        const date friday = bars[i].date;
        if (friday.day_of_week() != boost::date_time::Friday ||
            !std::bernoulli_distribution(0.05)(rng)) {
          continue;
        }
        Bar saturday = bars[i];
        saturday.date = friday + boost::gregorian::days(1);
        saturday.close *= 1.3;
        saturday.high = std::max(saturday.high, saturday.close);
        out.inserted.emplace(r.security.symbol, saturday.date);
        bars.insert(bars.begin() + static_cast<std::ptrdiff_t>(i) + 1, saturday);
        ++i;
      }
    }
    builder.add_security(r.security, DailyBars(r.security.symbol, r.bars.basis(), bars),
                         r.provenance);
    builder.set_shares(r.security.symbol, r.shares);
    builder.set_actions(r.security.symbol, r.actions);
  }
  for (const auto& [id, membership] : source.memberships()) builder.add_membership(membership);
  out.data = std::move(builder).build();
  return out;
}

// True when the bar of `symbol` before `day` in `data` is the calendar's previous session.
bool previous_bar_is_previous_session(const MarketData& data, const Symbol& symbol, date day) {
  const DailyBars& bars = data.record(*data.find(symbol)).bars;
  const auto row = bars.find(day);
  if (!row || *row == 0) return false;
  const TradingCalendar& nyse = TradingCalendar::nyse();
  return nyse.is_session(day) && bars.dates()[*row - 1] == nyse.previous_session(day);
}

class GapProperty : public ::testing::TestWithParam<std::uint32_t> {};

TEST_P(GapProperty, NoRankedOrValuedOneDayMoveSpansAGap) {
  const Tampering t = tamper(testing_support::embedded_dataset().data, GetParam());
  ASSERT_FALSE(t.deleted.empty());
  const MoveTable table(t.data);
  for (const Measure measure : {Measure::usd, Measure::percent}) {
    for (const Direction direction : {Direction::losses, Direction::gains}) {
      RankingQuery q;
      q.top = 2000;
      q.measure = measure;
      q.direction = direction;
      const Ranking ranking = rank_moves(table, q);
      ASSERT_FALSE(ranking.moves.empty());
      for (const RankedMove& m : ranking.moves) {
        for (const Symbol& symbol : m.move.symbols) {
          EXPECT_TRUE(previous_bar_is_previous_session(t.data, symbol, m.move.date)) << fmt::format(
              "{} {} ranked as a one-day move across a gap", symbol, format_iso_date(m.move.date));
        }
      }
      // Every deleted bar leaves a move that spans two or more sessions, listed as excluded.
      std::size_t spanning = 0;
      for (const ExcludedMoves& e : ranking.excluded) {
        if (e.reason == ValuationStatus::spans_several_sessions) {
          EXPECT_GE(e.sessions_spanned, 2u);
          ++spanning;
        }
      }
      EXPECT_GT(spanning, 0u);
    }
  }
  // Every valued daily move with a market value is one session; a move to or from an inserted
  // Saturday bar has none and spans no known number of sessions.
  const Valuation valuation(t.data);
  for (std::uint32_t i = 0; i < t.data.security_count(); ++i) {
    for (const DailyMove& m : daily_moves(valuation, SecurityId(i))) {
      const Symbol& symbol = t.data.record(SecurityId(i)).security.symbol;
      if (m.has_market_value()) {
        EXPECT_EQ(m.sessions_spanned, 1u);
        EXPECT_TRUE(previous_bar_is_previous_session(t.data, symbol, m.date));
      }
      if (t.inserted.contains({symbol, m.date}) || t.inserted.contains({symbol, m.previous_date})) {
        EXPECT_FALSE(m.has_market_value());
        EXPECT_EQ(m.sessions_spanned, 0u) << fmt::format("{} {}", symbol, format_iso_date(m.date));
      }
      if (m.market_value_status == ValuationStatus::spans_several_sessions) {
        EXPECT_EQ(m.sessions_spanned, TradingCalendar::nyse().session_count(
                                          m.previous_date + boost::gregorian::days(1), m.date));
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, GapProperty, ::testing::Values(1u, 7u, 2025u));

}  // namespace
}  // namespace marketshock::records
