#include <marketshock/core/valuation.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/market_value.hpp>
#include <marketshock/core/require.hpp>

#include <cmath>
#include <limits>
#include <map>

namespace marketshock {

namespace {

using boost::gregorian::date;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The step in force on `day`, if its count is usable (finite and positive).
std::optional<SharesInForce> shares_in_force(const StepSeries<SharesRecord>& series, date day) {
  const Step<SharesRecord>* step = series.step_as_of(day);
  if (step == nullptr || !std::isfinite(step->value.shares) || !(step->value.shares > 0.0)) {
    return std::nullopt;
  }
  return SharesInForce{step->effective, step->value};
}

// Sessions after `earlier` up to `later`; 0 when either date is not a session or lies outside
// the calendar (then nobody can say how many sessions the change spans, and a bar off the
// calendar must not become the base of the next day's move either).
std::size_t sessions_spanned(const TradingCalendar& calendar, date earlier, date later) {
  if (earlier < TradingCalendar::first_supported_date() ||
      later > TradingCalendar::last_supported_date() || !calendar.is_session(earlier) ||
      !calendar.is_session(later)) {
    return 0;
  }
  return calendar.session_count(earlier + boost::gregorian::days(1), later);
}

bool has_shares(const SecurityRecord& record) {
  return !record.shares.empty();
}

// price x count - base, or NaN when the vendor gave no such price.
double change_at_price(double price, const ShareCount& shares, const SplitBasis& basis,
                       double base_usd) {
  if (!std::isfinite(price) || !(price > 0.0)) return kNaN;
  return market_value(Price(price, basis), shares) - base_usd;
}

void clear_values(ValueChange& c) {
  c.previous_market_value_usd = c.market_value_usd = c.change_usd = c.change_fraction = kNaN;
  c.open_change_usd = c.low_change_usd = c.high_change_usd = kNaN;
}

}  // namespace

std::string_view to_string(ValuationStatus status) noexcept {
  switch (status) {
    case ValuationStatus::available:
      return "available";
    case ValuationStatus::spans_several_sessions:
      return "spans_several_sessions";
    case ValuationStatus::not_a_session:
      return "not_a_session";
    case ValuationStatus::no_bar:
      return "no_bar";
    case ValuationStatus::no_previous_bar:
      return "no_previous_bar";
    case ValuationStatus::no_shares:
      return "no_shares";
    case ValuationStatus::no_previous_shares:
      return "no_previous_shares";
    case ValuationStatus::value_on_other_class:
      return "value_on_other_class";
    case ValuationStatus::dividend_adjusted_prices:
      return "dividend_adjusted_prices";
  }
  return "unknown";
}

std::string_view describe(ValuationStatus status) noexcept {
  switch (status) {
    case ValuationStatus::available:
      return "market value available";
    case ValuationStatus::spans_several_sessions:
      return "the previous bar is more than one session back: a multi-session change";
    case ValuationStatus::not_a_session:
      return "the bar's date is not a session of the calendar";
    case ValuationStatus::no_bar:
      return "no bar on the session";
    case ValuationStatus::no_previous_bar:
      return "no previous bar to move from";
    case ValuationStatus::no_shares:
      return "no share count in force";
    case ValuationStatus::no_previous_shares:
      return "no share count in force on the previous bar";
    case ValuationStatus::value_on_other_class:
      return "value carried by another share class of the issuer";
    case ValuationStatus::dividend_adjusted_prices:
      return "dividend-adjusted prices give no market value";
  }
  return "unknown status";
}

bool ValueChange::has_price_return() const noexcept {
  return std::isfinite(price_return);
}

Valuation::Valuation(const MarketData& data, const TradingCalendar& calendar)
    : data_(&data), calendar_(&calendar) {
  const auto& records = data.securities();
  // One pass to count, per issuer, the classes that carry a share count, then one to mark the
  // classes without one whose issuer has such a class: O(n log issuers), not O(n^2).
  std::map<IssuerId, std::size_t> classes_with_shares;
  for (const SecurityRecord& r : records) {
    if (has_shares(r)) ++classes_with_shares[r.security.issuer];
  }
  value_on_other_class_.resize(records.size(), false);
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (has_shares(records[i])) continue;
    const auto it = classes_with_shares.find(records[i].security.issuer);
    value_on_other_class_[i] = it != classes_with_shares.end() && it->second > 0;
  }
}

bool Valuation::value_on_other_class(SecurityId id) const {
  MARKETSHOCK_REQUIRE(id.value() < value_on_other_class_.size(),
                      "security id {} out of range ({} securities)", id.value(),
                      value_on_other_class_.size());
  return value_on_other_class_[id.value()];
}

ValueChange Valuation::between_rows(SecurityId id, std::size_t earlier_row,
                                    std::size_t later_row) const {
  const SecurityRecord& record = data_->record(id);
  const DailyBars& bars = record.bars;
  MARKETSHOCK_REQUIRE(earlier_row < later_row && later_row < bars.size(),
                      "{}: bar rows {} and {} are out of order or range ({} bars)", bars.symbol(),
                      earlier_row, later_row, bars.size());
  ValueChange c;
  c.session = bars.dates()[later_row];
  c.previous_session = bars.dates()[earlier_row];
  c.sessions_spanned = sessions_spanned(*calendar_, c.previous_session, c.session);
  const SplitBasis& basis = bars.basis().split;
  c.split_ratio =
      basis.is_point_in_time() ? record.actions.split_factor(c.previous_session, c.session) : 1.0;
  const double raw_previous_close = bars.close()[earlier_row];
  c.previous_close = raw_previous_close / c.split_ratio;
  c.open = bars.open()[later_row];
  c.high = bars.high()[later_row];
  c.low = bars.low()[later_row];
  c.close = bars.close()[later_row];
  c.price_return = c.close / c.previous_close - 1.0;

  c.shares = shares_in_force(record.shares, c.session);
  c.previous_shares = shares_in_force(record.shares, c.previous_session);
  if (bars.basis().dividend_adjusted) {
    c.status = ValuationStatus::dividend_adjusted_prices;
  } else if (value_on_other_class_[id.value()]) {
    c.status = ValuationStatus::value_on_other_class;
  } else if (!c.shares) {
    c.status = ValuationStatus::no_shares;
  } else if (!c.previous_shares) {
    c.status = ValuationStatus::no_previous_shares;
  } else if (c.sessions_spanned == 0) {
    c.status = ValuationStatus::not_a_session;
  } else if (c.sessions_spanned > 1) {
    c.status = ValuationStatus::spans_several_sessions;
  }
  if (!c.has_value()) {
    clear_values(c);
    return c;
  }
  // Each bar's own close times the count in force on its own date, both on the bars' split
  // footing: the earlier product stands on the earlier date's footing, which for as-traded bars
  // is what the market saw that day.
  const ShareCount shares(c.shares->record.shares, basis);
  const ShareCount previous_shares(c.previous_shares->record.shares, basis);
  const MarketValueChange change = market_value_change(
      Price(raw_previous_close, basis), previous_shares, Price(c.close, basis), shares);
  c.previous_market_value_usd = change.previous_usd;
  c.market_value_usd = change.current_usd;
  c.change_usd = change.change_usd;
  c.change_fraction = change.change_fraction;
  c.open_change_usd = change_at_price(c.open, shares, basis, c.previous_market_value_usd);
  c.low_change_usd = change_at_price(c.low, shares, basis, c.previous_market_value_usd);
  c.high_change_usd = change_at_price(c.high, shares, basis, c.previous_market_value_usd);
  return c;
}

ValueChange Valuation::at_row(SecurityId id, std::size_t row) const {
  if (row > 0) return between_rows(id, row - 1, row);
  const DailyBars& bars = data_->record(id).bars;
  MARKETSHOCK_REQUIRE(row < bars.size(), "{}: bar row {} out of range ({} bars)", bars.symbol(),
                      row, bars.size());
  ValueChange c;
  c.session = c.previous_session = bars.dates()[0];
  c.status = ValuationStatus::no_previous_bar;
  c.previous_close = c.price_return = c.split_ratio = kNaN;
  c.open = bars.open()[0];
  c.high = bars.high()[0];
  c.low = bars.low()[0];
  c.close = bars.close()[0];
  c.shares = shares_in_force(data_->record(id).shares, c.session);
  clear_values(c);
  return c;
}

ValueChange Valuation::on_session(SecurityId id, date session) const {
  (void)calendar_->require_session(session);
  const DailyBars& bars = data_->record(id).bars;
  const date previous = calendar_->previous_session(session);
  const auto row = bars.find(session);
  const auto previous_row = bars.find(previous);
  if (row && previous_row) return between_rows(id, *previous_row, *row);
  ValueChange c;
  c.session = session;
  c.previous_session = previous;
  c.sessions_spanned = 1;
  c.status = row ? ValuationStatus::no_previous_bar : ValuationStatus::no_bar;
  c.previous_close = c.price_return = kNaN;
  c.open = c.high = c.low = c.close = kNaN;
  if (row) {
    c.open = bars.open()[*row];
    c.high = bars.high()[*row];
    c.low = bars.low()[*row];
    c.close = bars.close()[*row];
  }
  c.shares = shares_in_force(data_->record(id).shares, session);
  c.previous_shares = shares_in_force(data_->record(id).shares, previous);
  clear_values(c);
  return c;
}

std::optional<double> Valuation::market_value_at(SecurityId id, std::size_t row,
                                                 ValuationStatus* why) const {
  const SecurityRecord& record = data_->record(id);
  const DailyBars& bars = record.bars;
  MARKETSHOCK_REQUIRE(row < bars.size(), "{}: bar row {} out of range ({} bars)", bars.symbol(),
                      row, bars.size());
  ValuationStatus status = ValuationStatus::available;
  const auto shares = shares_in_force(record.shares, bars.dates()[row]);
  if (bars.basis().dividend_adjusted) {
    status = ValuationStatus::dividend_adjusted_prices;
  } else if (value_on_other_class_[id.value()]) {
    status = ValuationStatus::value_on_other_class;
  } else if (!shares) {
    status = ValuationStatus::no_shares;
  }
  if (why != nullptr) *why = status;
  if (status != ValuationStatus::available) return std::nullopt;
  const SplitBasis& basis = bars.basis().split;
  return market_value(Price(bars.close()[row], basis), ShareCount(shares->record.shares, basis));
}

}  // namespace marketshock
