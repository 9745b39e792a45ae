/// \file market_value_status.hpp
/// \brief MarketValueStatus: whether a move has a market value, and if not, why.
#pragma once

#include <cstdint>
#include <string_view>

namespace marketshock::records {

/// Why a move's market-value fields are NaN (or `available` when they are not). Rankings report
/// every excluded security-day with one of these reasons instead of dropping it silently.
enum class MarketValueStatus : std::uint8_t {
  /// Close x shares is known on the session and on the previous bar.
  available,
  /// The security's first bar: there is no previous close, so no return either.
  no_previous_bar,
  /// No share count is in force on the session (the share history starts later or is empty).
  no_shares,
  /// A share count is in force on the session but not on the previous bar's date.
  no_previous_shares,
  /// The prices are dividend-adjusted: returns are total returns, but close x shares is no
  /// market value anybody saw, so there is none.
  dividend_adjusted_prices,
};

/// Stable identifier for JSON and tables: "available", "no_previous_bar", "no_shares",
/// "no_previous_shares", "dividend_adjusted_prices".
[[nodiscard]] std::string_view to_string(MarketValueStatus status) noexcept;

/// A sentence for text output, e.g. "no share count in force".
[[nodiscard]] std::string_view describe(MarketValueStatus status) noexcept;

}  // namespace marketshock::records
