// Dating a split exactly from the tick grid of a split-adjusted price series.
//
// A split-only-adjusted vendor price is the traded price divided by every split after its day.
// Traded prices are whole cents, so after a split of ratio r (and before any later one) the
// vendor's prices are whole cents, while before it they are cents / r: NVIDIA's 2024-06-07
// close is 120.888 (1208.88 / 10), its 2024-06-10 close 121.79. The first session of the new
// basis is the one after the last session off the cent grid.
#pragma once

#include <marketshock/core/daily_bars.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>

namespace marketshock::recipe {

/// What to look for: a split of `ratio` known to have taken effect after `after` and on or
/// before `latest`, in a series whose prices are also divided by `later_factor` (the product of
/// the ratios of the later splits up to the vendor's adjustment date).
struct SplitSearch {
  double ratio = 1.0;
  double later_factor = 1.0;
  boost::gregorian::date after;
  boost::gregorian::date latest;
};

/// How decisive the grid must be. The defaults are the dataset build's.
struct TickGridOptions {
  /// A price x counts as on the grid of m (cents per unit: 100 x the factor) when x*m is within
  /// this many cents of a whole number, or within 4 float32 ulps of x times m when that is more
  /// (vendors store float32: 120.888 reads 120.88800048828125).
  double tolerance_cents = 0.02;
  /// Sessions examined before the first candidate and after the last: the old basis must show
  /// before the date, the new one after it.
  std::size_t context_sessions = 20;
  /// At least this many of the `recent_sessions` sessions just before the date must be off the
  /// grid: the old basis must show where the new one starts, not only further back.
  std::size_t recent_sessions = 5;
  std::size_t min_recent_off_grid = 3;
  /// At least this many sessions on the new basis from the date on.
  std::size_t min_sessions_after = 5;
  /// Sessions contradicting the date (off the grid after it, or off even the old basis's grid
  /// before it) tolerated: none by default.
  std::size_t max_contradictions = 0;
  /// The next later candidate would need the first on-grid session to be an old-basis session
  /// whose prices happen to be round; the sessions before the date show how often that happens,
  /// and it must be rare for the date to be a clear winner.
  double max_round_by_chance = 0.1;
};

/// What the grid says. `effective` is set when it decides; `reason` says why not otherwise.
struct TickGridFinding {
  /// The first session on the new basis.
  std::optional<boost::gregorian::date> effective;
  /// The best candidate's evidence in words (set whenever there was a candidate).
  std::string evidence;
  /// Why the grid does not decide; empty when `effective` is set.
  std::string reason;
  /// The last session before the best candidate whose prices are off the cent grid.
  std::optional<boost::gregorian::date> last_off_grid;
  std::size_t sessions_examined = 0;
  std::size_t contradictions = 0;
  /// Sessions examined before the best candidate, and how many of them are on the cent grid
  /// anyway (round prices on the old basis).
  std::size_t sessions_before = 0;
  std::size_t round_before = 0;
};

/// Finds the first session on the new basis of the split `search` describes, among the sessions
/// of `bars` (dates strictly increasing; open, high, low, close split-adjusted only, as the
/// vendor stored them) after `search.after` and on or before `search.latest`. Each candidate is
/// scored by the sessions that contradict it; the earliest with the fewest wins, and is returned
/// only if the options' tests of decisiveness pass and no session is missing from `bars` (by
/// `calendar`) just before it. Non-finite prices are ignored. O(sessions examined).
/// \throws InvalidArgument for a ratio or factor that is not positive and finite, or `latest`
///   before `after`.
[[nodiscard]] TickGridFinding date_split_by_tick_grid(std::span<const Bar> bars,
                                                      const SplitSearch& search,
                                                      const TradingCalendar& calendar,
                                                      const TickGridOptions& options = {});

}  // namespace marketshock::recipe
