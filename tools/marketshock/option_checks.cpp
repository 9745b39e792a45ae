#include "option_checks.hpp"

#include <marketshock/core/quoted.hpp>

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace marketshock::cli {

namespace {

// The value as typed, escaped and cut for the error line.
std::string shown(std::string_view text) {
  return quoted_for_message(text);
}

// A non-empty run of decimal digits, whole; nullopt if anything else or too large for 64 bits.
std::optional<unsigned long long> parse_digits(std::string_view text) {
  unsigned long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// An optionally '+'-signed or '-'-signed whole number within +-max_offset.
std::optional<int> parse_offset(std::string_view text, int max_offset) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < -max_offset || value > max_offset) return std::nullopt;
  return value;
}

}  // namespace

CLI::Validator count_in(std::size_t min, std::size_t max) {
  return {[min, max](std::string& input) -> std::string {
            const auto value = parse_digits(input);
            const bool digits_only =
                !input.empty() && input.find_first_not_of("0123456789") == std::string::npos;
            if (!digits_only) return fmt::format("{} is not a whole number", shown(input));
            if (!value || *value > max) {
              return fmt::format("{} is above the maximum {}", shown(input), max);
            }
            if (*value < min) return fmt::format("{} is below the minimum {}", shown(input), min);
            return {};
          },
          fmt::format("[{}, {}]", min, max), "count_in"};
}

CLI::Validator finite_in(double min, double max, double min_magnitude) {
  std::string description = fmt::format("[{:g}, {:g}]", min, max);
  if (min_magnitude > 0) description += fmt::format(", |x| >= {:g}", min_magnitude);
  return {
      [min, max, min_magnitude](std::string& input) -> std::string {
        std::string_view text = input;
        if (!text.empty() && text.front() == '+') text.remove_prefix(1);
        double value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value,
                                               std::chars_format::general);
        const bool whole = end == text.data() + text.size();
        if (text.empty() || (ec != std::errc() && ec != std::errc::result_out_of_range) || !whole) {
          return fmt::format("{} is not a number", shown(input));
        }
        if (ec == std::errc::result_out_of_range) {
          return fmt::format("{} does not fit a double; give a number from {:g} to {:g}",
                             shown(input), min, max);
        }
        if (!std::isfinite(value)) {
          return fmt::format("{} is not a finite number; give a number from {:g} to {:g}",
                             shown(input), min, max);
        }
        if (value < min || value > max) {
          return fmt::format("{} is outside {:g} to {:g}", shown(input), min, max);
        }
        if (std::abs(value) < min_magnitude) {
          return fmt::format("{} is too close to zero: at least {:g} in absolute value",
                             shown(input), min_magnitude);
        }
        return {};
      },
      description, "finite_in"};
}

CLI::Validator relative_window(int max_offset) {
  return {[max_offset](std::string& input) -> std::string {
            std::string_view text = input;
            if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
              text = text.substr(1, text.size() - 2);
            }
            const auto comma = text.find(',');
            const auto first = comma == std::string_view::npos
                                   ? std::nullopt
                                   : parse_offset(text.substr(0, comma), max_offset);
            const auto last = comma == std::string_view::npos
                                  ? std::nullopt
                                  : parse_offset(text.substr(comma + 1), max_offset);
            if (!first || !last) {
              return fmt::format(
                  "{} is not a window FIRST,LAST of whole session offsets within -{} to {}",
                  shown(input), max_offset, max_offset);
            }
            if (*first > *last) {
              return fmt::format("{} is reversed: FIRST must not be after LAST", shown(input));
            }
            return {};
          },
          fmt::format("FIRST,LAST in [-{}, {}]", max_offset, max_offset), "relative_window"};
}

}  // namespace marketshock::cli
