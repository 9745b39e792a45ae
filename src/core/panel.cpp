#include <marketshock/core/panel.hpp>

#include <marketshock/core/require.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <limits>
#include <utility>

namespace marketshock {

Panel::Panel(std::vector<boost::gregorian::date> sessions, std::vector<Symbol> symbols)
    : sessions_(std::move(sessions)), symbols_(std::move(symbols)) {
  for (std::size_t i = 1; i < sessions_.size(); ++i) {
    MARKETSHOCK_REQUIRE(sessions_[i - 1] < sessions_[i],
                        "panel sessions must strictly increase ({} after {})",
                        boost::gregorian::to_iso_extended_string(sessions_[i]),
                        boost::gregorian::to_iso_extended_string(sessions_[i - 1]));
  }
  column_index_.reserve(symbols_.size());
  for (std::size_t j = 0; j < symbols_.size(); ++j) {
    const bool inserted = column_index_.emplace(symbols_[j], j).second;
    MARKETSHOCK_REQUIRE(inserted, "panel symbol {} appears twice", symbols_[j]);
  }
  values_ = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(sessions_.size()),
                                      static_cast<Eigen::Index>(symbols_.size()),
                                      std::numeric_limits<double>::quiet_NaN());
}

std::optional<std::size_t> Panel::row_of(boost::gregorian::date session) const noexcept {
  const auto it = std::lower_bound(sessions_.begin(), sessions_.end(), session);
  if (it == sessions_.end() || *it != session) return std::nullopt;
  return static_cast<std::size_t>(it - sessions_.begin());
}

std::optional<std::size_t> Panel::column_of(const Symbol& symbol) const noexcept {
  const auto it = column_index_.find(symbol);
  if (it == column_index_.end()) return std::nullopt;
  return it->second;
}

Panel Panel::simple_returns() const {
  Panel returns(sessions_, symbols_);
  const Eigen::Index rows = values_.rows();
  if (rows > 1) {
    // NaN propagates through the division, so a missing value on either day gives NaN.
    returns.values_.bottomRows(rows - 1) =
        values_.bottomRows(rows - 1).array() / values_.topRows(rows - 1).array() - 1.0;
  }
  return returns;
}

Eigen::VectorXi Panel::present_per_session() const {
  return (values_.array() == values_.array()).cast<int>().rowwise().sum();
}

}  // namespace marketshock
