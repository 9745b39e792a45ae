#include <marketshock/stats/co_exceedance.hpp>

#include <marketshock/core/require.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace marketshock::stats {

namespace {

// Type-7 quantile of the finite values of `x`; NaN with fewer than `min_count` of them.
double quantile_of(const Eigen::Ref<const Eigen::VectorXd>& x, double q, std::size_t min_count) {
  std::vector<double> v;
  v.reserve(static_cast<std::size_t>(x.size()));
  for (Eigen::Index t = 0; t < x.size(); ++t) {
    if (std::isfinite(x(t))) v.push_back(x(t));
  }
  if (v.empty() || v.size() < min_count) return std::numeric_limits<double>::quiet_NaN();
  std::sort(v.begin(), v.end());
  const double h = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

CoExceedances co_exceedances(const Eigen::Ref<const Eigen::MatrixXd>& returns,
                             const CoExceedanceOptions& options) {
  MARKETSHOCK_REQUIRE(options.quantile > 0.0 && options.quantile < 1.0,
                      "co-exceedances: quantile {} is outside (0, 1)", options.quantile);
  MARKETSHOCK_REQUIRE(options.min_observations > 0, "co-exceedances: min_observations is 0");
  const RowRange rows = options.quantile_rows.value_or(RowRange{0, returns.rows()});
  MARKETSHOCK_REQUIRE(rows.begin >= 0 && rows.begin < rows.end && rows.end <= returns.rows(),
                      "co-exceedances: quantile rows [{}, {}) are empty or outside 0..{}",
                      rows.begin, rows.end, returns.rows());
  CoExceedances out;
  out.thresholds.resize(returns.cols());
  for (Eigen::Index j = 0; j < returns.cols(); ++j) {
    out.thresholds(j) = quantile_of(returns.col(j).segment(rows.begin, rows.size()),
                                    options.quantile, options.min_observations);
  }
  out.counts = Eigen::VectorXi::Zero(returns.rows());
  out.present = Eigen::VectorXi::Zero(returns.rows());
  for (Eigen::Index j = 0; j < returns.cols(); ++j) {
    const double threshold = out.thresholds(j);
    if (std::isnan(threshold)) continue;
    for (Eigen::Index t = 0; t < returns.rows(); ++t) {
      const double r = returns(t, j);
      if (std::isnan(r)) continue;
      ++out.present(t);
      if (r < threshold) ++out.counts(t);
    }
  }
  return out;
}

SessionRank rank_session(const CoExceedances& result, Eigen::Index row) {
  MARKETSHOCK_REQUIRE(row >= 0 && row < result.counts.size(),
                      "co-exceedances: row {} is outside 0..{}", row, result.counts.size());
  SessionRank rank;
  rank.rank = 1;
  const int mine = result.counts(row);
  for (Eigen::Index t = 0; t < result.counts.size(); ++t) {
    if (result.present(t) == 0) continue;
    ++rank.sessions;
    if (t == row) continue;
    if (result.counts(t) > mine) ++rank.rank;
    if (result.counts(t) == mine) ++rank.ties;
  }
  return rank;
}

}  // namespace marketshock::stats
