#include <marketshock/indices/index_reconstruction.hpp>

#include <marketshock/core/require.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketshock::indices {

namespace {

using boost::gregorian::date;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Issuer market values (closes of `price_row` x shares of `shares_row`) of the members on
/// `member_row`, and the capping factors they imply per column.
WeightingEpoch make_epoch(const MemberPanel& panel, Rebalance rebalance, std::size_t shares_row,
                          std::size_t price_row, std::size_t member_row, bool stand_in) {
  const auto ip = static_cast<Eigen::Index>(price_row);
  const auto is = static_cast<Eigen::Index>(shares_row);
  std::vector<double> issuer_value(panel.issuer_count(), 0.0);
  for (std::size_t j = 0; j < panel.member_count(); ++j) {
    if (!panel.is_member(member_row, j) || panel.record(j).bars.basis().dividend_adjusted) continue;
    const double value = panel.closes().values()(ip, static_cast<Eigen::Index>(j)) *
                         panel.shares().values()(is, static_cast<Eigen::Index>(j));
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
  epoch.capping = cap_issuer_weights(values);
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

}  // namespace

std::string_view to_string(CappingPrices prices) noexcept {
  switch (prices) {
    case CappingPrices::reference_month_end:
      return "reference_month_end";
    case CappingPrices::rebalance_eve:
      return "rebalance_eve";
  }
  return "unknown";
}

IndexReconstruction::IndexReconstruction(IndexSpec spec, ReconstructionOptions options,
                                         MemberPanel panel)
    : spec_(std::move(spec)), options_(options), panel_(std::move(panel)) {}

IndexReconstruction IndexReconstruction::build(const MarketData& data, const IndexSpec& spec,
                                               const TradingCalendar& calendar,
                                               ReconstructionWindow window,
                                               ReconstructionOptions options) {
  MARKETSHOCK_REQUIRE(window.first < window.last, "reconstruction window {} to {} is empty",
                      boost::gregorian::to_iso_extended_string(window.first),
                      boost::gregorian::to_iso_extended_string(window.last));
  IndexReconstruction rebuilt(
      spec, options,
      MemberPanel::build(data, spec.id, spec.level_id,
                         calendar.sessions_between(window.first, window.last)));
  if (spec.weighting == IndexWeighting::nasdaq100_modified)
    rebuilt.build_epochs(calendar, options.capping_prices);
  return rebuilt;
}

IndexReconstruction IndexReconstruction::build(const MarketData& data, const IndexSpec& spec,
                                               const TradingCalendar& calendar) {
  return build(data, spec, calendar, default_window(data, spec.id, calendar));
}

void IndexReconstruction::build_epochs(const TradingCalendar& calendar, CappingPrices prices) {
  const auto sessions = panel_.sessions();
  const auto rebalances = nasdaq100_rebalances(calendar, sessions[1], sessions.back());
  // The rebalance before the window used data the dataset does not hold: its factors are
  // approximated from the base session, until the first rebalance whose reference is in the panel.
  epochs_.push_back(make_epoch(panel_, {sessions[0], sessions[0], sessions[1]}, 0, 0, 1, true));
  for (const Rebalance& r : rebalances) {
    const auto ref_row = panel_.row_of(r.reference);
    const auto eve_row = panel_.row_of(r.eve);
    const auto effective_row = panel_.row_of(r.effective);
    if (!ref_row || !eve_row || !effective_row) continue;
    const std::size_t price_row = prices == CappingPrices::rebalance_eve ? *eve_row : *ref_row;
    epochs_.push_back(make_epoch(panel_, r, *ref_row, price_row, *effective_row, false));
  }
}

const WeightingEpoch* IndexReconstruction::epoch_at(std::size_t row) const noexcept {
  const date day = panel_.sessions()[row];
  const WeightingEpoch* found = nullptr;
  for (const WeightingEpoch& e : epochs_) {
    if (e.rebalance.effective <= day) found = &e;
  }
  return found;
}

SessionReconstruction IndexReconstruction::session(date day,
                                                   std::span<const Symbol> exclude) const {
  const auto row = panel_.row_of(day);
  const auto window_text = [&] {
    return fmt::format("{} to {}", boost::gregorian::to_iso_extended_string(panel_.sessions()[1]),
                       boost::gregorian::to_iso_extended_string(panel_.sessions().back()));
  };
  MARKETSHOCK_REQUIRE(row && *row >= 1, "{} is outside the {} reconstruction window ({})",
                      boost::gregorian::to_iso_extended_string(day), spec_.name, window_text());
  const std::size_t t = *row;
  const auto i = static_cast<Eigen::Index>(t);
  const WeightingEpoch* epoch = epoch_at(t);
  const auto& closes = panel_.closes().values();
  const auto& shares = panel_.shares().values();

  SessionReconstruction out;
  out.session = day;
  out.previous_session = panel_.sessions()[t - 1];
  out.previous_level = panel_.level_close()[i - 1];
  out.level = panel_.level_close()[i];
  out.actual_return = out.level / out.previous_level - 1.0;

  double total = 0.0;
  for (std::size_t j = 0; j < panel_.member_count(); ++j) {
    if (!panel_.is_member(t, j)) continue;
    const auto c = static_cast<Eigen::Index>(j);
    const Symbol& symbol = panel_.symbols()[j];
    MemberWeight m{
        j, symbol, panel_.status(t, j), 0.0, kNaN, kNaN, kNaN, epoch ? epoch->factors[j] : 1.0};
    if (std::find(exclude.begin(), exclude.end(), symbol) != exclude.end()) {
      m.status = MemberStatus::excluded_by_request;
    }
    m.price_return = closes(i, c) / closes(i - 1, c) - 1.0;
    m.previous_market_value_usd = closes(i - 1, c) * shares(i - 1, c);
    m.market_value_change_usd = closes(i, c) * shares(i, c) - m.previous_market_value_usd;
    if (m.status == MemberStatus::dividend_adjusted_prices) {
      m.previous_market_value_usd = kNaN;
      m.market_value_change_usd = kNaN;
    }
    if (m.status == MemberStatus::included) {
      m.weight = m.previous_market_value_usd * m.weight_factor;
      total += m.weight;
    }
    out.members.push_back(m);
  }
  out.rebuilt_return = total > 0.0 ? 0.0 : kNaN;
  for (MemberWeight& m : out.members) {
    if (m.status != MemberStatus::included) continue;
    m.weight /= total;
    out.rebuilt_return += m.weight * m.price_return;
    ++out.included_count;
  }
  return out;
}

RebuiltSeries IndexReconstruction::series() const {
  const std::size_t n = panel_.session_count() - 1;
  RebuiltSeries out;
  out.sessions.assign(panel_.sessions().begin() + 1, panel_.sessions().end());
  out.actual_returns.resize(static_cast<Eigen::Index>(n));
  out.rebuilt_returns.resize(static_cast<Eigen::Index>(n));
  out.member_counts.assign(n, 0);
  out.included_counts.assign(n, 0);
  const auto& closes = panel_.closes().values();
  const auto& shares = panel_.shares().values();
  for (std::size_t t = 1; t <= n; ++t) {
    const auto i = static_cast<Eigen::Index>(t);
    const WeightingEpoch* epoch = epoch_at(t);
    double weighted = 0.0;
    double total = 0.0;
    for (std::size_t j = 0; j < panel_.member_count(); ++j) {
      if (!panel_.is_member(t, j)) continue;
      ++out.member_counts[t - 1];
      if (panel_.status(t, j) != MemberStatus::included) continue;
      ++out.included_counts[t - 1];
      const auto c = static_cast<Eigen::Index>(j);
      const double value = closes(i - 1, c) * shares(i - 1, c) * (epoch ? epoch->factors[j] : 1.0);
      weighted += value * (closes(i, c) / closes(i - 1, c) - 1.0);
      total += value;
    }
    out.rebuilt_returns[i - 1] = total > 0.0 ? weighted / total : kNaN;
    out.actual_returns[i - 1] = panel_.level_close()[i] / panel_.level_close()[i - 1] - 1.0;
  }
  return out;
}

}  // namespace marketshock::indices
