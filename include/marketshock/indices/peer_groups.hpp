/// \file peer_groups.hpp
/// \brief PeerGroup: a named set of securities defined as data (data/peer_groups.json), and its
/// move on one session.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/indices/universe_move.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <span>
#include <string>
#include <vector>

namespace marketshock::indices {

/// A peer group as its data file states it (the contagion layer reads no files: the caller
/// parses them). Symbols are in the file's order.
struct PeerGroup {
  /// Stable key, e.g. "semiconductors".
  std::string id;
  /// Display name, e.g. "Semiconductors".
  std::string name;
  /// Why these names belong together.
  std::string description;
  std::vector<Symbol> symbols;
};

/// Throws InvalidArgument when a group has no id, no symbols, a repeated symbol, or a symbol the
/// dataset lacks (naming it and close matches), or when two groups share an id.
void validate_peer_groups(const MarketData& data, std::span<const PeerGroup> groups);

/// The group's move on `session` (universe_move over its symbols, named after the group).
/// Throws InvalidArgument for a symbol the dataset lacks or a day that is not a session.
[[nodiscard]] UniverseMove peer_group_move(const MarketData& data, const PeerGroup& group,
                                           boost::gregorian::date session,
                                           const TradingCalendar& calendar);

}  // namespace marketshock::indices
