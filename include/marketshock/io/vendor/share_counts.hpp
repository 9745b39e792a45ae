/// \file share_counts.hpp
/// \brief Importers for shares-outstanding series: SEC cover-page counts (POINTS.csv), Yahoo
/// month-end counts (s-koirala/MarketCapBacktest) and FMP quarterly statements
/// (hamletj/finance_assistant).
#pragma once

#include <marketshock/io/csv_reader.hpp>
#include <marketshock/io/load_policy.hpp>
#include <marketshock/io/vendor/imported.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <filesystem>
#include <string_view>
#include <vector>

namespace marketshock::io {

/// Source id of the SEC cover-page counts of POINTS.csv.
inline constexpr std::string_view kSecPointsSource = "sec_points";
/// Source id of the Yahoo month-end counts.
inline constexpr std::string_view kYahooMonthlySharesSource = "yahoo_monthly_shares";
/// Source id of the FMP quarterly statements.
inline constexpr std::string_view kFmpQuarterlySource = "fmp_quarterly";

/// Share observations read from one file, in file order (not sorted), and what the load skipped.
struct ImportedShares {
  std::vector<ShareObservation> observations;
  LoadReport report;
};

/// The one `basis` text of POINTS.csv this importer understands: counts as reported on their
/// date, before any later split, i.e. SplitBasis::point_in_time().
inline constexpr std::string_view kSecPointsAsReported = "as reported (not split-adjusted)";

/// Reads POINTS.csv (`ticker,as_of,shares,basis,measure,form,filed,accn,source,note`): exact SEC
/// share counts, one row per filing. `as_of` is the date the count refers to; `shares` must be a
/// positive count. `measure` is the file's measure, followed by "; " and the note when there is
/// one, so that a count that is not the ticker's own class stays visible: GOOGL rows are
/// "balance-sheet total us-gaap:CommonStockSharesOutstanding (first-reported value for that
/// date); Alphabet total, all classes", TSM rows "...; ordinary shares (1 ADR = 5 shares)" (five
/// ordinary shares per ADR: divide by 5 against the ADR price). `reference` is "POINTS.csv:<line>
/// <form> filed <filed> accn <accn> | <source>" (filed and accn may be empty in the file);
/// `source` is kSecPointsSource. The file repeats a few counts from a second source (same
/// ticker, date and count): both rows are kept.
///
/// Per row, under `policy`: ParseError for a malformed line, an invalid ticker, date or number,
/// a `basis` other than kSecPointsAsReported, an empty measure, an invalid `filed` date; DataError
/// for a count that is not positive.
/// \throws ParseError for a missing column; under LoadPolicy::strict, the first bad row's error.
[[nodiscard]] ImportedShares import_sec_share_points(CsvReader& reader, LoadPolicy policy);

/// \copydoc import_sec_share_points(CsvReader&, LoadPolicy)
/// \throws IoError if the file cannot be read.
[[nodiscard]] ImportedShares import_sec_share_points(const std::filesystem::path& path,
                                                     LoadPolicy policy);

/// Reads `historical_shares_outstanding.csv` (`date,ticker,shares_outstanding,source`): Yahoo
/// month-end counts, as reported (they step at splits), so point in time; measure "month-end
/// count"; `reference` "<file name>:<line> (<source column>)"; `source` kYahooMonthlySharesSource.
/// Yahoo tickers `BRK-B` become BRK.B. Known glitches (AMZN 2022-04 16% high, AVGO 2023-11) are
/// loaded as they are: flag_share_outliers() finds them.
///
/// Per row, under `policy`: ParseError for a malformed line, an invalid ticker, date or number;
/// DataError for a count that is not positive.
/// \throws ParseError for a missing column; under LoadPolicy::strict, the first bad row's error.
[[nodiscard]] ImportedShares import_yahoo_monthly_shares(CsvReader& reader, LoadPolicy policy);

/// \copydoc import_yahoo_monthly_shares(CsvReader&, LoadPolicy)
/// \throws IoError if the file cannot be read.
[[nodiscard]] ImportedShares import_yahoo_monthly_shares(const std::filesystem::path& path,
                                                         LoadPolicy policy);

/// Reads one FMP quarterly statement file `<T>.csv` (about a hundred columns; read by name:
/// `date` = fiscal period end, `symbol`, `fillingDate`, `weightedAverageShsOut`). Each row gives
/// the period's weighted average of shares outstanding (measure "quarterly weighted average"),
/// as_of the period end, split-adjusted as of `adjusted_as_of` (the date FMP's data was taken:
/// counts before a split are restated, except for splits after that date). `reference` is
/// "<file name>:<line> (period end <date>, filed <fillingDate>)"; `source` kFmpQuarterlySource.
///
/// The file name stem is the ticker (`BRK-B.csv`), and every row's `symbol` must normalise to the
/// same Symbol.
///
/// Per row, under `policy`: ParseError for a malformed line, an invalid ticker, date or number;
/// DataError for a `symbol` other than the file's, or a count that is not positive (FMP writes 0
/// for a missing count: ATO 2024-09-30, CI 2018-12-31 and 2019-12-31, ...).
/// \throws ParseError for a missing column or a file name that is not a ticker; under
/// LoadPolicy::strict, the first bad row's error.
[[nodiscard]] ImportedShares import_fmp_quarterly_shares(CsvReader& reader,
                                                         boost::gregorian::date adjusted_as_of,
                                                         LoadPolicy policy);

/// \copydoc import_fmp_quarterly_shares(CsvReader&, boost::gregorian::date, LoadPolicy)
/// \throws IoError if the file cannot be read.
[[nodiscard]] ImportedShares import_fmp_quarterly_shares(const std::filesystem::path& path,
                                                         boost::gregorian::date adjusted_as_of,
                                                         LoadPolicy policy);

}  // namespace marketshock::io
