// `marketshock contagion`: the moves of one session of the registered indices (S&P 500,
// Nasdaq-100, Dow, ...) rebuilt from their members, attributed (members, sectors, peer groups),
// compared with the actual levels, and with the market-value change of the usual "tech"
// universes. The index choices come from the IndexRegistry: nothing here names an index.
#include "commands.hpp"
#include "data_option.hpp"
#include "option_checks.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/indices/contagion_session.hpp>
#include <marketshock/io/peer_groups_file.hpp>
#include <marketshock/report/contagion_report.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace marketshock::cli {

namespace {

struct ContagionOptions {
  std::string date;
  std::string index{indices::IndexRegistry::kAll};
  std::vector<std::string> exclude;
  std::size_t top = 10;
  std::string data;
  std::string peer_groups;
  std::string capping_prices = "eve";
  bool json = false;
};

// The registered index ids and "all".
std::vector<std::string> index_choices() {
  std::vector<std::string> choices = indices::IndexRegistry::standard().ids();
  choices.emplace_back(indices::IndexRegistry::kAll);
  return choices;
}

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
      "contagion", "index moves of a session rebuilt from their members and attributed");
  cmd->add_option("--date", options->date, "session, YYYY-MM-DD")->required();
  const std::vector<std::string> choices = index_choices();
  cmd->add_option("--index", options->index,
                  fmt::format("{} (every registered index, the default) or one of {}",
                              indices::IndexRegistry::kAll,
                              fmt::join(indices::IndexRegistry::standard().ids(), ", ")))
      ->check(CLI::IsMember(choices));
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
