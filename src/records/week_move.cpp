#include <marketshock/records/week_move.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/records/daily_move.hpp>

#include <algorithm>

namespace marketshock::records {

namespace {

using boost::gregorian::date;
using boost::gregorian::days;

// Whether `last` is the last NYSE session of the Monday-Friday week starting `monday`. Outside
// the calendar's range, a week is taken as complete when its last bar is on the Friday.
bool ends_week(date monday, date last) {
  const date friday = monday + days(4);
  if (monday < TradingCalendar::first_supported_date() ||
      friday > TradingCalendar::last_supported_date()) {
    return last == friday;
  }
  const auto sessions = TradingCalendar::nyse().sessions_between(monday, friday);
  return !sessions.empty() && sessions.back() == last;
}

// The week of bars [first, last] (first >= 1), measured from bar first - 1: a change over
// several sessions by design, so a valued multi-session change is the week's value.
WeekMove week_of_rows(const Valuation& valuation, SecurityId id, std::size_t first,
                      std::size_t last) {
  const ValueChange c = valuation.between_rows(id, first - 1, last);
  WeekMove w;
  w.week_start = monday_of(valuation.data().record(id).bars.dates()[first]);
  w.base_date = c.previous_session;
  w.last_date = c.session;
  w.sessions = last - first + 1;
  w.complete = ends_week(w.week_start, w.last_date);
  w.base_close = valuation.data().record(id).bars.close()[first - 1];
  w.close = c.close;
  w.close_return = c.price_return;
  w.market_value_status = c.has_value() ? ValuationStatus::available : c.status;
  w.base_market_value_usd = c.previous_market_value_usd;
  w.market_value_usd = c.market_value_usd;
  w.market_value_change_usd = c.change_usd;
  return w;
}

}  // namespace

date monday_of(date day) {
  // day_of_week: Sunday 0 ... Saturday 6; Sunday belongs to the week that began six days before.
  const int weekday = day.day_of_week().as_number();
  return day - days((weekday + 6) % 7);
}

std::optional<WeekMove> week_move(const Valuation& valuation, SecurityId id, date day) {
  const date monday = monday_of(day);
  const auto dates = valuation.data().record(id).bars.dates();
  const auto first = std::lower_bound(dates.begin(), dates.end(), monday);
  const auto end = std::lower_bound(first, dates.end(), monday + days(7));
  if (first == end || first == dates.begin()) return std::nullopt;
  return week_of_rows(valuation, id, static_cast<std::size_t>(first - dates.begin()),
                      static_cast<std::size_t>(end - dates.begin()) - 1);
}

std::vector<WeekMove> weekly_moves(const Valuation& valuation, SecurityId id) {
  std::vector<WeekMove> weeks;
  const auto dates = valuation.data().record(id).bars.dates();
  std::size_t first = 0;
  while (first < dates.size()) {
    const date next_monday = monday_of(dates[first]) + days(7);
    std::size_t end = first + 1;
    while (end < dates.size() && dates[end] < next_monday) ++end;
    if (first > 0) weeks.push_back(week_of_rows(valuation, id, first, end - 1));
    first = end;
  }
  return weeks;
}

std::optional<WeekMove> latest_week_beyond(std::span<const WeekMove> weeks, const WeekMove& week,
                                           Direction direction, Measure measure) {
  const double value = week.value(measure);
  auto it = std::lower_bound(weeks.begin(), weeks.end(), week.week_start,
                             [](const WeekMove& w, date start) { return w.week_start < start; });
  while (it != weeks.begin()) {
    --it;
    if (is_beyond(it->value(measure), value, direction)) return *it;
  }
  return std::nullopt;
}

WeekInHistory week_in_history(const Valuation& valuation, SecurityId id, date day,
                              Measure measure) {
  const auto week = week_move(valuation, id, day);
  MARKETSHOCK_REQUIRE(week.has_value(),
                      "{} has no weekly change for the week of {} (no bar that week, or none "
                      "before it)",
                      valuation.data().record(id).security.symbol, format_iso_date(monday_of(day)));
  const std::vector<WeekMove> weeks = weekly_moves(valuation, id);
  WeekInHistory out{*week, latest_week_beyond(weeks, *week, Direction::losses, measure),
                    latest_week_beyond(weeks, *week, Direction::gains, measure)};
  return out;
}

WeekInHistory week_in_history(const MarketData& data, std::string_view symbol, date session,
                              Measure measure) {
  const SecurityId id = data.require(symbol);
  (void)TradingCalendar::nyse().require_session(session);
  return week_in_history(Valuation(data), id, session, measure);
}

}  // namespace marketshock::records
