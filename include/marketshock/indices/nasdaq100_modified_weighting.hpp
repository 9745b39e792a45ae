/// \file nasdaq100_modified_weighting.hpp
/// \brief Nasdaq100ModifiedWeighting: the Nasdaq-100's modified capitalisation weighting, issuer
/// market values capped at each quarterly rebalance and left to drift in between.
#pragma once

#include <marketshock/indices/nasdaq100_capping.hpp>
#include <marketshock/indices/weighting_strategy.hpp>

namespace marketshock::indices {

/// Weight of a member on session t = its market value at the close of t-1 x the capping factor
/// of its issuer, set at the last quarterly rebalance effective on or before t
/// (nasdaq100_rebalances; the December reconstitution with the quarterly rule) from the issuer
/// market values of the prior month end's share counts at the closes chosen by
/// ReconstructionOptions::capping_prices (cap_issuer_weights). The rebalance before the window is
/// approximated from the window's base session (a stand-in epoch). Between rebalances the
/// point-in-time share count moves the weight (Nasdaq holds index shares fixed).
class Nasdaq100ModifiedWeighting final : public WeightingStrategy {
 public:
  explicit Nasdaq100ModifiedWeighting(CappingRule rule = {}) : rule_(rule) {}

  [[nodiscard]] std::string_view id() const noexcept override { return "nasdaq100_modified"; }
  [[nodiscard]] std::string describe(const ReconstructionOptions& options) const override;
  [[nodiscard]] std::vector<std::string> approximations() const override;
  [[nodiscard]] PanelWeights weigh(const MemberPanel& panel, const TradingCalendar& calendar,
                                   const ReconstructionOptions& options) const override;

  [[nodiscard]] const CappingRule& rule() const noexcept { return rule_; }

 private:
  CappingRule rule_;
};

}  // namespace marketshock::indices
