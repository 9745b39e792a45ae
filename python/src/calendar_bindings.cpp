#include "calendar_bindings.hpp"

#include "columns.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace marketshock::python {

namespace {

using boost::gregorian::date;

const TradingCalendar& nyse() {
  return TradingCalendar::nyse();
}

/// The date `days` after 1970-01-01 (a datetime64[D] as int64). Dates a Boost date cannot hold
/// are refused with the calendar's own wording.
date from_epoch_days(std::int64_t days) {
  static const date epoch(1970, 1, 1);
  static const auto lowest = (date(1400, 1, 1) - epoch).days();
  static const auto highest = (date(9999, 12, 31) - epoch).days();
  if (days < lowest || days > highest) {
    throw InvalidArgument(fmt::format(
        "{} days after 1970-01-01 is outside the NYSE calendar's supported range {} to {}", days,
        format_iso_date(TradingCalendar::first_supported_date()),
        format_iso_date(TradingCalendar::last_supported_date())));
  }
  return epoch + boost::gregorian::days(static_cast<long>(days));
}

/// `test(day)` for each day of `days` (datetime64[D] values as int64).
template <class Test>
py::array_t<bool> mask(
    const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& days, Test test) {
  const auto in = days.unchecked<1>();
  py::array_t<bool> out(in.shape(0));
  auto o = out.mutable_unchecked<1>();
  for (py::ssize_t i = 0; i < in.shape(0); ++i) o(i) = test(from_epoch_days(in(i)));
  return out;
}

std::vector<date> weekday_closures(date from, date to) {
  const TradingCalendar& calendar = nyse();
  static_cast<void>(calendar.sessions_between(from, to));  // range and order checks
  std::vector<date> out;
  for (auto d = from; d <= to; d += boost::gregorian::days(1)) {
    const auto weekday = d.day_of_week().as_number();
    if (weekday != 0 && weekday != 6 && !calendar.is_session(d)) out.push_back(d);
  }
  return out;
}

}  // namespace

void bind_calendar(py::module_& m) {
  m.def(
      "sessions",
      [](const std::string& from, const std::string& to) {
        const auto sessions = nyse().sessions_between(parse_iso_date(from), parse_iso_date(to));
        return date_column(sessions, [](date d) { return d; });
      },
      py::arg("start"), py::arg("end"),
      "NYSE sessions from `start` to `end` (YYYY-MM-DD, both inclusive) as datetime64[ns].\n"
      "Raises InvalidArgument for a date outside 1990-2030 or start after end.");
  m.def(
      "is_session", [](const std::string& day) { return nyse().is_session(parse_iso_date(day)); },
      py::arg("date"), "Whether the NYSE opened on `date` (YYYY-MM-DD), early closes included.");
  m.def(
      "is_session_mask",
      [](const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& days) {
        return mask(days, [](date d) { return nyse().is_session(d); });
      },
      py::arg("days"), "is_session for each datetime64[D] value (as int64 days since 1970).");
  m.def(
      "is_early_close",
      [](const std::string& day) { return nyse().is_early_close(parse_iso_date(day)); },
      py::arg("date"), "Whether `date` was a session that closed early by schedule (13:00).");
  m.def(
      "is_early_close_mask",
      [](const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& days) {
        return mask(days, [](date d) { return nyse().is_early_close(d); });
      },
      py::arg("days"), "is_early_close for each datetime64[D] value (as int64 days since 1970).");
  m.def(
      "holiday_name",
      [](const std::string& day) { return nyse().holiday_name(parse_iso_date(day)); },
      py::arg("date"),
      "Name of the closure that shut the NYSE on the weekday `date` (None for a session or a "
      "weekend).");
  m.def(
      "next_session",
      [](const std::string& day) {
        return format_iso_date(nyse().next_session(parse_iso_date(day)));
      },
      py::arg("date"), "The first session strictly after `date`, as YYYY-MM-DD.");
  m.def(
      "previous_session",
      [](const std::string& day) {
        return format_iso_date(nyse().previous_session(parse_iso_date(day)));
      },
      py::arg("date"), "The last session strictly before `date`, as YYYY-MM-DD.");
  m.def(
      "closures",
      [](const std::string& from, const std::string& to) {
        const auto days = weekday_closures(parse_iso_date(from), parse_iso_date(to));
        py::dict columns;
        columns["date"] = date_column(days, [](date d) { return d; });
        columns["name"] =
            string_column(days, [](date d) { return nyse().holiday_name(d).value_or("closed"); });
        return columns;
      },
      py::arg("start"), py::arg("end"),
      "Weekdays from `start` to `end` on which the NYSE was closed: columns date and name.");
  m.attr("CALENDAR_FIRST_DATE") = format_iso_date(TradingCalendar::first_supported_date());
  m.attr("CALENDAR_LAST_DATE") = format_iso_date(TradingCalendar::last_supported_date());
}

}  // namespace marketshock::python
