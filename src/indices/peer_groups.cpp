#include <marketshock/indices/peer_groups.hpp>

#include <marketshock/core/require.hpp>

#include <algorithm>
#include <set>

namespace marketshock::indices {

void validate_peer_groups(const MarketData& data, std::span<const PeerGroup> groups) {
  std::set<std::string, std::less<>> ids;
  for (const PeerGroup& group : groups) {
    MARKETSHOCK_REQUIRE(!group.id.empty(), "a peer group has no id (name '{}')", group.name);
    MARKETSHOCK_REQUIRE(ids.insert(group.id).second, "peer group id '{}' appears twice", group.id);
    MARKETSHOCK_REQUIRE(!group.symbols.empty(), "peer group '{}' has no symbols", group.id);
    std::set<Symbol> seen;
    for (const Symbol& symbol : group.symbols) {
      MARKETSHOCK_REQUIRE(seen.insert(symbol).second, "peer group '{}' lists {} twice", group.id,
                          symbol);
      (void)data.require(symbol.view());
    }
  }
}

UniverseMove peer_group_move(const MarketData& data, const PeerGroup& group,
                             boost::gregorian::date session, const TradingCalendar& calendar) {
  std::vector<SecurityId> ids;
  ids.reserve(group.symbols.size());
  for (const Symbol& symbol : group.symbols) ids.push_back(data.require(symbol.view()));
  return universe_move(data, group.name, ids, session, calendar);
}

}  // namespace marketshock::indices
