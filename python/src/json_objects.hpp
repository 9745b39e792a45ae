/// \file json_objects.hpp
/// \brief A JSON value of the report layer as the Python object json.loads would give.
#pragma once

#include <pybind11/pybind11.h>
#include <nlohmann/json_fwd.hpp>

namespace marketshock::python {

/// `value` as dict, list, str, int, float, bool or None (JSON null); object keys in
/// nlohmann::json's (sorted) order. Numbers keep their C++ value exactly (no text round trip).
[[nodiscard]] pybind11::object to_python(const nlohmann::json& value);

}  // namespace marketshock::python
