#include <marketshock/records/move_path.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <algorithm>
#include <limits>

namespace marketshock::records {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

MovePath move_path(const Valuation& valuation, SecurityId id, boost::gregorian::date from,
                   boost::gregorian::date to) {
  const SecurityRecord& security = valuation.data().record(id);
  const Symbol& symbol = security.security.symbol;
  MARKETSHOCK_REQUIRE(from <= to, "{}: path start {} is after its end {}", symbol,
                      format_iso_date(from), format_iso_date(to));
  const auto dates = security.bars.dates();
  const auto begin = std::lower_bound(dates.begin(), dates.end(), from);
  MARKETSHOCK_REQUIRE(begin != dates.end() && *begin <= to, "{} has no bar from {} to {}", symbol,
                      format_iso_date(from), format_iso_date(to));
  MARKETSHOCK_REQUIRE(begin != dates.begin(),
                      "{}: {} is its first bar, so the path has no base close", symbol,
                      format_iso_date(*begin));
  const auto base_row = static_cast<std::size_t>(begin - dates.begin()) - 1;
  std::vector<DailyMove> moves = daily_moves(valuation, id, from, to);

  MovePath path{symbol, {}, 0.0, 0.0, {}};
  path.base_date = dates[base_row];
  path.base_close = security.bars.close()[base_row];
  path.base_market_value_usd = valuation.market_value_at(id, base_row).value_or(kNaN);
  path.days.reserve(moves.size());
  double growth = 1.0;
  std::size_t row = base_row;
  for (DailyMove& move : moves) {
    ++row;
    growth *= 1.0 + move.close_return;
    PathDay day;
    day.cumulative_return = growth - 1.0;
    // Each day's own close x count against the base's; NaN when either is unknown.
    const ValueChange since_base = valuation.between_rows(id, base_row, row);
    day.cumulative_change_usd = since_base.has_value() ? since_base.change_usd : kNaN;
    day.move = std::move(move);
    path.days.push_back(std::move(day));
  }
  return path;
}

MovePath move_path(const MarketData& data, std::string_view symbol, boost::gregorian::date from,
                   boost::gregorian::date to) {
  const SecurityId id = data.require(symbol);
  const TradingCalendar& calendar = TradingCalendar::nyse();
  (void)calendar.require_session(from);
  (void)calendar.require_session(to);
  return move_path(Valuation(data), id, from, to);
}

}  // namespace marketshock::records
