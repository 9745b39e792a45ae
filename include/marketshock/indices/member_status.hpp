/// \file member_status.hpp
/// \brief MemberStatus: whether an index member carries weight in a rebuilt session, and if not,
/// why.
#pragma once

#include <cstdint>
#include <string_view>

namespace marketshock::indices {

/// Why a member of the index on a session has no weight in the rebuild, or `included`. A member
/// without weight is never dropped silently: every session lists its members by status, and the
/// weights of the included members are renormalised to sum to 1.
enum class MemberStatus : std::uint8_t {
  /// Close on the session and on the previous session, and a share count on the previous one.
  included,
  /// No bar on the session (halted, or the price file ends earlier).
  no_bar,
  /// No bar on the previous session (first day of trading, or the price file starts later).
  no_previous_bar,
  /// No share count in force on the previous session (the dataset's known gaps).
  no_shares,
  /// A second share class whose issuer's all-class count is carried by another class (GOOG by
  /// GOOGL, FOX by FOXA, NWS by NWSA): the issuer's value is counted once, on that class.
  value_on_other_class,
  /// Dividend-adjusted prices: close x shares is no market value.
  dividend_adjusted_prices,
  /// Left out on request (a counterfactual, e.g. `--exclude NVDA`).
  excluded_by_request,
};

/// Stable id: "included", "no_bar", "no_previous_bar", "no_shares", "value_on_other_class",
/// "dividend_adjusted_prices", "excluded_by_request".
[[nodiscard]] std::string_view to_string(MemberStatus status) noexcept;

/// A phrase for text output, e.g. "no share count in force".
[[nodiscard]] std::string_view describe(MemberStatus status) noexcept;

}  // namespace marketshock::indices
