/// \file counterfactual.hpp
/// \brief Counterfactual indices for one session: the index without some members (weights
/// renormalised), and the equal-weighted index.
#pragma once

#include <marketshock/indices/index_reconstruction.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace marketshock::indices {

/// The rebuilt index with some members left out.
struct ExclusionCounterfactual {
  /// The requested symbols that carried weight on the session, and those that did not (not
  /// members, or members without weight such as GOOG, whose value GOOGL carries).
  std::vector<Symbol> excluded;
  std::vector<Symbol> without_weight;
  /// Their combined weight (fraction) and contribution (bps) in the full rebuilt index.
  double excluded_weight = 0.0;
  double excluded_contribution_bps = 0.0;
  /// The full and the counterfactual rebuilt returns (fractions): the rest renormalised to 1.
  double rebuilt_return = 0.0;
  double rebuilt_return_excluding = 0.0;
};

/// The index of `full` (a session of `index`) rebuilt without `symbols`. O(members).
/// Throws InvalidArgument when `full.session` is outside the window (see
/// IndexReconstruction::session).
[[nodiscard]] ExclusionCounterfactual exclusion_counterfactual(const IndexReconstruction& index,
                                                               const SessionReconstruction& full,
                                                               std::span<const Symbol> symbols);

/// The equal-weighted index of one session.
struct EqualWeighted {
  /// Members with a return on the session (a bar on it and on the previous session), share
  /// count or not: equal weights need no market value.
  std::size_t members = 0;
  /// Their average price return (fraction); NaN when there is none.
  double equal_weighted_return = 0.0;
  /// The cap-weighted rebuilt return of the same session, for comparison.
  double cap_weighted_return = 0.0;
};

/// Every member with a return weighs the same; members excluded on request are left out.
/// Each share class counts as a member (GOOG and GOOGL both), as in equal-weight index variants.
[[nodiscard]] EqualWeighted equal_weighted(const SessionReconstruction& session) noexcept;

}  // namespace marketshock::indices
