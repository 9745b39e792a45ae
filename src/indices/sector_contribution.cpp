#include <marketshock/indices/sector_contribution.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace marketshock::indices {

std::vector<SectorContribution> sector_contributions(const IndexReconstruction& index,
                                                     const SessionReconstruction& session) {
  std::map<std::string, SectorContribution, std::less<>> by_sector;
  for (const MemberWeight& m : session.members) {
    const std::string& gics = index.panel().record(m.column).security.gics_sector;
    const std::string key = gics.empty() ? "(unknown)" : gics;
    SectorContribution& s = by_sector.try_emplace(key, SectorContribution{key}).first->second;
    ++s.members;
    if (m.weighted) {
      ++s.included;
      s.weight += m.weight;
      s.contribution_bps += m.weight * m.price_return * 1e4;
    }
    if (std::isfinite(m.market_value_change_usd)) {
      s.market_value_change_usd += m.market_value_change_usd;
      ++s.valued;
    }
  }
  std::vector<SectorContribution> out;
  out.reserve(by_sector.size());
  for (auto& [name, s] : by_sector) {
    s.sector_return = s.weight > 0.0 ? s.contribution_bps / 1e4 / s.weight
                                     : std::numeric_limits<double>::quiet_NaN();
    out.push_back(std::move(s));
  }
  const bool falling = session.rebuilt_return < 0.0;
  std::stable_sort(out.begin(), out.end(), [falling](const auto& a, const auto& b) {
    return falling ? a.contribution_bps < b.contribution_bps
                   : a.contribution_bps > b.contribution_bps;
  });
  return out;
}

}  // namespace marketshock::indices
