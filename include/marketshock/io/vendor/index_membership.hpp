/// \file index_membership.hpp
/// \brief Index membership as imported: dated changes, interval tables, membership on a day, and
/// the cross-check of an interval table against a change list.
#pragma once

#include <marketshock/core/symbol.hpp>
#include <marketshock/io/load_policy.hpp>
#include <marketshock/io/vendor/imported.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace marketshock::io {

/// One dated change of an index: the securities that join and leave it.
struct IndexChange {
  std::string index;  ///< "sp500" or "ndx100"
  /// The first NYSE session on which the change applies (the vendor's date, moved forward to the
  /// next session when it falls on a weekend or holiday).
  boost::gregorian::date effective;
  std::vector<Symbol> added;    ///< members from `effective` on, in the vendor's order
  std::vector<Symbol> removed;  ///< no longer members from `effective` on, in the vendor's order
  std::string source;           ///< "<file name>:<line>"
};

/// Membership intervals read from one file, and what the load skipped.
struct ImportedMembership {
  std::vector<MembershipInterval> intervals;
  LoadReport report;
};

/// Index changes read from one file, in file order, and what the load skipped.
struct ImportedIndexChanges {
  std::vector<IndexChange> changes;
  LoadReport report;
};

/// The symbols that are members on `day` (start <= day < end, or open-ended), sorted and
/// without repeats. Intervals of every index in the span count: pass one index's intervals.
/// O(n log n) in the number of intervals.
[[nodiscard]] std::vector<Symbol> members_on(std::span<const MembershipInterval> intervals,
                                             boost::gregorian::date day);

/// One way in which an interval table and a change list disagree.
struct MembershipDisagreement {
  enum class Kind {
    added_without_interval,     ///< a change adds the symbol; no interval starts that day
    removed_without_interval,   ///< a change removes the symbol; no interval ends that day
    interval_start_not_listed,  ///< an interval starts; no change adds the symbol that day
    interval_end_not_listed,    ///< an interval ends; no change removes the symbol that day
  };
  Kind kind;
  Symbol symbol;
  boost::gregorian::date date;  ///< the date of the unmatched change or interval boundary
  /// What the other source says instead, e.g. "the nearest interval of KMX starts 2010-06-28 and
  /// is open-ended (sp500_ticker_start_end.csv:640)", with the positions in both files.
  std::string detail;
};

/// Compares an interval table with a change list of the same index and reports every change that
/// no interval boundary matches, and every interval boundary on or after the first change's date
/// that no change matches; nothing is repaired, and the caller decides which source to trust.
/// A match is exact: same symbol, same date (both already moved to sessions by the importers).
/// Boundaries before the first change are outside the change list's coverage and not compared.
/// Returns the disagreements sorted by date, then kind, then symbol; empty if the two agree or
/// `changes` is empty. O((n + m) log(n + m)).
[[nodiscard]] std::vector<MembershipDisagreement> compare_intervals_with_changes(
    std::span<const MembershipInterval> intervals, std::span<const IndexChange> changes);

/// "added_without_interval", "removed_without_interval", "interval_start_not_listed" or
/// "interval_end_not_listed".
[[nodiscard]] std::string_view to_string(MembershipDisagreement::Kind kind) noexcept;

}  // namespace marketshock::io
