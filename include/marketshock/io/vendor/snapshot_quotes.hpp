/// \file snapshot_quotes.hpp
/// \brief Importers for one-day snapshot tables of price and market cap (Yahoo data in
/// datasets/s-and-p-500-companies-financials and the Kaggle table of NothCK), and the share count
/// they imply.
#pragma once

#include <marketshock/io/csv_reader.hpp>
#include <marketshock/io/load_policy.hpp>
#include <marketshock/io/vendor/imported.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace marketshock::io {

/// Quotes read from one snapshot table, in file order, and what the load skipped.
struct ImportedSnapshot {
  std::vector<SnapshotQuote> quotes;
  LoadReport report;
};

/// The date of a snapshot folder named `<YYYY-MM-DD>_<commit>` (e.g. "2025-02-01_67dd99e").
/// \throws InvalidArgument if the name does not start with a valid date followed by '_'.
[[nodiscard]] boost::gregorian::date snapshot_folder_date(std::string_view folder_name);

/// Reads a Yahoo `constituents-financials.csv` (`Symbol,Name,Sector,Price,...,Market Cap,...`) of
/// the snapshot taken on `snapshot_date` (the folder's date, see snapshot_folder_date()). Uses
/// Symbol (through normalise_ticker()), Price (USD, as traded) and Market Cap (USD).
///
/// Session: the table shows the close of the last NYSE session BEFORE `snapshot_date`, so
/// `session` is TradingCalendar::nyse().previous_session(snapshot_date) (checked: the 2025-02-01
/// table has NVDA 120.07, the 2025-01-31 close; the 2025-01-01 one 134.29, the 2024-12-31 close;
/// likewise the 2024-10-10, 10-12, 10-14, 11-01 and 12-01 tables). Two tables break the rule and
/// must not be used as closes: 2024-10-24 (NVDA 140.41 is that day's own close, MSFT 425.0 no
/// close at all) and 2024-10-25 (intraday prices of that day: NVDA 143.425, MSFT 431.144).
///
/// Caveats the caller must handle: the ticker list lags the index by about a month (MRO is still
/// in the 2025-02-01 table); dual-class lines (GOOG/GOOGL, FOX/FOXA, NWS/NWSA) each carry the
/// whole company's market cap, so summing caps double-counts; some caps are glitches (the
/// 2025-02-01 NVDA cap implies 25.42B shares against 24.49B filed). An empty Price or Market Cap
/// (BRK.B and BF.B in every table: Yahoo spells them BRK-B and BF-B) reads as NaN: the row is
/// kept, missing is not an error.
///
/// Per row, under `policy`: ParseError for a malformed line, an invalid ticker or number;
/// DataError for a non-positive price or cap, or a symbol listed twice.
/// \throws InvalidArgument if `snapshot_date` has no previous NYSE session in the calendar.
/// \throws ParseError for a missing column; under LoadPolicy::strict, the first bad row's error.
[[nodiscard]] ImportedSnapshot import_yahoo_financials_snapshot(
    CsvReader& reader, boost::gregorian::date snapshot_date, LoadPolicy policy);

/// \copydoc import_yahoo_financials_snapshot(CsvReader&, boost::gregorian::date, LoadPolicy)
/// \throws IoError if the file cannot be read.
[[nodiscard]] ImportedSnapshot import_yahoo_financials_snapshot(
    const std::filesystem::path& path, boost::gregorian::date snapshot_date, LoadPolicy policy);

/// Reads the Kaggle S&P 500 table `sp500_companies.csv` (`Exchange,Symbol,Shortname,Longname,
/// Sector,Industry,Currentprice,Marketcap,...,Weight`), whose quotes are the close of `session`
/// (the file carries no date: NothCK's copy is the 2024-12-20 close, NVDA 134.70). Uses Symbol
/// (Yahoo form `BRK-B`, normalised to BRK.B), Currentprice and Marketcap; its Weight is a plain
/// cap share that double-counts dual-class companies, not an index weight, and is not read.
/// Same checks and errors as import_yahoo_financials_snapshot(), empty numbers read as NaN.
/// \throws InvalidArgument if `session` is not an NYSE session.
[[nodiscard]] ImportedSnapshot import_kaggle_sp500_snapshot(CsvReader& reader,
                                                            boost::gregorian::date session,
                                                            LoadPolicy policy);

/// \copydoc import_kaggle_sp500_snapshot(CsvReader&, boost::gregorian::date, LoadPolicy)
/// \throws IoError if the file cannot be read.
[[nodiscard]] ImportedSnapshot import_kaggle_sp500_snapshot(const std::filesystem::path& path,
                                                            boost::gregorian::date session,
                                                            LoadPolicy policy);

/// The share count a quote implies, market cap / price, as of the quote's session, point in time
/// (both are as traded), measure "market cap / price", source "snapshot_quote", reference the
/// quote's source and session. Empty when either
/// number is missing (NaN). For a dual-class line the result is the whole company's cap divided
/// by one class's price: not that class's count.
[[nodiscard]] std::optional<ShareObservation> implied_share_count(const SnapshotQuote& quote);

}  // namespace marketshock::io
