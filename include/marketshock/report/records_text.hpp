/// \file records_text.hpp
/// \brief Text reports of moves and rankings: aligned tables with units and a basis line.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/records/move_path.hpp>
#include <marketshock/records/ranking.hpp>
#include <marketshock/records/week_move.hpp>

#include <string>

namespace marketshock::report {

/// The day-by-day path (close, return %, market-value change $B, shares used), the period and
/// the week, then the basis: prices, share counts and their sources.
[[nodiscard]] std::string moves_text(const SecurityRecord& security, const records::MovePath& path,
                                     const records::WeekInHistory& week);

/// The ranking table (rank, symbol, date, change $B, return %, record at the time, previous
/// record), the holder counts, the exclusions grouped by reason, and the basis line.
[[nodiscard]] std::string ranking_text(const records::Ranking& ranking);

}  // namespace marketshock::report
