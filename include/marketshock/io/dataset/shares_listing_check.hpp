/// \file shares_listing_check.hpp
/// \brief Share counts that take effect long before a security's first bar: a dataset check with a
/// plain verdict for `dataset check`, and a positioned pass over the shares table.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/symbol.hpp>
#include <marketshock/io/csv_reader.hpp>
#include <marketshock/io/dataset/dataset_check.hpp>
#include <marketshock/io/load_policy.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <string>
#include <vector>

namespace marketshock::io {

/// Most days a share count may take effect before its security's first bar in the dataset.
///
/// A count in force before the first bar is normal (the last count filed before the bars start
/// is the one in force on the first session), but the project's dataset build (the tool's recipe,
/// tools/dataset_recipe/src/share_selection.cpp) drops every count dated more than 400 days before
/// the first bar: old counts carry corporate history, mergers that read as splits. A dataset
/// holding an older one was therefore not written by the build, or was edited afterwards, or pairs
/// a security with another's counts.
inline constexpr int kMaxShareCountLeadDays = 400;

/// One share count that takes effect more than the allowed lead before the first bar.
struct ShareCountBeforeListing {
  Symbol symbol;
  boost::gregorian::date effective;  ///< the count's effective date (inclusive)
  boost::gregorian::date first_bar;  ///< the security's first bar in the dataset
  long days_before = 0;              ///< calendar days from `effective` to `first_bar`
  std::string source;                ///< the count's SharesRecord::source
  std::string reference;             ///< the count's SharesRecord::reference
};

/// Every share count of `data` that takes effect more than `max_lead_days` calendar days before
/// its security's first bar, ordered by symbol, then date. Securities without bars or counts are
/// not concerned. O(number of share counts).
/// \throws InvalidArgument if `max_lead_days` is negative.
[[nodiscard]] std::vector<ShareCountBeforeListing> find_share_counts_before_listing(
    const MarketData& data, int max_lead_days = kMaxShareCountLeadDays);

/// The check for `dataset check`, named "share counts take effect at most 400 days before the
/// first bar": CheckVerdict::ok when find_share_counts_before_listing() finds nothing, failed
/// otherwise, with the number found and the first few as "NVDA 2019-10-18 (1924 days before its
/// first bar 2025-01-24; sec-points 0001045810-19-000182)".
/// \throws InvalidArgument if `max_lead_days` is negative.
[[nodiscard]] CheckResult check_share_counts_near_listing(
    const MarketData& data, int max_lead_days = kMaxShareCountLeadDays);

/// The same rule applied row by row to a dataset's `shares.csv`, read through `shares` (columns
/// `symbol` and `effective_date` found by name; the others are not read), so that each count too
/// early is reported at its file:line:column. `data` is the dataset loaded from the same
/// directory, for the first bars.
///
/// Per row, under `policy`: DataError at the `effective_date` field for a count too early, e.g.
/// "shares.csv:2:6: column 'effective_date': share count of NVDA effective 2019-10-18, 1924 days
/// before its first bar 2025-01-24 (at most 400 allowed)"; ParseError for a malformed line, an
/// invalid symbol or date, or a symbol that `data` does not hold (rows the loader already refused).
/// Returns the report of the pass: rows read, rows that pass, every row that does not.
/// \throws ParseError for a missing column; under LoadPolicy::strict, the first bad row's error;
///   InvalidArgument if `max_lead_days` is negative.
[[nodiscard]] LoadReport verify_share_counts_near_listing(
    CsvReader& shares, const MarketData& data, LoadPolicy policy,
    int max_lead_days = kMaxShareCountLeadDays);

}  // namespace marketshock::io
