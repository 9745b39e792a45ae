#include <marketshock/report/stats_text.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/report/number_format.hpp>
#include <marketshock/report/text_table.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <vector>

namespace marketshock::report {

namespace {

using stats::SeriesId;
using stats::SeriesKind;

std::string label(const SeriesId& s) {
  return s.kind == SeriesKind::index_level ? s.name + " (index)" : s.name;
}

std::vector<std::string> labels(const std::vector<SeriesId>& series) {
  std::vector<std::string> out;
  out.reserve(series.size());
  for (const SeriesId& s : series) out.push_back(label(s));
  return out;
}

std::string statistic_with(double statistic, const std::string& in_brackets) {
  return fmt::format("{} ({})", fixed(statistic), in_brackets);
}

}  // namespace

std::string eventstudy_text(const stats::MarketEventStudy& study, const stats::EventNews& news) {
  std::string out = fmt::format(
      "Event study, {} ({}), news {} {} -> event session {}\n", stats::to_string(study.spec.model),
      fmt::join(labels(study.series), " "), format_iso_date(news.day),
      stats::to_string(news.timing), format_iso_date(study.event_session));
  out += fmt::format("Benchmark: {}", study.benchmark);
  if (std::isfinite(study.event_stock_weight)) {
    out +=
        fmt::format(" (excluded weight {}% at the prior close)", percent(study.event_stock_weight));
  }
  out += "\n\n";
  std::vector<Column> columns{
      {"symbol"}, {"beta", Align::right}, {"est. days", Align::right}, {"status"}};
  for (const stats::RelativeWindow& w : study.spec.windows) {
    columns.push_back({"CAR" + to_string(w) + " %", Align::right});
    columns.push_back({"t", Align::right});
  }
  columns.push_back({"BHAR" + to_string(study.spec.windows.back()) + " %", Align::right});
  TextTable firms(std::move(columns));
  for (std::size_t j = 0; j < study.firms.size(); ++j) {
    const stats::FirmEventStudy& f = study.firms[j];
    std::vector<std::string> row{label(study.series[j]), fixed(f.fit.beta),
                                 fmt::format("{}/{}", f.fit.observations, f.fit.window_days),
                                 std::string(to_string(f.fit.status))};
    for (const stats::WindowAbnormal& w : f.windows) {
      row.push_back(percent(w.car));
      row.push_back(fixed(w.scar));
    }
    row.push_back(percent(f.windows.back().bhar));
    firms.add_row(std::move(row));
  }
  out += firms.render() + "\n";
  TextTable tests({{"window"},
                   {"firms", Align::right},
                   {"mean CAR %", Align::right},
                   {"t (p)", Align::right},
                   {"Patell", Align::right},
                   {"BMP", Align::right},
                   {"KP (r)", Align::right},
                   {"Corrado-Zivney", Align::right},
                   {"gen. sign", Align::right}});
  for (const stats::SampleTests& t : study.tests) {
    tests.add_row({to_string(t.window), fmt::format("{}", t.firms), percent(t.mean_car),
                   statistic_with(t.cross_sectional_t.statistic,
                                  fixed(t.cross_sectional_t.p_value, {.decimals = 3})),
                   fixed(t.patell.statistic), fixed(t.bmp.statistic),
                   statistic_with(t.kolari_pynnonen.statistic, fixed(t.mean_residual_correlation)),
                   fixed(t.corrado_rank.statistic), fixed(t.generalized_sign.statistic)});
  }
  out += tests.render();
  out +=
      "\nt = standardised CAR (Student t, fit's df); tests of mean CAR = 0, two-sided; "
      "n/a: fewer than two firms or a degenerate input.\n";
  return out;
}

std::string connectedness_text(const stats::MarketConnectedness& result) {
  const stats::RollingConnectedness& dy = result.result;
  std::string out = fmt::format(
      "Diebold-Yilmaz connectedness of {}: VAR({}) with intercept, generalized FEVD, H = {}, "
      "rolling windows of {} sessions; {} windows ending {} to {}\n",
      fmt::join(labels(result.series), " "), result.options.lags, result.options.horizon,
      result.options.window, dy.window_end.size(), format_iso_date(result.window_end(0)),
      format_iso_date(result.window_end(dy.window_end.size() - 1)));
  for (const stats::RangeCut& cut : result.cuts) {
    const bool end = cut.side == stats::RangeCut::Side::to;
    out += fmt::format(
        "note: asked to {} {} but {}'s {} bar is {}: the range {} {} (skip policy)\n",
        end ? "end" : "start", format_iso_date(cut.requested), cut.series, end ? "last" : "first",
        format_iso_date(cut.bar), end ? "ends" : "starts", format_iso_date(cut.applied));
  }
  out += "\n";
  for (const std::size_t w : result.at) {
    const auto r = static_cast<Eigen::Index>(w);
    out += fmt::format("Window ending {}: total connectedness {}% ({})\n",
                       format_iso_date(result.window_end(w)), fixed(dy.total(r)),
                       to_string(dy.status[w]));
    TextTable table(
        {{"symbol"}, {"to %", Align::right}, {"from %", Align::right}, {"net %", Align::right}});
    for (std::size_t j = 0; j < result.series.size(); ++j) {
      const auto c = static_cast<Eigen::Index>(j);
      table.add_row(
          {label(result.series[j]), fixed(dy.to(r, c)), fixed(dy.from(r, c)), fixed(dy.net(r, c))});
    }
    out += table.render() + "\n";
  }
  std::size_t not_ok = 0;
  for (const StatStatus s : dy.status) not_ok += s == StatStatus::ok ? 0 : 1;
  if (not_ok > 0) {
    out += fmt::format("{} windows without a result (see --json for their status)\n", not_ok);
  }
  return out;
}

std::string correlation_text(const stats::MarketCorrelation& result) {
  std::string out = fmt::format(
      "Forbes-Rigobon: source {}, tranquil {}..{}, turmoil {}..{}\n\n", result.source_name,
      format_iso_date(result.tranquil.first), format_iso_date(result.tranquil.last),
      format_iso_date(result.turmoil.first), format_iso_date(result.turmoil.last));
  const NumberStyle three{.decimals = 3};
  TextTable table({{"target"},
                   {"days", Align::right},
                   {"rho tranquil", Align::right},
                   {"rho turmoil", Align::right},
                   {"adjusted", Align::right},
                   {"var ratio", Align::right},
                   {"z", Align::right},
                   {"p", Align::right},
                   {"z adj.", Align::right},
                   {"p adj.", Align::right},
                   {"status"}});
  for (std::size_t j = 0; j < result.results.size(); ++j) {
    const stats::ForbesRigobonResult& r = result.results[j];
    table.add_row({label(result.targets[j]), fmt::format("{}/{}", r.tranquil_days, r.turmoil_days),
                   fixed(r.tranquil_correlation, three), fixed(r.turmoil_correlation, three),
                   fixed(r.adjusted_turmoil_correlation, three), fixed(1.0 + r.variance_increase),
                   fixed(r.z_unadjusted, three), fixed(r.p_unadjusted, three),
                   fixed(r.z_adjusted, three), fixed(r.p_adjusted, three),
                   std::string(to_string(r.status))});
  }
  out += table.render();
  out +=
      "\nvar ratio = source variance turmoil / tranquil on the days the source and that target "
      "both have a return; adjusted = rho / sqrt(1 + delta (1 - rho^2)), delta = var ratio - 1; "
      "z: Fisher z of turmoil vs tranquil correlation, p one-sided (H1: higher in turmoil = "
      "contagion).\n";
  return out;
}

}  // namespace marketshock::report
