/// \file contagion_session.hpp
/// \brief analyse_contagion: both indices, peer groups and the standard universes of one session.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/indices/index_reconstruction.hpp>
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
  /// "sp500", "ndx100" or "both".
  std::string index = "both";
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
  std::vector<IndexSessionAnalysis> indices;
  std::vector<UniverseMove> peer_groups;
  /// The universes a "tech selloff erased $X" figure may refer to: the S&P 500, its Information
  /// Technology sector, IT + Communication Services, the Nasdaq-100 and its IT members.
  std::vector<UniverseMove> universes;
};

/// The method statements every contagion output carries (float, capping, dual classes, ...).
[[nodiscard]] const std::vector<std::string>& contagion_approximations();

/// Rebuilds the requested indices over their default windows and analyses `session`, measures
/// the peer groups (validated against the dataset) and the standard universes. Throws
/// InvalidArgument for a date that is not a session or outside the data, an unknown index, or a
/// peer group naming a security the dataset lacks.
[[nodiscard]] ContagionSession analyse_contagion(const MarketData& data,
                                                 boost::gregorian::date session,
                                                 const ContagionRequest& request,
                                                 const TradingCalendar& calendar);

}  // namespace marketshock::indices
