/// \file move_measure.hpp
/// \brief Measure, Direction and Grouping: what a ranking or a comparison of moves orders by.
#pragma once

#include <cstdint>
#include <string_view>

namespace marketshock::records {

/// What a move is measured in.
enum class Measure : std::uint8_t {
  /// Change of market value in USD (close x shares against previous close x previous shares).
  usd,
  /// Return as a fraction (-0.1697 is -16.97%).
  percent,
};

/// Which side of the distribution counts as "largest".
enum class Direction : std::uint8_t {
  /// Most negative first: the largest falls.
  losses,
  /// Most positive first: the largest rises.
  gains,
};

/// What one ranked row is: one security-day, or one issuer-day with its share classes combined.
enum class Grouping : std::uint8_t { security, issuer };

/// "usd" or "pct" (the CLI's `--by` values).
[[nodiscard]] std::string_view to_string(Measure measure) noexcept;
/// "losses" or "gains".
[[nodiscard]] std::string_view to_string(Direction direction) noexcept;
/// "security" or "issuer" (the CLI's `--per` values).
[[nodiscard]] std::string_view to_string(Grouping grouping) noexcept;

/// True when a move of `a` is strictly further in `direction` than `b` ("worse" for losses,
/// "better" for gains). NaN is never beyond anything, and nothing is beyond NaN.
[[nodiscard]] constexpr bool is_beyond(double a, double b, Direction direction) noexcept {
  return direction == Direction::losses ? a < b : a > b;
}

}  // namespace marketshock::records
