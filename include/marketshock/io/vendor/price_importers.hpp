/// \file price_importers.hpp
/// \brief Importers for the public vendor price files (Yahoo CSV, yfinance three-line header,
/// timezone-suffixed index files, Alpaca IEX), each returning one ImportedSeries.
///
/// Every importer reads through CsvReader, finds its columns by name, and converts rows under
/// the request's LoadPolicy: a strict load throws the first bad row's ParseError (text that does
/// not read as the format) or DataError (a bar that breaks DailyBars' invariants, a date out of
/// order, a ticker other than the one asked for); a lenient load skips such rows and lists each
/// in ImportedSeries::report, so that `report.rows_read == report.rows_loaded +
/// report.skipped.size()`. Problems with the header lines (missing, duplicated or unexpected
/// columns, a wrong yfinance "Ticker" line) leave nothing to load and throw ParseError under
/// both policies. Every error names file:line:column and the column.
///
/// Bars come out with strictly increasing dates and satisfy the invariants DailyBars checks
/// (close finite and positive; open, high and low positive or NaN; low <= min(open, close);
/// max(open, close) <= high). A high or low that misses the open or close by a rounding
/// difference only (at most 1e-9 of the price: dividend-adjusted files leave highs one ulp below
/// the close) is moved onto it, and the load's log line counts such bars; a larger miss is a
/// DataError. Volume is shares traded (index files: the vendor's aggregate), -1 when unknown.
#pragma once

#include <marketshock/core/price_basis.hpp>
#include <marketshock/io/csv_reader.hpp>
#include <marketshock/io/load_policy.hpp>
#include <marketshock/io/vendor/imported.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <filesystem>
#include <string>

namespace marketshock::io {

/// What the caller knows about a vendor price file that the file itself does not say.
struct PriceImportRequest {
  /// The ticker the file holds, as the vendor writes it ("NVDA", "BRK-B", "^NDX"); copied to
  /// ImportedSeries::instrument, checked against the file's own ticker fields when it has any
  /// (a `Symbol` column, the yfinance "Ticker" line). A ticker starting with '^' is an index:
  /// its volume 0 means "not reported" and reads as -1. Must not be empty.
  std::string instrument;
  /// Source id of the dataset manifest (e.g. "vendor-daily-prices"); copied to
  /// ImportedSeries::source.
  std::string source;
  /// What to do with a row that cannot be used.
  LoadPolicy policy = LoadPolicy::strict;
};

/// Imports a Yahoo-style daily CSV whose columns are found by name, in any order:
/// `Date` (`YYYY-MM-DD`), `Open`, `High`, `Low`, `Close`, `Volume`, and optionally `Symbol` and
/// `Adj Close`; any other column is a ParseError. Reads the layouts
/// `Date,Symbol,Open,High,Low,Close,Adj Close,Volume`,
/// `Date,Adj Close,Close,High,Low,Open,Volume`,
/// `Date,Open,High,Low,Close,Volume` and
/// `Date,Open,Close,High,Low,Volume,Adj Close`.
///
/// The bar's close is `Close`; `Adj Close` is never read. `basis` is the caller's statement of
/// what `Close` is (split-only adjusted when the file also has `Adj Close`; split- and
/// dividend-adjusted in the plain OHLCV files; as traded for index levels). With a `Symbol`
/// column, each row's symbol must equal `request.instrument` (DataError otherwise: files that
/// mix stocks exist). Open, High and Low may be empty (read as NaN); Close may not. Volume is an
/// integer, also written as an integral float ("123.0"). Quality is `consolidated`.
/// \throws IoError if `file` cannot be read; ParseError, DataError as in the file brief above;
///   InvalidArgument if `request.instrument` is empty.
[[nodiscard]] ImportedSeries import_yahoo_csv(const std::filesystem::path& file,
                                              const PriceImportRequest& request, PriceBasis basis);

/// As the overload taking a path, reading the data rows of `reader` (which must not have read
/// any yet). Errors and the report name `reader.file()`.
[[nodiscard]] ImportedSeries import_yahoo_csv(CsvReader reader, const PriceImportRequest& request,
                                              PriceBasis basis);

/// A Yahoo CSV that has both `Close` and `Adj Close`: imports
/// `Close`, which is adjusted for splits only, on PriceBasis::split_adjusted(`as_of`), where
/// `as_of` is the vendor's download date. Otherwise as import_yahoo_csv().
/// \throws ParseError at line 1 if the file has no `Adj Close` column (its `Close` could then
///   be dividend-adjusted too: use import_adjusted_ohlcv_csv()); InvalidArgument if `as_of` is
///   not a date (not_a_date_time, infinity); as import_yahoo_csv().
[[nodiscard]] ImportedSeries import_yahoo_split_adjusted_csv(const std::filesystem::path& file,
                                                             const PriceImportRequest& request,
                                                             boost::gregorian::date as_of);

/// A plain `Date,Open,High,Low,Close,Volume` file whose prices are
/// all adjusted for splits and dividends: imported on
/// PriceBasis::split_and_dividend_adjusted(`as_of`), `as_of` being the vendor's download date.
/// Levels sit below traded prices; returns are right. Otherwise as import_yahoo_csv().
/// \throws ParseError at line 1 if the file has an `Adj Close` column (its `Close` is then
///   split-only: use import_yahoo_split_adjusted_csv()); InvalidArgument if `as_of` is not a
///   date; as import_yahoo_csv().
[[nodiscard]] ImportedSeries import_adjusted_ohlcv_csv(const std::filesystem::path& file,
                                                       const PriceImportRequest& request,
                                                       boost::gregorian::date as_of);

/// Imports a single-ticker yfinance download with its three header lines:
/// ```
/// Price,Adj Close,Close,High,Low,Open,Volume
/// Ticker,^NDX,^NDX,^NDX,^NDX,^NDX,^NDX
/// Date,,,,,,
/// 1985-10-01,112.13999938964844,...
/// ```
/// Line 1 must start with `Price` and name `Close`, `High`, `Low`, `Open`, `Volume` (and may
/// name `Adj Close`, which is never read; nothing else). Line 2 must be `Ticker` followed by
/// `request.instrument` in every column, line 3 `Date` followed by empty fields. Data rows carry
/// the `YYYY-MM-DD` date in the first column. The close is `Close`, on the caller's `basis`
/// (index levels: as traded, `Close` equals `Adj Close`; QQQ: split-adjusted as of the download
/// date). Multi-ticker downloads (repeated names on line 1) are refused by the CSV reader.
/// \throws IoError, ParseError (including at lines 1-3 under both policies), DataError,
///   InvalidArgument as import_yahoo_csv().
[[nodiscard]] ImportedSeries import_yfinance_csv(const std::filesystem::path& file,
                                                 const PriceImportRequest& request,
                                                 PriceBasis basis);

/// As the overload taking a path, reading `reader` from its second line on.
[[nodiscard]] ImportedSeries import_yfinance_csv(CsvReader reader,
                                                 const PriceImportRequest& request,
                                                 PriceBasis basis);

/// Imports an index-level file written by yfinance's `history()` (zjplab):
/// `Date,Open,High,Low,Close,Volume,Dividends,Stock Splits`, columns found by name, dates like
/// `2024-03-15 00:00:00-04:00` (local midnight with the exchange's UTC offset; ^VIX has Chicago's
/// -06:00/-05:00). The session date is the first ten characters, as written, with no timezone
/// conversion; the rest must be ` 00:00:00` and an offset `+HH:MM` or `-HH:MM`.
///
/// Index levels are never restated, so the basis is PriceBasis::as_traded(). Volume 0 (every row
/// of ^VIX, early ^GSPC history) means "not reported" and reads as -1. `Dividends` and
/// `Stock Splits` must be 0: an index has neither, so a non-zero value means the file is not an
/// index's (DataError naming the column). Quality is `consolidated`.
/// \throws IoError, ParseError, DataError, InvalidArgument as import_yahoo_csv().
[[nodiscard]] ImportedSeries import_tz_dated_index_csv(const std::filesystem::path& file,
                                                       const PriceImportRequest& request);

/// As the overload taking a path, reading the data rows of `reader`.
[[nodiscard]] ImportedSeries import_tz_dated_index_csv(CsvReader reader,
                                                       const PriceImportRequest& request);

/// Imports Alpaca IEX daily bars (Spooky-Labs): `Date,Open,High,Low,Close,Adj Close,Volume`,
/// columns found by name, dates as UTC timestamps of New York midnight:
/// `2020-07-27 04:00:00+00:00` in daylight-saving time, `2020-01-27 05:00:00+00:00` otherwise.
/// The session is the calendar date written. Any other time, offset or a 04:00/05:00 that does
/// not match New York's daylight-saving rule for that date (US rules since 1987) is a
/// ParseError. The close is `Close` on the caller's `basis`; `Adj Close` is never read. Volume
/// ("9978.0") counts IEX trades only.
///
/// Quality is PriceQuality::single_venue: closes are IEX's last trade, near but not equal to the
/// consolidated close (a few cents apart). Some files hold a stray early bar
/// far before the rest (ANSS: 2018-07-26, then 2020-07-27 on): it is data and is kept.
/// \throws IoError, ParseError, DataError, InvalidArgument as import_yahoo_csv().
[[nodiscard]] ImportedSeries import_alpaca_iex_csv(const std::filesystem::path& file,
                                                   const PriceImportRequest& request,
                                                   PriceBasis basis);

/// As the overload taking a path, reading the data rows of `reader`.
[[nodiscard]] ImportedSeries import_alpaca_iex_csv(CsvReader reader,
                                                   const PriceImportRequest& request,
                                                   PriceBasis basis);

}  // namespace marketshock::io
