/// \file sector_contribution.hpp
/// \brief SectorContribution: a rebuilt index move summed by GICS sector (contribution and
/// market-value change per sector).
#pragma once

#include <marketshock/indices/index_reconstruction.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace marketshock::indices {

/// One GICS sector's part of a session's move.
struct SectorContribution {
  /// GICS sector as in the dataset; "(unknown)" for members without one.
  std::string sector;
  /// Members on the session, and how many carried weight.
  std::size_t members = 0;
  std::size_t included = 0;
  /// Sum of the weights (fraction) and of the contributions (bps) of its included members.
  double weight = 0.0;
  double contribution_bps = 0.0;
  /// contribution / weight: the sector's cap-weighted return (fraction); NaN with no weight.
  double sector_return = 0.0;
  /// Sum of the market-value changes (USD) over the members whose change is known, and their
  /// count (members without a share count are left out of the sum and counted here).
  double market_value_change_usd = 0.0;
  std::size_t valued = 0;
};

/// Sums `session` (of `index`) by GICS sector, ranked in the direction of the move (most
/// negative contribution first on a falling session); ties by sector name. O(members log sectors).
[[nodiscard]] std::vector<SectorContribution> sector_contributions(
    const IndexReconstruction& index, const SessionReconstruction& session);

}  // namespace marketshock::indices
