#include <marketshock/indices/reconstruction_options.hpp>

namespace marketshock::indices {

std::string_view to_string(CappingPrices prices) noexcept {
  switch (prices) {
    case CappingPrices::reference_month_end:
      return "reference_month_end";
    case CappingPrices::rebalance_eve:
      return "rebalance_eve";
  }
  return "unknown";
}

}  // namespace marketshock::indices
