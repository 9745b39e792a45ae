/// \file dataset_files.hpp
/// \brief Reading and writing a dataset directory in the project's own format (data/README.md).
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/io/dataset/load_options.hpp>
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
/// it, then reads the tables, checking every row as it is read (data/README.md, "Checks at
/// load"): references to other tables (issuer, symbol, index), dates on sessions of
/// `options.calendar`, prices, volumes, share counts, split ratios and dividends within
/// `options.bounds`, OHLC consistency, row order.
///
/// Strict: the first bad row throws ParseError or DataError with file:line:column and the field.
/// Lenient: every bad row is skipped and reported in its table's LoadReport, and so is every row
/// that depends on a skipped one (the bars, share counts, corporate actions and memberships of
/// a security whose securities.csv row was skipped); a security left without bars is turned
/// into a skipped securities.csv row. A lenient load never fails on a row it can skip; it fails
/// only for what leaves nothing to load: the manifest, a missing, unreadable or oversized file,
/// a checksum or row count that differs from the manifest, a table's header.
///
/// \throws IoError when a file is missing, is not a regular file (a FIFO, a device, a
/// directory) or exceeds its size limit; ParseError for a manifest that is not JSON (at its
/// line and column) and for a malformed row; DataError when the manifest lacks a value or has
/// a wrong one (at its JSON pointer, "manifest.json#/window/from: ..."), when a checksum, row
/// count or the format version does not match, and for an inconsistent row.
[[nodiscard]] LoadedDataset load_dataset(const std::filesystem::path& directory,
                                         const DatasetLoadOptions& options);

/// load_dataset() with the default options and `policy`.
[[nodiscard]] LoadedDataset load_dataset(const std::filesystem::path& directory,
                                         LoadPolicy policy = LoadPolicy::strict);

/// Writes `data` and `metadata` as a dataset directory (created if needed), every table sorted,
/// numbers in shortest round-trip form, and manifest.json last with each table's row count and
/// SHA-256. Throws IoError when a file cannot be written.
void write_dataset(const MarketData& data, const DatasetMetadata& metadata,
                   const std::filesystem::path& directory);

/// Where the dataset to use is. When $MARKETSHOCK_DATA is set, the directory it names, which
/// must hold a manifest.json: an empty value or a directory that is not a dataset is an IoError,
/// never a fallback to another dataset. Otherwise the embedded dataset: `data/` beside the
/// installed tool (../share/marketshock/data), else the source tree's data/ (for a build tree);
/// the first that has a manifest.json, or an IoError listing the places tried.
[[nodiscard]] std::filesystem::path default_dataset_directory(
    const std::filesystem::path& executable_directory);

}  // namespace marketshock::io
