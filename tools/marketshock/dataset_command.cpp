#include "commands.hpp"
#include "data_option.hpp"

#include <dataset_recipe/embedded_dataset.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/dataset/dataset_check.hpp>
#include <marketshock/report/text_table.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace marketshock::cli {

namespace {

struct CheckOptions {
  std::string data;
  bool lenient = false;
  bool json = false;
};

nlohmann::json to_json(const io::LoadedDataset& loaded, const io::DatasetCheckReport& report) {
  nlohmann::json out;
  out["dataset"] = loaded.metadata.name;
  out["passed"] = report.passed();
  out["load"] = {{"bytes", loaded.bytes_read},
                 {"seconds", loaded.seconds},
                 {"mb_per_second", static_cast<double>(loaded.bytes_read) / 1e6 / loaded.seconds}};
  for (const auto& r : loaded.reports) {
    nlohmann::json skipped = nlohmann::json::array();
    for (const auto& s : r.skipped)
      skipped.push_back({{"position", s.position.to_string()}, {"reason", s.reason}});
    out["tables"].push_back({{"file", r.file},
                             {"rows_read", r.rows_read},
                             {"rows_loaded", r.rows_loaded},
                             {"skipped", skipped}});
  }
  for (const auto& c : report.checks) {
    out["checks"].push_back(
        {{"name", c.name}, {"verdict", to_string(c.verdict)}, {"detail", c.detail}});
  }
  for (const auto& c : report.coverage) {
    out["coverage"].push_back({{"index", c.index},
                               {"members", c.members},
                               {"with_window_bars", c.with_window_bars},
                               {"with_event_shares", c.with_event_shares},
                               {"missing", c.missing}});
  }
  return out;
}

void run_check(const CheckOptions& options) {
  const auto loaded =
      load(options.data, options.lenient ? io::LoadPolicy::lenient : io::LoadPolicy::strict);
  // Every dataset is held to the embedded dataset's expectations (the tool knows no other).
  const auto report = io::check_dataset(loaded.data, loaded.metadata, TradingCalendar::nyse(),
                                        recipe::embedded_expectations());
  if (options.json) {
    fmt::print("{}\n", to_json(loaded, report).dump(2));
  } else {
    std::size_t rows = 0;
    for (const auto& r : loaded.reports) rows += r.rows_read;
    fmt::print("dataset '{}': {} securities, window {} to {}\n", loaded.metadata.name,
               loaded.data.security_count(), format_iso_date(loaded.metadata.window_from),
               format_iso_date(loaded.metadata.window_to));
    fmt::print("loaded {} rows, {:.1f} MB in {:.3f} s ({:.0f} MB/s, {:.0f} rows/s)\n\n", rows,
               static_cast<double>(loaded.bytes_read) / 1e6, loaded.seconds,
               static_cast<double>(loaded.bytes_read) / 1e6 / loaded.seconds,
               static_cast<double>(rows) / loaded.seconds);
    report::TextTable tables({{"table"},
                              {"rows read", report::Align::right},
                              {"loaded", report::Align::right},
                              {"skipped", report::Align::right}});
    for (const auto& r : loaded.reports) {
      tables.add_row({std::filesystem::path(r.file).filename().string(),
                      std::to_string(r.rows_read), std::to_string(r.rows_loaded),
                      std::to_string(r.skipped.size())});
    }
    fmt::print("{}\n", tables.render());
    for (const auto& r : loaded.reports) {
      if (!r.skipped.empty()) fmt::print("{}\n", r.summary());
    }
    // Details are long lists: one block per check rather than a table column.
    for (const auto& c : report.checks) {
      fmt::print("{:<6}  {}\n        {}\n", to_string(c.verdict), c.name, c.detail);
    }
    fmt::print("{}\n",
               report.passed() ? "no check failed (gaps are listed above)" : "some checks FAILED");
  }
  if (!report.passed()) throw DataError("dataset check failed (see the report above)");
}

}  // namespace

void add_dataset_command(CLI::App& app) {
  CLI::App* dataset = app.add_subcommand("dataset", "build and check datasets");
  dataset->require_subcommand(1);

  auto check = std::make_shared<CheckOptions>();
  CLI::App* check_cmd =
      dataset->add_subcommand("check", "load a dataset and run its consistency checks");
  check_cmd->add_option("dir", check->data, "dataset directory (default: the embedded dataset)");
  check_cmd->add_flag("--lenient", check->lenient, "skip and report bad rows instead of stopping");
  check_cmd->add_flag("--json", check->json, "write JSON instead of tables");
  check_cmd->callback([check] { run_check(*check); });

  add_dataset_build_command(*dataset);
}

}  // namespace marketshock::cli
