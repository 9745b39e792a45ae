#include <marketshock/indices/contagion_session.hpp>

#include <marketshock/indices/reconstruction_window.hpp>

namespace marketshock::indices {

namespace {

struct Universe {
  std::string name;
  std::vector<SecurityId> ids;
};

// The universes of claims such as "the tech selloff erased $1T": an index's members, its
// Information Technology sector, and IT + Communication Services (the GICS sectors of the
// large technology platforms).
std::vector<Universe> standard_universes(const MarketData& data, const IndexSpec& spec,
                                         boost::gregorian::date day) {
  const std::string it = "Information Technology";
  const std::string comm = "Communication Services";
  std::vector<Universe> out;
  out.push_back({spec.name + " (all members)", index_members(data, spec.membership_id, day)});
  out.push_back({spec.name + " " + it, index_members(data, spec.membership_id, day, it)});
  Universe both{spec.name + " " + it + " + " + comm,
                index_members(data, spec.membership_id, day, it)};
  for (const SecurityId id : index_members(data, spec.membership_id, day, comm)) {
    both.ids.push_back(id);
  }
  out.push_back(std::move(both));
  return out;
}

}  // namespace

std::vector<std::string> contagion_approximations(const ContagionSession& session) {
  std::vector<std::string> out;
  for (const IndexSessionAnalysis& a : session.indices) {
    for (const std::string& note : a.spec.weighting->approximations()) {
      out.push_back(a.spec.name + ": " + note);
    }
  }
  // One string literal a note, over several lines: no comma is missing.
  // NOLINTBEGIN(bugprone-suspicious-missing-comma)
  const std::vector<std::string> common = {
      "Members without a bar (or, for market-value weights, a share count) carry no weight; the "
      "weights of the others are renormalised to 100%. Each index lists its unweighted members "
      "with the reason.",
      "Dual-class issuers: a class without a share count of its own, whose issuer's all-class "
      "count stands on another class (status value_on_other_class), carries no market value: the "
      "issuer is counted once and moves with the return of the class that carries the count.",
      "Membership is the dataset's: a member the dataset does not hold (or whose interval it "
      "lacks) is missing from the rebuild of that session; the dataset's README names its "
      "coverage.",
  };
  // NOLINTEND(bugprone-suspicious-missing-comma)
  out.insert(out.end(), common.begin(), common.end());
  return out;
}

ContagionSession analyse_contagion(const MarketData& data, boost::gregorian::date session,
                                   const ContagionRequest& request, const TradingCalendar& calendar,
                                   const IndexRegistry& registry) {
  const std::vector<const IndexSpec*> specs = registry.select(request.index);
  (void)calendar.require_session(session);
  ContagionSession out;
  out.session = session;
  out.previous_session = calendar.previous_session(session);
  out.request = request;
  for (const IndexSpec* spec : specs) {
    const auto index = IndexReconstruction::build(
        data, *spec, calendar, default_window(data, spec->membership_id, calendar),
        request.reconstruction);
    out.indices.push_back(analyse_session(index, session, request.exclude));
  }
  validate_peer_groups(data, request.peer_groups);
  const Valuation valuation(data, calendar);
  for (const auto& g : request.peer_groups) {
    out.peer_groups.push_back(peer_group_move(data, g, session, calendar));
  }
  for (const IndexSpec* spec : specs) {
    for (const auto& u : standard_universes(data, *spec, session)) {
      out.universes.push_back(universe_move(valuation, u.name, u.ids, session));
    }
  }
  return out;
}

}  // namespace marketshock::indices
