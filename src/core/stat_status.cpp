#include <marketshock/core/stat_status.hpp>

namespace marketshock {

std::string_view to_string(StatStatus status) noexcept {
  switch (status) {
    case StatStatus::ok:
      return "ok";
    case StatStatus::short_sample:
      return "short_sample";
    case StatStatus::too_few_observations:
      return "too_few_observations";
    case StatStatus::missing_data:
      return "missing_data";
    case StatStatus::singular_design:
      return "singular_design";
    case StatStatus::zero_variance:
      return "zero_variance";
    case StatStatus::singular_covariance:
      return "singular_covariance";
    case StatStatus::explosive:
      return "explosive";
  }
  return "unknown";
}

}  // namespace marketshock
