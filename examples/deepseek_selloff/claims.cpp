#include "claims.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/records/daily_move.hpp>
#include <marketshock/records/explain.hpp>
#include <marketshock/records/move_path.hpp>
#include <marketshock/records/ranking.hpp>
#include <marketshock/records/week_move.hpp>
#include <marketshock/report/explain_report.hpp>
#include <marketshock/report/number_format.hpp>
#include <marketshock/report/text_table.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace deepseek {

namespace {

using boost::gregorian::date;
using namespace marketshock;

// DeepSeek's Monday (a function: a date's constructor may throw, which a static must not).
date event_day() {
  return {2025, 1, 27};
}

std::string pct(double f) {
  return report::percent(f, {.sign = report::Sign::always, .suffix = "%"});
}
std::string bn(double usd) {
  return report::billions(usd, {.decimals = 1, .prefix = "$", .suffix = "B"});
}

// "reproduced" when |ours / published - 1| <= tolerance, else "not reproduced".
Check compare(std::string id, std::string figure, double published, double ours, double tolerance,
              std::string ours_text, std::string basis) {
  const double off = std::abs(std::abs(ours) / std::abs(published) - 1.0);
  const bool ok = off <= tolerance;
  return {std::move(id),
          std::move(figure),
          std::move(ours_text),
          std::move(basis),
          ok ? "reproduced" : "not reproduced",
          fmt::format("{}% from the published figure (tolerance {}%)", report::percent(off),
                      report::percent(tolerance, {.decimals = 1}))};
}

// A published USD or percent figure run through `explain`. Reproduced: the basis the claim
// states (`stated`, e.g. "prior close -> close") gives it within tolerance. Explained: another
// basis does, or the figure fits a price inside the session (written while markets were open).
// Not reproduced otherwise.
Check explained(const MarketData& data, std::string id, std::string figure,
                records::PublishedFigure published, std::string_view stated) {
  const auto e = records::explain_figure(data, "NVDA", event_day(), published);
  const auto& basis = report::verdict_basis(e);
  std::string verdict = "not reproduced";
  if (report::is_reproduced(e)) {
    verdict = basis.description == stated && (basis.shares_in_force || !published.usd)
                  ? "reproduced"
                  : "explained";
  } else if (report::is_intraday_figure(e)) {
    verdict = "explained";
  }
  std::string shares;
  if (published.usd) {
    shares = fmt::format(" on {:.4g} shares as of {} ({})", basis.shares,
                         format_iso_date(basis.shares_as_of), basis.shares_source);
  }
  return {std::move(id),
          std::move(figure),
          published.usd ? bn(basis.change_usd) : pct(basis.change_fraction),
          basis.description + shares,
          verdict,
          report::explanation_verdict(e)};
}

}  // namespace

std::vector<Check> check_claims(const MarketData& data,
                                const indices::ContagionSession& contagion) {
  std::vector<Check> out;
  const records::DailyMove nvda = records::daily_move(data, "NVDA", event_day());
  const records::MoveTable table(data);

  // C1: as much as 18%, biggest drop since March 2020, about $560B.
  out.push_back(explained(data, "C1", "NVIDIA fell as much as 18%", {std::nullopt, 0.18},
                          "prior close -> low"));
  {
    records::RankingQuery q;
    q.top = 2;
    q.measure = records::Measure::percent;
    q.issuer = data.record(data.require("NVDA")).security.issuer;
    q.as_of = event_day();
    const auto r = records::rank_moves(table, q);
    const auto& first = r.moves.at(0).move;
    const auto& second = r.moves.at(1).move;
    const bool ok =
        second.date == event_day() && first.date.year() == 2020 && first.date.month() == 3;
    out.push_back({"C1", "its biggest drop since March 2020",
                   fmt::format("2nd largest in the data; larger: {} {}",
                               format_iso_date(first.date), pct(first.close_return)),
                   "NVIDIA's close-to-close returns 2020-01..2025-01-27",
                   ok ? "reproduced" : "not reproduced",
                   fmt::format("{} was {}; no larger drop between", format_iso_date(first.date),
                               pct(first.close_return))});
    (void)second;
  }
  out.push_back(
      explained(data, "C1", "wiping out about $560B", {560e9, std::nullopt}, "prior close -> low"));

  // C2: the record it broke.
  {
    records::RankingQuery q;
    q.top = 1;
    q.from = q.to = event_day();
    const auto r = records::rank_moves(table, q);
    const auto& top = r.moves.at(0);
    const auto& prev = *top.previous_record;
    out.push_back(
        compare("C2", "previous record: a 9% drop in September erasing about $279B", 279e9,
                prev.market_value_change_usd, 0.01,
                fmt::format("{} {}: {}, {}", prev.symbols.front(), format_iso_date(prev.date),
                            pct(prev.close_return), bn(prev.market_value_change_usd)),
                "the record standing at the 2025-01-24 close, any security in the data"));
    out.push_back({"C2", "the largest one-day loss of market value in US history",
                   top.record_at_the_time ? "a record at the time" : "not a record",
                   "every security of the dataset since 2020 (not all US history)",
                   top.record_at_the_time ? "reproduced" : "not reproduced",
                   "holds within the data; earlier history is not in it"});
  }

  // C3: eight of the ten largest S&P 500 declines.
  {
    records::RankingQuery q;
    q.top = 11;
    q.universe = "sp500";
    q.as_of = event_day();
    const auto r = records::rank_moves(table, q);
    const auto nvda_count = std::count_if(r.moves.begin(), r.moves.begin() + 10, [](const auto& m) {
      return m.move.symbols.front() == Symbol("NVDA");
    });
    const auto& tenth = r.moves.at(9).move;
    const auto& eleventh = r.moves.at(10).move;
    out.push_back({"C3", "NVIDIA: eight of the ten largest one-day declines in the S&P 500",
                   fmt::format("{} of 10", nvda_count),
                   "S&P 500 members at the time, close x point-in-time shares, as of 2025-01-27",
                   nvda_count == 8 ? "reproduced" : "not reproduced",
                   fmt::format("10th is {} {} ({}); NVIDIA's next, {} ({}), is 11th; {} "
                               "security-days lack a share count (listed by `marketshock records`)",
                               tenth.symbols.front(), format_iso_date(tenth.date),
                               bn(tenth.market_value_change_usd), format_iso_date(eleventh.date),
                               bn(eleventh.market_value_change_usd), r.excluded.size())});
  }

  // C4: index intraday extremes, as published per index (the claim names two of the indices).
  const std::map<std::string, double, std::less<>> published_early_fall = {{"sp500", 0.023},
                                                                           {"ndx100", 0.036}};
  for (const auto& a : contagion.indices) {
    const auto claim = published_early_fall.find(a.spec.id);
    if (claim == published_early_fall.end() || !a.extremes) continue;
    const double published = claim->second;
    Check c = compare(
        "C4",
        fmt::format("{} fell {}% early", a.spec.name, report::percent(published, {.decimals = 1})),
        published, a.extremes->low_return, 0.03,
        fmt::format("low {}, open {}", pct(a.extremes->low_return), pct(a.extremes->open_return)),
        fmt::format("{} levels: the day's low and open against the prior close", a.spec.level_id));
    if (c.verdict != "reproduced" && a.extremes->open_return > -published &&
        a.extremes->low_return < -published) {
      c.verdict = "explained";
      c.why = "between the open and the low: a level during the morning, not the day's low";
    }
    out.push_back(std::move(c));
  }

  // C5: about $900B with a decline of about 20%.
  out.push_back(explained(data, "C5", "NVIDIA lost about $900B", {900e9, std::nullopt},
                          "prior close -> close"));
  out.push_back(explained(data, "C5", "with a decline of about 20%", {std::nullopt, 0.20},
                          "prior close -> close"));

  // C6: more than 17%, the largest in its history, $589B.
  out.push_back({"C6", "NVIDIA fell more than 17% in one day", pct(nvda.close_return),
                 "close to close 142.62 -> 118.42",
                 std::abs(nvda.close_return) > 0.17 ? "reproduced" : "not reproduced",
                 "the close-to-close fall is 16.97%; only the intraday low (-18.17%) exceeds 17%"});
  out.push_back(explained(data, "C6", "losing $589B (Bloomberg)", {589e9, std::nullopt},
                          "prior close -> close"));

  // C7: close, $593B, peers, the >$1T tech selloff.
  out.push_back(
      compare("C7", "NVIDIA ended down 16.9% at $118.03", 118.03, nvda.close, 0.0005,
              fmt::format("close {}, {}", report::fixed(nvda.close), pct(nvda.close_return)),
              "consolidated close of the dataset"));
  out.back().why += "; no source in the data closes at 118.03 (the IEX close of Alpaca is 118.50)";
  out.push_back(explained(data, "C7", "losing about $593B (LSEG)", {593e9, std::nullopt},
                          "prior close -> close"));
  for (const auto& [symbol, published] :
       {std::pair{"AVGO", -0.174}, std::pair{"MSFT", -0.0214}, std::pair{"GOOGL", -0.04}}) {
    const auto m = records::daily_move(data, symbol, event_day());
    Check c = compare("C7", fmt::format("{} {}", symbol, pct(published)), published, m.close_return,
                      0.01, pct(m.close_return), "close to close");
    if (std::string(symbol) == "GOOGL") {
      c.figure = "Alphabet more than -4%";
      const auto goog = records::daily_move(data, "GOOG", event_day());
      c.ours = fmt::format("GOOGL {}, GOOG {}", pct(m.close_return), pct(goog.close_return));
      const bool ok = m.close_return < -0.04 && goog.close_return < -0.04;
      c.verdict = ok ? "reproduced" : "not reproduced";
      c.why = "both classes fell more than 4%";
    }
    out.push_back(std::move(c));
  }
  {
    const auto over = std::find_if(contagion.universes.begin(), contagion.universes.end(),
                                   [](const auto& u) { return u.market_value_change_usd < -1e12; });
    std::string all;
    for (const auto& u : contagion.universes) {
      all += fmt::format("{}{} {}", all.empty() ? "" : "; ", u.name, bn(u.market_value_change_usd));
    }
    out.push_back({"C7", "the tech selloff erased more than $1 trillion",
                   over == contagion.universes.end()
                       ? "no universe above $1T"
                       : fmt::format("{}: {}", over->name, bn(over->market_value_change_usd)),
                   "sum of members' close x shares changes; " + all,
                   over == contagion.universes.end() ? "not reproduced" : "explained",
                   "only that universe nets more than $1T; S&P 500 IT alone nets less because "
                   "Apple rose"});
  }

  // C8: $590B, then the week, worst since September 2022.
  out.push_back(explained(data, "C8", "NVIDIA lost $590B on Monday", {590e9, std::nullopt},
                          "prior close -> close"));
  {
    const auto path = records::move_path(data, "NVDA", event_day(), date(2025, 1, 31));
    const auto week = records::week_in_history(data, "NVDA", event_day());
    std::string days;
    for (const auto& d : path.days) {
      days += fmt::format(" {} {}", d.move.date.day_of_week().as_short_string(),
                          pct(d.move.close_return));
    }
    const bool ok = week.latest_worse && week.latest_worse->last_date.year() == 2022 &&
                    week.latest_worse->last_date.month() == 9;
    out.push_back({"C8", "the week swung widely and was its worst since September 2022",
                   fmt::format("week {};{}", pct(week.week.close_return), days),
                   "Friday 2025-01-24 close to Friday 2025-01-31 close",
                   ok ? "reproduced" : "not reproduced",
                   week.latest_worse ? fmt::format("the latest worse week ended {} ({})",
                                                   format_iso_date(week.latest_worse->last_date),
                                                   pct(week.latest_worse->close_return))
                                     : "no worse week in the data"});
  }
  return out;
}

std::string checks_text(const std::vector<Check>& checks) {
  std::string out;
  for (const Check& c : checks) {
    out +=
        fmt::format("{}  {}\n    published: {}\n    marketshock: {} ({})\n    -> {}\n", c.claim_id,
                    c.verdict == "reproduced"  ? "REPRODUCED"
                    : c.verdict == "explained" ? "EXPLAINED"
                                               : "NOT REPRODUCED",
                    c.figure, c.ours, c.basis, c.why);
  }
  return out;
}

nlohmann::json checks_json(const std::vector<Check>& checks) {
  nlohmann::json out = nlohmann::json::array();
  for (const Check& c : checks) {
    out.push_back({{"claim", c.claim_id},
                   {"published", c.figure},
                   {"marketshock", c.ours},
                   {"basis", c.basis},
                   {"verdict", c.verdict},
                   {"why", c.why}});
  }
  return out;
}

}  // namespace deepseek
