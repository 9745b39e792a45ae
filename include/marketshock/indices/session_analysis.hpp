/// \file session_analysis.hpp
/// \brief IndexSessionAnalysis: everything the contagion report says about one index on one
/// session (rebuilt vs actual, tracking error, extremes, attribution, breadth, sectors,
/// counterfactuals, market-value change).
#pragma once

#include <marketshock/indices/attribution.hpp>
#include <marketshock/indices/breadth.hpp>
#include <marketshock/indices/counterfactual.hpp>
#include <marketshock/indices/divisor.hpp>
#include <marketshock/indices/index_extremes.hpp>
#include <marketshock/indices/index_reconstruction.hpp>
#include <marketshock/indices/sector_contribution.hpp>
#include <marketshock/indices/tracking_error.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace marketshock::indices {

/// A member and its price return, for the best and worst lists.
struct MemberReturn {
  Symbol symbol{"UNKNOWN"};
  std::string name;
  double price_return = 0.0;
};

/// One index on one session.
struct IndexSessionAnalysis {
  IndexSpec spec;
  ReconstructionWindow window;
  SessionReconstruction session;
  /// Rebuilt vs actual over every session of the window (the figure that says how far the
  /// session's rebuilt return can be trusted).
  TrackingError window_tracking;
  /// Intraday extremes from the index's own OHLC; empty when the level series lacks the session.
  std::optional<IndexExtremes> extremes;
  Attribution attribution;
  /// Over every member with or without weight (NaN returns counted as missing).
  Breadth breadth;
  /// The members with the lowest and highest returns, at most `extremes_count` each; ties by
  /// symbol.
  std::vector<MemberReturn> worst;
  std::vector<MemberReturn> best;
  std::vector<SectorContribution> sectors;
  EqualWeighted equal_weighted;
  /// Present when symbols were excluded.
  std::optional<ExclusionCounterfactual> excluding;
  /// The divisor implied by the published level over the window, for strategies whose index
  /// publishes one (WeightingStrategy::implied_divisors: the Dow's).
  std::optional<DivisorSeries> divisors;
  /// Sum of the members' market-value changes (USD) over the members whose change is known, and
  /// their count.
  double market_value_change_usd = 0.0;
  std::size_t valued = 0;
};

/// Analyses `session` of `index`; `exclude` (may be empty) gives the counterfactual. O(sessions x
/// members) for the window's tracking error, O(members log members) for the rest.
/// Throws InvalidArgument when `session` is outside the window.
[[nodiscard]] IndexSessionAnalysis analyse_session(const IndexReconstruction& index,
                                                   boost::gregorian::date session,
                                                   std::span<const Symbol> exclude = {},
                                                   std::size_t extremes_count = 5);

}  // namespace marketshock::indices
