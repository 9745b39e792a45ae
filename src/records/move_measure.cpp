#include <marketshock/records/move_measure.hpp>

namespace marketshock::records {

std::string_view to_string(Measure measure) noexcept {
  return measure == Measure::usd ? "usd" : "pct";
}

std::string_view to_string(Direction direction) noexcept {
  return direction == Direction::losses ? "losses" : "gains";
}

std::string_view to_string(Grouping grouping) noexcept {
  return grouping == Grouping::security ? "security" : "issuer";
}

}  // namespace marketshock::records
