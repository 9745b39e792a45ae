#include <marketshock/report/contagion_report.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/report/number_format.hpp>
#include <marketshock/report/text_table.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace marketshock::report {

namespace {

// Signed figures of the contagion tables, in the one number format (number_format.hpp).
std::string pct(double fraction, int decimals = 2) {
  return percent(fraction, {.decimals = decimals, .sign = Sign::always, .suffix = "%"});
}
std::string num(double value, int decimals = 1) {
  return fixed(value, {.decimals = decimals, .sign = Sign::always});
}
std::string usd_b(double usd) {
  return num(usd / 1e9, 1);
}

nlohmann::json divisors_json(const indices::DivisorSeries& d) {
  nlohmann::json j;
  j["periods"] = nlohmann::json::array();
  for (const auto& p : d.periods) {
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& step : p.steps) {
      steps.push_back(
          {{"session", format_iso_date(step.session)}, {"relative_change", step.relative_change}});
    }
    j["periods"].push_back({{"from", format_iso_date(p.first)},
                            {"to", format_iso_date(p.last)},
                            {"starts_with", p.starts_with},
                            {"sessions", p.sessions},
                            {"min", p.min},
                            {"max", p.max},
                            {"max_relative_variation", p.max_relative_variation},
                            {"median_daily_change", p.median_daily_change},
                            {"steps", std::move(steps)}});
  }
  j["series"] = nlohmann::json::array();
  for (std::size_t t = 0; t < d.sessions.size(); ++t) {
    j["series"].push_back({{"date", format_iso_date(d.sessions[t])},
                           {"divisor", d.divisors[static_cast<Eigen::Index>(t)]}});
  }
  return j;
}

std::string divisors_text(const indices::IndexSessionAnalysis& a) {
  std::string out = fmt::format(
      "\n{}: divisor implied by the {} close (sum of the members' traded closes / level), per "
      "period of constant composition and no member split\n",
      a.spec.name, a.spec.level_id);
  TextTable t({{"period"},
               {"starts with"},
               {"sessions", Align::right},
               {"min", Align::right},
               {"max", Align::right},
               {"max rel var", Align::right},
               {"median daily", Align::right},
               {"steps > 0.005%", Align::right}});
  for (const auto& p : a.divisors->periods) {
    t.add_row({fmt::format("{}..{}", format_iso_date(p.first), format_iso_date(p.last)),
               p.starts_with, std::to_string(p.sessions), fmt::format("{:.10f}", p.min),
               fmt::format("{:.10f}", p.max), fmt::format("{:.2e}", p.max_relative_variation),
               fmt::format("{:.1e}", p.median_daily_change), std::to_string(p.steps.size())});
  }
  out += t.render();
  return out;
}

nlohmann::json index_json(const indices::IndexSessionAnalysis& a, std::size_t top) {
  nlohmann::json j;
  j["index"] = a.spec.id;
  j["name"] = a.spec.name;
  j["level_series"] = a.spec.level_id;
  j["membership"] = a.spec.membership_id;
  j["sector_scheme"] = a.spec.sector_scheme;
  j["weighting"] = a.spec.weighting->id();
  j["previous_level"] = a.session.previous_level;
  j["level"] = a.session.level;
  j["actual_return"] = a.session.actual_return;
  j["rebuilt_return"] = a.session.rebuilt_return;
  j["divisor"] = a.session.divisor;
  j["tracking_error_bps"] = (a.session.rebuilt_return - a.session.actual_return) * 1e4;
  const indices::TrackingError& te = a.window_tracking;
  j["window_tracking"] = {
      {"from", format_iso_date(a.window.first)},
      {"to", format_iso_date(a.window.last)},
      {"sessions", te.observations},
      {"rmse_bps", te.rmse_bps},
      {"mean_error_bps", te.mean_error_bps},
      {"correlation", te.correlation},
      {"worst_session", te.worst_session ? format_iso_date(*te.worst_session) : ""},
      {"worst_error_bps", te.worst_error_bps},
      {"status", to_string(te.status)}};
  const double nan = std::nan("");
  j["intraday_open_return"] = a.extremes ? a.extremes->open_return : nan;
  j["intraday_low_return"] = a.extremes ? a.extremes->low_return : nan;
  j["intraday_high_return"] = a.extremes ? a.extremes->high_return : nan;
  j["advancers"] = a.breadth.advancers;
  j["decliners"] = a.breadth.decliners;
  j["unchanged"] = a.breadth.unchanged;
  j["missing"] = a.breadth.missing;
  j["members"] = a.session.members.size();
  j["weighted_members"] = a.session.included_count;
  j["market_value_change_usd"] = a.market_value_change_usd;
  j["valued_members"] = a.valued;
  j["equal_weighted_return"] = a.equal_weighted.equal_weighted_return;
  for (const auto& c : a.attribution.concentration) {
    j["concentration"].push_back({{"top", c.top},
                                  {"contribution_bps", c.contribution_bps},
                                  {"share_of_move", c.share_of_move}});
  }
  j["contributions"] = nlohmann::json::array();
  for (const auto& c : a.attribution.ranked) {
    j["contributions"].push_back({{"symbol", c.symbol.str()},
                                  {"sector", c.sector},
                                  {"weight", c.weight},
                                  {"return", c.price_return},
                                  {"contribution_bps", c.contribution_bps},
                                  {"contribution_points", c.contribution_points},
                                  {"market_value_change_usd", c.market_value_change_usd}});
  }
  j["offsetting"] = nlohmann::json::array();
  for (const auto& c : indices::offsetting_contributors(a.attribution, top)) {
    j["offsetting"].push_back(c.symbol.str());
  }
  for (const auto& s : a.sectors) {
    j["sectors"].push_back({{"sector", s.sector},
                            {"members", s.members},
                            {"weight", s.weight},
                            {"contribution_bps", s.contribution_bps},
                            {"return", s.sector_return},
                            {"market_value_change_usd", s.market_value_change_usd},
                            {"valued_members", s.valued}});
  }
  j["unweighted_members"] = nlohmann::json::array();
  for (const auto& m : a.session.members) {
    if (m.weighted) continue;
    j["unweighted_members"].push_back(
        {{"symbol", m.symbol.str()}, {"status", indices::weight_status(m)}});
  }
  nlohmann::json ex = {{"symbols", nlohmann::json::array()},
                       {"rebuilt_return", a.session.rebuilt_return}};
  if (a.excluding) {
    for (const auto& s : a.excluding->excluded) ex["symbols"].push_back(s.str());
    ex["without_weight"] = nlohmann::json::array();
    for (const auto& s : a.excluding->without_weight) ex["without_weight"].push_back(s.str());
    ex["excluded_weight"] = a.excluding->excluded_weight;
    ex["excluded_contribution_bps"] = a.excluding->excluded_contribution_bps;
    ex["rebuilt_return"] = a.excluding->rebuilt_return_excluding;
  }
  j["excluding"] = std::move(ex);
  if (a.divisors) j["implied_divisors"] = divisors_json(*a.divisors);
  return j;
}

nlohmann::json universe_json(const indices::UniverseMove& u) {
  nlohmann::json unvalued = nlohmann::json::array();
  for (const auto& m : u.moves) {
    if (m.status != ValuationStatus::available) {
      unvalued.push_back({{"symbol", m.symbol.str()}, {"status", to_string(m.status)}});
    }
  }
  return {{"name", u.name},
          {"securities", u.securities},
          {"valued", u.valued},
          {"market_value_change_usd", u.market_value_change_usd},
          {"losses_usd", u.losses_usd},
          {"gains_usd", u.gains_usd},
          {"cap_weighted_return", u.cap_weighted_return},
          {"equal_weighted_return", u.equal_weighted_return},
          {"unvalued", unvalued}};
}

std::string index_text(const indices::IndexSessionAnalysis& a, std::size_t top) {
  std::string out;
  out += fmt::format(
      "\n{}: top {} contributors (weight at the prior close; bp of the index; points "
      "of {} {})\n",
      a.spec.name, top, a.spec.level_id, fixed(a.session.previous_level));
  TextTable t({{"#", Align::right},
               {"symbol"},
               {"sector"},
               {"weight %", Align::right},
               {"return %", Align::right},
               {"contrib bp", Align::right},
               {"points", Align::right},
               {"MV change $B", Align::right}});
  const auto add = [&](std::size_t rank, const indices::Contribution& c) {
    t.add_row({std::to_string(rank), c.symbol.str(), c.sector, percent(c.weight),
               num(100 * c.price_return, 2), num(c.contribution_bps), num(c.contribution_points, 2),
               usd_b(c.market_value_change_usd)});
  };
  for (std::size_t k = 0; k < std::min(top, a.attribution.ranked.size()); ++k) {
    add(k + 1, a.attribution.ranked[k]);
  }
  out += fmt::format("{}", t.render());
  TextTable o({{"against the move"}, {"return %", Align::right}, {"contrib bp", Align::right}});
  for (const auto& c :
       indices::offsetting_contributors(a.attribution, std::min<std::size_t>(top, 5))) {
    o.add_row({c.symbol.str(), pct(c.price_return), num(c.contribution_bps)});
  }
  if (o.row_count() > 0) out += fmt::format("{}", o.render());
  std::string conc;
  for (const auto& c : a.attribution.concentration) {
    conc += fmt::format("{}top {}: {}%", conc.empty() ? "" : ", ", c.top,
                        percent(c.share_of_move, {.decimals = 1}));
  }
  out += fmt::format(
      "concentration (share of the rebuilt move; above 100% when others offset): {}\n", conc);

  out += fmt::format("\n{} by {} sector\n", a.spec.name, a.spec.sector_scheme);
  TextTable s({{"sector"},
               {"members", Align::right},
               {"weight %", Align::right},
               {"return %", Align::right},
               {"contrib bp", Align::right},
               {"MV change $B", Align::right}});
  for (const auto& x : a.sectors) {
    s.add_row({x.sector, fmt::format("{}/{}", x.included, x.members),
               percent(x.weight, {.decimals = 1}), pct(x.sector_return), num(x.contribution_bps),
               usd_b(x.market_value_change_usd)});
  }
  out += fmt::format("{}", s.render());
  std::string worst, best, unweighted;
  for (const auto& m : a.worst) worst += fmt::format(" {} {}", m.symbol, pct(m.price_return, 1));
  for (const auto& m : a.best) best += fmt::format(" {} {}", m.symbol, pct(m.price_return, 1));
  for (const auto& m : a.session.members) {
    if (!m.weighted) {
      unweighted += fmt::format(" {} ({})", m.symbol, indices::describe_weight_status(m));
    }
  }
  out += fmt::format("worst:{}\nbest:{}\nunweighted members:{}\n", worst, best,
                     unweighted.empty() ? " none" : unweighted);
  if (a.divisors) out += divisors_text(a);
  return out;
}

std::string contagion_basis(const indices::ContagionSession& s) {
  return fmt::format(
      "close-to-close price returns {} -> {}; market value = close x shares outstanding in force "
      "that day (dataset share counts); returns are fractions shown as %, contributions in basis "
      "points of the index and index points; money in USD billions",
      format_iso_date(s.previous_session), format_iso_date(s.session));
}

}  // namespace

nlohmann::json contagion_json(const indices::ContagionSession& s, std::size_t top) {
  nlohmann::json out;
  out["date"] = format_iso_date(s.session);
  out["previous_session"] = format_iso_date(s.previous_session);
  out["basis"] = contagion_basis(s);
  out["ndx_capping_prices"] = to_string(s.request.reconstruction.capping_prices);
  for (const auto& a : s.indices) out["indices"].push_back(index_json(a, top));
  out["peer_groups"] = nlohmann::json::array();
  for (const auto& p : s.peer_groups) out["peer_groups"].push_back(universe_json(p));
  for (const auto& u : s.universes) out["universes"].push_back(universe_json(u));
  out["approximations"] = indices::contagion_approximations(s);
  return out;
}

std::string contagion_text(const indices::ContagionSession& s, std::size_t top) {
  std::string out;
  const std::string basis = contagion_basis(s);
  out += fmt::format("Contagion on {} ({}), previous session {}\nbasis: {}\n",
                     format_iso_date(s.session), s.session.day_of_week().as_long_string(),
                     format_iso_date(s.previous_session), basis);
  std::vector<report::Column> cols{{"", Align::left}};
  for (const auto& a : s.indices) cols.push_back({a.spec.name, Align::right});
  TextTable side(cols);
  const auto row = [&](std::string label, auto cell) {
    std::vector<std::string> cells{std::move(label)};
    for (const auto& a : s.indices) cells.push_back(cell(a));
    side.add_row(std::move(cells));
  };
  using A = indices::IndexSessionAnalysis;
  row("actual return (level series)", [](const A& a) {
    return fmt::format("{} ({})", pct(a.session.actual_return), a.spec.level_id);
  });
  row("rebuilt return", [](const A& a) { return pct(a.session.rebuilt_return, 3); });
  row("rebuilt - actual, bp",
      [](const A& a) { return num((a.session.rebuilt_return - a.session.actual_return) * 1e4); });
  row("divisor in force (weight / prior level)",
      [](const A& a) { return fmt::format("{:.6g}", a.session.divisor); });
  row("window tracking RMSE, bp",
      [](const A& a) { return fixed(a.window_tracking.rmse_bps, {.decimals = 1}); });
  row("window correlation",
      [](const A& a) { return fixed(a.window_tracking.correlation, {.decimals = 4}); });
  row("window worst day, bp", [](const A& a) {
    return fmt::format(
        "{} {}",
        a.window_tracking.worst_session ? format_iso_date(*a.window_tracking.worst_session) : "-",
        num(a.window_tracking.worst_error_bps));
  });
  row("window (sessions)", [](const A& a) {
    return fmt::format("{}..{} ({})", format_iso_date(a.window.first),
                       format_iso_date(a.window.last), a.window_tracking.observations);
  });
  row("open vs prior close",
      [](const A& a) { return a.extremes ? pct(a.extremes->open_return) : "n/a"; });
  row("intraday low vs prior close",
      [](const A& a) { return a.extremes ? pct(a.extremes->low_return) : "n/a"; });
  row("intraday high vs prior close",
      [](const A& a) { return a.extremes ? pct(a.extremes->high_return) : "n/a"; });
  row("weighted / members", [](const A& a) {
    return fmt::format("{}/{}", a.session.included_count, a.session.members.size());
  });
  row("advancers / decliners / unch / missing", [](const A& a) {
    return fmt::format("{}/{}/{}/{}", a.breadth.advancers, a.breadth.decliners, a.breadth.unchanged,
                       a.breadth.missing);
  });
  row("equal-weighted return",
      [](const A& a) { return pct(a.equal_weighted.equal_weighted_return, 3); });
  if (!s.request.exclude.empty()) {
    row(fmt::format("rebuilt excluding {}", fmt::join(s.request.exclude, ",")),
        [](const A& a) { return pct(a.excluding->rebuilt_return_excluding, 3); });
    row("excluded, not weighted anyway", [](const A& a) {
      return a.excluding->without_weight.empty()
                 ? std::string("-")
                 : fmt::format("{}", fmt::join(a.excluding->without_weight, ","));
    });
    row("excluded contribution, bp",
        [](const A& a) { return num(a.excluding->excluded_contribution_bps); });
  }
  row("members' MV change $B (valued)", [](const A& a) {
    return fmt::format("{} ({})", usd_b(a.market_value_change_usd), a.valued);
  });
  out += fmt::format("\n{}", side.render());
  for (const auto& a : s.indices) {
    out += fmt::format("{} weighting: {}\n", a.spec.name,
                       a.spec.weighting->describe(s.request.reconstruction));
  }
  for (const auto& a : s.indices) out += index_text(a, top);

  const auto universe_table = [](const std::vector<indices::UniverseMove>& moves,
                                 const char* first) {
    TextTable t({{first},
                 {"valued", Align::right},
                 {"cap-wtd %", Align::right},
                 {"equal-wtd %", Align::right},
                 {"net MV $B", Align::right},
                 {"losses $B", Align::right},
                 {"gains $B", Align::right}});
    for (const auto& u : moves) {
      t.add_row({u.name, fmt::format("{}/{}", u.valued, u.securities), pct(u.cap_weighted_return),
                 pct(u.equal_weighted_return), usd_b(u.market_value_change_usd),
                 usd_b(u.losses_usd), usd_b(u.gains_usd)});
    }
    return t.render();
  };
  if (!s.peer_groups.empty()) {
    out += fmt::format("\nPeer groups\n{}", universe_table(s.peer_groups, "group"));
    for (const auto& p : s.peer_groups) {
      std::string line;
      for (const auto& m : p.moves) line += fmt::format(" {} {}", m.symbol, pct(m.price_return, 1));
      out += fmt::format("  {}:{}\n", p.name, line);
    }
  }
  out += fmt::format(
      "\nMarket-value change by universe (claim C7: \"the tech selloff erased more than "
      "$1 trillion\"; net = sum of changes, losses = sum over decliners)\n{}",
      universe_table(s.universes, "universe"));
  out += fmt::format("\nApproximations:\n");
  for (const auto& note : indices::contagion_approximations(s)) out += fmt::format("- {}\n", note);
  return out;
}

}  // namespace marketshock::report
