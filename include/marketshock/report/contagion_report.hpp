/// \file contagion_report.hpp
/// \brief Text and JSON of a ContagionSession: both indices side by side, contributors,
/// sectors, peer groups, universes and the method's approximations.
#pragma once

#include <marketshock/indices/contagion_session.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <string>

namespace marketshock::report {

/// `{"date", "previous_session", "basis", "indices": [{"index", "actual_return",
/// "rebuilt_return", "tracking_error_bps", "intraday_low_return", "intraday_high_return",
/// "advancers", "decliners", "unchanged", "market_value_change_usd", "contributions": [...],
/// "sectors": [...], "excluding": {...}, ...}], "peer_groups", "universes", "approximations"}`.
/// Every weighted member is listed; `top` bounds only the offsetting list.
[[nodiscard]] nlohmann::json contagion_json(const indices::ContagionSession& session,
                                            std::size_t top);

/// The text report: the indices side by side, then per index its `top` contributors, sectors,
/// worst and best members and unweighted members, then peer groups, universes, approximations.
[[nodiscard]] std::string contagion_text(const indices::ContagionSession& session, std::size_t top);

}  // namespace marketshock::report
