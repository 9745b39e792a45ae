/// \file member_panel.hpp
/// \brief MemberPanel: one index's members over a span of sessions, with closes, share counts,
/// membership and the index levels aligned on one session axis (built once, read many times).
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/panel.hpp>
#include <marketshock/indices/member_status.hpp>

#include <Eigen/Core>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace marketshock::indices {

/// Sessions x members of one index: every security of the dataset that was a member on some
/// session of the axis. Row 0 is the base session: only its closes are used (as the previous
/// close of row 1). Closes and share counts are on one split basis per security (as-traded bars
/// are restated onto the last session's split footing), so close x shares is the market value.
/// Immutable after build; O(1) lookups by (row, column).
class MemberPanel {
 public:
  /// Aligns the members of `membership_id` ("sp500") and the levels `level_id` ("SPX") on
  /// `sessions` (strictly increasing, at least two). A missing bar, share count or level is NaN.
  /// `data` must outlive the panel (records are read through it). Throws InvalidArgument for an
  /// unknown membership or fewer than two sessions. Cost:
  /// O(members x (sessions + bars + share steps)).
  [[nodiscard]] static MemberPanel build(const MarketData& data, std::string_view membership_id,
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

  /// Closes (USD) and share counts in force on each session; NaN where missing.
  [[nodiscard]] const Panel& closes() const noexcept { return closes_; }
  [[nodiscard]] const Panel& shares() const noexcept { return shares_; }
  /// True when column `column` is a member of the index on row `row`.
  [[nodiscard]] bool is_member(std::size_t row, std::size_t column) const {
    return members_(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(column));
  }

  /// Why column `column` has no weight on row `row` (>= 1), or `included`. Membership is not
  /// checked here (see is_member). Requests to exclude are the caller's business.
  [[nodiscard]] MemberStatus status(std::size_t row, std::size_t column) const;

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
  Panel shares_;
  Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic> members_;
  std::vector<SecurityId> ids_;
  std::vector<std::size_t> issuer_index_;
  std::size_t issuer_count_ = 0;
  /// Per column: dividend-adjusted prices; a second class whose value another class carries.
  std::vector<bool> dividend_adjusted_;
  std::vector<bool> value_on_other_class_;
  Eigen::VectorXd level_close_, level_open_, level_high_, level_low_;
};

}  // namespace marketshock::indices
