// `marketshock connectedness`: rolling Diebold-Yilmaz connectedness of securities or index series.
#include "commands.hpp"
#include "data_option.hpp"
#include "option_checks.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/quoted.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/report/stats_json.hpp>
#include <marketshock/report/stats_text.hpp>
#include <marketshock/stats/market_connectedness.hpp>
#include <marketshock/stats/rolling_connectedness.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace marketshock::cli {

namespace {

struct ConnectednessOptions {
  std::vector<std::string> symbols;
  std::string from;
  std::string to;
  std::vector<std::string> at;
  std::size_t window = 250;
  std::size_t lags = 1;
  std::size_t horizon = 10;
  std::string missing = "reject";
  std::string data;
  bool json = false;
};

void run_connectedness(const ConnectednessOptions& o) {
  MARKETSHOCK_REQUIRE(o.symbols.size() >= 2, "connectedness needs at least two symbols");
  MARKETSHOCK_REQUIRE(o.missing == "reject" || o.missing == "skip",
                      "--missing {} is not reject or skip", quoted_for_message(o.missing));
  stats::MarketConnectednessOptions options;
  if (!o.from.empty()) options.from = parse_iso_date(o.from);
  if (!o.to.empty()) options.to = parse_iso_date(o.to);
  for (const std::string& a : o.at) options.at.push_back(parse_iso_date(a));
  options.rolling.window = o.window;
  options.rolling.lags = o.lags;
  options.rolling.horizon = o.horizon;
  options.rolling.missing =
      o.missing == "skip" ? stats::MissingPolicy::skip_window : stats::MissingPolicy::reject;
  const auto loaded = load(o.data);
  const stats::MarketConnectedness result =
      stats::market_connectedness(loaded.data, o.symbols, options);
  if (o.json) {
    fmt::print("{}\n", report::connectedness_json(result).dump(2));
  } else {
    fmt::print("{}", report::connectedness_text(result));
  }
}

}  // namespace

void add_connectedness_command(CLI::App& app) {
  auto o = std::make_shared<ConnectednessOptions>();
  CLI::App* cmd = app.add_subcommand("connectedness",
                                     "rolling Diebold-Yilmaz total and directional connectedness");
  // A VAR's work grows with the cube of its variables; 50 covers a sector's or an index's
  // largest names (Diebold-Yilmaz studies use 10-40) and runs in seconds.
  cmd->add_option("symbols", o->symbols,
                  "tickers or index series ids (SPX, NDX, ...), e.g. NVDA MSFT AAPL AVGO (2 to 50)")
      ->required()
      ->expected(2, static_cast<int>(stats::kMaxConnectednessSeries));
  // The command's maxima are the library's (rolling_connectedness refuses more too).
  static_assert(kMaxWindowSessions == stats::kMaxConnectednessWindow);
  static_assert(kMaxLags == stats::kMaxConnectednessLags);
  static_assert(kMaxHorizon == stats::kMaxConnectednessHorizon);
  cmd->add_option("--from", o->from, "first session, YYYY-MM-DD (default: common data)");
  cmd->add_option("--to", o->to, "last session, YYYY-MM-DD (default: common data)");
  cmd->add_option("--at", o->at, "show the window ending on this date, repeatable (default: last)");
  cmd->add_option("--window", o->window, "sessions per window (default 250, at most 10000)")
      ->check(count_in(1, kMaxWindowSessions));
  cmd->add_option("--lags", o->lags, "VAR order p (default 1, at most 20)")
      ->check(count_in(1, kMaxLags));
  cmd->add_option("--horizon", o->horizon, "forecast horizon H (default 10, at most 1000)")
      ->check(count_in(1, kMaxHorizon));
  cmd->add_option("--missing", o->missing,
                  "reject (default: a missing return is an error) or skip (its windows have none)");
  add_data_option(*cmd, o->data);
  cmd->add_flag("--json", o->json, "write JSON instead of tables");
  cmd->callback([o] { run_connectedness(*o); });
}

}  // namespace marketshock::cli
