/// \file price_weighting.hpp
/// \brief PriceWeighting: a price-weighted index with a divisor (the Dow Jones Industrial
/// Average): level = sum of the members' traded prices / divisor.
#pragma once

#include <marketshock/indices/weighting_strategy.hpp>

namespace marketshock::indices {

/// Weight of a member on session t = its traded close of t-1 in the shares of session t (a split
/// effective on t divides it), over the sum of those closes: the index return of t is then
/// sum(close(t)) / sum(close(t-1) on t's footing) - 1, which is the level's return whenever the
/// divisor keeps the level continuous (it changes only at composition changes, member splits and
/// similar events). So the divisor in force on t is that sum over the prior level, and a $1 move of
/// any member is worth 1 / divisor index points. Traded prices come from the bars: split-adjusted
/// bars are restated to as traded with the security's splits (Price::restated); dividend-adjusted
/// bars carry no traded price, so such a member carries no weight. Share counts play no part.
class PriceWeighting final : public WeightingStrategy {
 public:
  [[nodiscard]] std::string_view id() const noexcept override { return "price_weighted"; }
  [[nodiscard]] std::string describe(const ReconstructionOptions& options) const override;
  [[nodiscard]] std::vector<std::string> approximations() const override;
  [[nodiscard]] PanelWeights weigh(const MemberPanel& panel, const TradingCalendar& calendar,
                                   const ReconstructionOptions& options) const override;
  /// Divisor of session t = sum of the traded closes of t's members / the level's close of t
  /// (NaN when a member has no traded close or the level is missing). A period starts at every
  /// composition change and at every split of a member effective on a session of the window.
  /// O(sessions x members x splits).
  [[nodiscard]] std::optional<DivisorSeries> implied_divisors(
      const MemberPanel& panel) const override;
};

}  // namespace marketshock::indices
