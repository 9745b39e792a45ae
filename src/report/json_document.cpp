#include <marketshock/report/json_document.hpp>

#include <marketshock/core/require.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace marketshock::report {

nlohmann::json json_document(std::string_view command, nlohmann::json body) {
  MARKETSHOCK_REQUIRE(body.is_object(), "JSON document of '{}': the body is not an object",
                      command);
  MARKETSHOCK_REQUIRE(!body.contains("schema"), "JSON document of '{}' already has a schema",
                      command);
  body["schema"] = "marketshock." + std::string(command);
  body["schema_version"] = kJsonSchemaVersion;
  return body;
}

}  // namespace marketshock::report
