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

// Rows a lenient load skipped, in all tables.
std::size_t skipped_rows(const io::LoadedDataset& loaded) {
  std::size_t rows = 0;
  for (const auto& r : loaded.reports) rows += r.rows_skipped;
  return rows;
}

// A dataset passes when every check passes and the load kept every row: a lenient load that
// skipped rows checked a dataset other than the one on disk.
bool passed(const io::LoadedDataset& loaded, const io::DatasetCheckReport& report) {
  return report.passed() && skipped_rows(loaded) == 0;
}

nlohmann::json position_json(const io::SkippedRow& row) {
  return {{"position", row.position.to_string()}, {"reason", row.reason}};
}

nlohmann::json to_json(const io::LoadedDataset& loaded, const io::DatasetCheckReport& report) {
  nlohmann::json out;
  out["dataset"] = loaded.metadata.name;
  out["passed"] = passed(loaded, report);
  out["checks_passed"] = report.passed();
  out["rows_skipped"] = skipped_rows(loaded);
  out["load"] = {{"bytes", loaded.bytes_read},
                 {"seconds", loaded.seconds},
                 {"mb_per_second", static_cast<double>(loaded.bytes_read) / 1e6 / loaded.seconds}};
  for (const auto& r : loaded.reports) {
    // Counts and the first examples of each reason, never every row: a file of millions of bad
    // rows gives a report of kilobytes.
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& group : r.reasons) {
      nlohmann::json examples = nlohmann::json::array();
      for (const auto& row : group.examples) examples.push_back(position_json(row));
      reasons.push_back({{"reason", group.reason}, {"count", group.count}, {"examples", examples}});
    }
    out["tables"].push_back({{"file", r.file},
                             {"rows_read", r.rows_read},
                             {"rows_loaded", r.rows_loaded},
                             {"rows_skipped", r.rows_skipped},
                             {"skipped_by_reason", reasons}});
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
                      std::to_string(r.rows_skipped)});
    }
    fmt::print("{}\n", tables.render());
    for (const auto& r : loaded.reports) {
      if (r.rows_skipped > 0) fmt::print("{}\n\n", r.summary_by_reason());
    }
    // Details are long lists: one block per check rather than a table column.
    for (const auto& c : report.checks) {
      fmt::print("{:<6}  {}\n        {}\n", to_string(c.verdict), c.name, c.detail);
    }
    if (skipped_rows(loaded) > 0) {
      fmt::print("the lenient load skipped {} rows: the dataset does not pass\n",
                 skipped_rows(loaded));
    }
    fmt::print("{}\n",
               report.passed() ? "no check failed (gaps are listed above)" : "some checks FAILED");
  }
  if (!passed(loaded, report)) {
    throw DataError(
        fmt::format("dataset check failed: {}{}{} (see the report above)",
                    report.passed() ? "" : "some checks failed",
                    !report.passed() && skipped_rows(loaded) > 0 ? "; " : "",
                    skipped_rows(loaded) == 0
                        ? std::string()
                        : fmt::format("the lenient load skipped {} rows", skipped_rows(loaded))));
  }
}

}  // namespace

void add_dataset_command(CLI::App& app) {
  CLI::App* dataset = app.add_subcommand("dataset", "build and check datasets");
  dataset->require_subcommand(1);

  auto check = std::make_shared<CheckOptions>();
  CLI::App* check_cmd =
      dataset->add_subcommand("check", "load a dataset and run its consistency checks");
  check_cmd
      ->add_option("dir", check->data,
                   "dataset directory (default: $MARKETSHOCK_DATA if set, else the embedded "
                   "dataset)")
      ->check(refuse_empty_path, "", "NONEMPTY");
  check_cmd->add_flag("--lenient", check->lenient,
                      "skip bad rows and report them by reason; a dataset with skipped rows "
                      "does not pass (\"passed\": false, exit status 1)");
  check_cmd->add_flag("--json", check->json, "write JSON instead of tables");
  check_cmd->callback([check] { run_check(*check); });

  add_dataset_build_command(*dataset);
}

}  // namespace marketshock::cli
