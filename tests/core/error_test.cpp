#include <marketshock/core/error.hpp>
#include <marketshock/core/require.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <type_traits>

namespace marketshock {
namespace {

static_assert(std::is_base_of_v<Error, InvalidArgument>);
static_assert(std::is_base_of_v<Error, ParseError>);
static_assert(std::is_base_of_v<Error, DataError>);
static_assert(std::is_base_of_v<Error, IoError>);
static_assert(std::is_base_of_v<std::runtime_error, Error>);

TEST(Error, ParseErrorCarriesIdAndPosition) {
  const ParseError e({"prices.csv", 123, 12}, "invalid date '2020-02-30'");
  EXPECT_STREQ(e.what(), "[marketshock.parse_error] prices.csv:123:12: invalid date '2020-02-30'");
  EXPECT_EQ(e.id(), "parse_error");
  EXPECT_EQ(e.position().line, 123u);
  EXPECT_EQ(e.position().column, 12u);
}

TEST(Error, PositionDropsUnknownParts) {
  EXPECT_EQ((SourcePosition{"a.csv", 3, 0}).to_string(), "a.csv:3");
  EXPECT_EQ((SourcePosition{"a.csv", 0, 0}).to_string(), "a.csv");
  EXPECT_EQ((SourcePosition{}).to_string(), "");
  EXPECT_STREQ(DataError("high below low").what(), "[marketshock.data_error] high below low");
}

TEST(Error, RequireThrowsFormattedInvalidArgument) {
  EXPECT_NO_THROW(MARKETSHOCK_REQUIRE(1 + 1 == 2, "never {}", 1));
  EXPECT_THAT([] { MARKETSHOCK_REQUIRE(2 < 1, "top {} must be positive", -3); },
              testing::ThrowsMessage<InvalidArgument>(
                  testing::StrEq("[marketshock.invalid_argument] top -3 must be positive")));
}

}  // namespace
}  // namespace marketshock
