// A number for a JSON document: JSON has no NaN or infinity, so a missing value is null.
#pragma once

#include <nlohmann/json.hpp>

#include <cmath>

namespace marketshock::report::detail {

inline nlohmann::json number(double value) {
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

}  // namespace marketshock::report::detail
