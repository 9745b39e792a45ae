// `marketshock connectedness`: rolling Diebold-Yilmaz connectedness of a set of securities.
#include "commands.hpp"
#include "data_option.hpp"
#include "option_checks.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/quoted.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/report/text_table.hpp>
#include <marketshock/stats/rolling_connectedness.hpp>
#include <marketshock/stats/session_returns.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace marketshock::cli {

namespace {

using boost::gregorian::date;

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

// Sessions where every symbol has bars: from the latest first bar (+1 for a return) to the
// earliest last bar, narrowed by --from/--to.
std::vector<date> common_sessions(const MarketData& data, const std::vector<Symbol>& symbols,
                                  const ConnectednessOptions& o) {
  date first(boost::gregorian::min_date_time);
  date last(boost::gregorian::max_date_time);
  for (const Symbol& s : symbols) {
    const DailyBars& bars = data.record(*data.find(s)).bars;
    MARKETSHOCK_REQUIRE(bars.size() >= 2, "{} has fewer than two bars", s);
    first = std::max(first, bars.dates()[1]);
    last = std::min(last, bars.dates().back());
  }
  if (!o.from.empty()) first = std::max(first, parse_iso_date(o.from));
  if (!o.to.empty()) last = std::min(last, parse_iso_date(o.to));
  MARKETSHOCK_REQUIRE(first <= last, "the symbols have no sessions in common in the range");
  return TradingCalendar::nyse().sessions_between(first, last);
}

std::size_t window_index(const std::vector<date>& sessions, date day, std::size_t window) {
  const auto it = std::upper_bound(sessions.begin(), sessions.end(), day);
  const auto end = static_cast<std::size_t>(it - sessions.begin());
  MARKETSHOCK_REQUIRE(end >= window, "--at {} is before the first full window (ends {})",
                      format_iso_date(day), format_iso_date(sessions[window - 1]));
  return end - window;  // the window ending on the last session on or before `day`
}

void run_connectedness(const ConnectednessOptions& o) {
  MARKETSHOCK_REQUIRE(o.symbols.size() >= 2, "connectedness needs at least two symbols");
  MARKETSHOCK_REQUIRE(o.missing == "reject" || o.missing == "skip",
                      "--missing {} is not reject or skip", quoted_for_message(o.missing));
  const auto loaded = load(o.data);
  std::vector<Symbol> symbols;
  symbols.reserve(o.symbols.size());
  for (const std::string& s : o.symbols) {
    symbols.push_back(loaded.data.record(loaded.data.require(s)).security.symbol);
  }
  const std::vector<date> sessions = common_sessions(loaded.data, symbols, o);
  MARKETSHOCK_REQUIRE(sessions.size() >= o.window,
                      "{} common sessions ({} to {}), fewer than the window of {}", sessions.size(),
                      format_iso_date(sessions.front()), format_iso_date(sessions.back()),
                      o.window);
  const Panel returns = stats::security_returns(loaded.data, symbols, sessions);
  stats::RollingConnectednessOptions options;
  options.window = o.window;
  options.lags = o.lags;
  options.horizon = o.horizon;
  options.missing =
      o.missing == "skip" ? stats::MissingPolicy::skip_window : stats::MissingPolicy::reject;
  const stats::RollingConnectedness dy = stats::rolling_connectedness(returns.values(), options);

  std::vector<std::size_t> picks;
  picks.reserve(std::max<std::size_t>(o.at.size(), 1));
  for (const std::string& a : o.at)
    picks.push_back(window_index(sessions, parse_iso_date(a), o.window));
  if (picks.empty()) picks.push_back(dy.window_end.size() - 1);
  const auto end_date = [&](std::size_t w) {
    return format_iso_date(sessions[static_cast<std::size_t>(dy.window_end[w])]);
  };
  if (o.json) {
    nlohmann::json out{
        {"symbols", o.symbols}, {"window", o.window}, {"lags", o.lags}, {"horizon", o.horizon}};
    for (std::size_t w = 0; w < dy.window_end.size(); ++w) {
      out["total"].push_back({{"window_end", end_date(w)},
                              {"tci", dy.total(static_cast<Eigen::Index>(w))},
                              {"status", to_string(dy.status[w])}});
    }
    for (const std::size_t w : picks) {
      nlohmann::json d{{"window_end", end_date(w)}};
      for (std::size_t j = 0; j < symbols.size(); ++j) {
        const auto r = static_cast<Eigen::Index>(w);
        const auto c = static_cast<Eigen::Index>(j);
        d["directional"].push_back({{"symbol", o.symbols[j]},
                                    {"to", dy.to(r, c)},
                                    {"from", dy.from(r, c)},
                                    {"net", dy.net(r, c)}});
      }
      out["at"].push_back(std::move(d));
    }
    fmt::print("{}\n", out.dump(2));
    return;
  }
  fmt::print(
      "Diebold-Yilmaz connectedness: VAR({}) with intercept, generalized FEVD, H = {}, "
      "rolling windows of {} sessions; {} windows ending {} to {}\n\n",
      o.lags, o.horizon, o.window, dy.window_end.size(), end_date(0),
      end_date(dy.window_end.size() - 1));
  for (const std::size_t w : picks) {
    const auto r = static_cast<Eigen::Index>(w);
    fmt::print("Window ending {}: total connectedness {:.2f}% ({})\n", end_date(w), dy.total(r),
               to_string(dy.status[w]));
    report::TextTable table({{"symbol"},
                             {"to %", report::Align::right},
                             {"from %", report::Align::right},
                             {"net %", report::Align::right}});
    for (std::size_t j = 0; j < symbols.size(); ++j) {
      const auto c = static_cast<Eigen::Index>(j);
      table.add_row({o.symbols[j], fmt::format("{:.2f}", dy.to(r, c)),
                     fmt::format("{:.2f}", dy.from(r, c)), fmt::format("{:.2f}", dy.net(r, c))});
    }
    fmt::print("{}\n", table.render());
  }
  std::size_t not_ok = 0;
  for (const auto s : dy.status) not_ok += s == StatStatus::ok ? 0 : 1;
  if (not_ok > 0) fmt::print("{} windows without a result (see --json for their status)\n", not_ok);
}

}  // namespace

void add_connectedness_command(CLI::App& app) {
  auto o = std::make_shared<ConnectednessOptions>();
  CLI::App* cmd = app.add_subcommand("connectedness",
                                     "rolling Diebold-Yilmaz total and directional connectedness");
  // A VAR's work grows with the cube of its variables; 50 covers a sector's or an index's
  // largest names (Diebold-Yilmaz studies use 10-40) and runs in seconds.
  cmd->add_option("symbols", o->symbols, "tickers, e.g. NVDA MSFT AAPL AVGO (2 to 50)")
      ->required()
      ->expected(2, 50);
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
