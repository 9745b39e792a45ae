/// \file tracking_error.hpp
/// \brief TrackingError: how closely a rebuilt return series follows the actual index (RMSE in
/// basis points, correlation, worst day).
#pragma once

#include <marketshock/core/stat_status.hpp>

#include <Eigen/Core>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <optional>
#include <span>

namespace marketshock::indices {

/// Rebuilt minus actual daily returns, over the sessions where both are known.
struct TrackingError {
  /// Sessions with both returns; sessions with either missing are not counted.
  std::size_t observations = 0;
  /// Root mean square of (rebuilt - actual), basis points (1 bp = 0.0001).
  double rmse_bps = 0.0;
  /// Mean of (rebuilt - actual), basis points: the bias.
  double mean_error_bps = 0.0;
  /// Pearson correlation of the two return series.
  double correlation = 0.0;
  /// The session with the largest |rebuilt - actual| and that signed difference (bps); empty
  /// when there are no observations.
  std::optional<boost::gregorian::date> worst_session;
  double worst_error_bps = 0.0;
  /// ok; too_few_observations (fewer than two sessions: every figure NaN); zero_variance (a
  /// constant series: the correlation is NaN, the other figures valid).
  StatStatus status = StatStatus::ok;
};

/// Compares `rebuilt` with `actual` (fractions, one per session of `sessions`), skipping
/// sessions where either is NaN. Degenerate input gives NaN figures and a status, never an
/// exception, except that mismatched lengths throw InvalidArgument. O(n).
[[nodiscard]] TrackingError tracking_error(std::span<const boost::gregorian::date> sessions,
                                           const Eigen::Ref<const Eigen::VectorXd>& rebuilt,
                                           const Eigen::Ref<const Eigen::VectorXd>& actual);

}  // namespace marketshock::indices
