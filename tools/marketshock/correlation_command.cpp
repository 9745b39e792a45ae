// `marketshock correlation`: Forbes-Rigobon heteroskedasticity-adjusted correlation between a
// source (one security or an equal-weighted basket) and targets, turmoil against tranquil.
#include "commands.hpp"
#include "data_option.hpp"
#include "option_checks.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/quoted.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/report/stats_json.hpp>
#include <marketshock/report/stats_text.hpp>
#include <marketshock/stats/market_correlation.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace marketshock::cli {

namespace {

using boost::gregorian::date;

struct CorrelationOptions {
  std::vector<std::string> sources;
  std::vector<std::string> targets;
  std::string tranquil;
  std::string turmoil;
  std::size_t min_days = 10;
  std::string data;
  bool json = false;
};

struct DateRange {
  date first;
  date last;
};

DateRange parse_range(const std::string& text, const char* option) {
  const auto comma = text.find(',');
  MARKETSHOCK_REQUIRE(comma != std::string::npos, "{} {} is not FROM,TO", option,
                      quoted_for_message(text));
  const DateRange r{parse_iso_date(text.substr(0, comma)), parse_iso_date(text.substr(comma + 1))};
  MARKETSHOCK_REQUIRE(r.first <= r.last, "{} {} is reversed", option, quoted_for_message(text));
  return r;
}

void run_correlation(const CorrelationOptions& o) {
  const DateRange calm = parse_range(o.tranquil, "--tranquil");
  const DateRange storm = parse_range(o.turmoil, "--turmoil");
  MARKETSHOCK_REQUIRE(calm.last < storm.first || storm.last < calm.first,
                      "--tranquil {} and --turmoil {} overlap", o.tranquil, o.turmoil);
  stats::MarketCorrelationOptions options;
  options.tranquil = {calm.first, calm.last};
  options.turmoil = {storm.first, storm.last};
  options.min_days = o.min_days;
  const auto loaded = load(o.data);
  const stats::MarketCorrelation result =
      stats::market_correlation(loaded.data, o.sources, o.targets, options);
  if (o.json) {
    fmt::print("{}\n", report::correlation_json(result).dump(2));
  } else {
    fmt::print("{}", report::correlation_text(result));
  }
}

}  // namespace

void add_correlation_command(CLI::App& app) {
  auto o = std::make_shared<CorrelationOptions>();
  CLI::App* cmd = app.add_subcommand(
      "correlation", "Forbes-Rigobon adjusted correlation, turmoil vs tranquil, with a z test");
  cmd->add_option("targets", o->targets, "target tickers or index series ids, e.g. VST CEG NRG")
      ->required();
  cmd->add_option(
         "--source", o->sources,
         "source ticker or index series id (repeat for an equal-weighted basket), e.g. NVDA")
      ->required();
  cmd->add_option("--tranquil", o->tranquil, "tranquil window FROM,TO (YYYY-MM-DD)")->required();
  cmd->add_option("--turmoil", o->turmoil, "turmoil window FROM,TO (YYYY-MM-DD)")->required();
  cmd->add_option("--min-days", o->min_days, "fewest days per window (default 10, 4 to 10000)")
      ->check(count_in(4, kMaxWindowSessions));
  add_data_option(*cmd, o->data);
  cmd->add_flag("--json", o->json, "write JSON instead of tables");
  cmd->callback([o] { run_correlation(*o); });
}

}  // namespace marketshock::cli
