#include <dataset_recipe/embedded_dataset.hpp>

#include <utility>

namespace marketshock::recipe {

namespace {
using boost::gregorian::date;

// DeepSeek's weekend news of 2025-01-25/26 reached the market on Monday 2025-01-27.
date event_day() {
  return {2025, 1, 27};
}
}  // namespace

io::DatasetExpectations embedded_expectations() {
  io::DatasetExpectations e;
  e.membership_date = event_day();
  e.members = {{"sp500", 503}, {"ndx100", 101}, {"djia", 30}};
  e.event_from = date(2025, 1, 17);
  e.event_to = date(2025, 2, 7);
  return e;
}

DatasetBuildOptions embedded_build_options(std::filesystem::path raw, std::filesystem::path out) {
  DatasetBuildOptions o;
  o.raw = std::move(raw);
  o.out = std::move(out);
  o.window_from = date(2024, 8, 1);
  o.window_to = date(2025, 4, 30);
  o.membership_date = event_day();
  o.history_from = date(2020, 1, 1);
  o.history_top_n = 30;
  o.expected = embedded_expectations();
  return o;
}

}  // namespace marketshock::recipe
