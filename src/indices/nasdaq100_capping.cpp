#include <marketshock/indices/nasdaq100_capping.hpp>

#include <marketshock/core/require.hpp>

#include <cmath>
#include <vector>

namespace marketshock::indices {

namespace {

/// Fixes every free issuer above `trigger` at `target` and rescales the remaining free ones to
/// fill `budget` minus the fixed weights, until no free issuer exceeds `trigger`. `fixed` marks
/// issuers already held at their weight. Returns false when the free issuers cannot fill it.
bool fix_and_redistribute(Eigen::VectorXd& w, std::vector<bool>& fixed, double trigger,
                          double target, double budget) {
  const Eigen::Index n = w.size();
  for (Eigen::Index round = 0; round <= n; ++round) {
    double fixed_sum = 0.0;
    double free_sum = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) (fixed[i] ? fixed_sum : free_sum) += w[i];
    if (free_sum <= 0.0) return std::abs(budget - fixed_sum) <= 1e-12;
    const double scale = (budget - fixed_sum) / free_sum;
    bool changed = false;
    for (Eigen::Index i = 0; i < n; ++i) {
      if (fixed[i]) continue;
      w[i] *= scale;
      if (w[i] > trigger) {
        fixed[i] = true;
        w[i] = target;
        changed = true;
      }
    }
    if (!changed) return true;
  }
  return true;
}

}  // namespace

std::string_view to_string(CappingStatus status) noexcept {
  switch (status) {
    case CappingStatus::not_triggered:
      return "not_triggered";
    case CappingStatus::capped:
      return "capped";
    case CappingStatus::infeasible:
      return "infeasible";
  }
  return "unknown";
}

CappingResult cap_issuer_weights(const Eigen::Ref<const Eigen::VectorXd>& market_values,
                                 const CappingRule& rule) {
  MARKETSHOCK_REQUIRE(market_values.size() > 0, "capping needs at least one issuer");
  for (Eigen::Index i = 0; i < market_values.size(); ++i) {
    MARKETSHOCK_REQUIRE(std::isfinite(market_values[i]) && market_values[i] > 0.0,
                        "issuer market value #{} is {}, not finite and positive", i,
                        market_values[i]);
  }
  CappingResult result;
  result.uncapped_weights = market_values / market_values.sum();
  result.weights = result.uncapped_weights;
  Eigen::VectorXd& w = result.weights;
  const Eigen::Index n = w.size();

  const auto large_aggregate = [&] {
    double sum = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
      if (w[i] > rule.large_issuer_threshold) sum += w[i];
    }
    return sum;
  };
  if (w.maxCoeff() <= rule.single_issuer_trigger &&
      large_aggregate() <= rule.large_aggregate_trigger) {
    return result;
  }
  result.status = CappingStatus::capped;

  // Step 1: single-issuer cap.
  if (w.maxCoeff() > rule.single_issuer_trigger) {
    result.single_issuer_step_applied = true;
    std::vector<bool> fixed(static_cast<std::size_t>(n), false);
    if (!fix_and_redistribute(w, fixed, rule.single_issuer_trigger, rule.single_issuer_target,
                              1.0)) {
      w = result.uncapped_weights;
      result.status = CappingStatus::infeasible;
      return result;
    }
  }

  // Step 2: aggregate cap of the large issuers.
  const double large_sum = large_aggregate();
  if (large_sum <= rule.large_aggregate_trigger) return result;
  result.aggregate_step_applied = true;
  std::vector<bool> fixed(static_cast<std::size_t>(n), false);
  Eigen::VectorXd before = w;
  for (Eigen::Index i = 0; i < n; ++i) {
    if (w[i] > rule.large_issuer_threshold) {
      w[i] *= rule.large_aggregate_target / large_sum;
      fixed[static_cast<std::size_t>(i)] = true;
    }
  }
  if (!fix_and_redistribute(w, fixed, rule.small_issuer_ceiling, rule.small_issuer_ceiling, 1.0)) {
    w = before;
    result.status = CappingStatus::infeasible;
  }
  return result;
}

}  // namespace marketshock::indices
