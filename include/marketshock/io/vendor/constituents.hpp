/// \file constituents.hpp
/// \brief Importers for index constituent tables with GICS classification: the S&P 500 table of
/// datasets/s-and-p-500-companies and the Nasdaq-100 table of Gary-Strauss/NASDAQ100_Constituents.
#pragma once

#include <marketshock/io/csv_reader.hpp>
#include <marketshock/io/load_policy.hpp>
#include <marketshock/io/vendor/imported.hpp>

#include <filesystem>
#include <vector>

namespace marketshock::io {

/// Reference rows read from one constituents table, in file order, and what the load skipped.
struct ImportedReferenceSecurities {
  std::vector<ReferenceSecurity> securities;
  LoadReport report;
};

/// Reads an S&P 500 `constituents.csv` (`Symbol,Security,GICS Sector,GICS Sub-Industry,
/// Headquarters Location,Date added,CIK,Founded`; quoted fields with commas occur). Uses Symbol
/// (through normalise_ticker()), Security as `name`, GICS Sector, GICS Sub-Industry as
/// `gics_industry`, and CIK as written (decimal digits, no zero padding); the other columns are
/// not read. `source` is "<file name>:<line>". The table lists the members on the day it was taken.
///
/// Per row, under `policy`: ParseError for a malformed line, an invalid ticker, an empty name or
/// sector, a CIK that is not 1 to 10 digits; DataError for a symbol listed twice.
/// \throws ParseError for a missing column; under LoadPolicy::strict, the first bad row's error.
[[nodiscard]] ImportedReferenceSecurities import_sp500_constituents(CsvReader& reader,
                                                                    LoadPolicy policy);

/// \copydoc import_sp500_constituents(CsvReader&, LoadPolicy)
/// \throws IoError if the file cannot be read.
[[nodiscard]] ImportedReferenceSecurities import_sp500_constituents(
    const std::filesystem::path& path, LoadPolicy policy);

/// Reads Gary-Strauss's `nasdaq100_constituents.csv` (`Ticker,Company,GICS_Sector,
/// GICS_Sub_Industry`); no CIK. Same checks and errors as import_sp500_constituents(). The 2025-06
/// list lacks MDB (removed 2025-05-19) and has SHOP: it is not the January 2025 membership.
/// \throws ParseError for a missing column; under LoadPolicy::strict, the first bad row's error.
[[nodiscard]] ImportedReferenceSecurities import_ndx_constituents(CsvReader& reader,
                                                                  LoadPolicy policy);

/// \copydoc import_ndx_constituents(CsvReader&, LoadPolicy)
/// \throws IoError if the file cannot be read.
[[nodiscard]] ImportedReferenceSecurities import_ndx_constituents(const std::filesystem::path& path,
                                                                  LoadPolicy policy);

}  // namespace marketshock::io
