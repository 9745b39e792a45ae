#include <marketshock/records/week_move.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/records/daily_move.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketshock::records {

namespace {

using boost::gregorian::date;
using boost::gregorian::days;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A finite, positive share count in force on `day`, or NaN.
double shares_on(const SecurityRecord& security, date day) {
  const auto* step = security.shares.step_as_of(day);
  return step != nullptr && std::isfinite(step->value.shares) && step->value.shares > 0.0
             ? step->value.shares
             : kNaN;
}

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

// The week of bars [first, last] (first >= 1), measured from bar first - 1.
WeekMove week_of_rows(const SecurityRecord& security, std::size_t first, std::size_t last) {
  const DailyBars& bars = security.bars;
  WeekMove w;
  w.week_start = monday_of(bars.dates()[first]);
  w.base_date = bars.dates()[first - 1];
  w.last_date = bars.dates()[last];
  w.sessions = last - first + 1;
  w.complete = ends_week(w.week_start, w.last_date);
  w.base_close = bars.close()[first - 1];
  w.close = bars.close()[last];
  w.close_return =
      w.close / (w.base_close / split_ratio_between(security, w.base_date, w.last_date)) - 1.0;
  const double base_shares = shares_on(security, w.base_date);
  const double shares = shares_on(security, w.last_date);
  if (bars.basis().dividend_adjusted) {
    w.market_value_status = MarketValueStatus::dividend_adjusted_prices;
  } else if (std::isnan(shares)) {
    w.market_value_status = MarketValueStatus::no_shares;
  } else if (std::isnan(base_shares)) {
    w.market_value_status = MarketValueStatus::no_previous_shares;
  }
  if (w.market_value_status == MarketValueStatus::available) {
    w.base_market_value_usd = w.base_close * base_shares;
    w.market_value_usd = w.close * shares;
    w.market_value_change_usd = w.market_value_usd - w.base_market_value_usd;
  } else {
    w.base_market_value_usd = w.market_value_usd = w.market_value_change_usd = kNaN;
  }
  return w;
}

}  // namespace

date monday_of(date day) {
  // day_of_week: Sunday 0 ... Saturday 6; Sunday belongs to the week that began six days before.
  const int weekday = day.day_of_week().as_number();
  return day - days((weekday + 6) % 7);
}

std::optional<WeekMove> week_move(const SecurityRecord& security, date day) {
  const date monday = monday_of(day);
  const auto dates = security.bars.dates();
  const auto first = std::lower_bound(dates.begin(), dates.end(), monday);
  const auto end = std::lower_bound(first, dates.end(), monday + days(7));
  if (first == end || first == dates.begin()) return std::nullopt;
  return week_of_rows(security, static_cast<std::size_t>(first - dates.begin()),
                      static_cast<std::size_t>(end - dates.begin()) - 1);
}

std::vector<WeekMove> weekly_moves(const SecurityRecord& security) {
  std::vector<WeekMove> weeks;
  const auto dates = security.bars.dates();
  std::size_t first = 0;
  while (first < dates.size()) {
    const date next_monday = monday_of(dates[first]) + days(7);
    std::size_t end = first + 1;
    while (end < dates.size() && dates[end] < next_monday) ++end;
    if (first > 0) weeks.push_back(week_of_rows(security, first, end - 1));
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

WeekInHistory week_in_history(const SecurityRecord& security, date day, Measure measure) {
  const auto week = week_move(security, day);
  MARKETSHOCK_REQUIRE(week.has_value(),
                      "{} has no weekly change for the week of {} (no bar that week, or none "
                      "before it)",
                      security.security.symbol, format_iso_date(monday_of(day)));
  const std::vector<WeekMove> weeks = weekly_moves(security);
  WeekInHistory out{*week, latest_week_beyond(weeks, *week, Direction::losses, measure),
                    latest_week_beyond(weeks, *week, Direction::gains, measure)};
  return out;
}

WeekInHistory week_in_history(const MarketData& data, std::string_view symbol, date session,
                              Measure measure) {
  const SecurityRecord& security = data.record(data.require(symbol));
  (void)TradingCalendar::nyse().require_session(session);
  return week_in_history(security, session, measure);
}

}  // namespace marketshock::records
