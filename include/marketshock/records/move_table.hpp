/// \file move_table.hpp
/// \brief MoveTable: every daily move of a dataset, per security and per issuer, precomputed once
/// in flat columns for fast rankings.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/security.hpp>
#include <marketshock/core/valuation.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace marketshock::records {

/// One row per bar of every security (struct of arrays). Rows are grouped by security in
/// SecurityId order (which is symbol order), dates ascending within a security; the rows of
/// security i are [begin[i], begin[i + 1]). A security's first bar is a row too, with status
/// `no_previous_bar`, so that rankings can report it.
struct SecurityMoveColumns {
  /// SecurityId value of each row.
  std::vector<std::uint32_t> security;
  std::vector<boost::gregorian::date> date;
  /// Close-to-close return (fraction, across splits); NaN on a first bar.
  std::vector<double> close_return;
  /// previous close x previous shares and the market-value change, USD, from the core Valuation;
  /// numbers when the status is `available` or `spans_several_sessions` (a change across a gap,
  /// which no one-day ranking counts), NaN otherwise.
  std::vector<double> previous_value_usd;
  std::vector<double> change_usd;
  std::vector<ValuationStatus> status;
  /// Calendar sessions from the previous bar up to this one (1 for a one-day move; 0 on a first
  /// bar or a date off the calendar).
  std::vector<std::size_t> sessions_spanned;
  /// security_count + 1 offsets into the rows.
  std::vector<std::uint32_t> begin;
};

/// One row per issuer and date on which at least one of its share classes has a bar: the sums of
/// the classes' previous values and changes that day (GOOG + GOOGL for Alphabet). Rows are grouped
/// by issuer in key order (`issuers`), dates ascending within an issuer. If any class with a bar
/// that day lacks a one-session market value, the whole issuer-day has none: its status is that of
/// the first such class (in symbol order), and its values are NaN. A class without a bar that day
/// (not yet listed, delisted, halted) and a class whose value another class carries
/// (`value_on_other_class`: GOOG, whose all-class count stands on GOOGL) do not take part.
struct IssuerMoveColumns {
  /// Every issuer of the dataset, sorted by key; `issuer` below indexes into it.
  std::vector<IssuerId> issuers;
  /// issuers.size() + 1 offsets into the rows.
  std::vector<std::uint32_t> begin;
  std::vector<std::uint32_t> issuer;
  std::vector<boost::gregorian::date> date;
  /// Sums over the classes, USD; NaN unless the status is `available`.
  std::vector<double> previous_value_usd;
  std::vector<double> change_usd;
  std::vector<ValuationStatus> status;
  /// The security rows that make up issuer row r: part_row[part_begin[r] .. part_begin[r + 1]),
  /// in symbol order.
  std::vector<std::uint32_t> part_begin;
  std::vector<std::uint32_t> part_row;
};

/// Every daily move of a MarketData, computed once (O(total bars x log share steps)), so that any
/// number of rankings can run over it in linear time. Immutable after construction, hence safe to
/// share between threads. It refers to `data`, which must outlive it.
class MoveTable {
 public:
  /// Computes all moves of `data`. Never throws for missing shares or dividend-adjusted bars
  /// (those rows carry their status).
  explicit MoveTable(const MarketData& data);
  /// A table refers to its data: building one from a temporary would dangle.
  explicit MoveTable(const MarketData&& data) = delete;

  [[nodiscard]] const MarketData& data() const noexcept { return *data_; }
  [[nodiscard]] const SecurityMoveColumns& securities() const noexcept { return securities_; }
  [[nodiscard]] const IssuerMoveColumns& issuers() const noexcept { return issuers_; }

  /// Earliest and latest bar dates of the dataset; empty when it has no bars.
  [[nodiscard]] const std::optional<boost::gregorian::date>& first_date() const noexcept {
    return first_date_;
  }
  [[nodiscard]] const std::optional<boost::gregorian::date>& last_date() const noexcept {
    return last_date_;
  }

 private:
  const MarketData* data_;
  SecurityMoveColumns securities_;
  IssuerMoveColumns issuers_;
  std::optional<boost::gregorian::date> first_date_;
  std::optional<boost::gregorian::date> last_date_;
};

}  // namespace marketshock::records
