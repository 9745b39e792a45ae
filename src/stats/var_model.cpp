#include <marketshock/stats/var_model.hpp>

#include "detail/stability.hpp"

#include <marketshock/core/require.hpp>
#include <marketshock/stats/least_squares.hpp>

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>

#include <cmath>

namespace marketshock::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Eigen::Index check_shape(const Eigen::Ref<const Eigen::MatrixXd>& coefficients) {
  const Eigen::Index n = coefficients.rows();
  MARKETSHOCK_REQUIRE(n > 0 && coefficients.cols() > 0 && coefficients.cols() % n == 0,
                      "VAR coefficients are {} x {}: expected N x (N p)", n, coefficients.cols());
  return n;
}

}  // namespace

namespace detail {

StabilityCheck certify_stability(const Eigen::Ref<const Eigen::MatrixXd>& companion,
                                 Eigen::MatrixXd power, int exponent) {
  StabilityCheck check;
  if (!companion.allFinite()) return check;
  for (;;) {
    const double norm = power.cwiseAbs().rowwise().sum().maxCoeff();
    if (norm < 1.0) {
      check.stable = true;
      check.spectral_radius = std::pow(norm, 1.0 / exponent);
      return check;
    }
    if (exponent >= 64 || !std::isfinite(norm)) break;
    const Eigen::MatrixXd squared = power * power;
    power = squared;
    exponent *= 2;
  }
  const Eigen::EigenSolver<Eigen::MatrixXd> solver(companion, false);
  check.exact = true;
  if (solver.info() != Eigen::Success) return check;
  check.spectral_radius = solver.eigenvalues().cwiseAbs().maxCoeff();
  check.stable = check.spectral_radius < 1.0;
  return check;
}

}  // namespace detail

Eigen::MatrixXd VarModel::lag_matrix(std::size_t l) const {
  MARKETSHOCK_REQUIRE(l >= 1 && l <= lags, "VAR lag {} is outside 1..{}", l, lags);
  const Eigen::Index n = variables();
  return coefficients.middleCols(static_cast<Eigen::Index>(l - 1) * n, n);
}

Eigen::MatrixXd companion_matrix(const Eigen::Ref<const Eigen::MatrixXd>& coefficients) {
  const Eigen::Index n = check_shape(coefficients);
  const Eigen::Index np = coefficients.cols();
  Eigen::MatrixXd c = Eigen::MatrixXd::Zero(np, np);
  c.topRows(n) = coefficients;
  if (np > n) c.bottomLeftCorner(np - n, np - n).setIdentity();
  return c;
}

StabilityCheck check_stability(const Eigen::Ref<const Eigen::MatrixXd>& coefficients) {
  const Eigen::MatrixXd c = companion_matrix(coefficients);
  return detail::certify_stability(c, c, 1);
}

std::vector<Eigen::MatrixXd> ma_coefficients(const Eigen::Ref<const Eigen::MatrixXd>& coefficients,
                                             std::size_t horizon) {
  const Eigen::Index n = check_shape(coefficients);
  MARKETSHOCK_REQUIRE(horizon >= 1, "MA coefficients: the horizon must be at least 1");
  const auto p = static_cast<std::size_t>(coefficients.cols() / n);
  std::vector<Eigen::MatrixXd> a;
  a.reserve(horizon);
  a.push_back(Eigen::MatrixXd::Identity(n, n));
  for (std::size_t h = 1; h < horizon; ++h) {
    Eigen::MatrixXd acc = Eigen::MatrixXd::Zero(n, n);
    for (std::size_t l = 1; l <= std::min(h, p); ++l) {
      acc.noalias() += coefficients.middleCols(static_cast<Eigen::Index>(l - 1) * n, n) * a[h - l];
    }
    a.push_back(std::move(acc));
  }
  return a;
}

VarModel fit_var(const Eigen::Ref<const Eigen::MatrixXd>& y, std::size_t lags) {
  const Eigen::Index t_rows = y.rows();
  const Eigen::Index n = y.cols();
  MARKETSHOCK_REQUIRE(lags >= 1, "VAR: the lag order must be at least 1");
  MARKETSHOCK_REQUIRE(n >= 1, "VAR: no series");
  const auto p = static_cast<Eigen::Index>(lags);
  const Eigen::Index k = 1 + n * p;
  MARKETSHOCK_REQUIRE(t_rows - p > k,
                      "VAR({}) of {} series needs more than N p + 1 = {} equations; the window "
                      "of {} rows gives {}",
                      lags, n, k, t_rows, t_rows - p);
  for (Eigen::Index j = 0; j < n; ++j) {
    for (Eigen::Index t = 0; t < t_rows; ++t) {
      MARKETSHOCK_REQUIRE(std::isfinite(y(t, j)),
                          "VAR: missing or non-finite value at row {}, column {}", t, j);
    }
  }
  const Eigen::Index eqs = t_rows - p;
  Eigen::MatrixXd x(eqs, k);
  x.col(0).setOnes();
  for (Eigen::Index l = 1; l <= p; ++l) x.middleCols(1 + (l - 1) * n, n) = y.middleRows(p - l, eqs);
  const LeastSquaresFit ls = least_squares(x, y.bottomRows(eqs));

  VarModel model;
  model.lags = lags;
  model.observations = static_cast<std::size_t>(eqs);
  model.intercept = ls.coefficients.row(0).transpose();
  model.coefficients = ls.coefficients.bottomRows(n * p).transpose();
  model.sigma = (ls.residuals.transpose() * ls.residuals) / static_cast<double>(eqs - k);
  model.status = ls.status;
  if (!is_usable(model.status)) {
    model.sigma.setConstant(kNaN);
    return model;
  }
  if (Eigen::LLT<Eigen::MatrixXd>(model.sigma).info() != Eigen::Success) {
    model.status = StatStatus::singular_covariance;
    return model;
  }
  model.stability = check_stability(model.coefficients);
  return model;
}

}  // namespace marketshock::stats
