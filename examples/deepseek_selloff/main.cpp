// The DeepSeek selloff of Monday 2025-01-27, reproduced from the embedded dataset: every
// published claim (shared/facts/deepseek_selloff.md, C1-C8) with the library's figure, its basis
// and a verdict; then the record table as it stood that day, both indices' moves with their
// contributors, sectors and peer groups, and the event study.
//
//   deepseek_selloff [--data DIR] [--json FILE|-] [--svg DIR]
#include "charts.hpp"
#include "claims.hpp"
#include "event_study_section.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/indices/contagion_session.hpp>
#include <marketshock/io/dataset/dataset_files.hpp>
#include <marketshock/io/peer_groups_file.hpp>
#include <marketshock/records/move_path.hpp>
#include <marketshock/records/ranking.hpp>
#include <marketshock/records/week_move.hpp>
#include <marketshock/report/contagion_report.hpp>
#include <marketshock/report/records_json.hpp>
#include <marketshock/report/records_text.hpp>
#include <marketshock/version.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace {

using boost::gregorian::date;
using namespace marketshock;

constexpr int kSchemaVersion = 1;

struct Options {
  std::string data;
  std::string json;
  std::string svg;
};

std::filesystem::path dataset_directory(const std::string& option) {
  if (!option.empty()) return option;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return io::default_dataset_directory(ec ? std::filesystem::current_path() : exe.parent_path());
}

int run(const Options& options) {
  const auto dir = dataset_directory(options.data);
  const auto loaded = io::load_dataset(dir);
  const MarketData& data = loaded.data;
  const TradingCalendar& nyse = TradingCalendar::nyse();
  const date day(2025, 1, 27);

  indices::ContagionRequest request;
  request.exclude = {Symbol("NVDA")};
  std::vector<Symbol> ai_power;
  for (auto& g : io::read_peer_groups(dir / "peer_groups.json")) {
    if (g.id == "ai_power") ai_power = g.symbols;
    request.peer_groups.push_back({g.id, g.name, g.description, std::move(g.symbols)});
  }
  const auto session = indices::analyse_contagion(data, day, request, nyse);
  const auto checks = deepseek::check_claims(data, session);

  records::RankingQuery top10;
  top10.universe = "sp500";
  top10.as_of = day;
  const auto ranking = records::rank_moves(data, top10);
  const auto path = records::move_path(data, "NVDA", day, date(2025, 1, 31));
  const auto week = records::week_in_history(data, "NVDA", day);
  const auto& nvda = data.record(data.require("NVDA"));
  const auto study = deepseek::event_study_section(data, ai_power);

  std::size_t reproduced = 0, explained = 0;
  for (const auto& c : checks) {
    reproduced += c.verdict == "reproduced";
    explained += c.verdict == "explained";
  }
  if (options.json != "-") {
    fmt::print("The DeepSeek selloff of {} ({}), from the dataset '{}' ({})\n\n",
               "Monday 2025-01-27", "marketshock " + std::string(kVersion), loaded.metadata.name,
               dir.string());
    fmt::print(
        "Published claims: {} figures, {} reproduced, {} explained by another basis, {} "
        "not reproduced\n\n{}\n",
        checks.size(), reproduced, explained, checks.size() - reproduced - explained,
        deepseek::checks_text(checks));
    fmt::print("NVIDIA's week\n\n{}\n", report::moves_text(nvda, path, week));
    fmt::print("The record table as it stood that day\n\n{}\n", report::ranking_text(ranking));
    fmt::print("How the shock spread through the indices\n\n{}\n",
               report::contagion_text(session, 5));
    fmt::print("{}", study.text);
  }
  if (!options.json.empty()) {
    const nlohmann::json doc = {{"schema", "marketshock.deepseek_selloff"},
                                {"schema_version", kSchemaVersion},
                                {"marketshock_version", std::string(kVersion)},
                                {"dataset", loaded.metadata.name},
                                {"session", "2025-01-27"},
                                {"claims", deepseek::checks_json(checks)},
                                {"nvda_week", report::moves_json(nvda, path, week)},
                                {"records", report::ranking_json(ranking)},
                                {"contagion", report::contagion_json(session, 10)},
                                {"event_study", study.json}};
    if (options.json == "-") {
      fmt::print("{}\n", doc.dump(2));
    } else {
      const auto parent = std::filesystem::path(options.json).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent);
      std::ofstream out(options.json, std::ios::trunc);
      out << doc.dump(2) << "\n";
      if (!out) throw IoError(fmt::format("cannot write '{}'", options.json));
    }
  }
  if (!options.svg.empty()) {
    for (const auto& file : deepseek::write_charts(options.svg, data, session, ranking)) {
      fmt::print(stderr, "wrote {}\n", file.string());
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"The DeepSeek selloff of 2025-01-27 reproduced from the embedded dataset",
               "deepseek_selloff"};
  Options options;
  app.add_option("--data", options.data, "dataset directory (default: the embedded dataset)");
  app.add_option("--json", options.json,
                 "also write the whole report as JSON to FILE ('-': "
                 "stdout only)");
  app.add_option("--svg", options.svg, "write the charts into DIR");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    return run(options);
  } catch (const Error& e) {
    fmt::print(stderr, "deepseek_selloff: error: {}\n", e.message());
  } catch (const std::exception& e) {
    fmt::print(stderr, "deepseek_selloff: error: {}\n", e.what());
  }
  return 1;
}
