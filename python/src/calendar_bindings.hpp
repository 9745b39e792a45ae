/// \file calendar_bindings.hpp
/// \brief The NYSE TradingCalendar in marketshock._marketshock (wrapped by marketshock.calendar).
#pragma once

#include <pybind11/pybind11.h>

namespace marketshock::python {

/// Adds the calendar functions to `m`: sessions, is_session, is_early_close, holiday_name,
/// next_session, previous_session, closures, and the vectorised masks.
void bind_calendar(pybind11::module_& m);

}  // namespace marketshock::python
