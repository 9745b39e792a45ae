/// \file member_panel.hpp
/// \brief MemberPanel: one index's members over a span of sessions, with each member's move as
/// the core Valuation computes it, membership and the index levels aligned on one session axis
/// (built once, read many times).
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/panel.hpp>
#include <marketshock/core/valuation.hpp>

#include <Eigen/Core>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace marketshock::indices {

/// Sessions x members: every security of the dataset that was a member on some session of the
/// axis. Row 0 is the base session: the rebuild starts from its closes. Every market value,
/// market-value change, price return and status comes from Valuation::on_session (the one place
/// that multiplies a close by a share count); the panel only aligns them. Immutable after build;
/// O(1) lookups by (row, column).
class MemberPanel {
 public:
  /// Aligns the members of `membership_id` ("sp500") and the levels `level_id` ("SPX") on
  /// `sessions` (strictly increasing sessions of the valuation's calendar, at least two). A
  /// missing value is NaN. The valuation's data must outlive the panel (records are read through
  /// it); the valuation itself may not. Throws InvalidArgument for an unknown membership, fewer
  /// than two sessions or a date that is not a session. Cost: O(members x sessions x log bars).
  [[nodiscard]] static MemberPanel build(const Valuation& valuation, std::string_view membership_id,
                                         std::string_view level_id,
                                         std::vector<boost::gregorian::date> sessions);

  [[nodiscard]] std::span<const boost::gregorian::date> sessions() const noexcept {
    return closes_.sessions();
  }
  [[nodiscard]] std::size_t session_count() const noexcept { return closes_.session_count(); }
  [[nodiscard]] std::size_t member_count() const noexcept { return closes_.security_count(); }
  [[nodiscard]] std::span<const Symbol> symbols() const noexcept { return closes_.symbols(); }
  /// Row of `session`, or nullopt when it is not on the axis.
  [[nodiscard]] std::optional<std::size_t> row_of(boost::gregorian::date session) const noexcept {
    return closes_.row_of(session);
  }

  /// The dataset the panel was built from.
  [[nodiscard]] const MarketData& data() const noexcept { return *data_; }
  /// The dataset record of column `column`.
  [[nodiscard]] const SecurityRecord& record(std::size_t column) const {
    return data_->record(ids_[column]);
  }
  [[nodiscard]] SecurityId security_id(std::size_t column) const { return ids_[column]; }
  /// Dense issuer index of a column: GOOG and GOOGL share one. In [0, issuer_count()).
  [[nodiscard]] std::size_t issuer_of(std::size_t column) const { return issuer_index_[column]; }
  [[nodiscard]] std::size_t issuer_count() const noexcept { return issuer_count_; }
  /// True when column `column` is a member of the index on row `row`.
  [[nodiscard]] bool is_member(std::size_t row, std::size_t column) const {
    return members_(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(column));
  }

  /// The valuation's status of each member's move from the previous calendar session to the
  /// row's session (`available` when both bars and both share counts are there). Membership is
  /// not checked here (see is_member).
  [[nodiscard]] ValuationStatus status(std::size_t row, std::size_t column) const;

  /// Closes (USD) on the last session's split footing (as-traded bars restated; split-adjusted
  /// bars as they are), for price ratios between any two rows; NaN where there is no bar.
  [[nodiscard]] const Panel& closes() const noexcept { return closes_; }
  /// Close x the count in force that session (Valuation::market_value_at), USD; NaN where the
  /// valuation gives none.
  [[nodiscard]] const Eigen::MatrixXd& market_values() const noexcept { return market_values_; }
  /// close / previous close - 1 (ValueChange::price_return); NaN when either bar is missing.
  [[nodiscard]] const Eigen::MatrixXd& price_returns() const noexcept { return price_returns_; }
  /// Previous close x its count and the change to close x count (ValueChange), USD; NaN unless
  /// the status is `available`.
  [[nodiscard]] const Eigen::MatrixXd& previous_market_values() const noexcept {
    return previous_market_values_;
  }
  [[nodiscard]] const Eigen::MatrixXd& market_value_changes() const noexcept {
    return market_value_changes_;
  }
  /// The close as traded that session (split-adjusted bars restated to as-traded with the
  /// security's splits, Price::restated); NaN without a bar or for dividend-adjusted bars, whose
  /// closes are no traded prices.
  [[nodiscard]] const Eigen::MatrixXd& traded_closes() const noexcept { return traded_closes_; }
  /// The previous session's traded close in the shares of the row's session (divided by any split
  /// effective on the row's session): what a price-weighted index sums at the prior close. NaN
  /// when either bar is missing or the bars are dividend-adjusted.
  [[nodiscard]] const Eigen::MatrixXd& previous_traded_closes() const noexcept {
    return previous_traded_closes_;
  }

  /// Index level closes, opens, highs and lows per session; NaN where the series has no value.
  [[nodiscard]] const Eigen::VectorXd& level_close() const noexcept { return level_close_; }
  [[nodiscard]] const Eigen::VectorXd& level_open() const noexcept { return level_open_; }
  [[nodiscard]] const Eigen::VectorXd& level_high() const noexcept { return level_high_; }
  [[nodiscard]] const Eigen::VectorXd& level_low() const noexcept { return level_low_; }

 private:
  MemberPanel(const MarketData& data, std::vector<boost::gregorian::date> sessions,
              std::vector<Symbol> symbols);

  const MarketData* data_;
  Panel closes_;
  Eigen::MatrixXd market_values_;
  Eigen::MatrixXd price_returns_;
  Eigen::MatrixXd previous_market_values_;
  Eigen::MatrixXd market_value_changes_;
  Eigen::MatrixXd traded_closes_;
  Eigen::MatrixXd previous_traded_closes_;
  /// Column-major, sessions x members.
  std::vector<ValuationStatus> statuses_;
  Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic> members_;
  std::vector<SecurityId> ids_;
  std::vector<std::size_t> issuer_index_;
  std::size_t issuer_count_ = 0;
  Eigen::VectorXd level_close_, level_open_, level_high_, level_low_;
};

}  // namespace marketshock::indices
