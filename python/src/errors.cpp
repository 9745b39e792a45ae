#include "errors.hpp"

#include <marketshock/core/error.hpp>

#include <exception>
#include <string>

namespace marketshock::python {

namespace py = pybind11;

namespace {

py::object optional_text(const std::string& text) {
  return text.empty() ? py::object(py::none()) : py::object(py::str(text));
}

py::object optional_count(std::size_t n) {
  return n == 0 ? py::object(py::none()) : py::object(py::int_(n));
}

/// Raises marketshock._errors.<name>(message, id=..., file=..., line=..., column=...). Called by
/// pybind11 with the GIL held; if the package's error module cannot be imported (a broken
/// installation), a RuntimeError with the full what() stands in.
void raise(const char* name, const Error& error, const SourcePosition* position) {
  try {
    const py::object type = py::module_::import("marketshock._errors").attr(name);
    py::object file = py::none();
    py::object line = py::none();
    py::object column = py::none();
    if (position != nullptr) {
      file = optional_text(position->file);
      line = optional_count(position->line);
      column = optional_count(position->column);
    }
    const py::object instance =
        type(error.message(), py::arg("id") = error.id(), py::arg("file") = file,
             py::arg("line") = line, py::arg("column") = column);
    PyErr_SetObject(type.ptr(), instance.ptr());
  } catch (const py::error_already_set&) {
    PyErr_SetString(PyExc_RuntimeError, error.what());
  }
}

}  // namespace

void register_error_translator() {
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const ParseError& e) {
      raise("ParseError", e, &e.position());
    } catch (const DataError& e) {
      raise("DataError", e, &e.position());
    } catch (const InvalidArgument& e) {
      raise("InvalidArgument", e, nullptr);
    } catch (const IoError& e) {
      raise("IoError", e, nullptr);
    } catch (const Error& e) {
      raise("Error", e, nullptr);
    }
  });
}

}  // namespace marketshock::python
