#include "commands.hpp"
#include "data_option.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/records/move_path.hpp>
#include <marketshock/records/week_move.hpp>
#include <marketshock/report/records_json.hpp>
#include <marketshock/report/records_text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace marketshock::cli {

namespace {

struct MovesOptions {
  std::string symbol;
  std::string from;
  std::string to;
  std::string data;
  bool json = false;
};

void run_moves(const MovesOptions& options) {
  const auto from = parse_iso_date(options.from);
  const auto to = options.to.empty() ? from : parse_iso_date(options.to);
  const auto loaded = load(options.data);
  const MarketData& data = loaded.data;
  const SecurityRecord& security = data.record(data.require(options.symbol));
  const auto path = records::move_path(data, options.symbol, from, to);
  const auto week = records::week_in_history(data, options.symbol, from);
  if (options.json) {
    fmt::print("{}\n", report::moves_json(security, path, week).dump(2));
  } else {
    fmt::print("{}", report::moves_text(security, path, week));
  }
}

}  // namespace

void add_moves_command(CLI::App& app) {
  auto options = std::make_shared<MovesOptions>();
  CLI::App* cmd = app.add_subcommand(
      "moves", "one security's daily moves: returns, intraday extremes, market value, the week");
  cmd->add_option("symbol", options->symbol, "ticker, e.g. NVDA")->required();
  cmd->add_option("--from", options->from, "first session, YYYY-MM-DD")->required();
  cmd->add_option("--to", options->to, "last session, YYYY-MM-DD (default: --from)");
  add_data_option(*cmd, options->data);
  cmd->add_flag("--json", options->json, "write JSON instead of tables");
  cmd->callback([options] { run_moves(*options); });
}

}  // namespace marketshock::cli
