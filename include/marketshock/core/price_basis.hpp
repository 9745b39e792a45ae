/// \file price_basis.hpp
/// \brief SplitBasis and PriceBasis: on which footing a price or a share count is expressed.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <string>

namespace marketshock {

/// The split footing of a price or a share count.
/// - point in time: each value as it was on its own date (prices as traded, counts as reported);
/// - adjusted as of D: every value restated in the shares that existed on D, i.e. divided
///   (prices) or multiplied (counts) by every split effective after its date and on or before D.
/// A market value is only meaningful when price and count share one SplitBasis.
class SplitBasis {
 public:
  [[nodiscard]] static SplitBasis point_in_time() noexcept { return SplitBasis(std::nullopt); }
  [[nodiscard]] static SplitBasis adjusted_as_of(boost::gregorian::date as_of) {
    return SplitBasis(as_of);
  }

  [[nodiscard]] bool is_point_in_time() const noexcept { return !as_of_.has_value(); }
  /// The date the values are restated to; nullopt for point in time.
  [[nodiscard]] const std::optional<boost::gregorian::date>& as_of() const noexcept {
    return as_of_;
  }
  /// "as traded" or "split-adjusted as of 2025-10-08".
  [[nodiscard]] std::string describe() const;

  friend bool operator==(const SplitBasis&, const SplitBasis&) = default;

 private:
  explicit SplitBasis(std::optional<boost::gregorian::date> as_of) : as_of_(as_of) {}
  std::optional<boost::gregorian::date> as_of_;
};

/// How a vendor's price series was adjusted. Dividend adjustment scales history down by
/// (1 - dividend / prior close) at each ex-date; such prices give correct returns but wrong
/// levels, so they can never form a market value (see market_value.hpp).
struct PriceBasis {
  SplitBasis split = SplitBasis::point_in_time();
  /// True when history is also scaled for cash dividends (Yahoo's "Adj Close").
  bool dividend_adjusted = false;

  [[nodiscard]] static PriceBasis as_traded() { return {}; }
  [[nodiscard]] static PriceBasis split_adjusted(boost::gregorian::date as_of) {
    return {SplitBasis::adjusted_as_of(as_of), false};
  }
  [[nodiscard]] static PriceBasis split_and_dividend_adjusted(boost::gregorian::date as_of) {
    return {SplitBasis::adjusted_as_of(as_of), true};
  }

  /// "as traded", "split-adjusted as of D" or "split- and dividend-adjusted as of D".
  [[nodiscard]] std::string describe() const;

  friend bool operator==(const PriceBasis&, const PriceBasis&) = default;
};

}  // namespace marketshock
