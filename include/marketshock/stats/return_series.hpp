/// \file return_series.hpp
/// \brief The price series a name stands for in the statistics: a security's bars or one of the
/// dataset's index level series (SPX, NDX, COMP, DJI, SPY, QQQ), resolved by one rule.
#pragma once

#include <marketshock/core/daily_bars.hpp>
#include <marketshock/core/market_data.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <Eigen/Core>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace marketshock::stats {

/// Where a series' bars come from.
enum class SeriesKind {
  security,     ///< MarketData::securities(): split-adjusted bars of a listed security.
  index_level,  ///< MarketData::index_levels(): an index's or a fund's daily levels.
};

/// "security" or "index_level".
[[nodiscard]] std::string_view to_string(SeriesKind kind) noexcept;

/// A name resolved against a MarketData: what the statistics call a "symbol" whose returns they
/// take (the studied firms of an event study, the members of a connectedness system, the source
/// and targets of a correlation test).
struct SeriesId {
  /// As the dataset spells it: the security's symbol or the index level id ("SPX").
  std::string name;
  SeriesKind kind = SeriesKind::security;
  friend bool operator==(const SeriesId&, const SeriesId&) = default;
};

/// The security with symbol `name`, else the index level series with id `name`; nullopt when
/// neither exists. A name that is both (a fund listed as a security and also kept as a level
/// series) resolves to the security: its bars are split-adjusted and carry the share counts.
[[nodiscard]] std::optional<SeriesId> try_resolve_series(const MarketData& data,
                                                         std::string_view name);

/// try_resolve_series(), throwing when the name is neither.
/// \throws InvalidArgument "unknown symbol or index series 'X'; did you mean ...?" naming up to
/// three close symbols and the dataset's index series.
[[nodiscard]] SeriesId resolve_series(const MarketData& data, std::string_view name);

/// The bars of a resolved series (valid as long as `data`).
/// \throws InvalidArgument if `data` has no such series (it was resolved against other data).
[[nodiscard]] const DailyBars& series_bars(const MarketData& data, const SeriesId& series);

/// Simple close-to-close returns of each series on `sessions` (session_returns() of
/// session_returns.hpp), sessions x series, NaN where a bar is missing. O(S N log n).
/// \throws InvalidArgument as series_bars(), or if a series repeats.
[[nodiscard]] Eigen::MatrixXd series_returns(
    const MarketData& data, std::span<const SeriesId> series,
    std::span<const boost::gregorian::date> sessions,
    const TradingCalendar& calendar = TradingCalendar::nyse());

}  // namespace marketshock::stats
