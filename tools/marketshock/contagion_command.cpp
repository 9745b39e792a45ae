// `marketshock contagion`: the S&P 500 and Nasdaq-100 moves of one session rebuilt from their
// members, attributed (members, sectors, peer groups), compared with the actual levels, and
// with the market-value change of the usual "tech" universes.
#include "commands.hpp"
#include "data_option.hpp"
#include "option_checks.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/indices/contagion_session.hpp>
#include <marketshock/io/peer_groups_file.hpp>
#include <marketshock/report/contagion_report.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace marketshock::cli {

namespace {

struct ContagionOptions {
  std::string date;
  std::string index = "both";
  std::vector<std::string> exclude;
  std::size_t top = 10;
  std::string data;
  std::string peer_groups;
  std::string capping_prices = "eve";
  bool json = false;
};

void run_contagion(const ContagionOptions& options) {
  const auto day = parse_iso_date(options.date);
  const TradingCalendar& calendar = TradingCalendar::nyse();
  calendar.require_session(day);
  const auto loaded = load(options.data);
  const MarketData& data = loaded.data;
  indices::ContagionRequest request;
  request.index = options.index;
  for (const auto& text : options.exclude) {
    request.exclude.push_back(data.record(data.require(text)).security.symbol);
  }
  request.reconstruction.capping_prices = options.capping_prices == "eve"
                                              ? indices::CappingPrices::rebalance_eve
                                              : indices::CappingPrices::reference_month_end;
  const auto groups_file = options.peer_groups.empty()
                               ? dataset_directory(options.data) / "peer_groups.json"
                               : std::filesystem::path(options.peer_groups);
  if (!options.peer_groups.empty() || std::filesystem::exists(groups_file)) {
    for (auto& g : io::read_peer_groups(groups_file)) {
      request.peer_groups.push_back({g.id, g.name, g.description, std::move(g.symbols)});
    }
  }
  const auto session = indices::analyse_contagion(data, day, request, calendar);
  if (options.json) {
    fmt::print("{}\n", report::contagion_json(session, options.top).dump(2));
  } else {
    fmt::print("{}", report::contagion_text(session, options.top));
  }
}

}  // namespace

void add_contagion_command(CLI::App& app) {
  auto options = std::make_shared<ContagionOptions>();
  CLI::App* cmd = app.add_subcommand(
      "contagion", "S&P 500 and Nasdaq-100 moves of a session rebuilt from members and attributed");
  cmd->add_option("--date", options->date, "session, YYYY-MM-DD")->required();
  cmd->add_option("--index", options->index, "sp500, ndx100 or both (default both)")
      ->check(CLI::IsMember({"sp500", "ndx100", "both"}));
  cmd->add_option("--exclude", options->exclude, "members to leave out of the counterfactual index")
      ->delimiter(',');
  cmd->add_option("--top", options->top,
                  "contributors listed in the text tables (default 10, at most 1000; "
                  "JSON lists every weighted member)")
      ->check(count_in(1, kMaxListedRows));
  cmd->add_option("--peer-groups", options->peer_groups,
                  "peer groups JSON (default: peer_groups.json of the dataset directory)");
  cmd->add_option("--ndx-capping-prices", options->capping_prices,
                  "closes that set the Nasdaq-100 capped weights: eve (third Friday, default) or "
                  "month-end (the reference session of the share counts)")
      ->check(CLI::IsMember({"eve", "month-end"}));
  add_data_option(*cmd, options->data);
  cmd->add_flag("--json", options->json, "write JSON instead of tables");
  cmd->callback([options] { run_contagion(*options); });
}

}  // namespace marketshock::cli
