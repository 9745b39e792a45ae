// `marketshock correlation`: Forbes-Rigobon heteroskedasticity-adjusted correlation between a
// source (one security or an equal-weighted basket) and targets, turmoil against tranquil.
#include "commands.hpp"
#include "data_option.hpp"
#include "option_checks.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/quoted.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/report/text_table.hpp>
#include <marketshock/stats/forbes_rigobon.hpp>
#include <marketshock/stats/session_returns.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
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

std::vector<Symbol> resolve(const MarketData& data, const std::vector<std::string>& names) {
  std::vector<Symbol> out;
  out.reserve(names.size());
  for (const std::string& s : names) out.push_back(data.record(data.require(s)).security.symbol);
  return out;
}

void run_correlation(const CorrelationOptions& o) {
  const DateRange calm = parse_range(o.tranquil, "--tranquil");
  const DateRange storm = parse_range(o.turmoil, "--turmoil");
  MARKETSHOCK_REQUIRE(calm.last < storm.first || storm.last < calm.first,
                      "--tranquil {} and --turmoil {} overlap", o.tranquil, o.turmoil);
  const auto loaded = load(o.data);
  const std::vector<Symbol> sources = resolve(loaded.data, o.sources);
  const std::vector<Symbol> targets = resolve(loaded.data, o.targets);
  const TradingCalendar& calendar = TradingCalendar::nyse();
  std::vector<date> sessions = calendar.sessions_between(calm.first, calm.last);
  const auto calm_rows = static_cast<Eigen::Index>(sessions.size());
  for (const date d : calendar.sessions_between(storm.first, storm.last)) sessions.push_back(d);
  std::sort(sessions.begin(), sessions.end());
  const stats::RowRange tranquil =
      calm.first < storm.first
          ? stats::RowRange{0, calm_rows}
          : stats::RowRange{static_cast<Eigen::Index>(sessions.size()) - calm_rows,
                            static_cast<Eigen::Index>(sessions.size())};
  const stats::RowRange turmoil =
      calm.first < storm.first
          ? stats::RowRange{calm_rows, static_cast<Eigen::Index>(sessions.size())}
          : stats::RowRange{0, static_cast<Eigen::Index>(sessions.size()) - calm_rows};
  // The source: one security, or the equal-weighted basket (NaN unless every member has a return).
  const Panel source_returns = stats::security_returns(loaded.data, sources, sessions);
  const Eigen::VectorXd source = source_returns.values().rowwise().mean();
  const Panel target_returns = stats::security_returns(loaded.data, targets, sessions);
  const std::vector<stats::ForbesRigobonResult> results =
      stats::forbes_rigobon_each(source, target_returns.values(), tranquil, turmoil, o.min_days);

  const std::string source_name = sources.size() == 1
                                      ? o.sources.front()
                                      : fmt::format("basket({})", fmt::join(o.sources, "+"));
  if (o.json) {
    nlohmann::json out{{"source", source_name},
                       {"tranquil", o.tranquil},
                       {"turmoil", o.turmoil},
                       {"test", "Fisher z, one-sided: turmoil correlation > tranquil"}};
    for (std::size_t j = 0; j < results.size(); ++j) {
      const stats::ForbesRigobonResult& r = results[j];
      out["targets"].push_back({{"symbol", o.targets[j]},
                                {"tranquil_days", r.tranquil_days},
                                {"turmoil_days", r.turmoil_days},
                                {"tranquil_correlation", r.tranquil_correlation},
                                {"turmoil_correlation", r.turmoil_correlation},
                                {"variance_increase", r.variance_increase},
                                {"adjusted_turmoil_correlation", r.adjusted_turmoil_correlation},
                                {"z_unadjusted", r.z_unadjusted},
                                {"p_unadjusted", r.p_unadjusted},
                                {"z_adjusted", r.z_adjusted},
                                {"p_adjusted", r.p_adjusted},
                                {"status", to_string(r.status)}});
    }
    fmt::print("{}\n", out.dump(2));
    return;
  }
  fmt::print("Forbes-Rigobon: source {}, tranquil {}, turmoil {}\n", source_name, o.tranquil,
             o.turmoil);
  if (!results.empty() && is_usable(results.front().status)) {
    fmt::print("source variance turmoil / tranquil = {:.2f}\n",
               1.0 + results.front().variance_increase);
  }
  fmt::print("\n");
  const auto f = [](double x) {
    return std::isnan(x) ? std::string("n/a") : fmt::format("{:.3f}", x);
  };
  report::TextTable table({{"target"},
                           {"days", report::Align::right},
                           {"rho tranquil", report::Align::right},
                           {"rho turmoil", report::Align::right},
                           {"adjusted", report::Align::right},
                           {"z", report::Align::right},
                           {"p", report::Align::right},
                           {"z adj.", report::Align::right},
                           {"p adj.", report::Align::right},
                           {"status"}});
  for (std::size_t j = 0; j < results.size(); ++j) {
    const stats::ForbesRigobonResult& r = results[j];
    table.add_row({o.targets[j], fmt::format("{}/{}", r.tranquil_days, r.turmoil_days),
                   f(r.tranquil_correlation), f(r.turmoil_correlation),
                   f(r.adjusted_turmoil_correlation), f(r.z_unadjusted), f(r.p_unadjusted),
                   f(r.z_adjusted), f(r.p_adjusted), std::string(to_string(r.status))});
  }
  fmt::print("{}", table.render());
  fmt::print(
      "\nadjusted = rho / sqrt(1 + delta (1 - rho^2)), delta = source variance ratio - 1; "
      "z: Fisher z of turmoil vs tranquil correlation, p one-sided (H1: higher in "
      "turmoil = contagion).\n");
}

}  // namespace

void add_correlation_command(CLI::App& app) {
  auto o = std::make_shared<CorrelationOptions>();
  CLI::App* cmd = app.add_subcommand(
      "correlation", "Forbes-Rigobon adjusted correlation, turmoil vs tranquil, with a z test");
  cmd->add_option("targets", o->targets, "target tickers, e.g. VST CEG NRG")->required();
  cmd->add_option("--source", o->sources,
                  "source ticker (repeat for an equal-weighted basket), e.g. NVDA")
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
