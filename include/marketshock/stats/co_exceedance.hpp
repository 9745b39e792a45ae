/// \file co_exceedance.hpp
/// \brief Co-exceedances: per session, how many members of a universe fell below their own
/// q-quantile return at once, and where a session ranks among all of them.
#pragma once

#include <marketshock/stats/row_range.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <optional>

namespace marketshock::stats {

/// Options of co_exceedances().
struct CoExceedanceOptions {
  /// q in (0, 1): a member exceeds on a session when its return is strictly below its own
  /// q-quantile (0.05: its worst 5% of days).
  double quantile = 0.05;
  /// Rows whose returns define each member's quantile; all rows when empty (use a pre-event
  /// range to keep the event out of its own threshold).
  std::optional<RowRange> quantile_rows;
  /// Members with fewer returns than this in quantile_rows get no threshold and are left out.
  std::size_t min_observations = 20;
};

/// Co-exceedance counts of a sessions x members return matrix.
struct CoExceedances {
  /// Each member's q-quantile (linear interpolation between order statistics, numpy's default
  /// "linear" / Hyndman-Fan type 7); NaN when it has too few returns.
  Eigen::VectorXd thresholds;
  /// Per session: members below their threshold.
  Eigen::VectorXi counts;
  /// Per session: members with a return and a threshold (the possible count).
  Eigen::VectorXi present;
};

/// Counts the co-exceedances of `returns` (sessions x members, NaN missing). O(T M + M L log L).
/// \throws InvalidArgument if quantile is outside (0, 1), quantile_rows is empty or outside the
/// rows, or min_observations is 0.
[[nodiscard]] CoExceedances co_exceedances(const Eigen::Ref<const Eigen::MatrixXd>& returns,
                                           const CoExceedanceOptions& options = {});

/// Where one session stands among all sessions by count.
struct SessionRank {
  /// 1 + number of sessions with a strictly higher count (1 = the most co-exceedances).
  std::size_t rank = 0;
  /// Other sessions with exactly the same count.
  std::size_t ties = 0;
  /// Sessions ranked (those with present > 0).
  std::size_t sessions = 0;
};

/// The rank of row `row` by count among the rows with present > 0.
/// \throws InvalidArgument if `row` is outside the rows.
[[nodiscard]] SessionRank rank_session(const CoExceedances& result, Eigen::Index row);

}  // namespace marketshock::stats
