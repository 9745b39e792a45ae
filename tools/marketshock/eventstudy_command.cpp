// `marketshock eventstudy`: abnormal returns around one event date, against the index rebuilt
// without the event stock (default) or an index's own levels, with the cross-sectional tests.
#include "commands.hpp"
#include "data_option.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/report/text_table.hpp>
#include <marketshock/stats/event_anchor.hpp>
#include <marketshock/stats/market_event_study.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace marketshock::cli {

namespace {

using stats::FirmEventStudy;
using stats::SampleTests;
using stats::TestStatistic;

struct EventStudyOptions {
  std::vector<std::string> symbols;
  std::string event;
  std::string timing = "before_close";
  std::string model = "market_model";
  std::string benchmark = "index_without_event_stocks";
  std::string index = "SPX";
  std::string membership = "sp500";
  std::vector<std::string> exclude;
  std::string estimation = "-250,-11";
  std::vector<std::string> windows{"0,0", "-1,1", "0,4"};
  std::size_t min_estimation = 60;
  std::string data;
  bool json = false;
};

stats::RelativeWindow parse_window(const std::string& text, const char* option) {
  const auto w = stats::try_parse_relative_window(text);
  MARKETSHOCK_REQUIRE(w.has_value(), "{} '{}' is not a window FIRST,LAST such as -1,1", option,
                      text);
  return *w;
}

stats::MarketEventStudyOptions study_options(const EventStudyOptions& o) {
  stats::MarketEventStudyOptions s;
  const auto model = stats::try_parse_return_model(o.model);
  MARKETSHOCK_REQUIRE(model.has_value(),
                      "--model '{}' is not market_model, market_adjusted or mean_adjusted",
                      o.model);
  const auto kind = stats::try_parse_benchmark_kind(o.benchmark);
  MARKETSHOCK_REQUIRE(kind.has_value(),
                      "--benchmark '{}' is not index_without_event_stocks or index_level",
                      o.benchmark);
  s.spec.model = *model;
  s.spec.estimation = parse_window(o.estimation, "--estimation");
  s.spec.min_estimation = o.min_estimation;
  s.spec.windows.clear();
  for (const std::string& w : o.windows) s.spec.windows.push_back(parse_window(w, "--window"));
  s.benchmark = *kind;
  s.index_level = o.index;
  s.membership = o.membership;
  // The event stock defaults to the first symbol studied (NVDA in `eventstudy NVDA VST ...`).
  const std::vector<std::string>& excluded =
      o.exclude.empty() ? std::vector<std::string>{o.symbols.front()} : o.exclude;
  for (const std::string& e : excluded) s.event_stocks.emplace_back(e);
  return s;
}

std::string pct(double fraction) {
  return std::isnan(fraction) ? "n/a" : fmt::format("{:.2f}", 100.0 * fraction);
}
std::string num(double x, int digits = 2) {
  return std::isnan(x) ? "n/a" : fmt::format("{:.{}f}", x, digits);
}

nlohmann::json test_json(const TestStatistic& t) {
  return {{"statistic", t.statistic},
          {"p_value", t.p_value},
          {"firms", t.firms},
          {"status", to_string(t.status)}};
}

nlohmann::json to_json(const stats::MarketEventStudy& r, const EventStudyOptions& o) {
  nlohmann::json out;
  out["event_session"] = format_iso_date(r.event_session);
  out["model"] = o.model;
  out["benchmark"] = r.benchmark;
  out["event_stock_weight"] = r.event_stock_weight;
  out["benchmark_members_without_shares"] = nlohmann::json::array();
  for (const Symbol& s : r.benchmark_members_without_shares) {
    out["benchmark_members_without_shares"].push_back(s.str());
  }
  for (std::size_t j = 0; j < r.firms.size(); ++j) {
    const FirmEventStudy& f = r.firms[j];
    nlohmann::json firm{{"symbol", r.series[j].name},
                        {"alpha", f.fit.alpha},
                        {"beta", f.fit.beta},
                        {"residual_variance", f.fit.residual_variance},
                        {"estimation_days", f.fit.observations},
                        {"estimation_days_asked", f.fit.window_days},
                        {"status", to_string(f.fit.status)}};
    nlohmann::json ars = nlohmann::json::array();
    for (Eigen::Index t = 0; t < f.event_abnormal.size(); ++t) {
      ars.push_back({{"day", f.event_range.first + static_cast<int>(t)},
                     {"abnormal_return", f.event_abnormal(t)},
                     {"standardised", f.event_standardised(t)}});
    }
    firm["abnormal_returns"] = std::move(ars);
    for (const auto& w : f.windows) {
      firm["windows"].push_back({{"window", to_string(w.window)},
                                 {"days", w.days},
                                 {"car", w.car},
                                 {"scar", w.scar},
                                 {"p_value", w.p_value},
                                 {"bhar", w.bhar}});
    }
    out["firms"].push_back(std::move(firm));
  }
  for (const SampleTests& t : r.tests) {
    out["tests"].push_back({{"window", to_string(t.window)},
                            {"firms", t.firms},
                            {"mean_car", t.mean_car},
                            {"mean_bhar", t.mean_bhar},
                            {"mean_residual_correlation", t.mean_residual_correlation},
                            {"cross_sectional_t", test_json(t.cross_sectional_t)},
                            {"patell", test_json(t.patell)},
                            {"bmp", test_json(t.bmp)},
                            {"kolari_pynnonen", test_json(t.kolari_pynnonen)},
                            {"corrado_rank", test_json(t.corrado_rank)},
                            {"generalized_sign", test_json(t.generalized_sign)}});
  }
  return out;
}

void print_text(const stats::MarketEventStudy& r, const EventStudyOptions& o,
                boost::gregorian::date news) {
  fmt::print("Event study, {} ({}), news {} {} -> event session {}\n", o.model,
             fmt::join(o.symbols, " "), format_iso_date(news), o.timing,
             format_iso_date(r.event_session));
  fmt::print("Benchmark: {}", r.benchmark);
  if (!std::isnan(r.event_stock_weight)) {
    fmt::print(" (excluded weight {}% at the prior close)", pct(r.event_stock_weight));
  }
  fmt::print("\n\n");
  std::vector<report::Column> columns{
      {"symbol"}, {"beta", report::Align::right}, {"est. days", report::Align::right}, {"status"}};
  for (const auto& w : r.firms.front().windows) {
    columns.push_back({"CAR" + to_string(w.window) + " %", report::Align::right});
    columns.push_back({"t", report::Align::right});
  }
  columns.push_back(
      {"BHAR" + to_string(r.firms.front().windows.back().window) + " %", report::Align::right});
  report::TextTable firms(std::move(columns));
  for (std::size_t j = 0; j < r.firms.size(); ++j) {
    const FirmEventStudy& f = r.firms[j];
    std::vector<std::string> row{r.series[j].name, num(f.fit.beta),
                                 fmt::format("{}/{}", f.fit.observations, f.fit.window_days),
                                 std::string(to_string(f.fit.status))};
    for (const auto& w : f.windows) {
      row.push_back(pct(w.car));
      row.push_back(num(w.scar));
    }
    row.push_back(pct(f.windows.back().bhar));
    firms.add_row(std::move(row));
  }
  fmt::print("{}\n", firms.render());
  report::TextTable tests({{"window"},
                           {"firms", report::Align::right},
                           {"mean CAR %", report::Align::right},
                           {"t (p)", report::Align::right},
                           {"Patell", report::Align::right},
                           {"BMP", report::Align::right},
                           {"KP (r)", report::Align::right},
                           {"Corrado", report::Align::right},
                           {"gen. sign", report::Align::right}});
  for (const SampleTests& t : r.tests) {
    tests.add_row(
        {to_string(t.window), fmt::format("{}", t.firms), pct(t.mean_car),
         fmt::format("{} ({})", num(t.cross_sectional_t.statistic),
                     num(t.cross_sectional_t.p_value, 3)),
         num(t.patell.statistic), num(t.bmp.statistic),
         fmt::format("{} ({})", num(t.kolari_pynnonen.statistic), num(t.mean_residual_correlation)),
         num(t.corrado_rank.statistic), num(t.generalized_sign.statistic)});
  }
  fmt::print("{}", tests.render());
  fmt::print(
      "\nt = standardised CAR (Student t, fit's df); tests of mean CAR = 0, two-sided; "
      "n/a: fewer than two firms or a degenerate input.\n");
}

void run_eventstudy(const EventStudyOptions& o) {
  const auto news = parse_iso_date(o.event);
  const auto timing = stats::try_parse_news_timing(o.timing);
  MARKETSHOCK_REQUIRE(timing.has_value(), "--timing '{}' is not before_close or after_close",
                      o.timing);
  const stats::MarketEventStudyOptions options = study_options(o);
  const auto loaded = load(o.data);
  std::vector<Symbol> symbols;
  symbols.reserve(o.symbols.size());
  for (const std::string& s : o.symbols) {
    symbols.push_back(loaded.data.record(loaded.data.require(s)).security.symbol);
  }
  const auto event = stats::event_session(news, *timing);
  const stats::MarketEventStudy result =
      stats::market_event_study(loaded.data, symbols, event, options);
  if (o.json) {
    fmt::print("{}\n", to_json(result, o).dump(2));
  } else {
    print_text(result, o, news);
  }
}

}  // namespace

void add_eventstudy_command(CLI::App& app) {
  auto o = std::make_shared<EventStudyOptions>();
  CLI::App* cmd = app.add_subcommand(
      "eventstudy", "abnormal returns and CARs around an event, with cross-sectional tests");
  cmd->add_option("symbols", o->symbols, "tickers to study, e.g. NVDA VST CEG")->required();
  cmd->add_option("--event", o->event,
                  "news date YYYY-MM-DD (a weekend or after-close date maps to the next session)")
      ->required();
  cmd->add_option("--timing", o->timing, "before_close (default) or after_close");
  cmd->add_option("--model", o->model, "market_model (default), market_adjusted, mean_adjusted");
  cmd->add_option("--benchmark", o->benchmark,
                  "index_without_event_stocks (default: rebuilt from members) or index_level");
  cmd->add_option("--index", o->index, "index levels for --benchmark index_level (default SPX)");
  cmd->add_option("--membership", o->membership,
                  "index rebuilt without the event stocks "
                  "(default sp500)");
  cmd->add_option("--exclude", o->exclude,
                  "event stocks left out of the rebuilt index (default: the first symbol)");
  cmd->add_option("--estimation", o->estimation, "estimation window FIRST,LAST (default -250,-11)");
  cmd->add_option("--window", o->windows,
                  "CAR window FIRST,LAST, repeatable (default 0,0 -1,1 0,4)");
  cmd->add_option("--min-estimation", o->min_estimation,
                  "fewest estimation days with data (default 60)");
  add_data_option(*cmd, o->data);
  cmd->add_flag("--json", o->json, "write JSON instead of tables");
  cmd->callback([o] { run_eventstudy(*o); });
}

}  // namespace marketshock::cli
