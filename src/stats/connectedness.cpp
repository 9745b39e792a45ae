#include <marketshock/stats/connectedness.hpp>

#include <marketshock/core/require.hpp>

#include <cmath>
#include <vector>

namespace marketshock::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Connectedness unusable(Eigen::Index n, StatStatus status) {
  Connectedness c;
  c.theta = Eigen::MatrixXd::Constant(n, n, kNaN);
  c.table = c.theta;
  c.pairwise_net = c.theta;
  c.to = c.from = c.net = Eigen::VectorXd::Constant(n, kNaN);
  c.status = status;
  return c;
}

}  // namespace

Eigen::MatrixXd generalized_fevd(const Eigen::Ref<const Eigen::MatrixXd>& coefficients,
                                 const Eigen::Ref<const Eigen::MatrixXd>& sigma,
                                 std::size_t horizon) {
  const Eigen::Index n = sigma.rows();
  MARKETSHOCK_REQUIRE(sigma.cols() == n && n > 0, "GFEVD: Sigma is {} x {}", n, sigma.cols());
  MARKETSHOCK_REQUIRE(coefficients.rows() == n,
                      "GFEVD: coefficients have {} rows for a {} x {} Sigma", coefficients.rows(),
                      n, n);
  const std::vector<Eigen::MatrixXd> a = ma_coefficients(coefficients, horizon);
  Eigen::MatrixXd num = Eigen::MatrixXd::Zero(n, n);
  Eigen::VectorXd den = Eigen::VectorXd::Zero(n);
  Eigen::MatrixXd m(n, n);
  for (const Eigen::MatrixXd& a_h : a) {
    m.noalias() = a_h * sigma;
    num += m.cwiseAbs2();
    den += m.cwiseProduct(a_h).rowwise().sum();
  }
  Eigen::MatrixXd theta(n, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    for (Eigen::Index i = 0; i < n; ++i) {
      const bool ok = sigma(j, j) > 0.0 && den(i) > 0.0;
      theta(i, j) = ok ? num(i, j) / sigma(j, j) / den(i) : kNaN;
    }
  }
  return theta;
}

Connectedness connectedness_from_fevd(const Eigen::Ref<const Eigen::MatrixXd>& theta) {
  const Eigen::Index n = theta.rows();
  MARKETSHOCK_REQUIRE(n > 0 && theta.cols() == n, "connectedness: theta is {} x {}", n,
                      theta.cols());
  const Eigen::VectorXd row_sums = theta.rowwise().sum();
  if (!theta.allFinite() || (row_sums.array() <= 0.0).any()) {
    return unusable(n, StatStatus::singular_covariance);
  }
  Connectedness c;
  c.theta = theta;
  const Eigen::MatrixXd t = theta.array().colwise() / row_sums.array();
  Eigen::MatrixXd off = t;
  off.diagonal().setZero();
  const double scale = 100.0 / static_cast<double>(n);
  c.table = 100.0 * t;
  c.total = scale * off.sum();
  c.from = scale * off.rowwise().sum();
  c.to = scale * off.colwise().sum().transpose();
  c.net = c.to - c.from;
  c.pairwise_net = scale * (off.transpose() - off);
  return c;
}

Connectedness connectedness(const VarModel& model, std::size_t horizon) {
  MARKETSHOCK_REQUIRE(horizon >= 1, "connectedness: the horizon must be at least 1");
  const Eigen::Index n = model.variables();
  if (!is_usable(model.status)) return unusable(n, model.status);
  if (!model.stability.stable) return unusable(n, StatStatus::explosive);
  return connectedness_from_fevd(generalized_fevd(model.coefficients, model.sigma, horizon));
}

}  // namespace marketshock::stats
