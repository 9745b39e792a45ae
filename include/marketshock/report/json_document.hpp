/// \file json_document.hpp
/// \brief The top level of every JSON document the tool writes: the schema it follows and the
/// schema's version (docs/schema/<command>.schema.json).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string_view>

namespace marketshock::report {

/// Version of the JSON documents' schemas; raised when a field changes meaning or disappears
/// (adding a field does not raise it).
inline constexpr int kJsonSchemaVersion = 1;

/// `body` (an object) with "schema": "marketshock.<command>" and "schema_version" added at the
/// top level, e.g. json_document("eventstudy", ...).
/// \throws InvalidArgument if `body` is not an object or already has a "schema" field.
[[nodiscard]] nlohmann::json json_document(std::string_view command, nlohmann::json body);

}  // namespace marketshock::report
