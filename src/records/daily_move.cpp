#include <marketshock/records/daily_move.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketshock::records {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A usable share count: the step in force, if its count is finite and positive.
const Step<SharesRecord>* usable_step(const StepSeries<SharesRecord>& shares,
                                      boost::gregorian::date day) {
  const Step<SharesRecord>* step = shares.step_as_of(day);
  if (step == nullptr || !std::isfinite(step->value.shares) || !(step->value.shares > 0.0)) {
    return nullptr;
  }
  return step;
}

// The move of bar `row` (>= 1) against bar `row - 1`.
DailyMove move_at(const SecurityRecord& security, std::size_t row) {
  const DailyBars& bars = security.bars;
  DailyMove m;
  m.date = bars.dates()[row];
  m.previous_date = bars.dates()[row - 1];
  m.split_ratio = split_ratio_between(security, m.previous_date, m.date);
  const double raw_previous_close = bars.close()[row - 1];
  m.previous_close = raw_previous_close / m.split_ratio;
  m.open = bars.open()[row];
  m.high = bars.high()[row];
  m.low = bars.low()[row];
  m.close = bars.close()[row];
  m.close_return = m.close / m.previous_close - 1.0;
  m.open_gap_return = m.open / m.previous_close - 1.0;
  m.intraday_low_return = m.low / m.previous_close - 1.0;
  m.intraday_high_return = m.high / m.previous_close - 1.0;

  const Step<SharesRecord>* now = usable_step(security.shares, m.date);
  const Step<SharesRecord>* before = usable_step(security.shares, m.previous_date);
  if (now != nullptr) m.shares = SharesUsed{now->effective, now->value};
  if (before != nullptr) m.previous_shares = SharesUsed{before->effective, before->value};
  if (bars.basis().dividend_adjusted) {
    m.market_value_status = MarketValueStatus::dividend_adjusted_prices;
  } else if (now == nullptr) {
    m.market_value_status = MarketValueStatus::no_shares;
  } else if (before == nullptr) {
    m.market_value_status = MarketValueStatus::no_previous_shares;
  }
  if (!m.has_market_value()) {
    m.previous_market_value_usd = m.market_value_usd = m.market_value_change_usd = kNaN;
    m.market_value_change_return = m.open_gap_change_usd = kNaN;
    m.intraday_low_change_usd = m.intraday_high_change_usd = kNaN;
    return m;
  }
  // Both products on the bars' own split footing (the shares are restated onto it), each day
  // with its own count, so a split moves price and count together.
  const double shares = now->value.shares;
  m.previous_market_value_usd = raw_previous_close * before->value.shares;
  m.market_value_usd = m.close * shares;
  m.market_value_change_usd = m.market_value_usd - m.previous_market_value_usd;
  m.market_value_change_return = m.market_value_change_usd / m.previous_market_value_usd;
  m.open_gap_change_usd = m.open * shares - m.previous_market_value_usd;
  m.intraday_low_change_usd = m.low * shares - m.previous_market_value_usd;
  m.intraday_high_change_usd = m.high * shares - m.previous_market_value_usd;
  return m;
}

}  // namespace

double split_ratio_between(const SecurityRecord& security, boost::gregorian::date earlier,
                           boost::gregorian::date later) {
  if (!security.bars.basis().split.is_point_in_time()) return 1.0;
  return security.actions.split_factor(earlier, later);
}

std::vector<DailyMove> daily_moves(const SecurityRecord& security) {
  std::vector<DailyMove> moves;
  const std::size_t n = security.bars.size();
  if (n < 2) return moves;
  moves.reserve(n - 1);
  for (std::size_t row = 1; row < n; ++row) moves.push_back(move_at(security, row));
  return moves;
}

std::vector<DailyMove> daily_moves(const SecurityRecord& security, boost::gregorian::date from,
                                   boost::gregorian::date to) {
  std::vector<DailyMove> moves;
  const auto dates = security.bars.dates();
  const auto first = std::lower_bound(dates.begin(), dates.end(), from);
  const auto last = std::upper_bound(first, dates.end(), to);
  for (auto it = first; it != last; ++it) {
    const auto row = static_cast<std::size_t>(it - dates.begin());
    if (row > 0) moves.push_back(move_at(security, row));
  }
  return moves;
}

DailyMove daily_move(const MarketData& data, std::string_view symbol,
                     boost::gregorian::date session) {
  const SecurityRecord& security = data.record(data.require(symbol));
  (void)TradingCalendar::nyse().require_session(session);
  const DailyBars& bars = security.bars;
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
  return move_at(security, *row);
}

}  // namespace marketshock::records
