#include "commands.hpp"
#include "data_option.hpp"
#include "option_checks.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/indices/index_registry.hpp>
#include <marketshock/records/ranking.hpp>
#include <marketshock/report/records_json.hpp>
#include <marketshock/report/records_text.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>

namespace marketshock::cli {

namespace {

struct RecordsOptions {
  std::size_t top = 10;
  std::string as_of;
  std::string from;
  std::string to;
  std::string universe = "all";
  std::string by = "usd";
  bool gains = false;
  std::string per = "security";
  std::string data;
  bool json = false;
};

std::optional<boost::gregorian::date> optional_date(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return parse_iso_date(text);
}

void run_records(const RecordsOptions& options) {
  records::RankingQuery query;
  query.top = options.top;
  query.direction = options.gains ? records::Direction::gains : records::Direction::losses;
  query.measure = options.by == "pct" ? records::Measure::percent : records::Measure::usd;
  query.per = options.per == "issuer" ? records::Grouping::issuer : records::Grouping::security;
  query.as_of = optional_date(options.as_of);
  query.from = optional_date(options.from);
  query.to = optional_date(options.to);
  if (options.universe != "all") query.universe = options.universe;
  const auto loaded = load(options.data);
  const auto ranking = records::rank_moves(loaded.data, query);
  if (options.json) {
    fmt::print("{}\n", report::ranking_json(ranking).dump(2));
  } else {
    fmt::print("{}", report::ranking_text(ranking));
  }
}

}  // namespace

void add_records_command(CLI::App& app) {
  auto options = std::make_shared<RecordsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "records", "rank the largest one-day market-value losses or gains, with records at the time");
  cmd->add_option("--top", options->top, "how many moves (default 10, at most 100000)")
      ->check(count_in(1, kMaxRecordsTop));
  cmd->add_option("--as-of", options->as_of, "rank as it stood at this date's close");
  cmd->add_option("--from", options->from, "first date of the ranked range");
  cmd->add_option("--to", options->to, "last date of the ranked range");
  // The universes are the registered indices' memberships (members at the time of each move).
  std::vector<std::string> memberships;
  for (const auto& index : indices::IndexRegistry::standard().indices()) {
    memberships.push_back(index.membership_id);
  }
  std::vector<std::string> universes = memberships;
  universes.emplace_back("all");
  cmd->add_option("--universe", options->universe,
                  fmt::format("{} (members at the time of each move), or all (default)",
                              fmt::join(memberships, ", ")))
      ->check(CLI::IsMember(universes));
  cmd->add_option("--by", options->by, "usd (market value, default) or pct")
      ->check(CLI::IsMember({"usd", "pct"}));
  cmd->add_flag("--gains", options->gains, "rank gains instead of losses");
  cmd->add_option("--per", options->per, "security (default) or issuer (share classes combined)")
      ->check(CLI::IsMember({"security", "issuer"}));
  add_data_option(*cmd, options->data);
  cmd->add_flag("--json", options->json, "write JSON instead of tables");
  cmd->callback([options] { run_records(*options); });
}

}  // namespace marketshock::cli
