/// \file var_model.hpp
/// \brief Vector autoregression VAR(p) with intercept by OLS, its MA(infinity) coefficients and
/// the stability (explosive-root) check of its companion matrix.
#pragma once

#include <marketshock/core/stat_status.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <limits>
#include <vector>

namespace marketshock::stats {

/// Stability of a VAR: whether every eigenvalue of its companion matrix lies inside the unit
/// circle (covariance-stationary; forecast-error decompositions are meaningful).
struct StabilityCheck {
  bool stable = false;
  /// Largest eigenvalue modulus of the companion matrix when `exact`; otherwise an upper bound
  /// below 1 that proves stability (||C^k||^(1/k) for an induced norm and some power k).
  double spectral_radius = std::numeric_limits<double>::quiet_NaN();
  bool exact = false;
};

/// A fitted VAR(p): y_t = c + sum_{l=1..p} Phi_l y_{t-l} + u_t, E[u u'] = Sigma.
struct VarModel {
  std::size_t lags = 0;
  /// c, length N.
  Eigen::VectorXd intercept;
  /// [Phi_1 ... Phi_p], N x (N p): Phi_l(i, j) is the effect of y_{j, t-l} on y_{i, t}
  /// (statsmodels' `coefs[l-1]`).
  Eigen::MatrixXd coefficients;
  /// Residual covariance U'U / (n - 1 - N p), degrees-of-freedom corrected as statsmodels'
  /// `sigma_u` (n = T - p equations).
  Eigen::MatrixXd sigma;
  std::size_t observations = 0;
  /// ok; singular_design (collinear lags: coefficients and Sigma NaN); singular_covariance
  /// (Sigma not positive definite: the estimates stand, but no decomposition can use them).
  StatStatus status = StatStatus::ok;
  /// Companion-matrix check, made by fit_var() when the estimation succeeded.
  StabilityCheck stability;

  [[nodiscard]] Eigen::Index variables() const noexcept { return sigma.rows(); }
  /// Phi_l for l = 1..lags (a copy). \throws InvalidArgument for l outside 1..lags.
  [[nodiscard]] Eigen::MatrixXd lag_matrix(std::size_t l) const;
};

/// Fits a VAR(`lags`) with intercept by OLS on the rows of `y` (T sessions x N series), equation
/// by equation (the same as statsmodels `VAR(y).fit(p, trend="c")` and numpy lstsq, solved by
/// column-pivoting QR), then checks stability. O(T (Np)^2 + (Np)^3).
/// \throws InvalidArgument if lags == 0, N == 0, `y` holds a NaN or infinity (name the row and
/// column; drop or fill missing days first, or use rolling_connectedness()'s policy), or the
/// window is too short: T - p equations must exceed the 1 + N p regressors.
[[nodiscard]] VarModel fit_var(const Eigen::Ref<const Eigen::MatrixXd>& y, std::size_t lags);

/// The companion matrix (N p x N p) of coefficients [Phi_1 ... Phi_p] (N x N p): first block row
/// the coefficients, identity blocks below the diagonal.
/// \throws InvalidArgument if the columns are not a positive multiple of the rows.
[[nodiscard]] Eigen::MatrixXd companion_matrix(
    const Eigen::Ref<const Eigen::MatrixXd>& coefficients);

/// Whether the VAR with coefficients [Phi_1 ... Phi_p] is stable. First tries to prove it
/// cheaply by repeated squaring of the companion matrix C (stable if ||C^k||_inf < 1 for
/// k = 1, 2, 4, .., 64); otherwise computes the eigenvalues (Eigen::EigenSolver, O((Np)^3),
/// ~5 ms for Np = 100) and reports the exact spectral radius. A non-finite coefficient gives
/// stable = false with a NaN radius.
/// \throws InvalidArgument as companion_matrix().
[[nodiscard]] StabilityCheck check_stability(const Eigen::Ref<const Eigen::MatrixXd>& coefficients);

/// MA(infinity) matrices A_0..A_{H-1} of coefficients [Phi_1 ... Phi_p]: A_0 = I,
/// A_h = sum_{l=1..min(h,p)} Phi_l A_{h-l} (statsmodels `ma_rep(H-1)`). O(H p N^3).
/// \throws InvalidArgument if horizon == 0 or the shape is wrong (see companion_matrix()).
[[nodiscard]] std::vector<Eigen::MatrixXd> ma_coefficients(
    const Eigen::Ref<const Eigen::MatrixXd>& coefficients, std::size_t horizon);

}  // namespace marketshock::stats
