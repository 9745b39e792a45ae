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

}  // namespace

std::string_view weight_status(const MemberWeight& member) noexcept {
  if (member.weighted) return "weighted";
  if (member.excluded_by_request) return "excluded_by_request";
  return to_string(member.valuation);
}

std::string_view describe_weight_status(const MemberWeight& member) noexcept {
  if (member.weighted) return "weighted";
  if (member.excluded_by_request) return "excluded on request";
  return describe(member.valuation);
}

IndexReconstruction::IndexReconstruction(IndexSpec spec, ReconstructionOptions options,
                                         MemberPanel panel, PanelWeights weights)
    : spec_(std::move(spec)),
      options_(options),
      panel_(std::move(panel)),
      weights_(std::move(weights)) {}

IndexReconstruction IndexReconstruction::build(const MarketData& data, const IndexSpec& spec,
                                               const TradingCalendar& calendar,
                                               ReconstructionWindow window,
                                               ReconstructionOptions options) {
  MARKETSHOCK_REQUIRE(spec.weighting != nullptr, "index '{}' has no weighting strategy", spec.id);
  MARKETSHOCK_REQUIRE(window.first < window.last, "reconstruction window {} to {} is empty",
                      boost::gregorian::to_iso_extended_string(window.first),
                      boost::gregorian::to_iso_extended_string(window.last));
  const Valuation valuation(data, calendar);
  MemberPanel panel = MemberPanel::build(valuation, spec.membership_id, spec.level_id,
                                         calendar.sessions_between(window.first, window.last));
  PanelWeights weights = spec.weighting->weigh(panel, calendar, options);
  return {spec, options, std::move(panel), std::move(weights)};
}

IndexReconstruction IndexReconstruction::build(const MarketData& data, const IndexSpec& spec,
                                               const TradingCalendar& calendar) {
  return build(data, spec, calendar, default_window(data, spec.membership_id, calendar));
}

IndexReconstruction::RowSums IndexReconstruction::sum_row(
    std::size_t row, const std::vector<bool>& excluded, std::vector<MemberWeight>* members) const {
  const auto i = static_cast<Eigen::Index>(row);
  RowSums sums;
  for (std::size_t j = 0; j < panel_.member_count(); ++j) {
    if (!panel_.is_member(row, j)) continue;
    ++sums.members;
    const auto c = static_cast<Eigen::Index>(j);
    const double price_return = panel_.price_returns()(i, c);
    // The strategy's weight at the prior close, computed once for the panel.
    const double raw = weights_.raw(i, c);
    const bool weighted = !excluded[j] && std::isfinite(raw) && raw > 0.0;
    if (weighted) {
      ++sums.weighted;
      sums.weighted_return += raw * price_return;
      sums.total_weight += raw;
    }
    if (members != nullptr) {
      members->push_back({j, panel_.symbols()[j], panel_.status(row, j), excluded[j], weighted,
                          weighted ? raw : 0.0, price_return, panel_.previous_market_values()(i, c),
                          panel_.market_value_changes()(i, c), weights_.factors(i, c)});
    }
  }
  return sums;
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
  std::vector<bool> excluded(panel_.member_count(), false);
  for (std::size_t j = 0; j < panel_.member_count(); ++j) {
    excluded[j] = std::find(exclude.begin(), exclude.end(), panel_.symbols()[j]) != exclude.end();
  }

  SessionReconstruction out;
  out.session = day;
  out.previous_session = panel_.sessions()[t - 1];
  out.previous_level = panel_.level_close()[i - 1];
  out.level = panel_.level_close()[i];
  out.actual_return = out.level / out.previous_level - 1.0;
  const RowSums sums = sum_row(t, excluded, &out.members);
  const bool any = sums.total_weight > 0.0;
  out.rebuilt_return = any ? sums.weighted_return / sums.total_weight : kNaN;
  out.divisor = any ? sums.total_weight / out.previous_level : kNaN;
  out.included_count = sums.weighted;
  for (MemberWeight& m : out.members) {
    if (m.weighted) m.weight /= sums.total_weight;
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
  const std::vector<bool> none(panel_.member_count(), false);
  for (std::size_t t = 1; t <= n; ++t) {
    const auto i = static_cast<Eigen::Index>(t);
    const RowSums sums = sum_row(t, none, nullptr);
    out.member_counts[t - 1] = sums.members;
    out.included_counts[t - 1] = sums.weighted;
    out.rebuilt_returns[i - 1] =
        sums.total_weight > 0.0 ? sums.weighted_return / sums.total_weight : kNaN;
    out.actual_returns[i - 1] = panel_.level_close()[i] / panel_.level_close()[i - 1] - 1.0;
  }
  return out;
}

}  // namespace marketshock::indices
