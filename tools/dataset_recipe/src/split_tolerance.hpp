// io::nearest_split_ratio() with the tolerance as an argument, for the build's measured ratios.
#pragma once

#include <marketshock/io/vendor/share_series_checks.hpp>

#include <cmath>
#include <optional>

namespace marketshock::recipe {

/// The split ratio (or its reciprocal, or 1) closest to `measured` within `tolerance`
/// (relative); nullopt otherwise, and for a ratio that is not positive and finite.
[[nodiscard]] inline std::optional<double> split_ratio_within(double measured, double tolerance) {
  if (!(measured > 0.0) || !std::isfinite(measured)) return std::nullopt;
  if (std::abs(measured - 1.0) <= tolerance) return 1.0;
  io::ShareSeriesCheckOptions options;
  options.split_tolerance = tolerance;
  return io::nearest_split_ratio(measured, options);
}

}  // namespace marketshock::recipe
