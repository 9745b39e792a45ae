/// \file panel.hpp
/// \brief Panel: a sessions x securities matrix of doubles (Eigen), NaN for missing.
#pragma once

#include <marketshock/core/symbol.hpp>

#include <Eigen/Core>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

namespace marketshock {

/// Cross-sectional data (closes, returns, market values) with its two axes: one row per session,
/// one column per security. Column-major, so one security's history is contiguous.
class Panel {
 public:
  /// A panel filled with NaN. Throws InvalidArgument when sessions are not strictly increasing
  /// or a symbol repeats.
  Panel(std::vector<boost::gregorian::date> sessions, std::vector<Symbol> symbols);

  [[nodiscard]] std::size_t session_count() const noexcept { return sessions_.size(); }
  [[nodiscard]] std::size_t security_count() const noexcept { return symbols_.size(); }
  [[nodiscard]] std::span<const boost::gregorian::date> sessions() const noexcept {
    return sessions_;
  }
  [[nodiscard]] std::span<const Symbol> symbols() const noexcept { return symbols_; }

  /// Row of `session`, or nullopt when it is not on the axis.
  [[nodiscard]] std::optional<std::size_t> row_of(boost::gregorian::date session) const noexcept;
  /// Column of `symbol`, or nullopt when it is not on the axis.
  [[nodiscard]] std::optional<std::size_t> column_of(const Symbol& symbol) const noexcept;

  [[nodiscard]] const Eigen::MatrixXd& values() const noexcept { return values_; }
  [[nodiscard]] Eigen::MatrixXd& values() noexcept { return values_; }

  /// Simple returns x_t / x_{t-1} - 1 per column; NaN in the first row and wherever either
  /// value is missing. Use on a price or market-value panel.
  [[nodiscard]] Panel simple_returns() const;

  /// Number of non-NaN values in each row.
  [[nodiscard]] Eigen::VectorXi present_per_session() const;

 private:
  std::vector<boost::gregorian::date> sessions_;
  std::vector<Symbol> symbols_;
  std::unordered_map<Symbol, std::size_t> column_index_;
  Eigen::MatrixXd values_;
};

}  // namespace marketshock
