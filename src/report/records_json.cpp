#include <marketshock/report/records_json.hpp>

#include "detail/json_number.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/report/json_document.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace marketshock::report {

namespace {

using detail::number;

nlohmann::json day_json(const records::PathDay& day) {
  const records::DailyMove& m = day.move;
  nlohmann::json j = {
      {"date", format_iso_date(m.date)},
      {"close", m.close},
      {"prev_close", m.previous_close},
      {"return", number(m.close_return)},
      {"open", number(m.open)},
      {"low", number(m.low)},
      {"high", number(m.high)},
      {"open_gap_return", number(m.open_gap_return)},
      {"intraday_low_return", number(m.intraday_low_return)},
      {"intraday_high_return", number(m.intraday_high_return)},
      {"market_value_status", std::string(to_string(m.market_value_status))},
      {"previous_date", format_iso_date(m.previous_date)},
      {"sessions_spanned", m.sessions_spanned},
      {"cumulative_return", number(day.cumulative_return)},
      {"cumulative_change_usd", number(day.cumulative_change_usd)},
  };
  // A valued move across a gap keeps its figures; its status and sessions_spanned say it is no
  // one-day move.
  const bool known = m.has_market_value_figures();
  j["market_value_usd"] = known ? number(m.market_value_usd) : nullptr;
  j["market_value_change_usd"] = known ? number(m.market_value_change_usd) : nullptr;
  j["intraday_low_change_usd"] = known ? number(m.intraday_low_change_usd) : nullptr;
  j["intraday_high_change_usd"] = known ? number(m.intraday_high_change_usd) : nullptr;
  if (m.shares) {
    j["shares"] = m.shares->record.shares;
    j["shares_source"] = m.shares->record.source;
    j["shares_measure"] = m.shares->record.measure;
    j["shares_as_of"] = format_iso_date(m.shares->effective);
  } else {
    j["shares"] = nullptr;
    j["shares_source"] = nullptr;
  }
  return j;
}

nlohmann::json week_json(const records::WeekMove& w) {
  return {{"week_start", format_iso_date(w.week_start)},
          {"base_date", format_iso_date(w.base_date)},
          {"last_date", format_iso_date(w.last_date)},
          {"sessions", w.sessions},
          {"complete", w.complete},
          {"return", number(w.close_return)},
          {"market_value_change_usd", w.market_value_status == ValuationStatus::available
                                          ? number(w.market_value_change_usd)
                                          : nlohmann::json(nullptr)}};
}

nlohmann::json entry_json(const records::MoveEntry& e) {
  std::vector<std::string> symbols;
  symbols.reserve(e.symbols.size());
  for (const Symbol& s : e.symbols) symbols.push_back(s.str());
  return {{"symbol", fmt::format("{}", fmt::join(symbols, "+"))},
          {"symbols", symbols},
          {"issuer", e.issuer.key()},
          {"date", format_iso_date(e.date)},
          {"return", number(e.close_return)},
          {"market_value_change_usd", number(e.market_value_change_usd)},
          {"previous_market_value_usd", number(e.previous_market_value_usd)}};
}

}  // namespace

nlohmann::json moves_json(const SecurityRecord& security, const records::MovePath& path,
                          const records::WeekInHistory& week) {
  nlohmann::json days = nlohmann::json::array();
  for (const auto& d : path.days) days.push_back(day_json(d));
  nlohmann::json week_j = week_json(week.week);
  week_j["worst_since"] =
      week.latest_worse ? week_json(*week.latest_worse) : nlohmann::json(nullptr);
  week_j["best_since"] =
      week.latest_better ? week_json(*week.latest_better) : nlohmann::json(nullptr);
  return json_document(
      "moves",
      {{"symbol", security.security.symbol.str()},
       {"name", security.security.name},
       {"basis",
        {{"prices", security.bars.basis().describe()},
         {"price_source", security.provenance.source},
         {"price_note", security.provenance.note},
         {"returns", "close to close"},
         {"market_value", "close x shares in force that session, both on the price basis"}}},
       {"days", days},
       {"period",
        {{"from", format_iso_date(path.days.front().move.date)},
         {"to", format_iso_date(path.days.back().move.date)},
         {"base_date", format_iso_date(path.base_date)},
         {"return", number(path.total_return())},
         {"market_value_change_usd", number(path.total_change_usd())}}},
       {"week", week_j}});
}

nlohmann::json ranking_json(const records::Ranking& ranking) {
  const auto& q = ranking.query;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : ranking.moves) {
    nlohmann::json j = entry_json(r.move);
    j["rank"] = r.rank;
    j["record_at_the_time"] = r.record_at_the_time;
    j["previous_record"] =
        r.previous_record ? entry_json(*r.previous_record) : nlohmann::json(nullptr);
    list.push_back(std::move(j));
  }
  nlohmann::json holders = nlohmann::json::array();
  for (const auto& h : ranking.holders) holders.push_back({{"key", h.key}, {"count", h.count}});
  nlohmann::json excluded = nlohmann::json::array();
  for (const auto& e : ranking.excluded) {
    excluded.push_back({{"symbol", e.symbol.str()},
                        {"issuer", e.issuer.key()},
                        {"reason", std::string(to_string(e.reason))},
                        {"first", format_iso_date(e.first)},
                        {"last", format_iso_date(e.last)},
                        {"sessions", e.sessions},
                        {"sessions_spanned", e.sessions_spanned}});
  }
  return json_document(
      "records", {{"as_of", format_iso_date(ranking.as_of)},
                  {"from", format_iso_date(ranking.from)},
                  {"to", format_iso_date(ranking.to)},
                  {"universe", q.universe.value_or("all")},
                  {"by", q.measure == records::Measure::usd ? "usd" : "pct"},
                  {"direction", q.direction == records::Direction::losses ? "losses" : "gains"},
                  {"per", q.per == records::Grouping::issuer ? "issuer" : "security"},
                  {"candidates", ranking.candidate_count},
                  {"records", list},
                  {"holders", holders},
                  {"excluded", excluded}});
}

}  // namespace marketshock::report
