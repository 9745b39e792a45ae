#include <marketshock/indices/breadth.hpp>

#include <cmath>

namespace marketshock::indices {

Breadth breadth(std::span<const double> returns) noexcept {
  Breadth b;
  for (const double r : returns) {
    if (std::isnan(r)) {
      ++b.missing;
    } else if (r > 0.0) {
      ++b.advancers;
    } else if (r < 0.0) {
      ++b.decliners;
    } else {
      ++b.unchanged;
    }
  }
  return b;
}

}  // namespace marketshock::indices
