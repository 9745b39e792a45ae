/// \file ranking.hpp
/// \brief rank_moves: the top N one-day losses or gains of a universe, with the record each move
/// stood against at the time, concentration counts and the days that had to be left out.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/security.hpp>
#include <marketshock/core/symbol.hpp>
#include <marketshock/records/excluded_moves.hpp>
#include <marketshock/records/move_measure.hpp>
#include <marketshock/records/move_table.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace marketshock::records {

/// What to rank. The defaults give the ten largest one-day market-value losses of any security,
/// over all the data.
struct RankingQuery {
  /// How many moves to return; must be at least 1.
  std::size_t top = 10;
  /// Losses rank only moves below zero, gains only moves above it.
  Direction direction = Direction::losses;
  /// USD: market-value change. Percent: per security the close-to-close return (which needs no
  /// share count); per issuer the sum of the classes' changes over the sum of their previous
  /// values (which does).
  Measure measure = Measure::usd;
  /// Per issuer, the classes trading on a date are combined: the sum of their market-value
  /// changes, and percent = that sum / the sum of their previous values. A class without a market
  /// value that day (no share count, say) excludes the whole issuer-day, and is reported in
  /// Ranking::excluded.
  Grouping per = Grouping::security;
  /// First date of the ranked range, inclusive (any date); empty: the data's first bar.
  std::optional<boost::gregorian::date> from;
  /// Last date of the ranked range, inclusive (any date); empty or later than as_of: as_of.
  std::optional<boost::gregorian::date> to;
  /// Nothing dated after it is visible: the ranking as it stood at that day's close. Empty: the
  /// data's last bar. Must not precede the data's first bar.
  std::optional<boost::gregorian::date> as_of;
  /// Index id ("sp500", "ndx100"): only moves of securities that were members on the move's own
  /// date count (point in time; an issuer-day counts when any of its classes was a member).
  /// Empty: every security.
  std::optional<std::string> universe;
  /// Only this issuer's securities (or, per issuer, this issuer); empty: all issuers.
  std::optional<IssuerId> issuer;
};

/// One security-day or issuer-day move as a ranking sees it. Returns are fractions, money USD.
struct MoveEntry {
  /// The security; per issuer, the classes that traded that day, in symbol order.
  std::vector<Symbol> symbols;
  IssuerId issuer;
  boost::gregorian::date date;
  /// The ranked measure: market_value_change_usd (USD) or close_return (percent).
  double value = 0.0;
  /// Per security, the close-to-close return; per issuer, change / previous value.
  double close_return = 0.0;
  /// Change and previous market value; NaN when unknown (a percent ranking of a security that
  /// has no share count).
  double market_value_change_usd = 0.0;
  double previous_market_value_usd = 0.0;
};

/// A move of the top N, with what it meant when it happened.
struct RankedMove {
  /// 1-based position in the ranking.
  std::size_t rank = 0;
  MoveEntry move;
  /// True when no earlier move of the universe (same measure, direction and grouping, back to the
  /// data's first bar, regardless of `from`) was as large, and none larger on the same date.
  bool record_at_the_time = false;
  /// The record standing at the close of the session before the move: the one it broke when
  /// record_at_the_time is true, the one it fell short of otherwise. Empty for the universe's
  /// first move.
  std::optional<MoveEntry> previous_record;
};

/// How many of the top N moves belong to one security (per security) or issuer (per issuer):
/// "8 of the top 10 belong to NVDA".
struct HolderCount {
  /// The symbol, or the issuer key.
  std::string key;
  std::size_t count = 0;

  friend bool operator==(const HolderCount&, const HolderCount&) = default;
};

/// The result of rank_moves.
struct Ranking {
  /// The query as asked, and its resolved range: from <= to <= as_of.
  RankingQuery query;
  boost::gregorian::date from;
  boost::gregorian::date to;
  boost::gregorian::date as_of;
  /// Moves in range and universe that had the measure and went in the direction (the pool the
  /// top N came from).
  std::size_t candidate_count = 0;
  /// Best first. Order is total: by value (largest first in the direction), then symbol or
  /// issuer key bytewise, then date.
  std::vector<RankedMove> moves;
  /// Counts among `moves`, most first, then by key.
  std::vector<HolderCount> holders;
  /// Every security-day in range and universe that could not be ranked, in runs, by symbol then
  /// date. Per issuer, a class without a market value excludes the whole issuer-day; the class
  /// is listed (with its issuer), the issuer's other classes that day are not.
  std::vector<ExcludedMoves> excluded;
};

/// Ranks the moves of `table` as `query` asks. Throws InvalidArgument when top is 0, when the
/// data has no bars, when as_of is before the data's first bar, when from is after the resolved
/// end, or for an unknown universe or issuer. O(M + D + N log N) for M rows up to the end, D
/// calendar days of history and N = top; a dataset of 150k security-days ranks in a few ms.
[[nodiscard]] Ranking rank_moves(const MoveTable& table, const RankingQuery& query);

/// Convenience: builds a MoveTable of `data` and ranks it. Build the table once to run several
/// rankings.
[[nodiscard]] Ranking rank_moves(const MarketData& data, const RankingQuery& query);

}  // namespace marketshock::records
