/// \file nasdaq100_capping.hpp
/// \brief The Nasdaq-100 quarterly weight capping (24% single issuer, 4.5%/48% aggregate) applied
/// to issuer market values.
#pragma once

#include <Eigen/Core>

#include <cstddef>
#include <string_view>

namespace marketshock::indices {

/// Thresholds of the Nasdaq-100 quarterly rebalance as the published methodology states them,
/// all fractions of the index. The methodology leaves the redistribution order open; this
/// implementation's reading is documented on cap_issuer_weights().
struct CappingRule {
  /// An issuer above this weight triggers step 1 ...
  double single_issuer_trigger = 0.24;
  /// ... which sets it to this weight.
  double single_issuer_target = 0.20;
  /// Issuers above this weight are "large" for step 2 ...
  double large_issuer_threshold = 0.045;
  /// ... whose aggregate above this triggers step 2 ...
  double large_aggregate_trigger = 0.48;
  /// ... which scales them, in proportion, to this aggregate.
  double large_aggregate_target = 0.40;
  /// After step 2 no other issuer may exceed this weight.
  double small_issuer_ceiling = 0.044;
};

/// What cap_issuer_weights did.
enum class CappingStatus {
  /// Neither condition was violated: the weights are the market-value weights.
  not_triggered,
  /// At least one step ran and every constraint holds.
  capped,
  /// The constraints cannot all hold (too few issuers to absorb the redistributed weight): the
  /// weights are those after the last step that could be completed. Only tiny universes hit this.
  infeasible,
};

/// "not_triggered", "capped", "infeasible".
[[nodiscard]] std::string_view to_string(CappingStatus status) noexcept;

/// The modified issuer weights of one rebalance.
struct CappingResult {
  /// Fractions summing to 1, one per issuer, in the input order.
  Eigen::VectorXd weights;
  /// The market-value weights before capping (input / its sum).
  Eigen::VectorXd uncapped_weights;
  bool single_issuer_step_applied = false;
  bool aggregate_step_applied = false;
  CappingStatus status = CappingStatus::not_triggered;
};

/// Applies the quarterly rule to issuer market values (USD, any positive scale):
/// 1. if any issuer weighs more than 24%, every such issuer is set to 20% and the excess is spread
///    over the others in proportion to their weights, repeated until none exceeds 24%;
/// 2. if the issuers above 4.5% then weigh more than 48% together, they are scaled in proportion
///    to 40% together, the others scaled up in proportion to fill 60%, and any of those above 4.4%
///    set to 4.4% with the excess spread over the rest, repeated until none exceeds 4.4%.
/// Nothing changes when neither condition is violated. O(n) per iteration, at most n iterations.
/// Throws InvalidArgument when `market_values` is empty or holds a value that is not finite and
/// positive.
[[nodiscard]] CappingResult cap_issuer_weights(
    const Eigen::Ref<const Eigen::VectorXd>& market_values, const CappingRule& rule = {});

}  // namespace marketshock::indices
