#include <marketshock/indices/universe_move.hpp>

#include <marketshock/core/require.hpp>

#include <cmath>
#include <limits>

namespace marketshock::indices {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool value_on_other_class(const MarketData& data, SecurityId id) {
  const SecurityRecord& rec = data.record(id);
  if (!rec.shares.empty()) return false;
  for (const SecurityId sibling : data.securities_of(rec.security.issuer)) {
    if (sibling != id && !data.record(sibling).shares.empty()) return true;
  }
  return false;
}

SecurityMove move_of(const MarketData& data, SecurityId id, boost::gregorian::date session,
                     boost::gregorian::date previous) {
  const SecurityRecord& rec = data.record(id);
  SecurityMove m{id, rec.security.symbol, MemberStatus::included, kNaN, kNaN, kNaN};
  const auto row = rec.bars.find(session);
  const auto previous_row = rec.bars.find(previous);
  double close = kNaN;
  double previous_close = kNaN;
  if (row && previous_row) {
    close = rec.bars.close()[*row];
    // As-traded bars: restate the previous close onto the session's split footing.
    const double split = rec.bars.basis().split.is_point_in_time()
                             ? rec.actions.split_factor(previous, session)
                             : 1.0;
    previous_close = rec.bars.close()[*previous_row] / split;
    m.price_return = close / previous_close - 1.0;
  }
  const auto shares = rec.shares.step_as_of(session);
  const auto previous_shares = rec.shares.step_as_of(previous);
  if (rec.bars.basis().dividend_adjusted) {
    m.status = MemberStatus::dividend_adjusted_prices;
  } else if (value_on_other_class(data, id)) {
    m.status = MemberStatus::value_on_other_class;
  } else if (!row) {
    m.status = MemberStatus::no_bar;
  } else if (!previous_row) {
    m.status = MemberStatus::no_previous_bar;
  } else if (shares == nullptr || previous_shares == nullptr) {
    m.status = MemberStatus::no_shares;
  } else {
    const double split = rec.bars.basis().split.is_point_in_time()
                             ? rec.actions.split_factor(previous, session)
                             : 1.0;
    m.previous_market_value_usd = previous_close * previous_shares->value.shares * split;
    m.market_value_change_usd = close * shares->value.shares - m.previous_market_value_usd;
  }
  return m;
}

}  // namespace

UniverseMove universe_move(const MarketData& data, std::string name,
                           std::span<const SecurityId> ids, boost::gregorian::date session,
                           const TradingCalendar& calendar) {
  calendar.require_session(session);
  UniverseMove out;
  out.name = std::move(name);
  out.session = session;
  out.previous_session = calendar.previous_session(session);
  out.securities = ids.size();
  double weighted = 0.0;
  double return_sum = 0.0;
  std::size_t with_return = 0;
  for (const SecurityId id : ids) {
    SecurityMove m = move_of(data, id, session, out.previous_session);
    if (std::isfinite(m.price_return)) {
      return_sum += m.price_return;
      ++with_return;
    }
    if (m.status == MemberStatus::included) {
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
