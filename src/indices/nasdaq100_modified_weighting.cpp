#include <marketshock/indices/nasdaq100_modified_weighting.hpp>

#include <marketshock/indices/total_market_value_weighting.hpp>

#include <fmt/format.h>

#include <cmath>

namespace marketshock::indices {

namespace {

using boost::gregorian::date;

/// Issuer market values at the reference session (its closes x its counts, from the panel's
/// valuation), carried to the closes of `price_row` by each member's price ratio, of the members
/// on `member_row`; and the capping factors they imply per column.
WeightingEpoch make_epoch(const MemberPanel& panel, const CappingRule& rule, Rebalance rebalance,
                          std::size_t shares_row, std::size_t price_row, std::size_t member_row,
                          bool stand_in) {
  const auto ip = static_cast<Eigen::Index>(price_row);
  const auto is = static_cast<Eigen::Index>(shares_row);
  const Eigen::MatrixXd& closes = panel.closes().values();
  std::vector<double> issuer_value(panel.issuer_count(), 0.0);
  for (std::size_t j = 0; j < panel.member_count(); ++j) {
    if (!panel.is_member(member_row, j)) continue;
    const auto c = static_cast<Eigen::Index>(j);
    // The reference count valued at the pricing closes: the reference market value moved by the
    // price return from the reference session to the pricing session (1 when they coincide).
    const double price_ratio = price_row == shares_row ? 1.0 : closes(ip, c) / closes(is, c);
    const double value = panel.market_values()(is, c) * price_ratio;
    if (std::isfinite(value) && value > 0.0) issuer_value[panel.issuer_of(j)] += value;
  }
  std::vector<std::size_t> capped_issuers;
  for (std::size_t k = 0; k < issuer_value.size(); ++k) {
    if (issuer_value[k] > 0.0) capped_issuers.push_back(k);
  }
  WeightingEpoch epoch{rebalance,
                       panel.sessions()[price_row],
                       stand_in,
                       {},
                       std::vector<double>(panel.member_count(), 1.0)};
  if (capped_issuers.empty()) return epoch;
  Eigen::VectorXd values(static_cast<Eigen::Index>(capped_issuers.size()));
  for (std::size_t k = 0; k < capped_issuers.size(); ++k) {
    values[static_cast<Eigen::Index>(k)] = issuer_value[capped_issuers[k]];
  }
  epoch.capping = cap_issuer_weights(values, rule);
  std::vector<double> issuer_factor(panel.issuer_count(), 1.0);
  for (std::size_t k = 0; k < capped_issuers.size(); ++k) {
    const auto e = static_cast<Eigen::Index>(k);
    issuer_factor[capped_issuers[k]] = epoch.capping.weights[e] / epoch.capping.uncapped_weights[e];
  }
  for (std::size_t j = 0; j < panel.member_count(); ++j) {
    epoch.factors[j] = issuer_factor[panel.issuer_of(j)];
  }
  return epoch;
}

std::vector<WeightingEpoch> capping_epochs(const MemberPanel& panel, const CappingRule& rule,
                                           const TradingCalendar& calendar, CappingPrices prices) {
  std::vector<WeightingEpoch> epochs;
  const auto sessions = panel.sessions();
  const auto rebalances = nasdaq100_rebalances(calendar, sessions[1], sessions.back());
  // The rebalance before the window used data the dataset does not hold: its factors are
  // approximated from the base session, until the first rebalance whose reference is in the panel.
  epochs.push_back(make_epoch(panel, rule, {sessions[0], sessions[0], sessions[1]}, 0, 0, 1, true));
  for (const Rebalance& r : rebalances) {
    const auto ref_row = panel.row_of(r.reference);
    const auto eve_row = panel.row_of(r.eve);
    const auto effective_row = panel.row_of(r.effective);
    if (!ref_row || !eve_row || !effective_row) continue;
    const std::size_t price_row = prices == CappingPrices::rebalance_eve ? *eve_row : *ref_row;
    epochs.push_back(make_epoch(panel, rule, r, *ref_row, price_row, *effective_row, false));
  }
  return epochs;
}

}  // namespace

std::string Nasdaq100ModifiedWeighting::describe(const ReconstructionOptions& options) const {
  return fmt::format(
      "weights = issuer market value close(t-1) x shares(t-1) x a capping factor set at each "
      "quarterly rebalance on prior-month-end share counts (an issuer above {:g}% set to {:g}%; "
      "issuers above {:g}% scaled to {:g}% together when above {:g}%; the others at most {:g}%); "
      "capping closes: {}",
      100 * rule_.single_issuer_trigger, 100 * rule_.single_issuer_target,
      100 * rule_.large_issuer_threshold, 100 * rule_.large_aggregate_target,
      100 * rule_.large_aggregate_trigger, 100 * rule_.small_issuer_ceiling,
      to_string(options.capping_prices));
}

std::vector<std::string> Nasdaq100ModifiedWeighting::approximations() const {
  return {fmt::format(
      "Weights are issuer-level modified market values: the quarterly capping rule (an issuer "
      "above {:g}% set to {:g}%; when issuers above {:g}% exceed {:g}% together, scaled to {:g}% "
      "and the others held at or below {:g}%) applied at every quarterly rebalance (the December "
      "annual reconstitution included, with the quarterly thresholds), on share counts of the "
      "prior month end and the chosen capping closes (third-Friday eve by default, or the month "
      "end); the rebalance before the window is approximated from the window's first session; "
      "between rebalances point-in-time share counts move the weights (the index holds index "
      "shares fixed).",
      100 * rule_.single_issuer_trigger, 100 * rule_.single_issuer_target,
      100 * rule_.large_issuer_threshold, 100 * rule_.large_aggregate_trigger,
      100 * rule_.large_aggregate_target, 100 * rule_.small_issuer_ceiling)};
}

PanelWeights Nasdaq100ModifiedWeighting::weigh(const MemberPanel& panel,
                                               const TradingCalendar& calendar,
                                               const ReconstructionOptions& options) const {
  PanelWeights w = market_value_weights(panel);
  w.epochs = capping_epochs(panel, rule_, calendar, options.capping_prices);
  for (std::size_t t = 1; t < panel.session_count(); ++t) {
    const date day = panel.sessions()[t];
    const WeightingEpoch* epoch = nullptr;
    for (const WeightingEpoch& e : w.epochs) {
      if (e.rebalance.effective <= day) epoch = &e;
    }
    if (epoch == nullptr) continue;
    const auto i = static_cast<Eigen::Index>(t);
    for (std::size_t j = 0; j < panel.member_count(); ++j) {
      const auto c = static_cast<Eigen::Index>(j);
      w.factors(i, c) = epoch->factors[j];
      w.raw(i, c) *= epoch->factors[j];
    }
  }
  return w;
}

}  // namespace marketshock::indices
