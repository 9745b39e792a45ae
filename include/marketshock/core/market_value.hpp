/// \file market_value.hpp
/// \brief Market value = close x shares, with both on one split basis, and its day-over-day change.
#pragma once

#include <marketshock/core/corporate_actions.hpp>
#include <marketshock/core/daily_bars.hpp>
#include <marketshock/core/price_basis.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace marketshock {

/// A share count on a stated split basis. A count as reported in a filing is point in time.
class ShareCount {
 public:
  /// Throws InvalidArgument unless `shares` is finite and positive.
  ShareCount(double shares, SplitBasis basis);

  [[nodiscard]] double value() const noexcept { return shares_; }
  [[nodiscard]] const SplitBasis& basis() const noexcept { return basis_; }

  /// The same count restated on `target`, for a count that applies to date `day`
  /// (e.g. 2.449e9 point-in-time NVDA shares of 2024-05-20, restated as of 2024-06-10,
  /// is 2.449e10).
  [[nodiscard]] ShareCount restated(const CorporateActions& actions, boost::gregorian::date day,
                                    const SplitBasis& target) const;

 private:
  double shares_;
  SplitBasis basis_;
};

/// A price in USD on a stated split basis. Never dividend-adjusted: such a price is not a price
/// anybody traded at, and multiplied by a share count it gives no market value.
class Price {
 public:
  /// Throws InvalidArgument unless `usd` is finite and positive.
  Price(double usd, SplitBasis basis);
  /// The close of `bars` at `row`; throws InvalidArgument when the bars are dividend-adjusted.
  [[nodiscard]] static Price close_of(const DailyBars& bars, std::size_t row);

  [[nodiscard]] double usd() const noexcept { return usd_; }
  [[nodiscard]] const SplitBasis& basis() const noexcept { return basis_; }

  /// The same price restated on `target`, for a price of date `day`.
  [[nodiscard]] Price restated(const CorporateActions& actions, boost::gregorian::date day,
                               const SplitBasis& target) const;

 private:
  double usd_;
  SplitBasis basis_;
};

/// price x shares in USD. Throws InvalidArgument when the two are on different split bases:
/// a split-adjusted close times an as-reported count is off by the split ratio.
[[nodiscard]] double market_value(const Price& price, const ShareCount& shares);

/// A day-over-day change in market value (close-to-close, each day with its own share count).
struct MarketValueChange {
  double previous_usd = 0.0;
  double current_usd = 0.0;
  /// current - previous, USD.
  double change_usd = 0.0;
  /// change / previous (a fraction; -0.1697 is -16.97%).
  double change_fraction = 0.0;
};

/// The change from (previous close x previous shares) to (close x shares). All four must be on
/// one split basis, so a split day compares like with like and never shows as a loss.
[[nodiscard]] MarketValueChange market_value_change(const Price& previous_close,
                                                    const ShareCount& previous_shares,
                                                    const Price& close, const ShareCount& shares);

}  // namespace marketshock
