#include <marketshock/report/records_text.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/report/number_format.hpp>
#include <marketshock/report/text_table.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <map>

namespace marketshock::report {

namespace {

std::string symbols_of(const records::MoveEntry& e) {
  std::vector<std::string> s;
  s.reserve(e.symbols.size());
  for (const Symbol& x : e.symbols) s.push_back(x.str());
  return fmt::format("{}", fmt::join(s, "+"));
}

std::string week_line(const char* label, const records::WeekMove& w) {
  return fmt::format("{} week of {} ({} to {}, {} sessions): {}%, {} $B\n", label,
                     format_iso_date(w.week_start), format_iso_date(w.base_date),
                     format_iso_date(w.last_date), w.sessions, percent(w.close_return),
                     w.market_value_status == ValuationStatus::available
                         ? billions(w.market_value_change_usd)
                         : "n/a");
}

}  // namespace

std::string moves_text(const SecurityRecord& security, const records::MovePath& path,
                       const records::WeekInHistory& week) {
  TextTable table({{"date"},
                   {"close", Align::right},
                   {"return %", Align::right},
                   {"low %", Align::right},
                   {"change $B", Align::right},
                   {"at low $B", Align::right},
                   {"cum %", Align::right},
                   {"cum $B", Align::right},
                   {"shares (as of, source)"}});
  for (const auto& day : path.days) {
    const records::DailyMove& m = day.move;
    const bool known = m.has_market_value_figures();
    // A move across a gap is labelled with the sessions it spans, never shown as one day's.
    const std::string date_label =
        m.sessions_spanned == 1 ? format_iso_date(m.date)
        : m.sessions_spanned == 0
            ? fmt::format("{} (off the calendar, from {})", format_iso_date(m.date),
                          format_iso_date(m.previous_date))
            : fmt::format("{} ({} sessions since {})", format_iso_date(m.date), m.sessions_spanned,
                          format_iso_date(m.previous_date));
    table.add_row(
        {date_label, fixed(m.close), percent(m.close_return), percent(m.intraday_low_return),
         known ? billions(m.market_value_change_usd) : "n/a",
         known ? billions(m.intraday_low_change_usd) : "n/a", percent(day.cumulative_return),
         billions(day.cumulative_change_usd),
         m.shares ? fmt::format("{:.4g} ({}, {})", m.shares->record.shares,
                                format_iso_date(m.shares->effective), m.shares->record.source)
                  : std::string(describe(m.market_value_status))});
  }
  std::string out =
      fmt::format("{} ({}): {} to {}, from the {} close of {}\n\n", security.security.symbol,
                  security.security.name, format_iso_date(path.days.front().move.date),
                  format_iso_date(path.days.back().move.date), format_iso_date(path.base_date),
                  fixed(path.base_close));
  out += table.render();
  out += fmt::format("\nperiod: {}%, {} $B\n", percent(path.total_return()),
                     billions(path.total_change_usd()));
  out += week_line("calendar", week.week);
  if (week.latest_worse) {
    out += week_line("worst since: the latest worse was the", *week.latest_worse);
  } else {
    out += "worst since: no earlier week in the data was worse\n";
  }
  out += fmt::format(
      "basis: close to close; low = the day's low against the prior close; market value = close "
      "x shares in force that session, both {}; prices {}{}\n",
      security.bars.basis().split.describe(), security.provenance.source,
      security.provenance.note.empty() ? "" : " (" + security.provenance.note + ")");
  return out;
}

std::string ranking_text(const records::Ranking& ranking) {
  const auto& q = ranking.query;
  const bool usd = q.measure == records::Measure::usd;
  const bool losses = q.direction == records::Direction::losses;
  TextTable table({{"rank", Align::right},
                   {q.per == records::Grouping::issuer ? "issuer (classes)" : "symbol"},
                   {"date"},
                   {"change $B", Align::right},
                   {"return %", Align::right},
                   {"record then"},
                   {"previous record"}});
  for (const auto& r : ranking.moves) {
    const auto& m = r.move;
    std::string previous = "-";
    if (r.previous_record) {
      const auto& p = *r.previous_record;
      previous = fmt::format(
          "{} {} {}", symbols_of(p), format_iso_date(p.date),
          usd ? billions(p.market_value_change_usd) + " $B" : percent(p.close_return) + "%");
    }
    table.add_row({std::to_string(r.rank),
                   q.per == records::Grouping::issuer
                       ? fmt::format("{} ({})", m.issuer.key(), symbols_of(m))
                       : symbols_of(m),
                   format_iso_date(m.date), billions(m.market_value_change_usd),
                   percent(m.close_return), r.record_at_the_time ? "yes" : "no", previous});
  }
  std::string out =
      fmt::format("largest one-day {} by {}, {} {}, {} to {} (as of {}), {} candidate moves\n\n",
                  losses ? "losses" : "gains", usd ? "market value (USD)" : "percent",
                  q.universe ? "members of " + *q.universe + " at the time" : "all securities",
                  q.per == records::Grouping::issuer ? "per issuer" : "per security",
                  format_iso_date(ranking.from), format_iso_date(ranking.to),
                  format_iso_date(ranking.as_of), ranking.candidate_count);
  out += table.render();
  if (!ranking.holders.empty()) {
    out += "\n";
    for (const auto& h : ranking.holders) {
      out += fmt::format("{} of the top {} belong to {}\n", h.count, ranking.moves.size(), h.key);
    }
  }
  std::map<std::string, std::vector<std::string>> by_reason;
  for (const auto& e : ranking.excluded) {
    std::string entry =
        e.sessions == 1 ? fmt::format("{} {}", e.symbol, format_iso_date(e.first))
                        : fmt::format("{} {}..{} ({} sessions)", e.symbol, format_iso_date(e.first),
                                      format_iso_date(e.last), e.sessions);
    if (e.reason == ValuationStatus::spans_several_sessions) {
      entry += fmt::format(" (a move over {} sessions, not one day)", e.sessions_spanned);
    }
    by_reason[std::string(describe(e.reason))].push_back(std::move(entry));
  }
  if (!by_reason.empty()) out += "\nleft out of the ranking (they could not be ranked):\n";
  for (const auto& [reason, list] : by_reason) {
    out += fmt::format("  {} ({}): {}\n", reason, list.size(), fmt::join(list, "; "));
  }
  out +=
      "\nbasis: close to close; market value = close x shares in force that session (SEC "
      "cover-page, Yahoo month-end or FMP quarterly counts as of their dates, restated onto the "
      "price's split basis; see data/README.md)\n";
  return out;
}

}  // namespace marketshock::report
