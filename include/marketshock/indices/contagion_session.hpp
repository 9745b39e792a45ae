/// \file contagion_session.hpp
/// \brief analyse_contagion: the requested indices, peer groups and the standard universes of
/// one session.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/indices/index_reconstruction.hpp>
#include <marketshock/indices/index_registry.hpp>
#include <marketshock/indices/peer_groups.hpp>
#include <marketshock/indices/session_analysis.hpp>
#include <marketshock/indices/universe_move.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <span>
#include <string>
#include <vector>

namespace marketshock::indices {

/// What to analyse besides the session itself.
struct ContagionRequest {
  /// A registered index id ("sp500") or IndexRegistry::kAll ("all", every registered index).
  std::string index{IndexRegistry::kAll};
  /// Members left out of the counterfactual index (may be empty).
  std::vector<Symbol> exclude;
  /// Peer groups to measure (defined as data, e.g. data/peer_groups.json).
  std::vector<PeerGroup> peer_groups;
  ReconstructionOptions reconstruction;
};

/// Everything the contagion report says about one session.
struct ContagionSession {
  boost::gregorian::date session;
  boost::gregorian::date previous_session;
  ContagionRequest request;
  /// One analysis per requested index, in registry order.
  std::vector<IndexSessionAnalysis> indices;
  std::vector<UniverseMove> peer_groups;
  /// The universes a "tech selloff erased $X" figure may refer to: per requested index, all its
  /// members, its Information Technology members, and IT + Communication Services (GICS).
  std::vector<UniverseMove> universes;
};

/// The method statements a contagion output carries: each analysed index's weighting
/// approximations (WeightingStrategy::approximations), then the notes common to all.
[[nodiscard]] std::vector<std::string> contagion_approximations(const ContagionSession& session);

/// Rebuilds the requested indices of `registry` over their default windows and analyses
/// `session`, measures the peer groups (validated against the dataset) and the standard
/// universes. Throws InvalidArgument for a date that is not a session or outside the data, an
/// index the registry does not know (naming those it knows), or a peer group naming a security
/// the dataset lacks.
[[nodiscard]] ContagionSession analyse_contagion(
    const MarketData& data, boost::gregorian::date session, const ContagionRequest& request,
    const TradingCalendar& calendar, const IndexRegistry& registry = IndexRegistry::standard());

}  // namespace marketshock::indices
