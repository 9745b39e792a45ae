#include <marketshock/indices/price_weighting.hpp>

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <string>

namespace marketshock::indices {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// "composition change: +NVDA +SHW -DOW -INTC" and "split: WMT 3:1" for the members of `row`
// against those of `row - 1`; empty when nothing changed.
std::string period_break(const MemberPanel& panel, std::size_t row) {
  std::string joined, left, splits;
  const auto previous = panel.sessions()[row - 1];
  const auto session = panel.sessions()[row];
  for (std::size_t j = 0; j < panel.member_count(); ++j) {
    const bool before = panel.is_member(row - 1, j);
    const bool now = panel.is_member(row, j);
    const auto symbol = panel.symbols()[j].view();
    if (now && !before) joined += fmt::format(" +{}", symbol);
    if (before && !now) left += fmt::format(" -{}", symbol);
    if (!now) continue;
    const double ratio = panel.record(j).actions.split_factor(previous, session);
    if (ratio != 1.0) {
      splits += fmt::format("{}{} {:g}:1", splits.empty() ? "split: " : ", ", symbol, ratio);
    }
  }
  std::string reason;
  if (!joined.empty() || !left.empty()) reason = "composition change:" + joined + left;
  if (!splits.empty()) reason += (reason.empty() ? "" : "; ") + splits;
  return reason;
}

}  // namespace

std::string PriceWeighting::describe(const ReconstructionOptions& /*options*/) const {
  return "weights = traded close(t-1) in the shares of session t, over their sum (price-weighted: "
         "level = sum of the members' traded closes / divisor, so a $1 move of any member is "
         "1/divisor points)";
}

std::vector<std::string> PriceWeighting::approximations() const {
  return {
      "Price-weighted: traded closes are the split-adjusted closes restated with the dataset's "
      "splits; the divisor is implied from the published level (sum of traded closes / close) "
      "rather than taken from the index provider, and where the dataset's price levels are "
      "approximate (a dividend adjustment undone between Yahoo snapshots, see data/README.md) "
      "the implied divisor steps at ex-dividend dates and the rebuilt return is a total return "
      "on them."};
}

PanelWeights PriceWeighting::weigh(const MemberPanel& panel, const TradingCalendar& /*calendar*/,
                                   const ReconstructionOptions& /*options*/) const {
  const auto rows = static_cast<Eigen::Index>(panel.session_count());
  const auto cols = static_cast<Eigen::Index>(panel.member_count());
  PanelWeights w;
  w.raw.setConstant(rows, cols, kNaN);
  w.factors.setOnes(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j) {
    for (Eigen::Index i = 1; i < rows; ++i) {
      if (!panel.is_member(static_cast<std::size_t>(i), static_cast<std::size_t>(j))) continue;
      const double previous = panel.previous_traded_closes()(i, j);
      // A weight needs both prices: the member's return of the session must be known.
      if (std::isfinite(previous) && std::isfinite(panel.traded_closes()(i, j))) {
        w.raw(i, j) = previous;
      }
    }
  }
  return w;
}

std::optional<DivisorSeries> PriceWeighting::implied_divisors(const MemberPanel& panel) const {
  const std::size_t rows = panel.session_count();
  Eigen::VectorXd divisors = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(rows), kNaN);
  std::vector<DivisorBreak> breaks;
  for (std::size_t t = 0; t < rows; ++t) {
    const auto i = static_cast<Eigen::Index>(t);
    double sum = 0.0;
    bool priced = true;
    for (std::size_t j = 0; j < panel.member_count(); ++j) {
      if (!panel.is_member(t, j)) continue;
      const double close = panel.traded_closes()(i, static_cast<Eigen::Index>(j));
      priced = priced && std::isfinite(close);
      sum += close;
    }
    if (priced && std::isfinite(panel.level_close()[i])) {
      divisors[i] = sum / panel.level_close()[i];
    }
    if (t == 0) continue;
    std::string reason = period_break(panel, t);
    if (!reason.empty()) breaks.push_back({t, std::move(reason)});
  }
  return divisor_series({panel.sessions().begin(), panel.sessions().end()}, std::move(divisors),
                        breaks);
}

}  // namespace marketshock::indices
