#include <marketshock/stats/market_connectedness.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>

#include <algorithm>
#include <cmath>

namespace marketshock::stats {

namespace {

using boost::gregorian::date;

// Where each series' data starts and ends: its first return (the bar after its first) and its
// last bar; the binding series of each end.
struct Coverage {
  date first_return{boost::gregorian::min_date_time};
  std::size_t starts_last = 0;
  date last_bar{boost::gregorian::max_date_time};
  std::size_t ends_first = 0;
};

Coverage coverage(const MarketData& data, const std::vector<SeriesId>& series) {
  Coverage c;
  for (std::size_t j = 0; j < series.size(); ++j) {
    const DailyBars& bars = series_bars(data, series[j]);
    MARKETSHOCK_REQUIRE(bars.size() >= 2, "connectedness: {} has fewer than two bars",
                        series[j].name);
    if (bars.dates()[1] > c.first_return) {
      c.first_return = bars.dates()[1];
      c.starts_last = j;
    }
    if (bars.dates().back() < c.last_bar) {
      c.last_bar = bars.dates().back();
      c.ends_first = j;
    }
  }
  return c;
}

// The window ending on the last session on or before `day`.
std::size_t window_at(const std::vector<date>& sessions, date day, std::size_t window) {
  MARKETSHOCK_REQUIRE(day <= sessions.back(),
                      "connectedness: at {} is after the range's last session {}",
                      format_iso_date(day), format_iso_date(sessions.back()));
  const auto it = std::upper_bound(sessions.begin(), sessions.end(), day);
  const auto end = static_cast<std::size_t>(it - sessions.begin());
  MARKETSHOCK_REQUIRE(end >= window,
                      "connectedness: at {} is before the first full window (ends {})",
                      format_iso_date(day), format_iso_date(sessions[window - 1]));
  return end - window;
}

}  // namespace

std::string_view to_string(RangeCut::Side side) noexcept {
  return side == RangeCut::Side::from ? "from" : "to";
}

date MarketConnectedness::window_end(std::size_t w) const {
  return sessions.at(static_cast<std::size_t>(result.window_end.at(w)));
}

MarketConnectedness market_connectedness(const MarketData& data, std::span<const std::string> names,
                                         const MarketConnectednessOptions& options,
                                         const TradingCalendar& calendar) {
  MARKETSHOCK_REQUIRE(names.size() >= 2, "connectedness needs at least two symbols");
  MarketConnectedness out;
  out.options = options.rolling;
  for (const std::string& name : names) out.series.push_back(resolve_series(data, name));
  const Coverage c = coverage(data, out.series);
  const bool reject = options.rolling.missing == MissingPolicy::reject;
  date first = c.first_return;
  date last = c.last_bar;
  if (options.from) {
    const SeriesId& s = out.series[c.starts_last];
    if (*options.from < c.first_return) {
      MARKETSHOCK_REQUIRE(!reject,
                          "connectedness from {}: {} has no return before {} (its first bar is "
                          "{}); missing data is an error under the reject policy",
                          format_iso_date(*options.from), s.name, format_iso_date(c.first_return),
                          format_iso_date(series_bars(data, s).dates().front()));
      out.cuts.push_back({RangeCut::Side::from, *options.from, s.name,
                          series_bars(data, s).dates().front(), c.first_return});
    }
    first = std::max(first, *options.from);
  }
  if (options.to) {
    const SeriesId& s = out.series[c.ends_first];
    if (*options.to > c.last_bar) {
      MARKETSHOCK_REQUIRE(!reject,
                          "connectedness to {}: {}'s last bar is {}; missing data is an error "
                          "under the reject policy",
                          format_iso_date(*options.to), s.name, format_iso_date(c.last_bar));
      out.cuts.push_back({RangeCut::Side::to, *options.to, s.name, c.last_bar, c.last_bar});
    }
    last = std::min(last, *options.to);
  }
  MARKETSHOCK_REQUIRE(first <= last,
                      "connectedness: the series have no sessions in common from {} to {}",
                      format_iso_date(first), format_iso_date(last));
  out.sessions = calendar.sessions_between(first, last);
  MARKETSHOCK_REQUIRE(out.sessions.size() >= options.rolling.window,
                      "connectedness: {} common sessions ({} to {}), fewer than the window of {}",
                      out.sessions.size(), format_iso_date(first), format_iso_date(last),
                      options.rolling.window);
  const Eigen::MatrixXd returns = series_returns(data, out.series, out.sessions, calendar);
  if (reject) {
    // Name the series and the session, which rolling_connectedness() (rows and columns) cannot.
    for (Eigen::Index t = 0; t < returns.rows(); ++t) {
      for (Eigen::Index j = 0; j < returns.cols(); ++j) {
        MARKETSHOCK_REQUIRE(std::isfinite(returns(t, j)),
                            "connectedness: {} has no return on {} (a bar missing there or the "
                            "session before); missing data is an error under the reject policy",
                            out.series[static_cast<std::size_t>(j)].name,
                            format_iso_date(out.sessions[static_cast<std::size_t>(t)]));
      }
    }
  }
  out.result = rolling_connectedness(returns, options.rolling);
  for (const date day : options.at) {
    out.at.push_back(window_at(out.sessions, day, options.rolling.window));
  }
  if (out.at.empty()) out.at.push_back(out.result.window_end.size() - 1);
  return out;
}

}  // namespace marketshock::stats
