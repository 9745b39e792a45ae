#include "commands.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/report/json_document.hpp>
#include <marketshock/report/text_table.hpp>

#include <fmt/format.h>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace marketshock::cli {

namespace {

struct CalendarOptions {
  std::string from;
  std::string to;
  bool json = false;
};

std::string weekday_name(boost::gregorian::date d) {
  return d.day_of_week().as_short_string();
}

void run_calendar(const CalendarOptions& options) {
  const auto from = parse_iso_date(options.from);
  const auto to = parse_iso_date(options.to);
  MARKETSHOCK_REQUIRE(from <= to, "--from {} is after --to {}", options.from, options.to);
  const TradingCalendar& calendar = TradingCalendar::nyse();
  const auto sessions = calendar.sessions_between(from, to);

  nlohmann::json closures = nlohmann::json::array();
  report::TextTable table({{"date"}, {"day"}, {"status"}});
  for (auto d = from; d <= to; d += boost::gregorian::days(1)) {
    const auto weekday = d.day_of_week().as_number();
    if (weekday == 0 || weekday == 6) continue;  // weekends are never sessions; not listed
    if (calendar.is_session(d)) {
      table.add_row({format_iso_date(d), weekday_name(d),
                     calendar.is_early_close(d) ? "session (early close 13:00)" : "session"});
    } else {
      const std::string name = calendar.holiday_name(d).value_or("closed");
      table.add_row({format_iso_date(d), weekday_name(d), "closed: " + name});
      closures.push_back({{"date", format_iso_date(d)}, {"name", name}});
    }
  }
  if (options.json) {
    nlohmann::json out;
    out["calendar"] = "NYSE";
    out["from"] = options.from;
    out["to"] = options.to;
    out["session_count"] = sessions.size();
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : sessions) {
      list.push_back({{"date", format_iso_date(s)}, {"early_close", calendar.is_early_close(s)}});
    }
    out["sessions"] = std::move(list);
    out["closures"] = std::move(closures);
    fmt::print("{}\n", report::json_document("calendar", std::move(out)).dump(2));
    return;
  }
  fmt::print("NYSE calendar {} to {}: {} sessions, {} weekday closures\n\n", options.from,
             options.to, sessions.size(), closures.size());
  fmt::print("{}", table.render());
}

}  // namespace

void add_calendar_command(CLI::App& app) {
  auto options = std::make_shared<CalendarOptions>();
  CLI::App* cmd = app.add_subcommand("calendar", "NYSE sessions and closures between two dates");
  cmd->add_option("--from", options->from, "first date, YYYY-MM-DD (inclusive)")->required();
  cmd->add_option("--to", options->to, "last date, YYYY-MM-DD (inclusive)")->required();
  cmd->add_flag("--json", options->json, "write JSON instead of a table");
  cmd->callback([options] { run_calendar(*options); });
}

}  // namespace marketshock::cli
