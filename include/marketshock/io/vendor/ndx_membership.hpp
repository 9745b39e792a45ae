/// \file ndx_membership.hpp
/// \brief Importer for jmccarrell/n100tickers: Nasdaq-100 membership from one YAML file per year.
#pragma once

#include <marketshock/core/symbol.hpp>
#include <marketshock/io/load_policy.hpp>
#include <marketshock/io/vendor/index_membership.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace marketshock::io {

/// One year file `n100-ticker-changes-YYYY.yaml`, as read:
/// \code{.yaml}
///   year: 2025
///   tickers_on_Jan_1: [AAPL, ABNB, ...]        # members on 1 January
///   changes:
///     "2025-05-19": {difference: [MDB], union: [SHOP]}   # first session of the new list
/// \endcode
struct NdxYear {
  int year = 0;
  /// Members on 1 January, in file order; empty optional if a lenient load skipped the list.
  std::optional<std::vector<Symbol>> tickers_on_jan_1;
  /// Position of the `tickers_on_Jan_1` key, "<file name>:<line>".
  std::string list_source;
  /// The dated changes of index "ndx100", in file order; `union` is `added`, `difference` is
  /// `removed`; each date is the first session of the new membership (the vendor's date, moved
  /// forward to a session if needed: Nasdaq changes apply "prior to market open" on that day).
  std::vector<IndexChange> changes;
  /// Records of the file: the Jan-1 list counts as one, each change date as one.
  LoadReport report;
};

/// Parses one year file's text; positions in errors are `display_name`:line:column, with YAML
/// line and column 1-based (yaml-cpp's Mark plus one).
///
/// Per record, under `policy`: ParseError for an invalid ticker, a change key that is not a
/// `YYYY-MM-DD` date, a change that is not a map of `union`/`difference` lists; DataError for a
/// change dated outside `year`, a change that names no ticker or one ticker twice.
/// \throws ParseError (whatever the policy) for YAML syntax errors and for a document that is not
/// a map with an integer `year`, a `tickers_on_Jan_1` list and an optional `changes` map, or has
/// other top-level keys.
[[nodiscard]] NdxYear parse_ndx_year(std::string_view yaml_text, std::string display_name,
                                     LoadPolicy policy);

/// One difference between a year's `tickers_on_Jan_1` and the previous year's list plus the
/// previous year's changes, or a change that does not fit the membership it applies to.
struct NdxMismatch {
  int year = 0;                    ///< the year of the list or change concerned
  std::string source;              ///< "<file name>:<line>" of the list or change
  std::vector<Symbol> missing;     ///< expected members absent from the list (or the change)
  std::vector<Symbol> unexpected;  ///< listed members that were not expected
  std::string description;         ///< one line saying what disagrees
};

/// Nasdaq-100 membership rebuilt from a directory of year files.
struct ImportedNdxHistory {
  /// Intervals of index "ndx100": the first year's Jan-1 members start on that year's first
  /// session (a truncation: they joined earlier), then every change in date order opens or
  /// closes intervals; open-ended for the current members. Sorted by symbol, then start.
  std::vector<MembershipInterval> intervals;
  /// Every change of every year, sorted by date (stable).
  std::vector<IndexChange> changes;
  /// Where a year's Jan-1 list is not the previous year's list plus its changes, and changes
  /// that remove a non-member or add a member (which are then ignored). Reported, never repaired:
  /// later lists do not reset the intervals.
  std::vector<NdxMismatch> mismatches;
  /// One report per year file, in year order.
  std::vector<LoadReport> reports;
};

/// Reads every `n100-ticker-changes-YYYY.yaml` in `directory` (other files are ignored) with
/// parse_ndx_year() and builds the history described at ImportedNdxHistory. Positions name each
/// file as its path.
/// \throws IoError if the directory or a file cannot be read.
/// \throws DataError if there is no year file, the years are not consecutive, a file's `year`
/// differs from its name, or a lenient load skipped the first year's Jan-1 list.
/// \throws ParseError or DataError as parse_ndx_year() does.
[[nodiscard]] ImportedNdxHistory import_ndx_history(const std::filesystem::path& directory,
                                                    LoadPolicy policy);

}  // namespace marketshock::io
