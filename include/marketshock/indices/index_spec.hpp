/// \file index_spec.hpp
/// \brief IndexSpec: one index as data (id, name, level series, membership, sector scheme and
/// weighting strategy), the unit the IndexRegistry holds.
#pragma once

#include <marketshock/indices/weighting_strategy.hpp>

#include <memory>
#include <string>

namespace marketshock::indices {

/// One index the indices layer can rebuild. Callers never branch on its id: what differs between
/// indices is in these fields, the weighting above all.
struct IndexSpec {
  /// Registry key, as users type it ("sp500", "ndx100", "djia").
  std::string id;
  /// Display name ("S&P 500").
  std::string name;
  /// Level series key in MarketData ("SPX"): the actual index the rebuild is judged by.
  std::string level_id;
  /// Membership key in MarketData ("sp500"): the members at the time of each session.
  std::string membership_id;
  /// The sector classification of the members' sectors ("GICS"), for sector tables.
  std::string sector_scheme;
  /// How members are weighted. Never null in a registered spec; shared, immutable.
  std::shared_ptr<const WeightingStrategy> weighting;
};

}  // namespace marketshock::indices
