#include <marketshock/io/dataset/dataset_check.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/io/dataset/shares_listing_check.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace marketshock::io {

namespace {

using boost::gregorian::date;

constexpr std::size_t kExamples = 30;

struct Findings {
  std::size_t count = 0;
  std::vector<std::string> examples;
  void add(std::string text) {
    if (examples.size() < kExamples) examples.push_back(std::move(text));
    ++count;
  }
  [[nodiscard]] std::string describe(std::string_view what) const {
    if (count == 0) return fmt::format("no {}", what);
    return fmt::format("{} {}, e.g. {}", count, what, fmt::join(examples, "; "));
  }
};

// Off-calendar dates and gaps of one series between its first and last bar.
void check_series(std::string_view name, const DailyBars& bars, const TradingCalendar& calendar,
                  Findings& off_calendar, Findings& gaps) {
  const auto dates = bars.dates();
  for (const date d : dates) {
    if (d < calendar.first_supported_date() || d > calendar.last_supported_date() ||
        !calendar.is_session(d)) {
      off_calendar.add(fmt::format("{} {}", name, format_iso_date(d)));
    }
  }
  for (std::size_t i = 1; i < dates.size(); ++i) {
    if (dates[i - 1] < calendar.first_supported_date() ||
        dates[i] > calendar.last_supported_date()) {
      continue;
    }
    if (!calendar.is_session(dates[i - 1]) || !calendar.is_session(dates[i])) continue;
    const std::size_t missing = calendar.session_count(dates[i - 1], dates[i]) - 2;
    if (missing > 0) {
      gaps.add(fmt::format("{} {} sessions missing after {}", name, missing,
                           format_iso_date(dates[i - 1])));
    }
  }
}

struct MemberCoverage {
  IndexCoverage coverage;
  Findings bar_gaps;      // series shorter than the window: explained by the source
  Findings share_gaps;    // no count at all
  Findings share_breaks;  // counts that miss event sessions: an inconsistency
};

MemberCoverage coverage_of(const MarketData& data, const IndexMembership& membership,
                           const std::vector<date>& window, const std::vector<date>& event,
                           date on) {
  MemberCoverage m;
  IndexCoverage& c = m.coverage;
  c.index = membership.id();
  for (const Symbol& symbol : membership.members_on(on)) {
    ++c.members;
    const auto id = data.find(symbol);
    if (!id) {
      c.missing.push_back(fmt::format("{}: not in the dataset", symbol));
      m.bar_gaps.add(fmt::format("{} absent", symbol));
      continue;
    }
    const SecurityRecord& r = data.record(*id);
    const auto without_bar = std::count_if(window.begin(), window.end(),
                                           [&](date d) { return !r.bars.find(d).has_value(); });
    if (without_bar == 0) {
      ++c.with_window_bars;
    } else {
      const auto dates = r.bars.dates();
      const std::string text =
          fmt::format("{}: bars {}..{}, {} window sessions without a bar", symbol,
                      format_iso_date(dates.front()), format_iso_date(dates.back()), without_bar);
      c.missing.push_back(text);
      m.bar_gaps.add(text);
    }
    const auto without_shares = std::count_if(
        event.begin(), event.end(), [&](date d) { return !r.shares.as_of(d).has_value(); });
    if (without_shares == 0) {
      ++c.with_event_shares;
    } else if (r.shares.empty()) {
      c.missing.push_back(fmt::format("{}: no share count in any source", symbol));
      m.share_gaps.add(symbol.str());
    } else {
      const std::string text =
          fmt::format("{}: no share count on {} event sessions (first count {})", symbol,
                      without_shares, format_iso_date(r.shares.steps().front().effective));
      c.missing.push_back(text);
      m.share_breaks.add(text);
    }
  }
  return m;
}

}  // namespace

std::string_view to_string(CheckVerdict verdict) noexcept {
  switch (verdict) {
    case CheckVerdict::ok:
      return "ok";
    case CheckVerdict::gap:
      return "gap";
    case CheckVerdict::failed:
      return "FAILED";
  }
  return "FAILED";
}

bool DatasetCheckReport::passed() const noexcept {
  return std::none_of(checks.begin(), checks.end(),
                      [](const CheckResult& c) { return c.verdict == CheckVerdict::failed; });
}

DatasetCheckReport check_dataset(const MarketData& data, const DatasetMetadata& metadata,
                                 const TradingCalendar& calendar,
                                 const DatasetExpectations& expected) {
  MARKETSHOCK_REQUIRE(!expected.membership_date.is_special(),
                      "dataset expectations: no membership date");
  MARKETSHOCK_REQUIRE(!expected.event_from.is_special() && !expected.event_to.is_special(),
                      "dataset expectations: no event window");
  MARKETSHOCK_REQUIRE(!(expected.event_to < expected.event_from),
                      "dataset expectations: event window ends {} before it starts {}",
                      format_iso_date(expected.event_to), format_iso_date(expected.event_from));
  DatasetCheckReport report;
  Findings off_calendar;
  Findings gaps;
  for (const SecurityRecord& r : data.securities()) {
    check_series(r.security.symbol.view(), r.bars, calendar, off_calendar, gaps);
  }
  for (const auto& [id, bars] : data.all_index_levels()) {
    check_series(id, bars, calendar, off_calendar, gaps);
  }
  const auto ok_or_failed = [](bool ok) { return ok ? CheckVerdict::ok : CheckVerdict::failed; };
  report.checks.push_back({"bar dates are NYSE sessions", ok_or_failed(off_calendar.count == 0),
                           off_calendar.describe("bars off the calendar")});
  report.checks.push_back(
      {"no session missing inside a series", ok_or_failed(gaps.count == 0), gaps.describe("gaps")});
  report.checks.push_back(check_share_counts_near_listing(data));

  const auto window = calendar.sessions_between(metadata.window_from, metadata.window_to);
  const auto event = calendar.sessions_between(expected.event_from, expected.event_to);
  for (const auto& [id, membership] : data.memberships()) {
    MemberCoverage m = coverage_of(data, membership, window, event, expected.membership_date);
    const IndexCoverage& c = m.coverage;
    const auto want = expected.members.find(id);
    report.checks.push_back(
        {fmt::format("{} members on {}", membership.name(),
                     format_iso_date(expected.membership_date)),
         ok_or_failed(want == expected.members.end() || c.members == want->second),
         want == expected.members.end()
             ? fmt::format("{} lines (no expected count)", c.members)
             : fmt::format("{} lines (expected {})", c.members, want->second)});
    report.checks.push_back(
        {fmt::format("{} members have every window bar", membership.name()),
         m.bar_gaps.count == 0 ? CheckVerdict::ok : CheckVerdict::gap,
         fmt::format("{} of {} over {} sessions {}..{}; {}", c.with_window_bars, c.members,
                     window.size(), format_iso_date(metadata.window_from),
                     format_iso_date(metadata.window_to), m.bar_gaps.describe("shorter series"))});
    report.checks.push_back(
        {fmt::format("{} members have shares on every event session {}..{}", membership.name(),
                     format_iso_date(expected.event_from), format_iso_date(expected.event_to)),
         m.share_breaks.count > 0 ? CheckVerdict::failed
         : m.share_gaps.count > 0 ? CheckVerdict::gap
                                  : CheckVerdict::ok,
         fmt::format("{} of {}; {}; {}", c.with_event_shares, c.members,
                     m.share_gaps.describe("members without any count"),
                     m.share_breaks.describe("members whose counts miss event sessions"))});
    report.coverage.push_back(std::move(m.coverage));
  }
  return report;
}

}  // namespace marketshock::io
