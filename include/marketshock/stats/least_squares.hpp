/// \file least_squares.hpp
/// \brief Ordinary least squares with several responses, by column-pivoting Householder QR.
#pragma once

#include <marketshock/core/stat_status.hpp>

#include <Eigen/Core>

namespace marketshock::stats {

/// The least-squares solution B minimising ||Y - X B||_F, with residuals and rank.
struct LeastSquaresFit {
  /// k x m coefficients (one column per response); NaN unless the status is usable.
  Eigen::MatrixXd coefficients;
  /// n x m residuals Y - X B; NaN unless the status is usable.
  Eigen::MatrixXd residuals;
  /// Numerical rank of X found by the QR (threshold: Eigen's default, ~ k x machine epsilon
  /// relative to the largest pivot).
  Eigen::Index rank = 0;
  StatStatus status = StatStatus::ok;
};

/// OLS of the responses `response` (n x m) on the design `design` (n x k; include a column of
/// ones for an intercept), solved by ColPivHouseholderQR. For a design of full column rank this
/// is the unique minimiser, the same as numpy `lstsq` (LAPACK gelsd) and statsmodels up to
/// rounding (~1e-13 relative). A rank-deficient design (collinear or constant regressors) has no
/// unique solution: status singular_design and NaN, never an arbitrary minimiser; n < k gives
/// too_few_observations. Inputs must be finite (NaN rows must be dropped by the caller).
/// O(n k^2 + n k m).
/// \throws InvalidArgument if the row counts differ or k == 0.
[[nodiscard]] LeastSquaresFit least_squares(const Eigen::Ref<const Eigen::MatrixXd>& design,
                                            const Eigen::Ref<const Eigen::MatrixXd>& response);

}  // namespace marketshock::stats
