#include <marketshock/indices/contagion_session.hpp>

#include <marketshock/core/require.hpp>
#include <marketshock/indices/reconstruction_window.hpp>

namespace marketshock::indices {

namespace {

struct Universe {
  std::string name;
  std::vector<SecurityId> ids;
};

std::vector<Universe> standard_universes(const MarketData& data, boost::gregorian::date day) {
  const std::string it = "Information Technology";
  const std::string comm = "Communication Services";
  std::vector<Universe> out;
  out.push_back({"S&P 500 (all members)", index_members(data, "sp500", day)});
  out.push_back({"S&P 500 Information Technology", index_members(data, "sp500", day, it)});
  Universe both{"S&P 500 Information Technology + Communication Services",
                index_members(data, "sp500", day, it)};
  for (const SecurityId id : index_members(data, "sp500", day, comm)) both.ids.push_back(id);
  out.push_back(std::move(both));
  out.push_back({"Nasdaq-100 (all members)", index_members(data, "ndx100", day)});
  out.push_back({"Nasdaq-100 Information Technology", index_members(data, "ndx100", day, it)});
  return out;
}

}  // namespace

const std::vector<std::string>& contagion_approximations() {
  // One string literal a note, over several lines: no comma is missing.
  // NOLINTBEGIN(bugprone-suspicious-missing-comma)
  static const std::vector<std::string> approximations = {
      "S&P 500 weights are total market values (close x shares outstanding): S&P weights by "
      "float-adjusted value and no float factors are in the dataset.",
      "Nasdaq-100 weights are issuer-level modified market values: the quarterly capping rule (an "
      "issuer above 24% set to 20%; when issuers above 4.5% exceed 48% together, scaled to 40% and "
      "the others held at or below 4.4%) applied at every quarterly rebalance (the December annual "
      "reconstitution included, with the quarterly thresholds), on share counts of the prior month "
      "end and the chosen capping closes (third-Friday eve by default, or the month end); the "
      "rebalance before the window is "
      "approximated from the window's first session; between rebalances point-in-time share counts "
      "move the weights (Nasdaq holds index shares fixed).",
      "Members without a bar or a share count carry no weight; the weights of the others are "
      "renormalised to 100%. Each index lists its unweighted members with the reason.",
      "Dual-class issuers: the all-class share count is on GOOGL, FOXA and NWSA, so GOOG, FOX and "
      "NWS carry no weight of their own and the issuer moves with its class-A return.",
      "The dataset holds the members of 2025-01-27 (and names dropped during 2025): members that "
      "left the indices earlier are missing on earlier sessions.",
  };
  // NOLINTEND(bugprone-suspicious-missing-comma)
  return approximations;
}

ContagionSession analyse_contagion(const MarketData& data, boost::gregorian::date session,
                                   const ContagionRequest& request,
                                   const TradingCalendar& calendar) {
  MARKETSHOCK_REQUIRE(
      request.index == "both" || request.index == "sp500" || request.index == "ndx100",
      "unknown index '{}' (sp500, ndx100 or both)", request.index);
  (void)calendar.require_session(session);
  ContagionSession out;
  out.session = session;
  out.previous_session = calendar.previous_session(session);
  out.request = request;
  for (const IndexSpec* spec : {&sp500_spec(), &nasdaq100_spec()}) {
    if (request.index != "both" && request.index != spec->id) continue;
    const auto index = IndexReconstruction::build(
        data, *spec, calendar, default_window(data, spec->id, calendar), request.reconstruction);
    out.indices.push_back(analyse_session(index, session, request.exclude));
  }
  validate_peer_groups(data, request.peer_groups);
  for (const auto& g : request.peer_groups) {
    out.peer_groups.push_back(peer_group_move(data, g, session, calendar));
  }
  for (const auto& u : standard_universes(data, session)) {
    out.universes.push_back(universe_move(data, u.name, u.ids, session, calendar));
  }
  return out;
}

}  // namespace marketshock::indices
