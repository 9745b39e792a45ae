#include <marketshock/report/explain_report.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/report/json_document.hpp>
#include <marketshock/report/number_format.hpp>
#include <marketshock/report/text_table.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace marketshock::report {

namespace {

std::string figure_text(const records::PublishedFigure& f) {
  if (f.usd) return fmt::format("${} B", billions(std::abs(*f.usd)));
  if (f.fraction) return fmt::format("{}%", percent(std::abs(*f.fraction)));
  return "(no figure)";
}

std::string basis_text(const records::CandidateBasis& c, bool with_shares) {
  return with_shares ? fmt::format("{} on {:.4g} shares ({}, {})", c.description, c.shares,
                                   format_iso_date(c.shares_as_of), c.shares_source)
                     : c.description;
}

}  // namespace

const records::CandidateBasis& verdict_basis(const records::Explanation& e) {
  const bool usd = e.figure.usd.has_value();
  const double tolerance = usd ? kReproducedUsd : kReproducedFraction;
  // Among the bases within tolerance, one on the count in force that day explains best; the
  // nearest otherwise.
  auto chosen = std::find_if(e.candidates.begin(), e.candidates.end(), [&](const auto& c) {
    return c.distance <= tolerance && (c.shares_in_force || !usd);
  });
  return chosen == e.candidates.end() ? e.candidates.front() : *chosen;
}

bool is_reproduced(const records::Explanation& e) {
  return verdict_basis(e).distance <= (e.figure.usd ? kReproducedUsd : kReproducedFraction);
}

bool is_intraday_figure(const records::Explanation& e) {
  return !is_reproduced(e) && e.figure.usd && !e.implied_prices.empty() &&
         e.implied_prices.front().shares_in_force && e.implied_prices.front().within_day_range;
}

std::string explanation_verdict(const records::Explanation& e) {
  const bool usd = e.figure.usd.has_value();
  const auto& best = verdict_basis(e);
  if (is_reproduced(e)) {
    return fmt::format("{} is reproduced by {} ({}{}%) within {}", figure_text(e.figure),
                       basis_text(best, usd), usd ? billions(best.change_usd) + " $B, " : "",
                       percent(best.change_fraction),
                       usd ? percent(best.distance, {.suffix = "%"})
                           : percent(best.distance, {.suffix = " points"}));
  }
  std::string text =
      fmt::format("no basis within {} of {} (nearest: {}, {} off)", usd ? "1%" : "0.25 points",
                  figure_text(e.figure), basis_text(best, usd),
                  usd ? percent(best.distance, {.decimals = 1, .suffix = "%"})
                      : percent(best.distance, {.suffix = " points"}));
  const auto inside =
      std::find_if(e.implied_prices.begin(), e.implied_prices.end(),
                   [](const records::ImpliedPrice& p) { return p.within_day_range; });
  if (usd && inside != e.implied_prices.end()) {
    text += fmt::format(
        "; the figure fits a price of {} during the session (range {}.."
        "{}) on {:.4g} shares ({}): a figure written while markets were open",
        fixed(inside->price, {.prefix = "$"}), fixed(e.low), fixed(e.high), inside->shares,
        format_iso_date(inside->shares_as_of));
  }
  return text;
}

std::string explanation_text(const records::Explanation& e, std::size_t top) {
  const bool usd = e.figure.usd.has_value();
  std::string out = fmt::format(
      "{} on {}: published {}\nday: prior close {}, open {}, high {}, low {}, close {} (prices on "
      "the dataset's basis)\n\n",
      e.symbol, format_iso_date(e.session), figure_text(e.figure), fixed(e.previous_close),
      fixed(e.open), fixed(e.high), fixed(e.low), fixed(e.close));
  TextTable table({{"basis"},
                   {"start", Align::right},
                   {"end", Align::right},
                   {"return %", Align::right},
                   {"change $B", Align::right},
                   {"shares (as of, source)"},
                   {"off by", Align::right}});
  for (std::size_t i = 0; i < e.candidates.size() && i < top; ++i) {
    const auto& c = e.candidates[i];
    table.add_row(
        {c.description, fixed(c.start_price), fixed(c.end_price), percent(c.change_fraction),
         usd ? billions(c.change_usd) : "",
         usd ? fmt::format("{:.4g} ({}, {})", c.shares, format_iso_date(c.shares_as_of),
                           c.shares_source)
             : "",
         usd ? percent(c.distance, {.suffix = "%"}) : percent(c.distance, {.suffix = " pt"})});
  }
  out += table.render();
  if (usd) {
    out += "\nprice the figure implies on each share count (prior close - figure / shares):\n";
    for (const auto& p : e.implied_prices) {
      out +=
          fmt::format("  {:.4g} shares ({}, {}): {}{}\n", p.shares, format_iso_date(p.shares_as_of),
                      p.shares_source, fixed(p.price, {.prefix = "$"}),
                      p.within_day_range ? " (within the day's range)" : "");
    }
  }
  out += "\nverdict: " + explanation_verdict(e) + "\n";
  return out;
}

nlohmann::json explanation_json(const records::Explanation& e, std::size_t top) {
  nlohmann::json candidates = nlohmann::json::array();
  for (std::size_t i = 0; i < e.candidates.size() && i < top; ++i) {
    const auto& c = e.candidates[i];
    candidates.push_back(
        {{"basis", c.description},
         {"start",
          {{"date", format_iso_date(c.start_date)},
           {"price", c.start_price},
           {"kind", c.start_kind}}},
         {"end",
          {{"date", format_iso_date(c.end_date)}, {"price", c.end_price}, {"kind", c.end_kind}}},
         {"shares", c.shares},
         {"shares_as_of", format_iso_date(c.shares_as_of)},
         {"shares_source", c.shares_source},
         {"change_usd", c.change_usd},
         {"change_fraction", c.change_fraction},
         {"distance", c.distance}});
  }
  nlohmann::json implied = nlohmann::json::array();
  for (const auto& p : e.implied_prices) {
    implied.push_back({{"shares", p.shares},
                       {"shares_as_of", format_iso_date(p.shares_as_of)},
                       {"shares_source", p.shares_source},
                       {"price", p.price},
                       {"within_day_range", p.within_day_range}});
  }
  nlohmann::json figure;
  if (e.figure.usd) figure["usd"] = *e.figure.usd;
  if (e.figure.fraction) figure["fraction"] = *e.figure.fraction;
  return json_document("explain", {{"symbol", e.symbol.str()},
                                   {"date", format_iso_date(e.session)},
                                   {"figure", figure},
                                   {"day",
                                    {{"previous_close", e.previous_close},
                                     {"open", e.open},
                                     {"high", e.high},
                                     {"low", e.low},
                                     {"close", e.close}}},
                                   {"candidates", candidates},
                                   {"implied_prices", implied},
                                   {"verdict", explanation_verdict(e)}});
}

}  // namespace marketshock::report
