#include <marketshock/indices/counterfactual.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketshock::indices {

ExclusionCounterfactual exclusion_counterfactual(const IndexReconstruction& index,
                                                 const SessionReconstruction& full,
                                                 std::span<const Symbol> symbols) {
  ExclusionCounterfactual out;
  out.rebuilt_return = full.rebuilt_return;
  for (const Symbol& symbol : symbols) {
    const auto it = std::find_if(full.members.begin(), full.members.end(),
                                 [&](const MemberWeight& m) { return m.symbol == symbol; });
    if (it == full.members.end() || !it->weighted) {
      out.without_weight.push_back(symbol);
      continue;
    }
    out.excluded.push_back(symbol);
    out.excluded_weight += it->weight;
    out.excluded_contribution_bps += it->weight * it->price_return * 1e4;
  }
  out.rebuilt_return_excluding = index.session(full.session, symbols).rebuilt_return;
  return out;
}

EqualWeighted equal_weighted(const SessionReconstruction& session) noexcept {
  EqualWeighted out;
  out.cap_weighted_return = session.rebuilt_return;
  double sum = 0.0;
  for (const MemberWeight& m : session.members) {
    if (m.excluded_by_request || !std::isfinite(m.price_return)) continue;
    sum += m.price_return;
    ++out.members;
  }
  out.equal_weighted_return = out.members > 0 ? sum / static_cast<double>(out.members)
                                              : std::numeric_limits<double>::quiet_NaN();
  return out;
}

}  // namespace marketshock::indices
