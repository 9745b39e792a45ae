#include <marketshock/core/step_series.hpp>

#include <marketshock/core/error.hpp>

#include <fmt/format.h>
#include <boost/date_time/gregorian/gregorian.hpp>

namespace marketshock::detail {

void throw_unsorted_step(std::size_t index, boost::gregorian::date date,
                         boost::gregorian::date previous) {
  throw DataError(
      fmt::format("step series dates must strictly increase: step {} ({}) follows step {} ({})",
                  index, boost::gregorian::to_iso_extended_string(date), index - 1,
                  boost::gregorian::to_iso_extended_string(previous)));
}

}  // namespace marketshock::detail
