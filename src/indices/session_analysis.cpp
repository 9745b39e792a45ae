#include <marketshock/indices/session_analysis.hpp>

#include <algorithm>
#include <cmath>

namespace marketshock::indices {

IndexSessionAnalysis analyse_session(const IndexReconstruction& index,
                                     boost::gregorian::date session,
                                     std::span<const Symbol> exclude, std::size_t extremes_count) {
  IndexSessionAnalysis out;
  out.spec = index.spec();
  out.window = index.window();
  out.session = index.session(session);
  const RebuiltSeries series = index.series();
  out.window_tracking =
      tracking_error(series.sessions, series.rebuilt_returns, series.actual_returns);
  if (const DailyBars* levels = index.panel().data().index_levels(index.spec().level_id)) {
    if (levels->find(session) && levels->find(out.session.previous_session)) {
      out.extremes = index_extremes(*levels, session, out.session.previous_session);
    }
  }
  out.attribution = attribute(index, out.session);
  out.sectors = sector_contributions(index, out.session);
  out.equal_weighted = equal_weighted(out.session);
  if (!exclude.empty()) out.excluding = exclusion_counterfactual(index, out.session, exclude);
  out.divisors = index.spec().weighting->implied_divisors(index.panel());

  std::vector<double> returns;
  std::vector<MemberReturn> with_return;
  returns.reserve(out.session.members.size());
  for (const MemberWeight& m : out.session.members) {
    returns.push_back(m.price_return);
    if (std::isfinite(m.price_return)) {
      with_return.push_back(
          {m.symbol, index.panel().record(m.column).security.name, m.price_return});
    }
    if (std::isfinite(m.market_value_change_usd)) {
      out.market_value_change_usd += m.market_value_change_usd;
      ++out.valued;
    }
  }
  out.breadth = breadth(returns);
  std::sort(with_return.begin(), with_return.end(), [](const auto& a, const auto& b) {
    return a.price_return != b.price_return ? a.price_return < b.price_return : a.symbol < b.symbol;
  });
  const std::size_t n = std::min(extremes_count, with_return.size());
  out.worst.assign(with_return.begin(), with_return.begin() + static_cast<std::ptrdiff_t>(n));
  for (std::size_t k = 0; k < n; ++k) out.best.push_back(with_return[with_return.size() - 1 - k]);
  return out;
}

}  // namespace marketshock::indices
