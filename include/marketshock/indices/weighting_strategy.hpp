/// \file weighting_strategy.hpp
/// \brief WeightingStrategy: how a rebuilt index weights its members at each prior close, as an
/// object registered with the index (total market value, Nasdaq-100 modified, price-weighted).
#pragma once

#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/indices/divisor.hpp>
#include <marketshock/indices/member_panel.hpp>
#include <marketshock/indices/nasdaq100_capping.hpp>
#include <marketshock/indices/rebalance_schedule.hpp>
#include <marketshock/indices/reconstruction_options.hpp>

#include <Eigen/Core>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace marketshock::indices {

/// Capping factors in force from one rebalance until the next (the Nasdaq-100's).
struct WeightingEpoch {
  Rebalance rebalance;
  /// The session whose closes set the weights (see CappingPrices).
  boost::gregorian::date pricing_session;
  /// True for the epoch that stands in for the last rebalance before the window (its
  /// prior-month-end data is not in the dataset): its factors come from the window's base session.
  bool stand_in = false;
  /// The capping of the issuers that had a market value on the reference session.
  CappingResult capping;
  /// Per panel column: modified weight / market-value weight of its issuer; 1 where the issuer
  /// had no market value on the reference session (not capped, weighted by market value).
  std::vector<double> factors;
};

/// What a strategy computes once for a panel: every member's weight at every prior close.
struct PanelWeights {
  /// Sessions x members: a positive number proportional to the member's weight at the close of
  /// the previous session, in the strategy's unit (USD of market value, possibly capped; USD per
  /// share for a price weighting). A session's weights are these over their sum (after any
  /// exclusion), so their sum over the previous level is the divisor in force. NaN where the
  /// member carries no weight: not a member, or the strategy's input is missing. Row 0 (the base
  /// session) is NaN.
  Eigen::MatrixXd raw;
  /// Sessions x members: the capping factor inside `raw` (modified weight / market-value weight);
  /// 1 where the strategy applies none.
  Eigen::MatrixXd factors;
  /// The rebalances that set `factors`, in date order; empty for strategies without any.
  std::vector<WeightingEpoch> epochs;
};

/// How an index weights its members: one implementation per methodology, registered with each
/// index in the IndexRegistry, so callers never branch on an index's name. Implementations are
/// immutable and shared between threads.
class WeightingStrategy {
 public:
  WeightingStrategy() = default;
  WeightingStrategy(const WeightingStrategy&) = delete;
  WeightingStrategy& operator=(const WeightingStrategy&) = delete;
  WeightingStrategy(WeightingStrategy&&) = delete;
  WeightingStrategy& operator=(WeightingStrategy&&) = delete;
  virtual ~WeightingStrategy() = default;

  /// Stable id for JSON: "total_market_value", "nasdaq100_modified", "price_weighted".
  [[nodiscard]] virtual std::string_view id() const noexcept = 0;
  /// The basis line of the weights, e.g. "weights = close(t-1) x shares outstanding(t-1), ...",
  /// naming the options that concern the strategy.
  [[nodiscard]] virtual std::string describe(const ReconstructionOptions& options) const = 0;
  /// What the rebuild approximates with this strategy on the dataset, one sentence each.
  [[nodiscard]] virtual std::vector<std::string> approximations() const = 0;
  /// Every member's weight at every prior close of `panel`. Never throws for missing inputs (the
  /// member gets NaN). O(sessions x members), plus the strategy's own (capping) work.
  [[nodiscard]] virtual PanelWeights weigh(const MemberPanel& panel,
                                           const TradingCalendar& calendar,
                                           const ReconstructionOptions& options) const = 0;
  /// The divisor implied by the published level on every session of `panel`, with the periods
  /// over which the methodology holds it constant; nullopt for strategies whose index publishes
  /// no such divisor (the default).
  [[nodiscard]] virtual std::optional<DivisorSeries> implied_divisors(
      const MemberPanel& panel) const;
};

}  // namespace marketshock::indices
