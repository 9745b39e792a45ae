#include <marketshock/report/stats_json.hpp>

#include "detail/json_number.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/report/json_document.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace marketshock::stats {

using report::detail::number;

void to_json(nlohmann::json& j, const SeriesId& series) {
  j = {{"symbol", series.name}, {"kind", std::string(to_string(series.kind))}};
}

void to_json(nlohmann::json& j, const TestStatistic& test) {
  j = {{"statistic", number(test.statistic)},
       {"p_value", number(test.p_value)},
       {"firms", test.firms},
       {"status", std::string(to_string(test.status))}};
}

void to_json(nlohmann::json& j, const SampleTests& tests) {
  j = {{"window", to_string(tests.window)},
       {"firms", tests.firms},
       {"mean_car", number(tests.mean_car)},
       {"mean_bhar", number(tests.mean_bhar)},
       {"mean_residual_correlation", number(tests.mean_residual_correlation)},
       {"cross_sectional_t", tests.cross_sectional_t},
       {"patell", tests.patell},
       {"bmp", tests.bmp},
       {"kolari_pynnonen", tests.kolari_pynnonen},
       {"corrado_rank", tests.corrado_rank},
       {"generalized_sign", tests.generalized_sign}};
}

void to_json(nlohmann::json& j, const WindowAbnormal& window) {
  j = {{"window", to_string(window.window)}, {"days", window.days},
       {"car", number(window.car)},          {"car_variance", number(window.car_variance)},
       {"scar", number(window.scar)},        {"p_value", number(window.p_value)},
       {"bhar", number(window.bhar)}};
}

void to_json(nlohmann::json& j, const ForbesRigobonResult& result) {
  j = {{"tranquil_days", result.tranquil_days},
       {"turmoil_days", result.turmoil_days},
       {"tranquil_correlation", number(result.tranquil_correlation)},
       {"turmoil_correlation", number(result.turmoil_correlation)},
       {"variance_increase", number(result.variance_increase)},
       {"adjusted_turmoil_correlation", number(result.adjusted_turmoil_correlation)},
       {"z_unadjusted", number(result.z_unadjusted)},
       {"p_unadjusted", number(result.p_unadjusted)},
       {"z_adjusted", number(result.z_adjusted)},
       {"p_adjusted", number(result.p_adjusted)},
       {"status", std::string(to_string(result.status))}};
}

void to_json(nlohmann::json& j, const MarketEventStudy& study) {
  nlohmann::json firms = nlohmann::json::array();
  for (std::size_t k = 0; k < study.firms.size(); ++k) {
    const FirmEventStudy& f = study.firms[k];
    nlohmann::json firm = study.series[k];
    firm["alpha"] = number(f.fit.alpha);
    firm["beta"] = number(f.fit.beta);
    firm["residual_variance"] = number(f.fit.residual_variance);
    firm["estimation_days"] = f.fit.observations;
    firm["estimation_days_asked"] = f.fit.window_days;
    firm["degrees_of_freedom"] = f.fit.degrees_of_freedom;
    firm["status"] = std::string(to_string(f.fit.status));
    nlohmann::json ars = nlohmann::json::array();
    for (Eigen::Index t = 0; t < f.event_abnormal.size(); ++t) {
      ars.push_back({{"day", f.event_range.first + static_cast<int>(t)},
                     {"abnormal_return", number(f.event_abnormal(t))},
                     {"standardised", number(f.event_standardised(t))}});
    }
    firm["abnormal_returns"] = std::move(ars);
    firm["windows"] = f.windows;
    firms.push_back(std::move(firm));
  }
  nlohmann::json windows = nlohmann::json::array();
  for (const RelativeWindow& w : study.spec.windows) windows.push_back(to_string(w));
  nlohmann::json without_shares = nlohmann::json::array();
  for (const Symbol& s : study.benchmark_members_without_shares) without_shares.push_back(s.str());
  j = {{"event_session", format_iso_date(study.event_session)},
       {"model", std::string(to_string(study.spec.model))},
       {"estimation", to_string(study.spec.estimation)},
       {"min_estimation", study.spec.min_estimation},
       {"windows", std::move(windows)},
       {"benchmark", study.benchmark},
       {"event_stock_weight", number(study.event_stock_weight)},
       {"benchmark_members_without_shares", std::move(without_shares)},
       {"firms", std::move(firms)},
       {"tests", study.tests}};
}

void to_json(nlohmann::json& j, const MarketConnectedness& result) {
  const RollingConnectedness& dy = result.result;
  nlohmann::json names = nlohmann::json::array();
  for (const SeriesId& s : result.series) names.push_back(s.name);
  nlohmann::json total = nlohmann::json::array();
  for (std::size_t w = 0; w < dy.window_end.size(); ++w) {
    total.push_back({{"window_end", format_iso_date(result.window_end(w))},
                     {"tci", number(dy.total(static_cast<Eigen::Index>(w)))},
                     {"status", std::string(to_string(dy.status[w]))}});
  }
  nlohmann::json at = nlohmann::json::array();
  for (const std::size_t w : result.at) {
    const auto r = static_cast<Eigen::Index>(w);
    nlohmann::json directional = nlohmann::json::array();
    for (std::size_t k = 0; k < result.series.size(); ++k) {
      const auto c = static_cast<Eigen::Index>(k);
      directional.push_back({{"symbol", result.series[k].name},
                             {"to", number(dy.to(r, c))},
                             {"from", number(dy.from(r, c))},
                             {"net", number(dy.net(r, c))}});
    }
    at.push_back({{"window_end", format_iso_date(result.window_end(w))},
                  {"tci", number(dy.total(r))},
                  {"status", std::string(to_string(dy.status[w]))},
                  {"directional", std::move(directional)}});
  }
  nlohmann::json cuts = nlohmann::json::array();
  for (const RangeCut& cut : result.cuts) {
    cuts.push_back({{"side", std::string(to_string(cut.side))},
                    {"requested", format_iso_date(cut.requested)},
                    {"symbol", cut.series},
                    {"bar", format_iso_date(cut.bar)},
                    {"applied", format_iso_date(cut.applied)}});
  }
  j = {{"symbols", std::move(names)},
       {"series", result.series},
       {"window", result.options.window},
       {"lags", result.options.lags},
       {"horizon", result.options.horizon},
       {"missing", std::string(to_string(result.options.missing))},
       {"range",
        {{"from", format_iso_date(result.sessions.front())},
         {"to", format_iso_date(result.sessions.back())},
         {"sessions", result.sessions.size()},
         {"cuts", std::move(cuts)}}},
       {"total", std::move(total)},
       {"at", std::move(at)}};
}

void to_json(nlohmann::json& j, const MarketCorrelation& result) {
  const auto window = [](const DateRange& r, RowRange rows) {
    return nlohmann::json{{"from", format_iso_date(r.first)},
                          {"to", format_iso_date(r.last)},
                          {"sessions", rows.size()}};
  };
  nlohmann::json targets = nlohmann::json::array();
  for (std::size_t k = 0; k < result.targets.size(); ++k) {
    nlohmann::json t = result.results[k];
    t["symbol"] = result.targets[k].name;
    t["kind"] = std::string(to_string(result.targets[k].kind));
    targets.push_back(std::move(t));
  }
  j = {{"source", result.source_name},
       {"sources", result.sources},
       {"tranquil", window(result.tranquil, result.tranquil_rows)},
       {"turmoil", window(result.turmoil, result.turmoil_rows)},
       {"min_days", result.min_days},
       {"test", "Fisher z, one-sided: turmoil correlation > tranquil"},
       {"targets", std::move(targets)}};
}

}  // namespace marketshock::stats

namespace marketshock::report {

nlohmann::json eventstudy_json(const stats::MarketEventStudy& study, const stats::EventNews& news) {
  nlohmann::json body = study;
  body["news"] = {{"date", format_iso_date(news.day)},
                  {"timing", std::string(stats::to_string(news.timing))}};
  return json_document("eventstudy", std::move(body));
}

nlohmann::json connectedness_json(const stats::MarketConnectedness& result) {
  return json_document("connectedness", result);
}

nlohmann::json correlation_json(const stats::MarketCorrelation& result) {
  return json_document("correlation", result);
}

}  // namespace marketshock::report
