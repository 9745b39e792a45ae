#include "detail/sliding_var_ols.hpp"
#include "detail/small_gemm.hpp"

#include <marketshock/stats/least_squares.hpp>

#include <Eigen/Cholesky>

#include <cmath>
#include <limits>

namespace marketshock::stats::detail {

namespace {

// Smallest Cholesky pivot of X'X, relative to the largest, that the normal equations accept: a
// ratio r means cond(X) ~ 1/r, and they lose ~cond(X)^2 x 1e-16, so 1e-6 keeps ~1e-4 relative
// accuracy in the worst case accepted (Task C's windows have ~0.1, ~1e-14).
constexpr double kNormalEquationPivot = 1e-6;
// Smallest downdate denominator 1 - u'Pu (one minus the leverage of the row removed) trusted.
constexpr double kMinDowndate = 1e-6;

}  // namespace

SlidingVarOls::SlidingVarOls(const Eigen::MatrixXd& y, Eigen::Index lags, Eigen::Index window)
    : y_(y),
      n_(y.cols()),
      p_(lags),
      k_(n_ * lags),
      k1_(k_ + 1),
      w_(window),
      eqs_(window - lags),
      x_(k_ + 1),
      px_(k_ + 1) {
  double ss = 0.0;
  double count = 0.0;
  for (Eigen::Index j = 0; j < y.cols(); ++j) {
    for (Eigen::Index t = 0; t < y.rows(); ++t) {
      if (std::isfinite(y(t, j))) {
        ss += y(t, j) * y(t, j);
        count += 1.0;
      }
    }
  }
  if (count > 0.0 && ss > 0.0) scale_ = std::sqrt(ss / count);
}

void SlidingVarOls::regressor(Eigen::Index t) {
  x_(0) = scale_;
  for (Eigen::Index l = 1; l <= p_; ++l)
    x_.segment(1 + (l - 1) * n_, n_) = y_.row(t - l).transpose();
}

StatStatus SlidingVarOls::fit(Eigen::Index e) {
  const bool slid = valid_ && e == last_e_ + 1 && slides_ < kRefresh && slide(e);
  last_e_ = e;
  if (!slid && !rebuild(e)) {
    valid_ = false;
    if (!solve_by_qr(e)) return StatStatus::singular_design;
    return StatStatus::ok;
  }
  finish_fit();
  return StatStatus::ok;
}

bool SlidingVarOls::slide(Eigen::Index e) {
  const Eigen::Index added = e;
  const Eigen::Index removed = e - w_ + p_;  // the first equation of the previous window
  // Add first: X'X only grows, so the removal's denominator is as large as it can be.
  regressor(added);
  px_.noalias() = p_inv_ * x_;
  p_inv_.noalias() -= (px_ / (1.0 + x_.dot(px_))) * px_.transpose();
  sxy_.noalias() += x_ * y_.row(added);
  syy_.noalias() += y_.row(added).transpose() * y_.row(added);
  regressor(removed);
  px_.noalias() = p_inv_ * x_;
  const double denominator = 1.0 - x_.dot(px_);
  if (!(denominator > kMinDowndate)) return false;
  p_inv_.noalias() += (px_ / denominator) * px_.transpose();
  sxy_.noalias() -= x_ * y_.row(removed);
  syy_.noalias() -= y_.row(removed).transpose() * y_.row(removed);
  ++slides_;
  return true;
}

bool SlidingVarOls::rebuild(Eigen::Index e) {
  const Eigen::Index first = e - w_ + 1 + p_;
  Eigen::MatrixXd x(eqs_, k1_);
  x.col(0).setConstant(scale_);
  for (Eigen::Index l = 1; l <= p_; ++l)
    x.middleCols(1 + (l - 1) * n_, n_) = y_.middleRows(first - l, eqs_);
  const Eigen::LLT<Eigen::MatrixXd> llt(x.transpose() * x);
  if (llt.info() != Eigen::Success) return false;
  const Eigen::VectorXd pivots = llt.matrixLLT().diagonal().cwiseAbs();
  if (!(pivots.minCoeff() > kNormalEquationPivot * pivots.maxCoeff())) return false;
  p_inv_ = llt.solve(Eigen::MatrixXd::Identity(k1_, k1_));
  sxy_.noalias() = x.transpose() * y_.middleRows(first, eqs_);
  syy_.noalias() = y_.middleRows(first, eqs_).transpose() * y_.middleRows(first, eqs_);
  valid_ = true;
  slides_ = 0;
  return true;
}

bool SlidingVarOls::solve_by_qr(Eigen::Index e) {
  const Eigen::Index first = e - w_ + 1 + p_;
  Eigen::MatrixXd x(eqs_, k1_);
  x.col(0).setOnes();
  for (Eigen::Index l = 1; l <= p_; ++l)
    x.middleCols(1 + (l - 1) * n_, n_) = y_.middleRows(first - l, eqs_);
  const LeastSquaresFit fit = least_squares(x, y_.middleRows(first, eqs_));
  if (!is_usable(fit.status)) return false;
  coefficients_ = fit.coefficients;
  sigma_.noalias() = fit.residuals.transpose() * fit.residuals;
  sigma_ /= static_cast<double>(eqs_ - k1_);
  return true;
}

void SlidingVarOls::finish_fit() {
  coefficients_.resize(k1_, n_);
  small_gemm(GemmUpdate::assign, p_inv_, sxy_, GemmOperand::plain, coefficients_);
  sigma_ = syy_;
  sxy_t_ = sxy_.transpose();
  small_gemm(GemmUpdate::subtract, sxy_t_, coefficients_, GemmOperand::plain, sigma_);
  // Exactly symmetric (the products are so only up to rounding), then df-corrected.
  sigma_.triangularView<Eigen::StrictlyUpper>() = sigma_.transpose();
  sigma_ /= static_cast<double>(eqs_ - k1_);
}

}  // namespace marketshock::stats::detail
