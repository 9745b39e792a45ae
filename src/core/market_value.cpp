#include <marketshock/core/market_value.hpp>

#include <marketshock/core/require.hpp>

#include <cmath>

namespace marketshock {

namespace {

// How many point-in-time shares of `day` one share on `basis` stands for, inverted: the factor
// that multiplies a point-in-time count of `day` to express it on `basis`.
double count_factor(const CorporateActions& actions, boost::gregorian::date day,
                    const SplitBasis& basis) {
  const std::optional<boost::gregorian::date>& adjusted_as_of = basis.as_of();
  if (!adjusted_as_of) return 1.0;  // point in time
  const boost::gregorian::date as_of = *adjusted_as_of;
  return as_of >= day ? actions.split_factor(day, as_of) : 1.0 / actions.split_factor(as_of, day);
}

}  // namespace

ShareCount::ShareCount(double shares, SplitBasis basis) : shares_(shares), basis_(basis) {
  MARKETSHOCK_REQUIRE(std::isfinite(shares) && shares > 0.0,
                      "a share count must be finite and positive, got {}", shares);
}

ShareCount ShareCount::restated(const CorporateActions& actions, boost::gregorian::date day,
                                const SplitBasis& target) const {
  const double factor = count_factor(actions, day, target) / count_factor(actions, day, basis_);
  return ShareCount(shares_ * factor, target);
}

Price::Price(double usd, SplitBasis basis) : usd_(usd), basis_(basis) {
  MARKETSHOCK_REQUIRE(std::isfinite(usd) && usd > 0.0,
                      "a price must be finite and positive, got {}", usd);
}

Price Price::close_of(const DailyBars& bars, std::size_t row) {
  MARKETSHOCK_REQUIRE(!bars.basis().dividend_adjusted,
                      "{} bars are {}: dividend-adjusted closes give no market value",
                      bars.symbol(), bars.basis().describe());
  return Price(bars.at(row).close, bars.basis().split);
}

Price Price::restated(const CorporateActions& actions, boost::gregorian::date day,
                      const SplitBasis& target) const {
  const double factor = count_factor(actions, day, target) / count_factor(actions, day, basis_);
  return Price(usd_ / factor, target);
}

double market_value(const Price& price, const ShareCount& shares) {
  MARKETSHOCK_REQUIRE(price.basis() == shares.basis(),
                      "price is {} but the share count is {}: restate one of them first",
                      price.basis().describe(), shares.basis().describe());
  return price.usd() * shares.value();
}

MarketValueChange market_value_change(const Price& previous_close,
                                      const ShareCount& previous_shares, const Price& close,
                                      const ShareCount& shares) {
  MARKETSHOCK_REQUIRE(previous_close.basis() == close.basis(),
                      "previous close is {} but close is {}", previous_close.basis().describe(),
                      close.basis().describe());
  MarketValueChange change;
  change.previous_usd = market_value(previous_close, previous_shares);
  change.current_usd = market_value(close, shares);
  change.change_usd = change.current_usd - change.previous_usd;
  change.change_fraction = change.change_usd / change.previous_usd;
  return change;
}

}  // namespace marketshock
