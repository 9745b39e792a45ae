#include <marketshock/records/market_value_status.hpp>

namespace marketshock::records {

std::string_view to_string(MarketValueStatus status) noexcept {
  switch (status) {
    case MarketValueStatus::available:
      return "available";
    case MarketValueStatus::no_previous_bar:
      return "no_previous_bar";
    case MarketValueStatus::no_shares:
      return "no_shares";
    case MarketValueStatus::no_previous_shares:
      return "no_previous_shares";
    case MarketValueStatus::dividend_adjusted_prices:
      return "dividend_adjusted_prices";
  }
  return "unknown";
}

std::string_view describe(MarketValueStatus status) noexcept {
  switch (status) {
    case MarketValueStatus::available:
      return "market value available";
    case MarketValueStatus::no_previous_bar:
      return "no previous bar to move from";
    case MarketValueStatus::no_shares:
      return "no share count in force";
    case MarketValueStatus::no_previous_shares:
      return "no share count in force on the previous bar";
    case MarketValueStatus::dividend_adjusted_prices:
      return "dividend-adjusted prices give no market value";
  }
  return "unknown status";
}

}  // namespace marketshock::records
