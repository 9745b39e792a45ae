/// \file market_correlation.hpp
/// \brief Forbes-Rigobon tests on the dataset: a source series (or an equal-weighted basket)
/// against target series, a turmoil window of dates against a tranquil one.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/stats/forbes_rigobon.hpp>
#include <marketshock/stats/return_series.hpp>
#include <marketshock/stats/row_range.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace marketshock::stats {

/// Dates `first`..`last`, both inclusive.
struct DateRange {
  boost::gregorian::date first;
  boost::gregorian::date last;
};

/// Options of market_correlation().
struct MarketCorrelationOptions {
  DateRange tranquil;
  DateRange turmoil;
  /// Fewest days with both returns in each window (forbes_rigobon(), at least 4).
  std::size_t min_days = 10;
};

/// Inputs and results of market_correlation().
struct MarketCorrelation {
  std::vector<SeriesId> sources;
  std::vector<SeriesId> targets;
  /// "NVDA", or "basket(NVDA+AMD)" for several sources.
  std::string source_name;
  DateRange tranquil;
  DateRange turmoil;
  std::size_t min_days = 0;
  /// The sessions of both windows, increasing; `tranquil_rows` and `turmoil_rows` index them.
  std::vector<boost::gregorian::date> sessions;
  RowRange tranquil_rows;
  RowRange turmoil_rows;
  /// One per target, same order. The source's variance ratio (variance_increase) is taken on
  /// the days each target shares with the source, so it can differ between targets.
  std::vector<ForbesRigobonResult> results;
};

/// forbes_rigobon() of the source against each target over the sessions of the two windows.
/// Names are securities or index level series (resolve_series()). Several sources form an
/// equal-weighted basket whose return is NaN unless every member has one that day.
/// \throws InvalidArgument for no source or target, an unknown name, a name repeated within the
/// sources or the targets, a reversed window, overlapping windows, or as forbes_rigobon().
[[nodiscard]] MarketCorrelation market_correlation(
    const MarketData& data, std::span<const std::string> sources,
    std::span<const std::string> targets, const MarketCorrelationOptions& options,
    const TradingCalendar& calendar = TradingCalendar::nyse());

}  // namespace marketshock::stats
