#include <marketshock/indices/member_status.hpp>

namespace marketshock::indices {

std::string_view to_string(MemberStatus status) noexcept {
  switch (status) {
    case MemberStatus::included:
      return "included";
    case MemberStatus::no_bar:
      return "no_bar";
    case MemberStatus::no_previous_bar:
      return "no_previous_bar";
    case MemberStatus::no_shares:
      return "no_shares";
    case MemberStatus::value_on_other_class:
      return "value_on_other_class";
    case MemberStatus::dividend_adjusted_prices:
      return "dividend_adjusted_prices";
    case MemberStatus::excluded_by_request:
      return "excluded_by_request";
  }
  return "unknown";
}

std::string_view describe(MemberStatus status) noexcept {
  switch (status) {
    case MemberStatus::included:
      return "weighted";
    case MemberStatus::no_bar:
      return "no bar on the session";
    case MemberStatus::no_previous_bar:
      return "no bar on the previous session";
    case MemberStatus::no_shares:
      return "no share count in force";
    case MemberStatus::value_on_other_class:
      return "issuer value carried by another share class";
    case MemberStatus::dividend_adjusted_prices:
      return "dividend-adjusted prices give no market value";
    case MemberStatus::excluded_by_request:
      return "excluded on request";
  }
  return "unknown status";
}

}  // namespace marketshock::indices
