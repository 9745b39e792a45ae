/// \file attribution.hpp
/// \brief Attribution: each member's contribution to a rebuilt index move (weight x return, in
/// basis points and index points), ranked, and how concentrated the move is.
#pragma once

#include <marketshock/indices/index_reconstruction.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace marketshock::indices {

/// One weighted member's share of the move.
struct Contribution {
  Symbol symbol{"UNKNOWN"};
  /// Display name and GICS sector from the dataset ("" when unknown).
  std::string name;
  std::string sector;
  /// Weight at the prior close (fraction) and close-to-close price return (fraction).
  double weight = 0.0;
  double price_return = 0.0;
  /// weight x return, in basis points of the index (-108.4 is -1.084%).
  double contribution_bps = 0.0;
  /// weight x return x the index's prior close: index points (NaN without the level).
  double contribution_points = 0.0;
  /// close(t) x shares(t) - close(t-1) x shares(t-1), USD; NaN when unknown.
  double market_value_change_usd = 0.0;
};

/// The share of the index move explained by its `top` largest contributors.
struct Concentration {
  std::size_t top = 0;
  /// Sum of their contributions, bps.
  double contribution_bps = 0.0;
  /// That sum / the rebuilt return: 0.8 means they explain 80% of the move. Can exceed 1 when
  /// the other members moved the other way; NaN when the rebuilt return is 0 or NaN.
  double share_of_move = 0.0;
};

/// The ranked contributions of one session.
struct Attribution {
  /// The rebuilt return (fraction) and the actual prior close of the index (points).
  double rebuilt_return = 0.0;
  double previous_level = 0.0;
  /// Every included member, ranked in the direction of the move: on a falling session the most
  /// negative contribution first, on a rising one the most positive; ties by symbol.
  std::vector<Contribution> ranked;
  /// For the top 1, 5 and 10 contributors (fewer when fewer members are included).
  std::vector<Concentration> concentration;
};

/// Attribution of `session` (a session of `index`). O(members log members).
[[nodiscard]] Attribution attribute(const IndexReconstruction& index,
                                    const SessionReconstruction& session);

/// The contributors pushing against the move, largest first (on a falling session the most
/// positive contributions): the tail of `attribution.ranked`, reversed, at most `count`.
[[nodiscard]] std::vector<Contribution> offsetting_contributors(const Attribution& attribution,
                                                                std::size_t count);

}  // namespace marketshock::indices
