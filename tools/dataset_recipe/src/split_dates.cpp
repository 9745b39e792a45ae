#include "split_dates.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace marketshock::recipe {

namespace {

using boost::gregorian::date;

// Float32 spacing at x: the vendors' storage precision, so the noise a stored price carries.
double float32_ulp(double x) {
  const auto f = static_cast<float>(std::abs(x));
  return static_cast<double>(std::nextafter(f, std::numeric_limits<float>::infinity()) - f);
}

// True when every finite price of the bar, times `cents_per_unit`, is a whole number of cents.
bool on_grid(const Bar& bar, double cents_per_unit, double tolerance_cents) {
  for (const double x : std::array{bar.open, bar.high, bar.low, bar.close}) {
    if (!std::isfinite(x)) continue;
    const double cents = x * cents_per_unit;
    const double tolerance = std::max(tolerance_cents, 4.0 * float32_ulp(x) * cents_per_unit);
    if (std::abs(cents - std::round(cents)) > tolerance) return false;
  }
  return true;
}

std::string factor_text(double later_factor) {
  return later_factor == 1.0 ? "" : fmt::format("prices x{} (later splits); ", later_factor);
}

}  // namespace

TickGridFinding date_split_by_tick_grid(std::span<const Bar> bars, const SplitSearch& search,
                                        const TradingCalendar& calendar,
                                        const TickGridOptions& options) {
  MARKETSHOCK_REQUIRE(search.ratio > 0.0 && std::isfinite(search.ratio),
                      "split ratio must be positive and finite, not {}", search.ratio);
  MARKETSHOCK_REQUIRE(search.later_factor > 0.0 && std::isfinite(search.later_factor),
                      "later split factor must be positive and finite, not {}",
                      search.later_factor);
  MARKETSHOCK_REQUIRE(!(search.latest < search.after), "bracket ends {} before it starts {}",
                      format_iso_date(search.latest), format_iso_date(search.after));
  TickGridFinding out;
  if (search.ratio <= 1.0) {
    // Before a reverse split the adjusted prices are multiples of the traded ones: whole cents
    // on both sides, so the grid cannot see it.
    out.reason = fmt::format("a split of ratio {} leaves prices on both sides on the cent grid",
                             search.ratio);
    return out;
  }
  const auto date_before_bar = [](date d, const Bar& b) { return d < b.date; };
  const std::size_t first = static_cast<std::size_t>(
      std::upper_bound(bars.begin(), bars.end(), search.after, date_before_bar) - bars.begin());
  const std::size_t end = static_cast<std::size_t>(
      std::upper_bound(bars.begin(), bars.end(), search.latest, date_before_bar) - bars.begin());
  if (first >= end) {
    out.reason = fmt::format("no session of the series in ({}, {}]", format_iso_date(search.after),
                             format_iso_date(search.latest));
    return out;
  }
  const std::size_t lo = first - std::min(first, options.context_sessions);
  const std::size_t hi = std::min(bars.size(), end + options.context_sessions);

  // The new basis has whole cents at the later factor; the old one at the later factor x ratio.
  const double new_grid = 100.0 * search.later_factor;
  const double old_grid = new_grid * search.ratio;
  std::vector<bool> off_new(hi - lo);
  std::vector<bool> off_old(hi - lo);
  for (std::size_t i = lo; i < hi; ++i) {
    off_new[i - lo] = !on_grid(bars[i], new_grid, options.tolerance_cents);
    off_old[i - lo] = !on_grid(bars[i], old_grid, options.tolerance_cents);
  }
  out.sessions_examined = hi - lo;
  if (std::none_of(off_new.begin(), off_new.end(), [](bool b) { return b; })) {
    out.reason = fmt::format(
        "{}every session {}..{} is on the cent grid: the prices do not show the split (rounded "
        "to cents, or adjusted otherwise)",
        factor_text(search.later_factor), format_iso_date(bars[lo].date),
        format_iso_date(bars[hi - 1].date));
    return out;
  }

  // Contradictions of candidate k: sessions before it off even the old grid, sessions from it
  // on off the new grid. Start from the first candidate and move one session at a time.
  std::size_t contradictions = 0;
  for (std::size_t i = lo; i < hi; ++i) {
    contradictions += (i < first ? off_old[i - lo] : off_new[i - lo]) ? 1 : 0;
  }
  std::size_t best = first;
  std::size_t best_contradictions = contradictions;
  for (std::size_t k = first + 1; k < end; ++k) {
    contradictions += (off_old[k - 1 - lo] ? 1 : 0);
    contradictions -= (off_new[k - 1 - lo] ? 1 : 0);
    if (contradictions < best_contradictions) {
      best = k;
      best_contradictions = contradictions;
    }
  }

  out.contradictions = best_contradictions;
  out.sessions_before = best - lo;
  for (std::size_t i = lo; i < best; ++i) {
    if (off_new[i - lo]) {
      out.last_off_grid = bars[i].date;
    } else {
      ++out.round_before;
    }
  }
  const date candidate = bars[best].date;
  out.evidence = fmt::format(
      "{}last off-grid session {}, first on the grid {}; {} contradicting sessions of {}; {} of {} "
      "earlier sessions on the grid by chance",
      factor_text(search.later_factor),
      out.last_off_grid ? format_iso_date(*out.last_off_grid) : "none", format_iso_date(candidate),
      out.contradictions, out.sessions_examined, out.round_before, out.sessions_before);

  const std::size_t recent = std::min(options.recent_sessions, best - lo);
  const auto recent_off = static_cast<std::size_t>(
      std::count(off_new.begin() + static_cast<std::ptrdiff_t>(best - lo - recent),
                 off_new.begin() + static_cast<std::ptrdiff_t>(best - lo), true));
  if (out.contradictions > options.max_contradictions) {
    out.reason = fmt::format("{} sessions contradict the best candidate {}", out.contradictions,
                             format_iso_date(candidate));
  } else if (recent_off < options.min_recent_off_grid) {
    out.reason = fmt::format(
        "only {} of the {} sessions before {} are off the cent grid{}", recent_off, recent,
        format_iso_date(candidate),
        out.last_off_grid && best == first
            ? fmt::format(" (the last off-grid session, {}, is at or before the bracket start)",
                          format_iso_date(*out.last_off_grid))
            : "");
  } else if (hi - best < options.min_sessions_after) {
    out.reason = fmt::format("only {} sessions from {} on", hi - best, format_iso_date(candidate));
  } else if (static_cast<double>(out.round_before) >
             options.max_round_by_chance * static_cast<double>(out.sessions_before)) {
    out.reason = fmt::format(
        "{} of {} sessions before {} are on the cent grid anyway: a later date is about as likely",
        out.round_before, out.sessions_before, format_iso_date(candidate));
  } else if (best == 0) {
    out.reason = fmt::format("no session of the series before {}", format_iso_date(candidate));
  } else if (calendar.next_session(bars[best - 1].date) != candidate) {
    out.reason = fmt::format("the series lacks sessions between {} and {}",
                             format_iso_date(bars[best - 1].date), format_iso_date(candidate));
  }
  if (out.reason.empty()) out.effective = candidate;
  return out;
}

}  // namespace marketshock::recipe
