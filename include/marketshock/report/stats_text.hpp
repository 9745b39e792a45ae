/// \file stats_text.hpp
/// \brief Text reports of `marketshock eventstudy`, `connectedness` and `correlation`: aligned
/// tables with units in the headings and a line saying what each statistic is.
#pragma once

#include <marketshock/stats/event_anchor.hpp>
#include <marketshock/stats/market_connectedness.hpp>
#include <marketshock/stats/market_correlation.hpp>
#include <marketshock/stats/market_event_study.hpp>

#include <string>

namespace marketshock::report {

/// The news and its event session, the benchmark, one row per firm (beta, estimation days,
/// status, CAR % and t per window, BHAR % of the last window), then the sample tests per
/// window (mean CAR %, t (p), Patell, BMP, Kolari-Pynnonen (r), Corrado-Zivney, generalized
/// sign) and a legend. Index level series are marked "(index)".
[[nodiscard]] std::string eventstudy_text(const stats::MarketEventStudy& study,
                                          const stats::EventNews& news);

/// The model line (VAR order, horizon, window, range), any cut of the range to the data, then
/// for each window asked for its total connectedness and the TO, FROM, NET table (percent),
/// and the count of windows without a result.
[[nodiscard]] std::string connectedness_text(const stats::MarketConnectedness& result);

/// The source and windows, then one row per target: days used, correlations tranquil and
/// turmoil, the adjusted turmoil correlation, the source's variance ratio on that target's days,
/// z and p unadjusted and adjusted, status; and the formulas.
[[nodiscard]] std::string correlation_text(const stats::MarketCorrelation& result);

}  // namespace marketshock::report
