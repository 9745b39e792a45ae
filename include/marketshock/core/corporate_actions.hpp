/// \file corporate_actions.hpp
/// \brief Splits and cash dividends of one security, and the adjustment factors they imply.
#pragma once

#include <marketshock/core/symbol.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace marketshock {

/// A stock split (or reverse split). `ratio` is new shares per old share: 10 for NVIDIA's 10-for-1
/// of 2024, 0.05 for a 1-for-20 reverse split. `effective` is the first session that trades on
/// the new basis (NVDA: 2024-06-10).
struct Split {
  boost::gregorian::date effective;
  double ratio = 1.0;
  /// Set when only a bracket is known (a split detected from two share counts): the split took
  /// effect after this date and on or before `effective`, which is then the latest possible day.
  /// Empty when `effective` is the exact date.
  std::optional<boost::gregorian::date> earliest_after;
  /// Where the split and its date come from, in words (a file and the evidence); may be empty.
  std::string source{};
  friend bool operator==(const Split&, const Split&) = default;
};

/// A cash dividend of `amount` USD per share (on the point-in-time share basis of its ex-date).
struct CashDividend {
  boost::gregorian::date ex_date;
  double amount = 0.0;
  friend bool operator==(const CashDividend&, const CashDividend&) = default;
};

/// The corporate actions of one security, sorted by date.
class CorporateActions {
 public:
  CorporateActions() = default;
  /// Throws DataError for unsorted or duplicate dates, a non-positive or non-finite split ratio,
  /// or a negative or non-finite dividend.
  CorporateActions(Symbol symbol, std::vector<Split> splits, std::vector<CashDividend> dividends);

  [[nodiscard]] std::span<const Split> splits() const noexcept { return splits_; }
  [[nodiscard]] std::span<const CashDividend> dividends() const noexcept { return dividends_; }

  /// Product of the ratios of splits effective after `from` and on or before `to` (1 when none,
  /// and 1 when to <= from). Multiply a share count of date `from` by it, or divide a traded
  /// price of date `from` by it, to restate it on the basis of date `to`.
  [[nodiscard]] double split_factor(boost::gregorian::date from, boost::gregorian::date to) const;

  /// The factor a split- AND dividend-adjusted price of `day` was multiplied by, relative to the
  /// split-only-adjusted price, given the vendor adjusted as of `as_of`: the product over
  /// dividends with day < ex_date <= as_of of (1 - amount / close before ex-date). Divide by it to
  /// undo a dividend adjustment. `close_before_ex` gives the traded (point-in-time) close of the
  /// session before each ex-date (the caller's bars), in the same order as dividends().
  [[nodiscard]] double dividend_factor(boost::gregorian::date day, boost::gregorian::date as_of,
                                       std::span<const double> close_before_ex) const;

 private:
  Symbol symbol_{"UNKNOWN"};
  std::vector<Split> splits_;
  std::vector<CashDividend> dividends_;
};

}  // namespace marketshock
