#include "charts.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/records/move_path.hpp>
#include <marketshock/report/charts.hpp>
#include <marketshock/report/number_format.hpp>

#include <fmt/format.h>

#include <string>

namespace deepseek {

namespace {

using boost::gregorian::date;
using namespace marketshock;

constexpr const char* kSource =
    "Source: marketshock embedded dataset (Yahoo Finance prices; SEC, Yahoo and FMP share counts)";

}  // namespace

std::vector<std::filesystem::path> write_charts(const std::filesystem::path& directory,
                                                const MarketData& data,
                                                const indices::ContagionSession& contagion,
                                                const records::Ranking& ranking) {
  std::filesystem::create_directories(directory);
  std::vector<std::filesystem::path> written;
  const auto save = [&](const report::svg::Document& doc, const std::string& name) {
    written.push_back(directory / name);
    doc.write(written.back());
  };

  // 1. NVIDIA's market value over the event window.
  const auto path = records::move_path(data, "NVDA", date(2025, 1, 13), date(2025, 2, 7));
  report::TimeSeriesChart mv;
  mv.frame = {"NVIDIA market value around the DeepSeek selloff",
              "close x shares outstanding in force each session (10-Q cover count 24.49B)",
              kSource};
  mv.value_label = "market value, $B";
  for (const auto& d : path.days) {
    mv.points.push_back(
        {d.move.date, d.move.has_market_value() ? d.move.market_value_usd / 1e9 : std::nan("")});
  }
  mv.highlight = date(2025, 1, 27);
  mv.highlight_label = "DeepSeek selloff";
  save(report::time_series_chart(mv), "nvda_market_value.svg");

  // 2. Each index's top contributors on the day.
  for (const auto& a : contagion.indices) {
    report::BarChart bars;
    bars.frame = {fmt::format("{} on 2025-01-27: top contributors to the {} move", a.spec.name,
                              report::percent(a.session.actual_return,
                                              {.sign = report::Sign::always, .suffix = "%"})),
                  fmt::format("contribution = weight at the prior close x return; {}",
                              a.spec.weighting->describe(contagion.request.reconstruction)),
                  kSource};
    bars.value_label = "contribution, basis points of the index";
    bars.category_label = "member";
    for (std::size_t i = 0; i < a.attribution.ranked.size() && i < 10; ++i) {
      const auto& c = a.attribution.ranked[i];
      bars.bars.push_back({c.symbol.str(), c.contribution_bps});
    }
    bars.highlight = 0;
    save(report::bar_chart(bars), a.spec.id + "_contributors.svg");
  }

  // 3. The record table as it stood that day, the event highlighted.
  report::BarChart records;
  records.frame = {"Largest one-day market-value losses, S&P 500 members, as of 2025-01-27",
                   "close to close, close x point-in-time shares outstanding", kSource};
  records.value_label = "market-value change, $B";
  records.category_label = "security and date";
  for (const auto& r : ranking.moves) {
    records.bars.push_back(
        {fmt::format("{} {}", r.move.symbols.front(), format_iso_date(r.move.date)),
         r.move.market_value_change_usd / 1e9});
    if (r.move.date == date(2025, 1, 27) && r.move.symbols.front() == Symbol("NVDA")) {
      records.highlight = records.bars.size() - 1;
    }
  }
  save(report::bar_chart(records), "record_ranking.svg");

  // 4. Each index's sector contributions.
  for (const auto& a : contagion.indices) {
    report::BarChart sectors;
    sectors.frame = {
        fmt::format("{} on 2025-01-27 by {} sector", a.spec.name, a.spec.sector_scheme),
        "contribution to the rebuilt return", kSource};
    sectors.value_label = "contribution, basis points of the index";
    sectors.category_label = a.spec.sector_scheme + " sector";
    for (const auto& s : a.sectors) sectors.bars.push_back({s.sector, s.contribution_bps});
    save(report::bar_chart(sectors), a.spec.id + "_sectors.svg");
  }
  return written;
}

}  // namespace deepseek
