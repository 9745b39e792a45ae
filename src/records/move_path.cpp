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

MovePath move_path(const SecurityRecord& security, boost::gregorian::date from,
                   boost::gregorian::date to) {
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
  std::vector<DailyMove> moves = daily_moves(security, from, to);
  // Each day's own close x shares (and the base's), even when a neighbouring day lacks a count.
  const bool dividend_adjusted = security.bars.basis().dividend_adjusted;
  const auto value_of = [&](double close, const std::optional<SharesUsed>& shares) {
    return shares && !dividend_adjusted ? close * shares->record.shares : kNaN;
  };

  MovePath path{symbol, {}, 0.0, 0.0, {}};
  const DailyMove& first = moves.front();
  path.base_date = first.previous_date;
  path.base_close = security.bars.close()[static_cast<std::size_t>(begin - dates.begin()) - 1];
  path.base_market_value_usd = value_of(path.base_close, first.previous_shares);
  path.days.reserve(moves.size());
  double growth = 1.0;
  for (DailyMove& move : moves) {
    growth *= 1.0 + move.close_return;
    PathDay day;
    day.cumulative_return = growth - 1.0;
    // NaN propagates when either value is unknown.
    day.cumulative_change_usd = value_of(move.close, move.shares) - path.base_market_value_usd;
    day.move = std::move(move);
    path.days.push_back(std::move(day));
  }
  return path;
}

MovePath move_path(const MarketData& data, std::string_view symbol, boost::gregorian::date from,
                   boost::gregorian::date to) {
  const SecurityRecord& security = data.record(data.require(symbol));
  const TradingCalendar& calendar = TradingCalendar::nyse();
  (void)calendar.require_session(from);
  (void)calendar.require_session(to);
  return move_path(security, from, to);
}

}  // namespace marketshock::records
