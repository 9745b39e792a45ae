// marketshock._marketshock: the extension module behind the `marketshock` Python package. It
// calls the library's public API, the same functions as the command-line tool, and hands each
// table to Python as columns (NumPy arrays and lists); marketshock/*.py makes DataFrames of them.
#include "calendar_bindings.hpp"
#include "dataset_bindings.hpp"
#include "errors.hpp"

#include <marketshock/version.hpp>

#include <pybind11/pybind11.h>

#include <string>

PYBIND11_MODULE(_marketshock, m) {
  m.doc() =
      "marketshock's C++ library: the NYSE calendar and datasets with their analyses. Use the "
      "`marketshock` package, which returns pandas objects; this module returns columns.";
  m.attr("__version__") = std::string(marketshock::kVersion);
  marketshock::python::register_error_translator();
  marketshock::python::bind_calendar(m);
  marketshock::python::bind_dataset(m);
}
