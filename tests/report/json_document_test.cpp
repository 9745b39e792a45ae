// The top level of every JSON document: schema id and version, added once.
#include <marketshock/core/error.hpp>
#include <marketshock/report/json_document.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace marketshock::report {
namespace {

using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

TEST(JsonDocument, AddsSchemaAndVersion) {
  const nlohmann::json doc = json_document("eventstudy", {{"event_session", "2025-01-27"}});
  EXPECT_EQ(doc.at("schema"), "marketshock.eventstudy");
  EXPECT_EQ(doc.at("schema_version"), kJsonSchemaVersion);
  EXPECT_EQ(doc.at("event_session"), "2025-01-27");
  EXPECT_EQ(doc.size(), 3U);
}

TEST(JsonDocument, RefusesANonObjectOrASecondSchema) {
  EXPECT_THAT([] { (void)json_document("moves", nlohmann::json::array()); },
              ThrowsMessage<InvalidArgument>(HasSubstr("not an object")));
  EXPECT_THAT(
      [] {
        (void)json_document("moves", {{"schema", "x"}});
      },
      ThrowsMessage<InvalidArgument>(HasSubstr("already has a schema")));
}

}  // namespace
}  // namespace marketshock::report
