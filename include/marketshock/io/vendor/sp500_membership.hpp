/// \file sp500_membership.hpp
/// \brief Importers for fja05680/sp500: S&P 500 membership intervals and the dated change list.
#pragma once

#include <marketshock/io/csv_reader.hpp>
#include <marketshock/io/load_policy.hpp>
#include <marketshock/io/vendor/index_membership.hpp>

#include <filesystem>

namespace marketshock::io {

/// Reads fja05680's `sp500_ticker_start_end.csv` (`ticker,start_date,end_date`, one row per
/// membership spell; an empty `end_date` means a current member) as intervals of index "sp500".
///
/// Convention of the file, checked against the change list (2024-09-23: PLTR, DELL, ERIE in; AAL,
/// BIO, ETSY out, "effective prior to the open"): `start_date` is the first session as a member
/// and `end_date` the first session NOT a member (AAL ends 2024-09-23, the day PLTR starts), which
/// is MembershipInterval's exclusive end as is. A date on a weekend or holiday (2019-06-01,
/// 2023-06-10) becomes the next session. Tickers go through normalise_ticker().
///
/// Per row, under `policy`: ParseError for a malformed line, an invalid ticker or date; DataError
/// for an end not after its start, a date outside the NYSE calendar (1990-2030), or an interval
/// overlapping an earlier row's interval of the same symbol. Interval `source` is
/// "<file name>:<line>". Rows are kept in file order.
/// \throws ParseError for a missing column; under LoadPolicy::strict, the first bad row's error.
[[nodiscard]] ImportedMembership import_sp500_intervals(CsvReader& reader, LoadPolicy policy);

/// \copydoc import_sp500_intervals(CsvReader&, LoadPolicy)
/// \throws IoError if the file cannot be read.
[[nodiscard]] ImportedMembership import_sp500_intervals(const std::filesystem::path& path,
                                                        LoadPolicy policy);

/// Reads fja05680's `sp500_changes_since_2019.csv` (`date,add,remove`; `add` and `remove` are
/// comma-separated ticker lists, quoted, possibly empty) as changes of index "sp500", one per row,
/// in file order. The date is the first session of the new membership (moved forward to a
/// session if needed), as in the interval file.
///
/// Dates are taken as written: the file dates the March 2025 rebalance 2025-04-24 although it took
/// effect 2025-03-24, and so does the interval file of the same commit, so the two agree with
/// each other there; compare_intervals_with_changes() reports where they do not.
///
/// Per row, under `policy`: ParseError for a malformed line, date or ticker, or an empty list
/// entry ("A,,B"); DataError for a row that adds and removes nothing, or names one ticker twice.
/// \throws ParseError for a missing column; under LoadPolicy::strict, the first bad row's error.
[[nodiscard]] ImportedIndexChanges import_sp500_changes(CsvReader& reader, LoadPolicy policy);

/// \copydoc import_sp500_changes(CsvReader&, LoadPolicy)
/// \throws IoError if the file cannot be read.
[[nodiscard]] ImportedIndexChanges import_sp500_changes(const std::filesystem::path& path,
                                                        LoadPolicy policy);

}  // namespace marketshock::io
