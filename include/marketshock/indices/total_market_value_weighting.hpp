/// \file total_market_value_weighting.hpp
/// \brief TotalMarketValueWeighting: members weighted by market value at the prior close (the
/// S&P 500's capitalisation weighting, without float adjustment).
#pragma once

#include <marketshock/indices/weighting_strategy.hpp>

namespace marketshock::indices {

/// Weight of a member on session t = its market value at the close of t-1 (previous close x the
/// count in force then, from the core Valuation). S&P weights by float-adjusted value; the
/// dataset has no float factors, so total shares stand in. A member without a market value
/// (ValuationStatus other than `available`) carries no weight.
class TotalMarketValueWeighting final : public WeightingStrategy {
 public:
  [[nodiscard]] std::string_view id() const noexcept override { return "total_market_value"; }
  [[nodiscard]] std::string describe(const ReconstructionOptions& options) const override;
  [[nodiscard]] std::vector<std::string> approximations() const override;
  [[nodiscard]] PanelWeights weigh(const MemberPanel& panel, const TradingCalendar& calendar,
                                   const ReconstructionOptions& options) const override;
};

/// The market-value weights of `panel` before any capping: previous market value where the
/// member is in the index and the valuation is `available`, NaN elsewhere; factors 1. Shared by
/// the capitalisation-weighted strategies. O(sessions x members).
[[nodiscard]] PanelWeights market_value_weights(const MemberPanel& panel);

}  // namespace marketshock::indices
