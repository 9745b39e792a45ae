#include <marketshock/indices/tracking_error.hpp>

#include <marketshock/core/require.hpp>

#include <cmath>
#include <limits>

namespace marketshock::indices {

TrackingError tracking_error(std::span<const boost::gregorian::date> sessions,
                             const Eigen::Ref<const Eigen::VectorXd>& rebuilt,
                             const Eigen::Ref<const Eigen::VectorXd>& actual) {
  MARKETSHOCK_REQUIRE(rebuilt.size() == actual.size() &&
                          static_cast<std::size_t>(rebuilt.size()) == sessions.size(),
                      "tracking error needs equal lengths: {} sessions, {} rebuilt, {} actual",
                      sessions.size(), rebuilt.size(), actual.size());
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  TrackingError te;
  double sum_x = 0.0, sum_y = 0.0, sum_d = 0.0, sum_d2 = 0.0;
  for (Eigen::Index k = 0; k < rebuilt.size(); ++k) {
    const double x = rebuilt[k];
    const double y = actual[k];
    if (std::isnan(x) || std::isnan(y)) continue;
    ++te.observations;
    const double d = x - y;
    sum_x += x;
    sum_y += y;
    sum_d += d;
    sum_d2 += d * d;
    if (!te.worst_session || std::abs(d) * 1e4 > std::abs(te.worst_error_bps)) {
      te.worst_session = sessions[static_cast<std::size_t>(k)];
      te.worst_error_bps = d * 1e4;
    }
  }
  if (te.observations < 2) {
    te.status = StatStatus::too_few_observations;
    te.rmse_bps = te.mean_error_bps = te.correlation = kNaN;
    if (te.observations == 0) te.worst_error_bps = kNaN;
    return te;
  }
  const auto n = static_cast<double>(te.observations);
  te.rmse_bps = std::sqrt(sum_d2 / n) * 1e4;
  te.mean_error_bps = sum_d / n * 1e4;
  const double mean_x = sum_x / n;
  const double mean_y = sum_y / n;
  double sxx = 0.0, syy = 0.0, sxy = 0.0;
  for (Eigen::Index k = 0; k < rebuilt.size(); ++k) {
    if (std::isnan(rebuilt[k]) || std::isnan(actual[k])) continue;
    sxx += (rebuilt[k] - mean_x) * (rebuilt[k] - mean_x);
    syy += (actual[k] - mean_y) * (actual[k] - mean_y);
    sxy += (rebuilt[k] - mean_x) * (actual[k] - mean_y);
  }
  if (sxx <= 0.0 || syy <= 0.0) {
    te.status = StatStatus::zero_variance;
    te.correlation = kNaN;
  } else {
    te.correlation = sxy / std::sqrt(sxx * syy);
  }
  return te;
}

}  // namespace marketshock::indices
