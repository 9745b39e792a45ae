/// \file columns.hpp
/// \brief Column builders: a table's columns as NumPy arrays (float64, int64, bool,
/// datetime64[ns]) and Python lists (str or None), one call per column.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace marketshock::python {

namespace py = pybind11;

/// `day` as nanoseconds since 1970-01-01 (the int64 of a datetime64[ns]); NaT (INT64_MIN) for a
/// special value (not_a_date_time, an infinity). Throws DataError for a date outside what
/// datetime64[ns] holds (1678 to 2261; the library's data and calendar lie well within).
[[nodiscard]] std::int64_t datetime64_ns(boost::gregorian::date day);

/// A float64 array of `f(row)` for each row. Missing values are NaN, as the library gives them.
template <class Rows, class F>
[[nodiscard]] py::array_t<double> float_column(const Rows& rows, F f) {
  py::array_t<double> out(static_cast<py::ssize_t>(std::size(rows)));
  double* p = out.mutable_data();
  for (const auto& row : rows) *p++ = f(row);
  return out;
}

/// An int64 array of `f(row)` for each row.
template <class Rows, class F>
[[nodiscard]] py::array_t<std::int64_t> int_column(const Rows& rows, F f) {
  py::array_t<std::int64_t> out(static_cast<py::ssize_t>(std::size(rows)));
  std::int64_t* p = out.mutable_data();
  for (const auto& row : rows) *p++ = static_cast<std::int64_t>(f(row));
  return out;
}

/// A bool array of `f(row)` for each row.
template <class Rows, class F>
[[nodiscard]] py::array_t<bool> bool_column(const Rows& rows, F f) {
  py::array_t<bool> out(static_cast<py::ssize_t>(std::size(rows)));
  bool* p = out.mutable_data();
  for (const auto& row : rows) *p++ = f(row);
  return out;
}

/// A datetime64[ns] array of `f(row)` (a date, or an optional date: empty is NaT).
template <class Rows, class F>
[[nodiscard]] py::array date_column(const Rows& rows, F f) {
  const std::vector<py::ssize_t> shape{static_cast<py::ssize_t>(std::size(rows))};
  py::array out(py::dtype("datetime64[ns]"), shape, std::vector<py::ssize_t>{});
  auto* p = static_cast<std::int64_t*>(out.mutable_data());
  for (const auto& row : rows) {
    const std::optional<boost::gregorian::date> day = f(row);
    *p++ = day ? datetime64_ns(*day) : datetime64_ns(boost::gregorian::date());
  }
  return out;
}

/// A list of `f(row)` (a string, or an optional string: empty is None), for an object column.
template <class Rows, class F>
[[nodiscard]] py::list string_column(const Rows& rows, F f) {
  py::list out(std::size(rows));
  std::size_t i = 0;
  for (const auto& row : rows) {
    const std::optional<std::string> text = f(row);
    out[i++] = text ? py::object(py::str(*text)) : py::object(py::none());
  }
  return out;
}

}  // namespace marketshock::python
