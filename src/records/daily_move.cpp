#include <marketshock/records/daily_move.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <algorithm>

namespace marketshock::records {

double split_ratio_between(const SecurityRecord& security, boost::gregorian::date earlier,
                           boost::gregorian::date later) {
  if (!security.bars.basis().split.is_point_in_time()) return 1.0;
  return security.actions.split_factor(earlier, later);
}

DailyMove to_daily_move(const ValueChange& c) {
  DailyMove m;
  m.date = c.session;
  m.previous_date = c.previous_session;
  m.sessions_spanned = c.sessions_spanned;
  m.previous_close = c.previous_close;
  m.split_ratio = c.split_ratio;
  m.open = c.open;
  m.high = c.high;
  m.low = c.low;
  m.close = c.close;
  // Price returns against the previous close on this bar's split footing.
  m.close_return = c.price_return;
  m.open_gap_return = c.open / c.previous_close - 1.0;
  m.intraday_low_return = c.low / c.previous_close - 1.0;
  m.intraday_high_return = c.high / c.previous_close - 1.0;
  m.market_value_status = c.status;
  m.shares = c.shares;
  m.previous_shares = c.previous_shares;
  m.previous_market_value_usd = c.previous_market_value_usd;
  m.market_value_usd = c.market_value_usd;
  m.market_value_change_usd = c.change_usd;
  m.market_value_change_return = c.change_fraction;
  m.open_gap_change_usd = c.open_change_usd;
  m.intraday_low_change_usd = c.low_change_usd;
  m.intraday_high_change_usd = c.high_change_usd;
  return m;
}

std::vector<DailyMove> daily_moves(const Valuation& valuation, SecurityId id) {
  std::vector<DailyMove> moves;
  const std::size_t n = valuation.data().record(id).bars.size();
  if (n < 2) return moves;
  moves.reserve(n - 1);
  for (std::size_t row = 1; row < n; ++row) {
    moves.push_back(to_daily_move(valuation.at_row(id, row)));
  }
  return moves;
}

std::vector<DailyMove> daily_moves(const Valuation& valuation, SecurityId id,
                                   boost::gregorian::date from, boost::gregorian::date to) {
  std::vector<DailyMove> moves;
  const auto dates = valuation.data().record(id).bars.dates();
  const auto first = std::lower_bound(dates.begin(), dates.end(), from);
  const auto last = std::upper_bound(first, dates.end(), to);
  for (auto it = first; it != last; ++it) {
    const auto row = static_cast<std::size_t>(it - dates.begin());
    if (row > 0) moves.push_back(to_daily_move(valuation.at_row(id, row)));
  }
  return moves;
}

DailyMove daily_move(const Valuation& valuation, std::string_view symbol,
                     boost::gregorian::date session) {
  const MarketData& data = valuation.data();
  const SecurityId id = data.require(symbol);
  (void)valuation.calendar().require_session(session);
  const DailyBars& bars = data.record(id).bars;
  const auto row = bars.find(session);
  if (!row) {
    if (bars.empty()) {
      throw InvalidArgument(fmt::format("{} has no bars at all", bars.symbol()));
    }
    throw InvalidArgument(fmt::format(
        "{} has no bar on {} (its bars run from {} to {})", bars.symbol(), format_iso_date(session),
        format_iso_date(bars.dates().front()), format_iso_date(bars.dates().back())));
  }
  MARKETSHOCK_REQUIRE(*row > 0,
                      "{}: {} is its first bar, so there is no previous close to move from",
                      bars.symbol(), format_iso_date(session));
  return to_daily_move(valuation.at_row(id, *row));
}

DailyMove daily_move(const MarketData& data, std::string_view symbol,
                     boost::gregorian::date session) {
  return daily_move(Valuation(data), symbol, session);
}

}  // namespace marketshock::records
