#include "columns.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>

#include <fmt/format.h>

#include <limits>

namespace marketshock::python {

std::int64_t datetime64_ns(boost::gregorian::date day) {
  if (day.is_special()) return std::numeric_limits<std::int64_t>::min();
  if (day.year() < 1678 || day.year() > 2261) {
    throw DataError(fmt::format("date {} is outside what a datetime64[ns] holds (1678 to 2261)",
                                format_iso_date(day)));
  }
  constexpr std::int64_t kNanosecondsPerDay = 86'400'000'000'000;
  const auto days = (day - boost::gregorian::date(1970, 1, 1)).days();
  return static_cast<std::int64_t>(days) * kNanosecondsPerDay;
}

}  // namespace marketshock::python
