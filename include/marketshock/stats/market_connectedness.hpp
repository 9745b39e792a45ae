/// \file market_connectedness.hpp
/// \brief Rolling Diebold-Yilmaz connectedness of series of the dataset (securities or index
/// level series) over a range of sessions, the range checked against every series' data.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/stats/return_series.hpp>
#include <marketshock/stats/rolling_connectedness.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace marketshock::stats {

/// Options of market_connectedness().
struct MarketConnectednessOptions {
  /// First and last session asked for; by default as far as every series has returns.
  std::optional<boost::gregorian::date> from;
  std::optional<boost::gregorian::date> to;
  /// Windows whose directional figures are reported: for each date, the window ending on the
  /// last session on or before it. Empty: the last window.
  std::vector<boost::gregorian::date> at;
  /// Window, lags, horizon and the missing-data policy (which also governs the range, below).
  RollingConnectednessOptions rolling;
};

/// A bound asked for that a series' data does not reach, cut under MissingPolicy::skip_window.
struct RangeCut {
  enum class Side { from, to };
  Side side = Side::to;
  /// The date asked for.
  boost::gregorian::date requested;
  /// The series whose data starts last (from) or ends first (to), and its first or last bar.
  std::string series;
  boost::gregorian::date bar;
  /// Where the range starts or ends instead.
  boost::gregorian::date applied;
};

/// "from" or "to".
[[nodiscard]] std::string_view to_string(RangeCut::Side side) noexcept;

/// Inputs and results of market_connectedness().
struct MarketConnectedness {
  std::vector<SeriesId> series;
  /// One per return row: every session from the range's first to its last.
  std::vector<boost::gregorian::date> sessions;
  RollingConnectednessOptions options;
  RollingConnectedness result;
  /// Windows (rows of `result`) whose directional figures are reported, as asked in `at`.
  std::vector<std::size_t> at;
  /// Bounds asked for and cut to the data (only under MissingPolicy::skip_window; under reject
  /// they are errors).
  std::vector<RangeCut> cuts;
  /// The last session of window `w`.
  [[nodiscard]] boost::gregorian::date window_end(std::size_t w) const;
};

/// Rolling connectedness (rolling_connectedness()) of the returns of the series `names`
/// (resolve_series(): securities or index level series) on every session of a range. The range
/// runs from the latest first return to the earliest last bar of the series, narrowed by
/// options.from and options.to. A bound asked for beyond a series' data is an error under
/// MissingPolicy::reject (the default: the message names the series and its first or last bar);
/// under skip_window the range is cut to the data and the cut reported in `cuts`. A missing
/// return inside the range is an error under reject (naming the series and the session) and
/// leaves its windows without a result under skip_window. O(T N^3) (rolling_connectedness()).
/// \throws InvalidArgument for fewer than two names, an unknown or repeated name, a series with
/// fewer than two bars, a bound beyond the data under reject, a range with fewer sessions than
/// the window, an `at` date before the first full window or after the range, or as
/// rolling_connectedness().
[[nodiscard]] MarketConnectedness market_connectedness(
    const MarketData& data, std::span<const std::string> names,
    const MarketConnectednessOptions& options,
    const TradingCalendar& calendar = TradingCalendar::nyse());

}  // namespace marketshock::stats
