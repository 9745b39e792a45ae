#include "commands.hpp"
#include "data_option.hpp"
#include "option_checks.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/records/explain.hpp>
#include <marketshock/report/explain_report.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace marketshock::cli {

namespace {

struct ExplainOptions {
  std::string symbol;
  std::string date;
  std::optional<double> usd;
  std::optional<double> pct;
  std::size_t top = 8;
  std::string data;
  bool json = false;
};

void run_explain(const ExplainOptions& options) {
  records::PublishedFigure figure;
  if (options.usd) figure.usd = *options.usd;
  if (options.pct) figure.fraction = *options.pct / 100.0;
  const auto loaded = load(options.data);
  const auto e =
      records::explain_figure(loaded.data, options.symbol, parse_iso_date(options.date), figure);
  if (options.json) {
    fmt::print("{}\n", report::explanation_json(e, options.top).dump(2));
  } else {
    fmt::print("{}", report::explanation_text(e, options.top));
  }
}

}  // namespace

void add_explain_command(CLI::App& app) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand(
      "explain", "which basis (prices, window, share count) gives a published figure");
  cmd->add_option("symbol", options->symbol, "ticker, e.g. NVDA")->required();
  cmd->add_option("date", options->date, "the session the figure is about, YYYY-MM-DD")->required();
  auto* usd = cmd->add_option("--usd", options->usd,
                              "a market-value change in USD, e.g. 589e9 or -589e9 (finite, $1 to "
                              "$10 trillion in absolute value)")
                  ->check(finite_in(-kMaxFigureUsd, kMaxFigureUsd, 1.0));
  auto* pct = cmd->add_option("--pct", options->pct,
                              "a price change in percent, e.g. 18 or -18 (finite, -100 to 10000, "
                              "at least 0.01 in absolute value)")
                  ->check(finite_in(-100.0, 10000.0, 0.01));
  usd->excludes(pct);
  cmd->add_option("--top", options->top,
                  "how many candidate bases to show (default 8, at most 1000)")
      ->check(count_in(1, kMaxListedRows));
  add_data_option(*cmd, options->data);
  cmd->add_flag("--json", options->json, "write JSON instead of tables");
  cmd->callback([options] {
    if (!options->usd && !options->pct) throw InvalidArgument("give --usd X or --pct P");
    run_explain(*options);
  });
}

}  // namespace marketshock::cli
