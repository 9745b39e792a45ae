// The example's four charts, written with the report layer's SVG charts.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/indices/contagion_session.hpp>
#include <marketshock/records/ranking.hpp>

#include <filesystem>
#include <vector>

namespace deepseek {

/// Writes nvda_market_value.svg, <index>_contributors.svg, record_ranking.svg and
/// sp500_sectors.svg into `directory` (created if needed); returns the files written.
std::vector<std::filesystem::path> write_charts(
    const std::filesystem::path& directory, const marketshock::MarketData& data,
    const marketshock::indices::ContagionSession& contagion,
    const marketshock::records::Ranking& ranking);

}  // namespace deepseek
