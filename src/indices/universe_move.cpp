#include <marketshock/indices/universe_move.hpp>

#include <marketshock/core/require.hpp>

#include <cmath>
#include <limits>

namespace marketshock::indices {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

UniverseMove universe_move(const Valuation& valuation, std::string name,
                           std::span<const SecurityId> ids, boost::gregorian::date session) {
  const TradingCalendar& calendar = valuation.calendar();
  (void)calendar.require_session(session);
  UniverseMove out;
  out.name = std::move(name);
  out.session = session;
  out.previous_session = calendar.previous_session(session);
  out.securities = ids.size();
  double weighted = 0.0;
  double return_sum = 0.0;
  std::size_t with_return = 0;
  for (const SecurityId id : ids) {
    const ValueChange c = valuation.on_session(id, session);
    SecurityMove m{id,  valuation.data().record(id).security.symbol, c.status, c.price_return, kNaN,
                   kNaN};
    if (std::isfinite(m.price_return)) {
      return_sum += m.price_return;
      ++with_return;
    }
    if (c.status == ValuationStatus::available) {
      m.previous_market_value_usd = c.previous_market_value_usd;
      m.market_value_change_usd = c.change_usd;
      ++out.valued;
      out.previous_market_value_usd += m.previous_market_value_usd;
      out.market_value_change_usd += m.market_value_change_usd;
      (m.market_value_change_usd < 0.0 ? out.losses_usd : out.gains_usd) +=
          m.market_value_change_usd;
      weighted += m.previous_market_value_usd * m.price_return;
    }
    out.moves.push_back(m);
  }
  out.cap_weighted_return =
      out.previous_market_value_usd > 0.0 ? weighted / out.previous_market_value_usd : kNaN;
  out.equal_weighted_return =
      with_return > 0 ? return_sum / static_cast<double>(with_return) : kNaN;
  return out;
}

UniverseMove universe_move(const MarketData& data, std::string name,
                           std::span<const SecurityId> ids, boost::gregorian::date session,
                           const TradingCalendar& calendar) {
  return universe_move(Valuation(data, calendar), std::move(name), ids, session);
}

std::vector<SecurityId> index_members(const MarketData& data, std::string_view membership_id,
                                      boost::gregorian::date session,
                                      std::string_view gics_sector) {
  const IndexMembership* membership = data.membership(membership_id);
  MARKETSHOCK_REQUIRE(membership != nullptr, "the dataset has no membership '{}'", membership_id);
  std::vector<SecurityId> out;
  for (const Symbol& symbol : membership->members_on(session)) {
    const auto id = data.find(symbol);
    if (!id) continue;
    if (!gics_sector.empty() && data.record(*id).security.gics_sector != gics_sector) continue;
    out.push_back(*id);
  }
  return out;
}

}  // namespace marketshock::indices
