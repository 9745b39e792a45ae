/// \file daily_bars.hpp
/// \brief DailyBars: columnar daily OHLCV of one security, with its adjustment basis declared.
#pragma once

#include <marketshock/core/price_basis.hpp>
#include <marketshock/core/symbol.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <cstdint>
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

/// Daily OHLCV of one security in columns (one vector per field), dates strictly increasing.
/// Invariants, checked at construction: close finite and positive; open, high, low positive or
/// NaN; low <= min(open, close) and max(open, close) <= high where present.
class DailyBars {
 public:
  /// Throws DataError naming the symbol, date and field when an invariant is broken.
  DailyBars(Symbol symbol, PriceBasis basis, std::span<const Bar> bars);

  [[nodiscard]] const Symbol& symbol() const noexcept { return symbol_; }
  [[nodiscard]] const PriceBasis& basis() const noexcept { return basis_; }
  [[nodiscard]] std::size_t size() const noexcept { return dates_.size(); }
  [[nodiscard]] bool empty() const noexcept { return dates_.empty(); }

  [[nodiscard]] std::span<const boost::gregorian::date> dates() const noexcept { return dates_; }
  [[nodiscard]] std::span<const double> open() const noexcept { return open_; }
  [[nodiscard]] std::span<const double> high() const noexcept { return high_; }
  [[nodiscard]] std::span<const double> low() const noexcept { return low_; }
  [[nodiscard]] std::span<const double> close() const noexcept { return close_; }
  [[nodiscard]] std::span<const std::int64_t> volume() const noexcept { return volume_; }

  /// Row of `day`, or nullopt when there is no bar that day. O(log n).
  [[nodiscard]] std::optional<std::size_t> find(boost::gregorian::date day) const noexcept;
  /// Row of the latest bar on or before `day`, or nullopt before the first bar.
  [[nodiscard]] std::optional<std::size_t> find_on_or_before(
      boost::gregorian::date day) const noexcept;
  /// The bar at `row` (precondition: row < size()).
  [[nodiscard]] Bar at(std::size_t row) const;

 private:
  Symbol symbol_;
  PriceBasis basis_;
  std::vector<boost::gregorian::date> dates_;
  std::vector<double> open_, high_, low_, close_;
  std::vector<std::int64_t> volume_;
};

}  // namespace marketshock
