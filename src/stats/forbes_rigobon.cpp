#include <marketshock/stats/forbes_rigobon.hpp>

#include "detail/distributions.hpp"

#include <marketshock/core/require.hpp>

#include <cmath>

namespace marketshock::stats {

namespace {

struct WindowMoments {
  std::size_t days = 0;
  double correlation = std::numeric_limits<double>::quiet_NaN();
  double source_variance = std::numeric_limits<double>::quiet_NaN();
  bool constant = false;
};

WindowMoments moments(const Eigen::Ref<const Eigen::VectorXd>& x,
                      const Eigen::Ref<const Eigen::VectorXd>& y, RowRange rows) {
  const Eigen::ArrayXd xs = x.segment(rows.begin, rows.size()).array();
  const Eigen::ArrayXd ys = y.segment(rows.begin, rows.size()).array();
  const Eigen::Array<bool, Eigen::Dynamic, 1> both = xs.isFinite() && ys.isFinite();
  WindowMoments m;
  m.days = static_cast<std::size_t>(both.count());
  if (m.days < 2) return m;
  const double n = static_cast<double>(m.days);
  const double mx = both.select(xs, 0.0).sum() / n;
  const double my = both.select(ys, 0.0).sum() / n;
  const Eigen::ArrayXd dx = both.select(xs - mx, 0.0);
  const Eigen::ArrayXd dy = both.select(ys - my, 0.0);
  const double sxx = dx.square().sum();
  const double syy = dy.square().sum();
  // Constant means all used values equal (their computed deviations need not be exactly 0).
  const auto constant = [&](const Eigen::ArrayXd& v) {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    return both.select(v, kInf).minCoeff() == both.select(v, -kInf).maxCoeff();
  };
  m.constant = constant(xs) || constant(ys) || !(sxx > 0.0) || !(syy > 0.0);
  m.source_variance = sxx / (n - 1.0);
  if (!m.constant) m.correlation = (dx * dy).sum() / std::sqrt(sxx * syy);
  return m;
}

void check_range(RowRange r, Eigen::Index rows, const char* name) {
  MARKETSHOCK_REQUIRE(r.begin >= 0 && r.begin < r.end && r.end <= rows,
                      "Forbes-Rigobon: {} rows [{}, {}) are empty or outside 0..{}", name, r.begin,
                      r.end, rows);
}

}  // namespace

ForbesRigobonResult forbes_rigobon(const Eigen::Ref<const Eigen::VectorXd>& source,
                                   const Eigen::Ref<const Eigen::VectorXd>& target,
                                   RowRange tranquil, RowRange turmoil, std::size_t min_days) {
  MARKETSHOCK_REQUIRE(source.size() == target.size(),
                      "Forbes-Rigobon: {} source returns but {} target returns", source.size(),
                      target.size());
  MARKETSHOCK_REQUIRE(min_days >= 4, "Forbes-Rigobon: min_days {} is below 4", min_days);
  check_range(tranquil, source.size(), "tranquil");
  check_range(turmoil, source.size(), "turmoil");
  MARKETSHOCK_REQUIRE(tranquil.end <= turmoil.begin || turmoil.end <= tranquil.begin,
                      "Forbes-Rigobon: tranquil rows [{}, {}) overlap turmoil rows [{}, {})",
                      tranquil.begin, tranquil.end, turmoil.begin, turmoil.end);
  const WindowMoments calm = moments(source, target, tranquil);
  const WindowMoments storm = moments(source, target, turmoil);
  ForbesRigobonResult r;
  r.tranquil_days = calm.days;
  r.turmoil_days = storm.days;
  if (calm.days < min_days || storm.days < min_days) {
    r.status = StatStatus::too_few_observations;
    return r;
  }
  if (calm.constant || storm.constant) {
    r.status = StatStatus::zero_variance;
    return r;
  }
  r.tranquil_correlation = calm.correlation;
  r.turmoil_correlation = storm.correlation;
  r.variance_increase = storm.source_variance / calm.source_variance - 1.0;
  const double rho = storm.correlation;
  r.adjusted_turmoil_correlation = rho / std::sqrt(1.0 + r.variance_increase * (1.0 - rho * rho));
  const double se = std::sqrt(1.0 / (static_cast<double>(storm.days) - 3.0) +
                              1.0 / (static_cast<double>(calm.days) - 3.0));
  const double z_calm = std::atanh(calm.correlation);
  r.z_unadjusted = (std::atanh(rho) - z_calm) / se;
  r.z_adjusted = (std::atanh(r.adjusted_turmoil_correlation) - z_calm) / se;
  r.p_unadjusted = detail::normal_upper_tail(r.z_unadjusted);
  r.p_adjusted = detail::normal_upper_tail(r.z_adjusted);
  return r;
}

std::vector<ForbesRigobonResult> forbes_rigobon_each(
    const Eigen::Ref<const Eigen::VectorXd>& source,
    const Eigen::Ref<const Eigen::MatrixXd>& targets, RowRange tranquil, RowRange turmoil,
    std::size_t min_days) {
  MARKETSHOCK_REQUIRE(source.size() == targets.rows(),
                      "Forbes-Rigobon: {} source returns but {} target rows", source.size(),
                      targets.rows());
  std::vector<ForbesRigobonResult> out;
  out.reserve(static_cast<std::size_t>(targets.cols()));
  for (Eigen::Index j = 0; j < targets.cols(); ++j) {
    out.push_back(forbes_rigobon(source, targets.col(j), tranquil, turmoil, min_days));
  }
  return out;
}

}  // namespace marketshock::stats
