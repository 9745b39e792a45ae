/// \file daily_bars.hpp
/// \brief DailyBars: columnar daily OHLCV of one security, with its adjustment basis declared.
#pragma once

#include <marketshock/core/price_basis.hpp>
#include <marketshock/core/symbol.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace marketshock {

/// One day's bar, for building a DailyBars row by row. Prices in USD on the series' basis;
/// open, high and low may be NaN when the vendor did not give them; close may not.
struct Bar {
  boost::gregorian::date date;
  double open = 0.0;
  double high = 0.0;
  double low = 0.0;
  double close = 0.0;
  /// Shares traded; -1 when unknown (index levels have none).
  std::int64_t volume = -1;
};

/// Checks one bar against the invariants DailyBars holds (close finite and positive; open, high,
/// low positive or NaN; low <= min(open, close); max(open, close) <= high; volume >= -1).
/// Throws DataError naming `symbol`, the date and the broken rule. Loaders call it per row so
/// that the error can carry the row's position.
void validate_bar(const Symbol& symbol, const Bar& bar);

/// The columns of a DailyBars, all of one length: a view, owned elsewhere.
struct BarColumns {
  std::span<const boost::gregorian::date> dates;
  std::span<const double> open;
  std::span<const double> high;
  std::span<const double> low;
  std::span<const double> close;
  std::span<const std::int64_t> volume;
};

/// How much of a column set DailyBars::over_columns checks.
enum class ColumnCheck : std::uint8_t {
  /// Every invariant of every row (what the Bar constructor checks).
  every_invariant,
  /// Dates strictly increasing and closes finite and positive: what a valuation reads. For
  /// columns whose other invariants were checked when they were written (a column file written by
  /// `dataset import`, which `dataset check` verifies again), so that opening a 40M-row panel
  /// does not read its open, high, low and volume columns.
  dates_and_closes,
};

/// Daily OHLCV of one security in columns (one array per field), dates strictly increasing.
/// Invariants, checked at construction: close finite and positive; open, high, low positive or
/// NaN; low <= min(open, close) and max(open, close) <= high where present.
///
/// The columns are immutable and shared: copying a DailyBars shares them, and they stay where
/// they are when it moves. They are either owned (the Bar constructor) or a view of storage kept
/// alive by an owner (over_columns: a memory-mapped column file).
class DailyBars {
 public:
  /// Throws DataError naming the symbol, date and field when an invariant is broken.
  DailyBars(Symbol symbol, PriceBasis basis, std::span<const Bar> bars);

  /// Bars over columns that `owner` keeps alive (columns of equal length). Checks what `check`
  /// says; throws DataError naming the symbol, date and field, or InvalidArgument when the
  /// columns differ in length.
  [[nodiscard]] static DailyBars over_columns(Symbol symbol, PriceBasis basis, BarColumns columns,
                                              std::shared_ptr<const void> owner, ColumnCheck check);

  [[nodiscard]] const Symbol& symbol() const noexcept { return symbol_; }
  [[nodiscard]] const PriceBasis& basis() const noexcept { return basis_; }
  [[nodiscard]] std::size_t size() const noexcept { return columns_.dates.size(); }
  [[nodiscard]] bool empty() const noexcept { return columns_.dates.empty(); }
  [[nodiscard]] std::span<const boost::gregorian::date> dates() const noexcept {
    return columns_.dates;
  }
  [[nodiscard]] std::span<const double> open() const noexcept { return columns_.open; }
  [[nodiscard]] std::span<const double> high() const noexcept { return columns_.high; }
  [[nodiscard]] std::span<const double> low() const noexcept { return columns_.low; }
  [[nodiscard]] std::span<const double> close() const noexcept { return columns_.close; }
  [[nodiscard]] std::span<const std::int64_t> volume() const noexcept { return columns_.volume; }
  /// All columns at once.
  [[nodiscard]] const BarColumns& columns() const noexcept { return columns_; }

  /// Row of `day`, or nullopt when there is no bar that day. O(log n).
  [[nodiscard]] std::optional<std::size_t> find(boost::gregorian::date day) const noexcept;
  /// Row of the latest bar on or before `day`, or nullopt before the first bar.
  [[nodiscard]] std::optional<std::size_t> find_on_or_before(
      boost::gregorian::date day) const noexcept;
  /// The bar at `row` (precondition: row < size()).
  [[nodiscard]] Bar at(std::size_t row) const;

 private:
  DailyBars(Symbol symbol, PriceBasis basis, BarColumns columns, std::shared_ptr<const void> owner);

  Symbol symbol_;
  PriceBasis basis_;
  std::shared_ptr<const void> owner_;  // keeps the columns alive
  BarColumns columns_;
};

}  // namespace marketshock
