/// \file stats_json.hpp
/// \brief JSON of the statistics' results (to_json, found by ADL) and the documents of
/// `marketshock eventstudy`, `connectedness` and `correlation` (docs/schema/<command>.schema.json).
/// Returns and CARs are fractions, connectedness figures percent; a missing number is null.
#pragma once

#include <marketshock/stats/event_anchor.hpp>
#include <marketshock/stats/event_study.hpp>
#include <marketshock/stats/event_tests.hpp>
#include <marketshock/stats/forbes_rigobon.hpp>
#include <marketshock/stats/market_connectedness.hpp>
#include <marketshock/stats/market_correlation.hpp>
#include <marketshock/stats/market_event_study.hpp>
#include <marketshock/stats/return_series.hpp>

#include <nlohmann/json_fwd.hpp>

namespace marketshock::stats {

/// `{"symbol", "kind"}`: kind "security" or "index_level".
void to_json(nlohmann::json& j, const SeriesId& series);
/// `{"statistic", "p_value", "firms", "status"}`.
void to_json(nlohmann::json& j, const TestStatistic& test);
/// `{"window", "firms", "mean_car", "mean_bhar", "mean_residual_correlation",
/// "cross_sectional_t", "patell", "bmp", "kolari_pynnonen", "corrado_rank", "generalized_sign"}`.
void to_json(nlohmann::json& j, const SampleTests& tests);
/// `{"window", "days", "car", "car_variance", "scar", "p_value", "bhar"}`.
void to_json(nlohmann::json& j, const WindowAbnormal& window);
/// `{"tranquil_days", "turmoil_days", "tranquil_correlation", "turmoil_correlation",
/// "variance_increase", "adjusted_turmoil_correlation", "z_unadjusted", "p_unadjusted",
/// "z_adjusted", "p_adjusted", "status"}`.
void to_json(nlohmann::json& j, const ForbesRigobonResult& result);
/// `{"event_session", "model", "estimation", "min_estimation", "windows", "benchmark",
/// "event_stock_weight", "benchmark_members_without_shares", "firms": [...], "tests": [...]}`;
/// each firm has symbol, kind, its fit (alpha, beta, residual_variance, estimation_days,
/// estimation_days_asked, degrees_of_freedom, status), abnormal_returns by relative day and
/// windows.
void to_json(nlohmann::json& j, const MarketEventStudy& study);
/// `{"symbols", "series", "window", "lags", "horizon", "missing", "range", "total": [...],
/// "at": [...]}`: the total connectedness of every window, the directional figures of the
/// windows asked for, and the range with any cut to the data.
void to_json(nlohmann::json& j, const MarketConnectedness& result);
/// `{"source", "sources", "tranquil", "turmoil", "min_days", "test", "targets": [...]}`.
void to_json(nlohmann::json& j, const MarketCorrelation& result);

}  // namespace marketshock::stats

namespace marketshock::report {

/// The document of `marketshock eventstudy`: the study and the news it is anchored on
/// (`"news": {"date", "timing"}`), with schema "marketshock.eventstudy".
[[nodiscard]] nlohmann::json eventstudy_json(const stats::MarketEventStudy& study,
                                             const stats::EventNews& news);
/// The document of `marketshock connectedness` (schema "marketshock.connectedness").
[[nodiscard]] nlohmann::json connectedness_json(const stats::MarketConnectedness& result);
/// The document of `marketshock correlation` (schema "marketshock.correlation").
[[nodiscard]] nlohmann::json correlation_json(const stats::MarketCorrelation& result);

}  // namespace marketshock::report
