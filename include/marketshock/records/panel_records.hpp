/// \file panel_records.hpp
/// \brief MarketValueLossRanking: the K largest one-day market-value losses over a long-format
/// daily panel too big for MarketData (tens of millions of rows), chunk by chunk on any number of
/// threads, in exact integer cents.
#pragma once

#include <marketshock/core/symbol.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace marketshock::records {

/// Share counts outstanding as steps per security, in compressed rows (the layout of
/// io::ShareCountTable): security i's steps are [offsets[i], offsets[i + 1]); a count is in force
/// from its effective date, inclusive, until the next step's.
struct ShareStepsView {
  /// Security count + 1 offsets, non-decreasing, the first 0.
  std::span<const std::uint32_t> offsets;
  /// Effective date of each step; strictly increasing within a security.
  std::span<const boost::gregorian::date> effective_dates;
  /// Shares outstanding of each step (positive).
  std::span<const std::int64_t> shares;
};

/// Consecutive rows of a long-format daily close panel (three columns of equal length).
struct PanelRowsView {
  /// Security of each row: an index into the ranking's symbols and share steps. An index past
  /// them is a security without share counts.
  std::span<const std::uint32_t> security;
  /// Session date of each row.
  std::span<const boost::gregorian::date> dates;
  /// Close of each row in integer US cents.
  std::span<const std::int64_t> close_cents;
};

/// A security's market-value change from its previous row (previous_date) to a row (date).
/// Values in integer US cents, exact: value = close_cents x shares in force that day.
struct MarketValueLoss {
  Symbol symbol;
  /// Index of the security (as in PanelRowsView::security).
  std::uint32_t security = 0;
  boost::gregorian::date date;
  /// Date of the security's previous row (more than one session back after a halt).
  boost::gregorian::date previous_date;
  std::int64_t previous_close_cents = 0;
  std::int64_t close_cents = 0;
  /// Shares in force on previous_date and on date; they differ on a split or issuance day.
  std::int64_t previous_shares = 0;
  std::int64_t shares = 0;
  /// previous_close_cents x previous_shares.
  std::int64_t previous_value_cents = 0;
  /// close_cents x shares - previous_value_cents (negative for a loss).
  std::int64_t change_cents = 0;

  /// change / previous value as a fraction (-0.36 is -36%): one IEEE-754 division of the two
  /// integers converted to double (exact conversions below 2^53).
  [[nodiscard]] double fraction() const noexcept {
    return static_cast<double>(change_cents) / static_cast<double>(previous_value_cents);
  }
};

/// What a ranking looked at, so that nothing is left out silently.
struct PanelRecordsSummary {
  /// Rows scanned.
  std::size_t rows = 0;
  /// Rows with a previous row and a share count in force on both days: the candidates ranked.
  std::size_t candidates = 0;
  /// Rows of a security with no share count in force on their date (ValuationStatus::no_shares).
  std::size_t rows_without_shares = 0;
  /// Rows with a share count whose previous row has none (ValuationStatus::no_previous_shares).
  std::size_t rows_without_previous_shares = 0;
};

/// The K largest one-day market-value losses of a long-format daily panel: for every row (s, t)
/// that is not security s's first, with (s, u) its previous row (the latest with u < t),
/// change = close(t) x shares(t) - close(u) x shares(u), shares as of each day (the step with
/// the greatest effective date <= the day). Ranked by change ascending, then symbol (bytewise),
/// then date; the first K are kept (all if fewer). Exact: every product is checked for int64
/// overflow (DataError).
///
/// Built for panels read in chunks on several threads: scan() converts one chunk (any number at
/// once, in any order: it only reads the ranking), merge() then combines the chunks' parts in
/// panel order, joining each security's first row of a chunk to its last row of the chunks before.
/// Memory: O(securities + K) per part, however many rows.
///
/// \code
///   MarketValueLossRanking ranking(symbols, steps, 100);
///   for (const auto& chunk : chunks) ranking.merge(ranking.scan(chunk));   // or in parallel
///   for (const MarketValueLoss& loss : ranking.losses()) print(loss);
/// \endcode
class MarketValueLossRanking {
 public:
  /// A chunk's partial result, produced by scan() and consumed by merge().
  class Part {
   public:
    Part() = default;

   private:
    friend class MarketValueLossRanking;
    struct Row {  // a security's first or last row of the chunk
      std::uint32_t security = 0;
      boost::gregorian::date date;
      std::int64_t close_cents = 0;
      std::int64_t shares = 0;  // 0: no share count in force
    };
    std::vector<Row> first_rows_;
    std::vector<Row> last_rows_;
    std::vector<MarketValueLoss> top_;  // the chunk's own K best, unordered
    PanelRecordsSummary summary_;
  };

  /// `symbols[i]` names security i, for ties and for the result; `shares` has one step list per
  /// security (the same indices). `k` losses are kept.
  /// \throws InvalidArgument if k == 0, or if shares.offsets does not have symbols.size() + 1
  /// entries or is inconsistent with the step columns.
  MarketValueLossRanking(std::span<const Symbol> symbols, ShareStepsView shares, std::size_t k);

  /// Ranks the rows of one chunk among themselves and records each security's first and last
  /// row. Thread-safe (const). O(rows + securities).
  /// \throws InvalidArgument if the columns differ in length or a security's dates do not
  /// strictly increase; DataError if a market value overflows int64.
  [[nodiscard]] Part scan(const PanelRowsView& rows) const;

  /// Adds a chunk's part; parts must come in panel order.
  /// \throws InvalidArgument if a security's dates do not strictly increase across chunks;
  /// DataError on int64 overflow.
  void merge(const Part& part);

  /// The K largest losses so far, in rank order (smallest change first, then symbol, then date).
  [[nodiscard]] std::vector<MarketValueLoss> losses() const;

  /// Counts over the merged parts.
  [[nodiscard]] const PanelRecordsSummary& summary() const noexcept { return summary_; }

 private:
  std::span<const Symbol> symbols_;
  ShareStepsView shares_;
  std::size_t k_;
  std::vector<Part::Row> last_;  // each security's last merged row; date not_a_date_time: none
  std::vector<MarketValueLoss> top_;
  PanelRecordsSummary summary_;
};

/// Convenience: the K largest losses of a whole panel held in memory, in one scan.
/// \throws as MarketValueLossRanking.
[[nodiscard]] std::vector<MarketValueLoss> largest_market_value_losses(
    std::span<const Symbol> symbols, ShareStepsView shares, const PanelRowsView& rows,
    std::size_t k);

}  // namespace marketshock::records
