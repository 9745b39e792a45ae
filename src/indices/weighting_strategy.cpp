#include <marketshock/indices/weighting_strategy.hpp>

namespace marketshock::indices {

std::optional<DivisorSeries> WeightingStrategy::implied_divisors(
    const MemberPanel& /*panel*/) const {
  return std::nullopt;
}

}  // namespace marketshock::indices
