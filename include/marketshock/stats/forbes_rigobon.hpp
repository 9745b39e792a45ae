/// \file forbes_rigobon.hpp
/// \brief Forbes-Rigobon heteroskedasticity-adjusted correlation between a shock's source and
/// its targets, turmoil against tranquil window, with a Fisher z test.
#pragma once

#include <marketshock/core/stat_status.hpp>
#include <marketshock/stats/row_range.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <limits>
#include <vector>

namespace marketshock::stats {

/// One source-target pair.
struct ForbesRigobonResult {
  /// Days used in each window (both returns present).
  std::size_t tranquil_days = 0;
  std::size_t turmoil_days = 0;
  /// Pearson correlations (unadjusted) in each window.
  double tranquil_correlation = std::numeric_limits<double>::quiet_NaN();
  double turmoil_correlation = std::numeric_limits<double>::quiet_NaN();
  /// delta = var_turmoil(source) / var_tranquil(source) - 1, on the days used.
  double variance_increase = std::numeric_limits<double>::quiet_NaN();
  /// Forbes and Rigobon (2002): rho* = rho_turmoil / sqrt(1 + delta (1 - rho_turmoil^2)), the
  /// turmoil correlation with the bias from the source's higher variance removed.
  double adjusted_turmoil_correlation = std::numeric_limits<double>::quiet_NaN();
  /// Fisher z test of H0: turmoil correlation = tranquil correlation against H1: higher
  /// (contagion): z = (atanh(rho_turmoil) - atanh(rho_tranquil)) / sqrt(1/(n_turmoil - 3) +
  /// 1/(n_tranquil - 3)), p = P(Z > z), one-sided. Unadjusted uses rho_turmoil, adjusted rho*.
  double z_unadjusted = std::numeric_limits<double>::quiet_NaN();
  double p_unadjusted = std::numeric_limits<double>::quiet_NaN();
  double z_adjusted = std::numeric_limits<double>::quiet_NaN();
  double p_adjusted = std::numeric_limits<double>::quiet_NaN();
  /// too_few_observations when a window has fewer than the minimum days (at least 4);
  /// zero_variance when a series is constant in a window.
  StatStatus status = StatStatus::ok;
};

/// The Forbes-Rigobon comparison of `source` and `target` (aligned returns, NaN missing; a day
/// counts in a window when both are present) between the rows `tranquil` and `turmoil`
/// (disjoint). O(rows).
/// \throws InvalidArgument if the lengths differ, a range is empty, reversed or outside the rows,
/// the ranges overlap, or min_days < 4.
[[nodiscard]] ForbesRigobonResult forbes_rigobon(const Eigen::Ref<const Eigen::VectorXd>& source,
                                                 const Eigen::Ref<const Eigen::VectorXd>& target,
                                                 RowRange tranquil, RowRange turmoil,
                                                 std::size_t min_days = 10);

/// forbes_rigobon() of `source` against each column of `targets` (sessions x targets).
/// \throws InvalidArgument as forbes_rigobon(), or if the row counts differ.
[[nodiscard]] std::vector<ForbesRigobonResult> forbes_rigobon_each(
    const Eigen::Ref<const Eigen::VectorXd>& source,
    const Eigen::Ref<const Eigen::MatrixXd>& targets, RowRange tranquil, RowRange turmoil,
    std::size_t min_days = 10);

}  // namespace marketshock::stats
