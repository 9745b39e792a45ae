/// \file iso_date.hpp
/// \brief Fast, strict `YYYY-MM-DD` parsing and formatting of `boost::gregorian::date`.
///
/// Bulk loaders parse tens of millions of dates, and Boost's `from_simple_string` costs about
/// 300 ns a date; these functions read the fixed-width form with plain digit arithmetic, validate
/// it exactly as `boost::gregorian::date(y, m, d)` would, and never allocate. The test suite checks
/// them against Boost on every calendar date from 1900 to 2100.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace marketshock {

/// Length of an ISO 8601 extended calendar date, `YYYY-MM-DD`.
inline constexpr std::size_t kIsoDateLength = 10;

/// Smallest year a `boost::gregorian::date` can hold, hence the smallest year accepted here.
inline constexpr int kMinIsoYear = 1400;

/// Largest year a `boost::gregorian::date` can hold, hence the largest year accepted here.
inline constexpr int kMaxIsoYear = 9999;

/// Parses exactly `YYYY-MM-DD` (ten characters, ASCII digits, '-' separators) into a date.
/// Accepts years kMinIsoYear..kMaxIsoYear, months 1..12 and days that exist in that month,
/// leap years included (2000-02-29 yes, 2100-02-29 no). Nothing else: no surrounding or embedded
/// spaces, no single-digit fields ("2025-1-01"), no other separators, no time suffix.
/// Returns an empty optional for any text it rejects. O(1), allocation-free.
[[nodiscard]] std::optional<boost::gregorian::date> try_parse_iso_date(
    std::string_view text) noexcept;

/// Same rules as try_parse_iso_date().
/// \throws InvalidArgument naming the offending text, e.g. "invalid date '2025-02-30'".
[[nodiscard]] boost::gregorian::date parse_iso_date(std::string_view text);

/// Writes `date` as `YYYY-MM-DD` into `out[0..9]`; writes exactly kIsoDateLength characters and
/// no terminating NUL. Allocation-free, for bulk writers.
/// \pre `out` points to at least kIsoDateLength writable characters.
/// \throws InvalidArgument if `date` is a special value (not_a_date_time, +/-infinity).
void write_iso_date(boost::gregorian::date date, char* out);

/// `date` as `YYYY-MM-DD`, e.g. "2024-03-15"; the inverse of parse_iso_date().
/// \throws InvalidArgument if `date` is a special value (not_a_date_time, +/-infinity).
[[nodiscard]] std::string format_iso_date(boost::gregorian::date date);

}  // namespace marketshock
