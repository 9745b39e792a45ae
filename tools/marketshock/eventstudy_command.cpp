// `marketshock eventstudy`: abnormal returns around one event date, against the index rebuilt
// without the event stock (default) or an index's own levels, with the cross-sectional tests.
#include "commands.hpp"
#include "data_option.hpp"
#include "option_checks.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/quoted.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/report/stats_json.hpp>
#include <marketshock/report/stats_text.hpp>
#include <marketshock/stats/event_anchor.hpp>
#include <marketshock/stats/market_event_study.hpp>
#include <marketshock/stats/return_series.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace marketshock::cli {

namespace {

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
  MARKETSHOCK_REQUIRE(w.has_value(), "{} {} is not a window FIRST,LAST such as -1,1", option,
                      quoted_for_message(text));
  return *w;
}

stats::MarketEventStudyOptions study_options(const EventStudyOptions& o) {
  stats::MarketEventStudyOptions s;
  const auto model = stats::try_parse_return_model(o.model);
  MARKETSHOCK_REQUIRE(model.has_value(),
                      "--model {} is not market_model, market_adjusted or mean_adjusted",
                      quoted_for_message(o.model));
  const auto kind = stats::try_parse_benchmark_kind(o.benchmark);
  MARKETSHOCK_REQUIRE(kind.has_value(),
                      "--benchmark {} is not index_without_event_stocks or index_level",
                      quoted_for_message(o.benchmark));
  s.spec.model = *model;
  s.spec.estimation = parse_window(o.estimation, "--estimation");
  s.spec.min_estimation = o.min_estimation;
  s.spec.windows.clear();
  for (const std::string& w : o.windows) s.spec.windows.push_back(parse_window(w, "--window"));
  s.benchmark = *kind;
  s.index_level = o.index;
  s.membership = o.membership;
  for (const std::string& e : o.exclude) s.event_stocks.emplace_back(e);
  return s;
}

void run_eventstudy(const EventStudyOptions& o) {
  const auto news = parse_iso_date(o.event);
  const auto timing = stats::try_parse_news_timing(o.timing);
  MARKETSHOCK_REQUIRE(timing.has_value(), "--timing {} is not before_close or after_close",
                      quoted_for_message(o.timing));
  stats::MarketEventStudyOptions options = study_options(o);
  const auto loaded = load(o.data);
  // The event stock defaults to the first name studied (NVDA in `eventstudy NVDA VST ...`) when
  // it is a security; an index series studied first (`eventstudy SPX ...`) excludes nothing.
  if (o.exclude.empty()) {
    const stats::SeriesId first = stats::resolve_series(loaded.data, o.symbols.front());
    if (first.kind == stats::SeriesKind::security) options.event_stocks.emplace_back(first.name);
  }
  const stats::EventNews event_news{news, *timing};
  const stats::MarketEventStudy result = stats::market_event_study(
      loaded.data, o.symbols, stats::event_session(news, *timing), options);
  if (o.json) {
    fmt::print("{}\n", report::eventstudy_json(result, event_news).dump(2));
  } else {
    fmt::print("{}", report::eventstudy_text(result, event_news));
  }
}

}  // namespace

void add_eventstudy_command(CLI::App& app) {
  auto o = std::make_shared<EventStudyOptions>();
  CLI::App* cmd = app.add_subcommand(
      "eventstudy", "abnormal returns and CARs around an event, with cross-sectional tests");
  cmd->add_option("symbols", o->symbols,
                  "tickers (or index series ids) to study, e.g. NVDA VST CEG")
      ->required();
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
  const auto max_offset = static_cast<int>(kMaxWindowSessions);
  cmd->add_option("--estimation", o->estimation,
                  "estimation window FIRST,LAST in sessions from the event (default -250,-11; "
                  "offsets within -10000 to 10000)")
      ->check(relative_window(max_offset));
  cmd->add_option("--window", o->windows,
                  "CAR window FIRST,LAST, repeatable (default 0,0 -1,1 0,4; offsets within -10000 "
                  "to 10000)")
      ->check(relative_window(max_offset));
  cmd->add_option("--min-estimation", o->min_estimation,
                  "fewest estimation days with data (default 60, at most 10000)")
      ->check(count_in(1, kMaxWindowSessions));
  add_data_option(*cmd, o->data);
  cmd->add_flag("--json", o->json, "write JSON instead of tables");
  cmd->callback([o] { run_eventstudy(*o); });
}

}  // namespace marketshock::cli
