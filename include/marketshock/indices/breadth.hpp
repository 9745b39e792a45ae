/// \file breadth.hpp
/// \brief Breadth: how many members of a universe rose, fell or stood still on one session.
#pragma once

#include <cstddef>
#include <span>

namespace marketshock::indices {

/// Counts of a session's member returns. `missing` counts NaN returns (no bar or no prior bar),
/// reported rather than dropped, so advancers + decliners + unchanged + missing = members.
struct Breadth {
  std::size_t advancers = 0;
  std::size_t decliners = 0;
  std::size_t unchanged = 0;
  std::size_t missing = 0;
};

/// Classifies each return: > 0 advancer, < 0 decliner, == 0 unchanged, NaN missing.
[[nodiscard]] Breadth breadth(std::span<const double> returns) noexcept;

}  // namespace marketshock::indices
