// SlidingVarOls: the OLS of a VAR(p) with intercept over a window that slides one row at a time
// (private to rolling_connectedness.cpp).
#pragma once

#include <marketshock/core/stat_status.hpp>

#include <Eigen/Core>

namespace marketshock::stats::detail {

/// Fits y_t = c + sum_l Phi_l y_{t-l} + u_t over the equations t of a window of rows of `y`.
///
/// Keeps P = (X'X)^-1 of the design X = [s 1, y_{t-1}', ..., y_{t-p}'] (the intercept column
/// scaled by s, the RMS of `y`, so that X'X is well conditioned), X'Y and Y'Y, and slides them by
/// one equation in O((Np)^2 + N^2) with Sherman-Morrison updates, adding the new equation before
/// removing the old. They are rebuilt from the rows (X'X by Cholesky, with a conditioning check)
/// every kRefresh (32) slides, after a gap, or when a downdate's denominator 1 - u'Pu falls below
/// 1e-6 (the removed row held a direction alone). A window whose design is ill-conditioned is
/// solved by column-pivoting QR instead (least_squares(), the same rank decision as fit_var()).
/// Then B = P X'Y and Sigma = (Y'Y - (X'Y)' B) / (n - 1 - Np): two N^3 products a window.
///
/// `y` must outlive the object and have no NaN in the windows fitted.
class SlidingVarOls {
 public:
  SlidingVarOls(const Eigen::MatrixXd& y, Eigen::Index lags, Eigen::Index window);

  /// Fits the window of rows [e - window + 1, e]: ok, or singular_design (slopes and Sigma are
  /// then unspecified). Slides from the previous fit when e is the next row.
  StatStatus fit(Eigen::Index e);
  /// Forgets the state (the next fit rebuilds): after a window that was not fitted.
  void invalidate() noexcept { valid_ = false; }

  /// Slopes, N p x N: rows (l-1) N .. l N - 1 are Phi_l transposed.
  [[nodiscard]] Eigen::MatrixXd::ConstRowsBlockXpr slopes() const {
    return coefficients_.bottomRows(k_);
  }
  /// Residual covariance, degrees-of-freedom corrected, symmetric.
  [[nodiscard]] const Eigen::MatrixXd& sigma() const noexcept { return sigma_; }

 private:
  static constexpr int kRefresh = 32;
  void regressor(Eigen::Index t);
  bool slide(Eigen::Index e);
  bool rebuild(Eigen::Index e);
  bool solve_by_qr(Eigen::Index e);
  void finish_fit();

  const Eigen::MatrixXd& y_;
  Eigen::Index n_, p_, k_, k1_, w_, eqs_;
  double scale_ = 1.0;
  bool valid_ = false;
  Eigen::Index last_e_ = -1;
  int slides_ = 0;
  Eigen::VectorXd x_, px_;
  Eigen::MatrixXd p_inv_, sxy_, sxy_t_, syy_, coefficients_, sigma_;
};

}  // namespace marketshock::stats::detail
