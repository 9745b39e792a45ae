#include <marketshock/core/price_basis.hpp>

#include <fmt/format.h>
#include <boost/date_time/gregorian/gregorian.hpp>

namespace marketshock {

std::string SplitBasis::describe() const {
  if (!as_of_) return "as traded";
  return fmt::format("split-adjusted as of {}", boost::gregorian::to_iso_extended_string(*as_of_));
}

std::string PriceBasis::describe() const {
  if (split.is_point_in_time()) {
    return dividend_adjusted ? "dividend-adjusted, not split-adjusted" : "as traded";
  }
  const std::string as_of = boost::gregorian::to_iso_extended_string(*split.as_of());
  return dividend_adjusted ? fmt::format("split- and dividend-adjusted as of {}", as_of)
                           : fmt::format("split-adjusted as of {}", as_of);
}

}  // namespace marketshock
