#include "event_study_section.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/report/number_format.hpp>
#include <marketshock/report/text_table.hpp>
#include <marketshock/stats/event_anchor.hpp>
#include <marketshock/stats/market_event_study.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace deepseek {

namespace {

using boost::gregorian::date;
using namespace marketshock;

std::string pct(double f) {
  return report::percent(f, {.sign = report::Sign::always});
}

stats::MarketEventStudy run(const MarketData& data, const std::vector<Symbol>& symbols, date day,
                            stats::BenchmarkKind benchmark) {
  stats::MarketEventStudyOptions options;
  options.benchmark = benchmark;
  options.event_stocks = {Symbol("NVDA")};
  return stats::market_event_study(data, symbols, day, options);
}

}  // namespace

EventStudySection event_study_section(const MarketData& data, const std::vector<Symbol>& peers) {
  // DeepSeek's R1 news came out over the weekend: day 0 is the next session.
  const date day = stats::event_session(date(2025, 1, 26), stats::NewsTiming::before_close);
  std::vector<Symbol> symbols{Symbol("NVDA")};
  for (const Symbol& s : peers) {
    if (data.find(s)) symbols.push_back(s);
  }
  const auto ex = run(data, symbols, day, stats::BenchmarkKind::index_without_event_stocks);
  const auto plain = run(data, symbols, day, stats::BenchmarkKind::index_level);

  report::TextTable table({{"symbol"},
                           {"AR day 0 %, ex-NVDA", report::Align::right},
                           {"AR day 0 %, SPX", report::Align::right},
                           {"CAR [0,+4] %, ex-NVDA", report::Align::right},
                           {"beta ex-NVDA", report::Align::right},
                           {"estimation days", report::Align::right}});
  nlohmann::json firms = nlohmann::json::array();
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    const auto& f = ex.firms[i];
    const auto& g = plain.firms[i];
    const auto car = [](const stats::FirmEventStudy& firm, int first, int last) {
      for (const auto& w : firm.windows) {
        if (w.window.first == first && w.window.last == last) return w.car;
      }
      return std::nan("");
    };
    table.add_row({symbols[i].str(), pct(car(f, 0, 0)), pct(car(g, 0, 0)), pct(car(f, 0, 4)),
                   report::fixed(f.fit.beta), std::to_string(f.fit.observations)});
    firms.push_back({{"symbol", symbols[i].str()},
                     {"ar_day0_ex_nvda", car(f, 0, 0)},
                     {"ar_day0_spx", car(g, 0, 0)},
                     {"car_0_4_ex_nvda", car(f, 0, 4)},
                     {"car_m1_p1_ex_nvda", car(f, -1, 1)},
                     {"beta_ex_nvda", f.fit.beta},
                     {"estimation_days", f.fit.observations}});
  }
  std::string text = fmt::format(
      "Event study: day 0 = {} (weekend news mapped forward); market model over sessions "
      "-250..-11 as far as the data reaches; benchmark: {} (NVIDIA's weight {}% at the prior "
      "close), and {} for comparison\n\n",
      format_iso_date(day), ex.benchmark, report::percent(ex.event_stock_weight), plain.benchmark);
  text += table.render();
  nlohmann::json tests = nlohmann::json::array();
  for (const auto& t : ex.tests) {
    text += fmt::format(
        "sample of {} firms, window [{},{}]: mean CAR {}%, BMP p {:.3g}, "
        "Kolari-Pynnonen p {:.3g}, Corrado rank p {:.3g}\n",
        t.firms, t.window.first, t.window.last, pct(t.mean_car), t.bmp.p_value,
        t.kolari_pynnonen.p_value, t.corrado_rank.p_value);
    tests.push_back({{"window", {t.window.first, t.window.last}},
                     {"firms", t.firms},
                     {"mean_car", t.mean_car},
                     {"bmp_p", t.bmp.p_value},
                     {"kolari_pynnonen_p", t.kolari_pynnonen.p_value},
                     {"corrado_rank_p", t.corrado_rank.p_value}});
  }
  return {text,
          {{"event_session", format_iso_date(day)},
           {"benchmark", ex.benchmark},
           {"comparison_benchmark", plain.benchmark},
           {"event_stock_weight", ex.event_stock_weight},
           {"firms", firms},
           {"tests", tests}}};
}

}  // namespace deepseek
