// State shared by the stages of a dataset build: options, reference data read once, and the
// report every stage writes to.
#pragma once

#include <dataset_recipe/dataset_build.hpp>
#include <marketshock/io/vendor/imported.hpp>

#include <map>
#include <string>
#include <vector>

namespace marketshock::recipe {

struct BuildContext {
  DatasetBuildOptions options;
  DatasetBuildReport report;
  /// Point-in-time closes and market caps from the Yahoo snapshot tables, by symbol, sorted by
  /// session.
  std::map<Symbol, std::vector<io::SnapshotQuote>> snapshots;

  void note(std::string topic, std::string symbol, std::string text) {
    report.notes.push_back({std::move(topic), std::move(symbol), std::move(text)});
  }
  void progress(const std::string& line) const {
    if (options.progress) options.progress(line);
  }
  void keep(const io::LoadReport& load) {
    if (load.rows_skipped > 0) report.load_reports.push_back(load);
  }
  [[nodiscard]] std::filesystem::path raw(const std::filesystem::path& relative) const {
    return options.raw / relative;
  }
};

}  // namespace marketshock::recipe
