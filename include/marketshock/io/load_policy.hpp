/// \file load_policy.hpp
/// \brief Strict or lenient bulk loading, and the LoadReport that lists every row a load skipped.
#pragma once

#include <marketshock/core/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marketshock::io {

/// What a bulk loader does with a row it cannot use (malformed text, inconsistent content).
enum class LoadPolicy {
  strict,   ///< Throw the row's ParseError or DataError; the load fails on the first bad row.
  lenient,  ///< Record the row in the LoadReport and go on; nothing is ever skipped silently.
};

/// "strict" or "lenient".
[[nodiscard]] constexpr std::string_view to_string(LoadPolicy policy) noexcept {
  return policy == LoadPolicy::strict ? "strict" : "lenient";
}

/// One input row a lenient load left out, and why.
struct SkippedRow {
  /// Where the problem is: file, 1-based line, and 1-based column when known (0 when not).
  SourcePosition position;
  /// The error message without the position prefix, e.g. "column 'Date': invalid date
  /// '2020-02-30'".
  std::string reason;
};

/// Skipped rows that share a reason: how many, and the first few.
struct SkipReason {
  /// The reason with what varies from row to row masked: the text between single quotes as
  /// '...' and each word with a digit as #, the leading "column 'name': " kept, e.g. "column
  /// 'date': date # repeats # of line # (...)". Rows whose reasons differ only in their values
  /// share one SkipReason.
  std::string reason;
  /// Rows skipped for it.
  std::size_t count = 0;
  /// The first LoadReport::kExamplesPerReason of them, in input order.
  std::vector<SkippedRow> examples;
};

/// What one bulk load did. Invariant: `rows_loaded + rows_skipped == rows_read`, where a row is
/// one data record of the input (a CSV line after the header; a blank line inside the data
/// counts as a row and is skipped).
///
/// Every skipped row is counted, but the memory a report holds is bounded whatever the input:
/// `skipped` lists the first kMaxListedRows rows and `reasons` at most kMaxReasons groups with
/// kExamplesPerReason examples each, so that a lenient load of a file of millions of bad rows
/// costs kilobytes, not a copy of the file.
struct LoadReport {
  /// Skipped rows listed one by one in `skipped`; the rest are only counted.
  static constexpr std::size_t kMaxListedRows = 1000;
  /// Distinct reasons kept in `reasons`; rows with a further reason are counted in a last group
  /// whose reason is kOtherReasons.
  static constexpr std::size_t kMaxReasons = 50;
  /// Examples kept per reason.
  static constexpr std::size_t kExamplesPerReason = 5;
  /// The reason of the group that takes rows beyond kMaxReasons distinct reasons.
  static constexpr std::string_view kOtherReasons = "other reasons";

  /// Display name of the input, as used in error positions.
  std::string file;
  /// Data rows the loader looked at.
  std::size_t rows_read = 0;
  /// Rows that converted without error and were kept.
  std::size_t rows_loaded = 0;
  /// Rows that were not kept.
  std::size_t rows_skipped = 0;
  /// The first kMaxListedRows rows that were not kept, in input order (all of them when
  /// `rows_skipped <= kMaxListedRows`).
  std::vector<SkippedRow> skipped;
  /// The skipped rows by reason (see SkipReason), in order of first appearance.
  std::vector<SkipReason> reasons;

  /// True when `rows_loaded + rows_skipped == rows_read`.
  [[nodiscard]] bool is_consistent() const noexcept {
    return rows_loaded + rows_skipped == rows_read;
  }

  /// Records a row as skipped; the caller has already counted it in `rows_read`.
  void add_skipped(SourcePosition position, std::string reason);

  /// Records a row as skipped at the error's position with the error's message (its position
  /// prefix removed). When the error has no position, line `fallback_line` (1-based, 0 if
  /// unknown) of `file` is used.
  void add_skipped(const ParseError& error, std::size_t fallback_line);
  /// \copydoc add_skipped(const ParseError&, std::size_t)
  void add_skipped(const DataError& error, std::size_t fallback_line);

  /// Turns a row counted as loaded into a skipped one, for a row found unusable after it was
  /// loaded (a security whose bars are all missing). `skipped` stays in input order.
  /// Requires `rows_loaded > 0` (else InvalidArgument).
  void retract_loaded(SourcePosition position, std::string reason);

  /// One line, e.g. "prices.csv: 1000 rows read, 998 loaded, 2 skipped", followed by one indented
  /// line per skipped row ("prices.csv:3:12: column 'Date': invalid date '2020-02-30'") for the
  /// first `max_listed` of them and "... and N more" for the rest.
  [[nodiscard]] std::string summary(std::size_t max_listed = 10) const;

  /// The first line of summary(), then for each reason one indented line with its count and
  /// reason and below it its examples (at most `max_examples`), e.g.
  /// "  2999999 rows: column 'date': date # repeats # of line # (...)".
  [[nodiscard]] std::string summary_by_reason(std::size_t max_examples = kExamplesPerReason) const;
};

/// The grouping key of a skip reason (see SkipReason::reason).
[[nodiscard]] std::string skip_reason_key(std::string_view reason);

/// Converts one input row under `policy`: counts it in `report.rows_read`, calls `convert()`, and
/// counts it as loaded if that returns. If `convert` throws ParseError or DataError, a strict load
/// rethrows it unchanged; a lenient load records the row in `report.skipped` (at the error's
/// position, or at `line` of `report.file` when the error has none) and returns false.
/// Any other exception propagates in both policies. Returns true when the row was loaded.
///
/// \code
///   for (...each row...) {
///     io::load_row(policy, report, line, [&] { bars.push_back(convert(row)); });
///   }
/// \endcode
template <class Convert>
bool load_row(LoadPolicy policy, LoadReport& report, std::size_t line, Convert&& convert) {
  ++report.rows_read;
  try {
    std::forward<Convert>(convert)();
  } catch (const ParseError& error) {
    if (policy == LoadPolicy::strict) throw;
    report.add_skipped(error, line);
    return false;
  } catch (const DataError& error) {
    if (policy == LoadPolicy::strict) throw;
    report.add_skipped(error, line);
    return false;
  }
  ++report.rows_loaded;
  return true;
}

}  // namespace marketshock::io
