/// \file dataset_build.hpp
/// \brief build_dataset: derives the project's embedded dataset from the raw public vendor files.
///
/// The recipe of `marketshock dataset build`, owned by the tool: not part of the installed
/// library. It writes with the library's dataset format (marketshock/io/dataset/).
#pragma once

#include <marketshock/io/dataset/dataset_check.hpp>
#include <marketshock/io/load_policy.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace marketshock::recipe {

/// What to build. Nothing has a default: embedded_build_options() (embedded_dataset.hpp) gives
/// the embedded dataset's values.
struct DatasetBuildOptions {
  /// The raw folder laid out as `shared/data` (prices/, reference/, shares/).
  std::filesystem::path raw;
  /// Where to write the dataset (created if needed).
  std::filesystem::path out;
  /// Every member of either index on `membership_date` gets bars over this window.
  boost::gregorian::date window_from;
  boost::gregorian::date window_to;
  boost::gregorian::date membership_date;
  /// The securities record rankings need get bars from here on: every one that was among the
  /// `history_top_n` largest US companies (by FMP quarterly market value) since this date.
  boost::gregorian::date history_from;
  std::size_t history_top_n = 0;
  /// What the coverage notes of the build report check the written dataset against.
  io::DatasetExpectations expected;
  /// Called with a line of progress per stage (nullptr: silent).
  std::function<void(const std::string&)> progress;
};

/// One thing the build decided or rejected, for the build report.
struct BuildNote {
  std::string topic;   ///< "prices", "shares", "membership", "index levels", ...
  std::string symbol;  ///< empty when not about one security
  std::string text;
};

/// What `dataset build` prints: coverage, sources used, rejections and why.
struct DatasetBuildReport {
  std::size_t securities = 0;
  std::size_t bar_rows = 0;
  std::size_t share_rows = 0;
  /// Securities per price source id, and per shares source id.
  std::vector<std::pair<std::string, std::size_t>> price_sources;
  std::vector<std::pair<std::string, std::size_t>> share_sources;
  /// Members of the universe for which no usable source exists.
  std::vector<std::string> missing;
  /// Rejected files and rows, conflicts settled by rule, approximations made.
  std::vector<BuildNote> notes;
  /// Row-level reports of every file read (only those with skipped rows are kept).
  std::vector<io::LoadReport> load_reports;

  /// The report as text: summary table first, then every note grouped by topic.
  [[nodiscard]] std::string render() const;
};

/// Reads the raw files, selects and reconciles sources by the written rules of data/README.md,
/// writes the dataset to `options.out` and returns the report. Throws IoError when the raw
/// folder lacks an expected file, ParseError or DataError when a source that has no fallback is
/// unusable; InvalidArgument when an option's date is missing.
[[nodiscard]] DatasetBuildReport build_dataset(const DatasetBuildOptions& options);

}  // namespace marketshock::recipe
