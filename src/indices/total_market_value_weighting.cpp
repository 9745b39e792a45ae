#include <marketshock/indices/total_market_value_weighting.hpp>

#include <limits>

namespace marketshock::indices {

PanelWeights market_value_weights(const MemberPanel& panel) {
  const auto rows = static_cast<Eigen::Index>(panel.session_count());
  const auto cols = static_cast<Eigen::Index>(panel.member_count());
  PanelWeights w;
  w.raw.setConstant(rows, cols, std::numeric_limits<double>::quiet_NaN());
  w.factors.setOnes(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j) {
    for (Eigen::Index i = 1; i < rows; ++i) {
      const auto row = static_cast<std::size_t>(i);
      const auto column = static_cast<std::size_t>(j);
      if (panel.is_member(row, column) && panel.status(row, column) == ValuationStatus::available) {
        w.raw(i, j) = panel.previous_market_values()(i, j);
      }
    }
  }
  return w;
}

std::string TotalMarketValueWeighting::describe(const ReconstructionOptions& /*options*/) const {
  return "weights = close(t-1) x shares outstanding(t-1), total market value (float adjustment "
         "unavailable: no float factors in the dataset)";
}

std::vector<std::string> TotalMarketValueWeighting::approximations() const {
  return {
      "Weights are total market values (close x shares outstanding): the index weights by "
      "float-adjusted value and no float factors are in the dataset."};
}

PanelWeights TotalMarketValueWeighting::weigh(const MemberPanel& panel,
                                              const TradingCalendar& /*calendar*/,
                                              const ReconstructionOptions& /*options*/) const {
  return market_value_weights(panel);
}

}  // namespace marketshock::indices
