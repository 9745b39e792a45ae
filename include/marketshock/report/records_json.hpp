/// \file records_json.hpp
/// \brief JSON documents of `marketshock moves` and `marketshock records` (field names stable).
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/records/move_path.hpp>
#include <marketshock/records/ranking.hpp>
#include <marketshock/records/week_move.hpp>

#include <nlohmann/json_fwd.hpp>

namespace marketshock::report {

/// The document of `marketshock moves` (schema "marketshock.moves", json_document.hpp):
/// `{"symbol", "basis", "days": [...], "period": {...}, "week": {...}}`: one object per session
/// of `path` with close, prev_close, return, market_value_usd, market_value_change_usd, shares,
/// shares_source, shares_as_of, low, high, intraday_low_return, intraday_low_change_usd, ...;
/// returns are fractions, money USD, missing values null with a `market_value_status`.
[[nodiscard]] nlohmann::json moves_json(const SecurityRecord& security,
                                        const records::MovePath& path,
                                        const records::WeekInHistory& week);

/// The document of `marketshock records` (schema "marketshock.records"):
/// `{"as_of", "universe", "by", "direction", "per", "from", "to", "records": [...], "holders",
/// "excluded"}`; each record has rank, symbol (issuers: classes joined with '+'), issuer, date,
/// return, market_value_change_usd, record_at_the_time and previous_record (or null).
[[nodiscard]] nlohmann::json ranking_json(const records::Ranking& ranking);

}  // namespace marketshock::report
