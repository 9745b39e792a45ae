/// \file metadata.hpp
/// \brief DatasetMetadata: what manifest.json of a marketshock dataset says besides the tables.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <nlohmann/json_fwd.hpp>

#include <map>
#include <string>
#include <vector>

namespace marketshock::io {

/// The format version this library reads and writes. A dataset of another version is refused.
inline constexpr int kDatasetFormatVersion = 1;

/// One upstream source a dataset was derived from.
struct DatasetSource {
  std::string id;           ///< key used in the tables' `source` columns
  std::string repository;   ///< "owner/name" of the public repository
  std::string commit;       ///< the commit the files were taken at
  std::string licence;      ///< as stated by the source
  std::string description;  ///< what was taken and its basis
};

/// Daily levels of an index or fund in the dataset.
struct IndexLevelsInfo {
  std::string name;    ///< "S&P 500"
  std::string source;  ///< DatasetSource id
};

/// Everything manifest.json holds except the table checksums, which the writer computes.
struct DatasetMetadata {
  std::string name;
  std::string description;
  boost::gregorian::date as_of;        ///< the latest date any table covers
  boost::gregorian::date window_from;  ///< the event window every member is covered for
  boost::gregorian::date window_to;
  std::vector<DatasetSource> sources;
  std::map<std::string, IndexLevelsInfo> index_levels;  ///< by id ("SPX", "NDX", ...)
  std::map<std::string, std::string> membership_names;  ///< "sp500" -> "S&P 500"
  std::vector<std::string> notes;  ///< derivation rules and known gaps, in words
};

void to_json(nlohmann::json& j, const DatasetMetadata& m);
/// Reads the metadata of a manifest (`name`, `as_of`, `window` and `sources` required).
/// \throws DataError at the JSON pointer of a missing, mistyped or invalid value, e.g.
/// "manifest.json#/window/from: invalid date '2025-02-30' (expected YYYY-MM-DD)".
void from_json(const nlohmann::json& j, DatasetMetadata& m);

}  // namespace marketshock::io
