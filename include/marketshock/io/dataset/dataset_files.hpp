/// \file dataset_files.hpp
/// \brief Reading and writing a dataset directory in the project's own format (data/README.md).
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/io/dataset/metadata.hpp>
#include <marketshock/io/load_policy.hpp>

#include <cstddef>
#include <filesystem>
#include <vector>

namespace marketshock::io {

/// The tables of a dataset directory, in the order they are written and read.
inline constexpr const char* kDatasetTables[] = {
    "issuers.csv", "securities.csv",       "bars.csv",        "corporate_actions.csv",
    "shares.csv",  "index_membership.csv", "index_levels.csv"};

/// A loaded dataset, with one LoadReport per table and what the load cost.
struct LoadedDataset {
  MarketData data;
  DatasetMetadata metadata;
  std::vector<LoadReport> reports;
  std::size_t bytes_read = 0;
  double seconds = 0.0;
};

/// Loads `directory`: reads manifest.json, verifies each table's SHA-256 and row count against
/// it, then reads the tables. Strict: the first bad row throws ParseError or DataError with
/// file:line:column. Lenient: bad rows are skipped and listed in the table's report.
/// \throws IoError when a file is missing or unreadable, DataError when a checksum or the format
/// version does not match or the tables contradict each other.
[[nodiscard]] LoadedDataset load_dataset(const std::filesystem::path& directory,
                                         LoadPolicy policy = LoadPolicy::strict);

/// Writes `data` and `metadata` as a dataset directory (created if needed), every table sorted,
/// numbers in shortest round-trip form, and manifest.json last with each table's row count and
/// SHA-256. Throws IoError when a file cannot be written.
void write_dataset(const MarketData& data, const DatasetMetadata& metadata,
                   const std::filesystem::path& directory);

/// Where the embedded dataset is: $MARKETSHOCK_DATA if set, else `data/` beside the installed
/// tool (../share/marketshock/data), else the source tree's data/ (for a build tree). Returns the
/// first that has a manifest.json; throws IoError listing the places tried otherwise.
[[nodiscard]] std::filesystem::path default_dataset_directory(
    const std::filesystem::path& executable_directory);

}  // namespace marketshock::io
