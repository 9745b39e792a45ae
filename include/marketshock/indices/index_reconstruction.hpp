/// \file index_reconstruction.hpp
/// \brief IndexReconstruction: an index's daily return rebuilt from its members at the time,
/// weighted by market value at the prior close (S&P 500) or by the Nasdaq-100 modified method.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/indices/index_spec.hpp>
#include <marketshock/indices/member_panel.hpp>
#include <marketshock/indices/member_status.hpp>
#include <marketshock/indices/nasdaq100_capping.hpp>
#include <marketshock/indices/rebalance_schedule.hpp>
#include <marketshock/indices/reconstruction_window.hpp>

#include <Eigen/Core>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace marketshock::indices {

/// Which closes set the Nasdaq-100 capped weights at a rebalance. Share counts are always those
/// in force on the reference session (the prior month's last session).
enum class CappingPrices {
  /// Closes of the reference session (prior month end), as the share counts.
  reference_month_end,
  /// Closes of the rebalance eve (the third Friday): the weights hold at the last closes before
  /// they take effect, as index shares computed from pre-effective prices do.
  rebalance_eve,
};

/// "reference_month_end" or "rebalance_eve".
[[nodiscard]] std::string_view to_string(CappingPrices prices) noexcept;

/// Choices of a reconstruction that the published methodologies leave to the data.
struct ReconstructionOptions {
  CappingPrices capping_prices = CappingPrices::rebalance_eve;
};

/// The Nasdaq-100 capping factors in force from one rebalance until the next.
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

/// One member on one session.
struct MemberWeight {
  std::size_t column = 0;
  Symbol symbol{"UNKNOWN"};
  MemberStatus status = MemberStatus::included;
  /// Fraction of the rebuilt index at the prior close; 0 unless `included`.
  double weight = 0.0;
  /// close / previous close - 1; NaN when either bar is missing (known for most excluded members).
  double price_return = 0.0;
  /// close(t-1) x shares(t-1), USD, before any capping factor; NaN when unknown.
  double previous_market_value_usd = 0.0;
  /// close(t) x shares(t) - close(t-1) x shares(t-1), USD; NaN when unknown.
  double market_value_change_usd = 0.0;
  /// The capping factor applied to its market value (1 outside the Nasdaq-100).
  double weight_factor = 1.0;
};

/// The rebuilt index on one session.
struct SessionReconstruction {
  boost::gregorian::date session;
  boost::gregorian::date previous_session;
  /// Actual index closes (points) and close-to-close return; NaN when a level is missing.
  double previous_level = 0.0;
  double level = 0.0;
  double actual_return = 0.0;
  /// Sum of weight x price_return over included members (a fraction); NaN when none is included.
  double rebuilt_return = 0.0;
  std::size_t included_count = 0;
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

/// An index rebuilt over a window: the member panel, built once, and the weighting epochs.
/// Immutable; `data` must outlive it. Queries are O(members) per session.
///
/// Return of session t = sum over members on t of w_i x (close_i(t) / close_i(t-1) - 1), with
/// w_i proportional to close_i(t-1) x shares_i(t-1) x factor_i. What is approximated:
/// - S&P 500: factor 1, total shares (S&P uses float-adjusted shares; no float factors here).
/// - Nasdaq-100: factor = capped issuer weight / market-value issuer weight, set at each
///   quarterly rebalance (the December reconstitution included, with the quarterly rule) from
///   share counts of the prior month end and the closes of options().capping_prices; the
///   rebalance before the window is approximated from the window's base session; between
///   rebalances the point-in-time share count moves the weight (Nasdaq keeps index shares fixed).
/// - Members without a usable bar or share count (MemberStatus) carry no weight; the others are
///   renormalised, and every session lists them.
/// - Dual-class issuers count once, on the class that carries the all-class share count, with
///   that class's return.
class IndexReconstruction {
 public:
  /// Builds over `window` (sessions of `calendar`). Throws InvalidArgument when the membership
  /// is unknown or the window holds fewer than two sessions.
  [[nodiscard]] static IndexReconstruction build(const MarketData& data, const IndexSpec& spec,
                                                 const TradingCalendar& calendar,
                                                 ReconstructionWindow window,
                                                 ReconstructionOptions options = {});
  /// Builds over default_window(data, spec.id, calendar).
  [[nodiscard]] static IndexReconstruction build(const MarketData& data, const IndexSpec& spec,
                                                 const TradingCalendar& calendar);

  [[nodiscard]] const IndexSpec& spec() const noexcept { return spec_; }
  [[nodiscard]] const ReconstructionOptions& options() const noexcept { return options_; }
  [[nodiscard]] const MemberPanel& panel() const noexcept { return panel_; }
  [[nodiscard]] ReconstructionWindow window() const noexcept {
    return {panel_.sessions().front(), panel_.sessions().back()};
  }
  /// Nasdaq-100 capping epochs in date order; empty for total-market-value weighting.
  [[nodiscard]] std::span<const WeightingEpoch> epochs() const noexcept { return epochs_; }

  /// The rebuilt session `session`. Members whose symbol is in `exclude` get status
  /// excluded_by_request and the other weights are renormalised (the counterfactual index).
  /// Throws InvalidArgument when `session` is not a session of the window after its base session,
  /// naming the window.
  [[nodiscard]] SessionReconstruction session(boost::gregorian::date session,
                                              std::span<const Symbol> exclude = {}) const;

  /// Rebuilt and actual returns of every session after the base session. O(sessions x members).
  [[nodiscard]] RebuiltSeries series() const;

 private:
  IndexReconstruction(IndexSpec spec, ReconstructionOptions options, MemberPanel panel);
  void build_epochs(const TradingCalendar& calendar, CappingPrices prices);
  [[nodiscard]] const WeightingEpoch* epoch_at(std::size_t row) const noexcept;

  IndexSpec spec_;
  ReconstructionOptions options_;
  MemberPanel panel_;
  std::vector<WeightingEpoch> epochs_;
};

}  // namespace marketshock::indices
