/// \file excluded_moves.hpp
/// \brief ExcludedMoves: a run of one security's days that a ranking had to leave out, and why.
#pragma once

#include <marketshock/core/security.hpp>
#include <marketshock/core/symbol.hpp>
#include <marketshock/core/valuation.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>

namespace marketshock::records {

/// Consecutive bars of one security, all in a ranking's range and universe, left out for the same
/// reason: "MSFT: no share count in force, 1990-01-02 to 2008-12-31, 4784 sessions". Grouping
/// keeps the list readable; nothing is dropped silently.
struct ExcludedMoves {
  Symbol symbol;
  IssuerId issuer;
  /// Never `available`.
  ValuationStatus reason = ValuationStatus::no_shares;
  /// First and last bar of the run (inclusive) and the number of bars in it.
  boost::gregorian::date first;
  boost::gregorian::date last;
  std::size_t sessions = 0;
  /// The most calendar sessions one move of the run spans (1 for one-day moves; more for a move
  /// across a gap, reason `spans_several_sessions`; 0 when a date is off the calendar).
  std::size_t sessions_spanned = 1;

  friend bool operator==(const ExcludedMoves&, const ExcludedMoves&) = default;
};

}  // namespace marketshock::records
