#include <marketshock/indices/attribution.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketshock::indices {

Attribution attribute(const IndexReconstruction& index, const SessionReconstruction& session) {
  Attribution out;
  out.rebuilt_return = session.rebuilt_return;
  out.previous_level = session.previous_level;
  out.ranked.reserve(session.included_count);
  for (const MemberWeight& m : session.members) {
    if (!m.weighted) continue;
    const Security& security = index.panel().record(m.column).security;
    const double contribution = m.weight * m.price_return;
    out.ranked.push_back({m.symbol, security.name, security.gics_sector, m.weight, m.price_return,
                          contribution * 1e4, contribution * session.previous_level,
                          m.market_value_change_usd});
  }
  const bool falling = session.rebuilt_return < 0.0;
  std::sort(out.ranked.begin(), out.ranked.end(), [falling](const auto& a, const auto& b) {
    if (a.contribution_bps != b.contribution_bps) {
      return falling ? a.contribution_bps < b.contribution_bps
                     : a.contribution_bps > b.contribution_bps;
    }
    return a.symbol < b.symbol;
  });
  for (const std::size_t top : {std::size_t{1}, std::size_t{5}, std::size_t{10}}) {
    if (top > out.ranked.size()) break;
    Concentration c{top, 0.0, 0.0};
    for (std::size_t k = 0; k < top; ++k) c.contribution_bps += out.ranked[k].contribution_bps;
    const double move_bps = session.rebuilt_return * 1e4;
    c.share_of_move = (move_bps != 0.0 && !std::isnan(move_bps))
                          ? c.contribution_bps / move_bps
                          : std::numeric_limits<double>::quiet_NaN();
    out.concentration.push_back(c);
  }
  return out;
}

std::vector<Contribution> offsetting_contributors(const Attribution& attribution,
                                                  std::size_t count) {
  std::vector<Contribution> out;
  const bool falling = attribution.rebuilt_return < 0.0;
  for (auto it = attribution.ranked.rbegin(); it != attribution.ranked.rend() && out.size() < count;
       ++it) {
    const bool against = falling ? it->contribution_bps > 0.0 : it->contribution_bps < 0.0;
    if (!against) break;
    out.push_back(*it);
  }
  return out;
}

}  // namespace marketshock::indices
