#include <marketshock/records/explain.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/market_value.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace marketshock::records {

namespace {

using boost::gregorian::date;

struct StartPoint {
  std::string description;
  date day;
  double price;
  std::string kind;
};

// The highest close or high over the `sessions` bars before `row` (all of them when 0).
StartPoint peak(const DailyBars& bars, std::size_t row, std::size_t sessions, bool intraday,
                const char* window) {
  const std::size_t first = sessions == 0 || sessions > row ? 0 : row - sessions;
  const auto prices = intraday ? bars.high() : bars.close();
  std::size_t best = first;
  for (std::size_t i = first; i < row; ++i) {
    if (std::isnan(prices[best]) || prices[i] > prices[best]) best = i;
  }
  return {fmt::format("{} {} ({})", window, intraday ? "high (intraday)" : "closing high",
                      format_iso_date(bars.dates()[best])),
          bars.dates()[best], prices[best], intraday ? "high" : "close"};
}

double distance_to(const PublishedFigure& f, double change_usd, double change_fraction) {
  if (f.usd) return std::abs(std::abs(change_usd) / std::abs(*f.usd) - 1.0);
  return std::abs(std::abs(change_fraction) - std::abs(*f.fraction));
}

}  // namespace

Explanation explain_figure(const MarketData& data, std::string_view symbol, date session,
                           const PublishedFigure& figure) {
  MARKETSHOCK_REQUIRE(figure.usd.has_value() != figure.fraction.has_value(),
                      "give exactly one published figure: a USD amount or a percent");
  MARKETSHOCK_REQUIRE(!figure.usd || (std::isfinite(*figure.usd) && *figure.usd != 0.0),
                      "figure.usd must be a finite, non-zero amount, not {}", *figure.usd);
  MARKETSHOCK_REQUIRE(
      !figure.fraction ||
          (std::isfinite(*figure.fraction) && *figure.fraction != 0.0 && *figure.fraction >= -1.0),
      "figure.fraction must be finite, non-zero and at least -1, not {}", *figure.fraction);
  const SecurityRecord& r = data.record(data.require(symbol));
  (void)TradingCalendar::nyse().require_session(session);
  const auto found = r.bars.find(session);
  MARKETSHOCK_REQUIRE(found && *found > 0, "{} has no bar on {} with a bar before it",
                      r.security.symbol, format_iso_date(session));
  const std::size_t row = *found;
  const DailyBars& bars = r.bars;

  Explanation e;
  e.symbol = r.security.symbol;
  e.session = session;
  e.figure = figure;
  e.previous_close = bars.close()[row - 1];
  e.open = bars.open()[row];
  e.high = bars.high()[row];
  e.low = bars.low()[row];
  e.close = bars.close()[row];

  std::vector<StartPoint> starts{{"prior close", bars.dates()[row - 1], e.previous_close, "close"}};
  const std::pair<const char*, std::size_t> windows[] = {
      {"week", 5}, {"month", 21}, {"52-week", 252}, {"all-time (in the data)", 0}};
  for (const auto& [window, sessions] : windows) {
    starts.push_back(peak(bars, row, sessions, false, window));
    starts.push_back(peak(bars, row, sessions, true, window));
  }
  const std::pair<const char*, double> ends[] = {{"close", e.close}, {"low", e.low}};

  const Step<SharesRecord>* in_force = r.shares.step_as_of(session);
  for (const Step<SharesRecord>& step : r.shares.steps()) {
    const bool current = &step == in_force;
    const auto days = (step.effective - session).days();
    if (days < -400 || days > 120) continue;
    if (figure.usd) {
      const double price = e.previous_close - std::abs(*figure.usd) / step.value.shares;
      e.implied_prices.push_back({step.value.shares, step.effective, step.value.source, price,
                                  e.low <= price && price <= e.high, current});
    }
    // Windows often share a peak (the month's high is also the 52-week high): one row per
    // distinct start, labelled with the shortest window that reaches it.
    std::vector<std::pair<date, std::string>> seen;
    for (const StartPoint& s : starts) {
      if (std::find(seen.begin(), seen.end(), std::pair{s.day, s.kind}) != seen.end()) continue;
      seen.emplace_back(s.day, s.kind);
      for (const auto& [end_kind, end_price] : ends) {
        // A vendor without intraday prices gives no low: no such basis to offer.
        if (!(std::isfinite(end_price) && end_price > 0.0)) continue;
        CandidateBasis c;
        c.description = fmt::format("{} -> {}", s.description, end_kind);
        c.start_date = s.day;
        c.start_price = s.price;
        c.start_kind = s.kind;
        c.end_date = session;
        c.end_price = end_price;
        c.end_kind = end_kind;
        c.shares = step.value.shares;
        c.shares_as_of = step.effective;
        c.shares_source = step.value.source;
        c.shares_measure = step.value.measure;
        c.shares_in_force = current;
        // The change in market value on this candidate count, through the core valuation's
        // types (one split basis for both prices and the count).
        const SplitBasis& basis = r.bars.basis().split;
        const ShareCount count(step.value.shares, basis);
        c.change_usd =
            market_value_change(Price(s.price, basis), count, Price(end_price, basis), count)
                .change_usd;
        c.change_fraction = end_price / s.price - 1.0;
        c.distance = distance_to(figure, c.change_usd, c.change_fraction);
        e.candidates.push_back(std::move(c));
      }
    }
  }
  MARKETSHOCK_REQUIRE(!e.candidates.empty(),
                      "{} has no share count within 400 days before or 120 days after {}",
                      r.security.symbol, format_iso_date(session));
  // A percent figure does not depend on the share count: keep one row per price basis.
  if (figure.fraction) {
    std::stable_sort(e.candidates.begin(), e.candidates.end(),
                     [](const auto& a, const auto& b) { return a.description < b.description; });
    e.candidates.erase(
        std::unique(e.candidates.begin(), e.candidates.end(),
                    [](const auto& a, const auto& b) { return a.description == b.description; }),
        e.candidates.end());
  }
  std::sort(e.candidates.begin(), e.candidates.end(), [](const auto& a, const auto& b) {
    return std::tie(a.distance, a.description, a.shares_as_of) <
           std::tie(b.distance, b.description, b.shares_as_of);
  });
  std::stable_partition(e.implied_prices.begin(), e.implied_prices.end(),
                        [](const ImpliedPrice& p) { return p.shares_in_force; });
  return e;
}

}  // namespace marketshock::records
