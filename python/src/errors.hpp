/// \file errors.hpp
/// \brief The translation of marketshock::Error and its subclasses into the Python exceptions
/// of marketshock._errors (Error, InvalidArgument, ParseError, DataError, IoError).
#pragma once

#include <pybind11/pybind11.h>

namespace marketshock::python {

/// Registers the translator: a C++ InvalidArgument raises marketshock.InvalidArgument (a
/// ValueError), ParseError and DataError their namesakes (ValueErrors), IoError
/// marketshock.IoError (an OSError), any other marketshock::Error marketshock.Error. The Python
/// exception's str() is the C++ message() (what the command-line tool prints after
/// "marketshock: error: "), `.id` the stable id, and for ParseError and DataError `.file`,
/// `.line`, `.column` the position (None when unknown).
void register_error_translator();

}  // namespace marketshock::python
