/// \file index_reconstruction.hpp
/// \brief IndexReconstruction: an index's daily return rebuilt from its members at the time,
/// weighted at each prior close by the index's registered WeightingStrategy.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/core/valuation.hpp>
#include <marketshock/indices/index_spec.hpp>
#include <marketshock/indices/member_panel.hpp>
#include <marketshock/indices/reconstruction_options.hpp>
#include <marketshock/indices/reconstruction_window.hpp>
#include <marketshock/indices/weighting_strategy.hpp>

#include <Eigen/Core>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace marketshock::indices {

/// One member on one session. Its move comes from the core Valuation; whether it carries weight
/// is the weighting's business (a market-value weighting needs the market value, a price weighting
/// only the prices) and a request's (the counterfactual `--exclude`).
struct MemberWeight {
  std::size_t column = 0;
  Symbol symbol{"UNKNOWN"};
  /// The valuation's status of its move from the previous session (`available`: both bars and
  /// both share counts).
  ValuationStatus valuation = ValuationStatus::available;
  /// Left out on request (a counterfactual, e.g. `--exclude NVDA`), whatever its valuation.
  bool excluded_by_request = false;
  /// True when it carries weight in the rebuild: the weighting has its input and it was not
  /// excluded on request.
  bool weighted = false;
  /// Fraction of the rebuilt index at the prior close; 0 unless `weighted`.
  double weight = 0.0;
  /// close / previous close - 1; NaN when either bar is missing (known for most unweighted
  /// members).
  double price_return = 0.0;
  /// Previous close x previous count, USD, before any capping factor; NaN unless the valuation
  /// is `available`.
  double previous_market_value_usd = 0.0;
  /// close x count - previous close x previous count, USD; NaN unless the valuation is `available`.
  double market_value_change_usd = 0.0;
  /// The capping factor inside its weight (PanelWeights::factors; 1 for strategies without).
  double weight_factor = 1.0;
};

/// "weighted", "excluded_by_request", or the id of the valuation status that kept the member out
/// (for JSON).
[[nodiscard]] std::string_view weight_status(const MemberWeight& member) noexcept;
/// A phrase for text output: "weighted", "excluded on request", or describe(valuation).
[[nodiscard]] std::string_view describe_weight_status(const MemberWeight& member) noexcept;

/// The rebuilt index on one session.
struct SessionReconstruction {
  boost::gregorian::date session;
  boost::gregorian::date previous_session;
  /// Actual index closes (points) and close-to-close return; NaN when a level is missing.
  double previous_level = 0.0;
  double level = 0.0;
  double actual_return = 0.0;
  /// Sum of weight x price_return over the weighted members (a fraction); NaN when none is.
  double rebuilt_return = 0.0;
  /// Members that carried weight.
  std::size_t included_count = 0;
  /// The divisor in force: the weighted members' raw weights (PanelWeights::raw) summed, over
  /// the previous level. A member's contribution in index points is its raw weight x its return
  /// / divisor: for a price-weighted index the raw weight is a price, so a $1 move of any member
  /// is 1/divisor points (the Dow divisor); for a capitalisation-weighted index it is USD of
  /// market value per index point. NaN when no member carries weight or the level is missing.
  double divisor = 0.0;
  /// Every member on the session, in symbol order, with its status.
  std::vector<MemberWeight> members;
};

/// Rebuilt and actual returns over every session of the window after the base session.
struct RebuiltSeries {
  std::vector<boost::gregorian::date> sessions;
  Eigen::VectorXd actual_returns;
  Eigen::VectorXd rebuilt_returns;
  /// Members on each session, and how many of them carried weight.
  std::vector<std::size_t> member_counts;
  std::vector<std::size_t> included_counts;
};

/// An index rebuilt over a window: the member panel and the weights of its registered strategy,
/// both computed once. Immutable; `data` must outlive it. Queries are O(members) per session.
///
/// Return of session t = sum over the weighted members on t of w_i x r_i, where r_i is the
/// member's price return from the core Valuation and w_i its raw weight (the strategy's:
/// previous market value, possibly capped; or previous traded close) over the session's total.
/// What is approximated depends on the strategy (WeightingStrategy::approximations); throughout:
/// - members the strategy cannot weight (a missing bar or share count, see MemberWeight) carry
///   no weight; the others are renormalised, and every session lists them;
/// - dual-class issuers count once in a market-value weighting, on the class that carries the
///   all-class share count, with that class's return.
class IndexReconstruction {
 public:
  /// Builds over `window` (sessions of `calendar`): the panel of spec.membership_id and
  /// spec.level_id, weighted by spec.weighting. Throws InvalidArgument when the membership is
  /// unknown, the spec has no weighting or the window holds fewer than two sessions.
  [[nodiscard]] static IndexReconstruction build(const MarketData& data, const IndexSpec& spec,
                                                 const TradingCalendar& calendar,
                                                 ReconstructionWindow window,
                                                 ReconstructionOptions options = {});
  /// Builds over default_window(data, spec.membership_id, calendar).
  [[nodiscard]] static IndexReconstruction build(const MarketData& data, const IndexSpec& spec,
                                                 const TradingCalendar& calendar);

  [[nodiscard]] const IndexSpec& spec() const noexcept { return spec_; }
  [[nodiscard]] const ReconstructionOptions& options() const noexcept { return options_; }
  [[nodiscard]] const MemberPanel& panel() const noexcept { return panel_; }
  [[nodiscard]] ReconstructionWindow window() const noexcept {
    return {panel_.sessions().front(), panel_.sessions().back()};
  }
  /// The strategy's weights of every member at every prior close.
  [[nodiscard]] const PanelWeights& weights() const noexcept { return weights_; }
  /// Capping epochs in date order (the Nasdaq-100's); empty for strategies without.
  [[nodiscard]] std::span<const WeightingEpoch> epochs() const noexcept { return weights_.epochs; }

  /// The rebuilt session `session`. Members whose symbol is in `exclude` are marked
  /// excluded_by_request and the other weights are renormalised (the counterfactual index). Its
  /// rebuilt return is the one series() gives for the session, to the bit, when nothing is
  /// excluded.
  /// Throws InvalidArgument when `session` is not a session of the window after its base session,
  /// naming the window.
  [[nodiscard]] SessionReconstruction session(boost::gregorian::date session,
                                              std::span<const Symbol> exclude = {}) const;

  /// Rebuilt and actual returns of every session after the base session. O(sessions x members).
  [[nodiscard]] RebuiltSeries series() const;

 private:
  IndexReconstruction(IndexSpec spec, ReconstructionOptions options, MemberPanel panel,
                      PanelWeights weights);
  /// Weighted sums of row `row` over its members not in `excluded` (a mask over columns); fills
  /// `members` when given. The one weight formula of session() and series().
  struct RowSums {
    double weighted_return = 0.0;
    double total_weight = 0.0;
    std::size_t members = 0;
    std::size_t weighted = 0;
  };
  RowSums sum_row(std::size_t row, const std::vector<bool>& excluded,
                  std::vector<MemberWeight>* members) const;

  IndexSpec spec_;
  ReconstructionOptions options_;
  MemberPanel panel_;
  PanelWeights weights_;
};

}  // namespace marketshock::indices
