#include <marketshock/core/security.hpp>
#include <marketshock/core/symbol.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <unordered_set>

namespace marketshock {
namespace {

static_assert(std::is_trivially_copyable_v<Symbol>);
static_assert(sizeof(Symbol) == 16);
static_assert(!std::is_convertible_v<const char*, Symbol>, "construction must be explicit");
static_assert(!std::is_convertible_v<std::uint32_t, SecurityId>);

TEST(Symbol, AcceptsTickersWithClassSuffixes) {
  EXPECT_EQ(Symbol("NVDA").view(), "NVDA");
  EXPECT_EQ(Symbol("BRK.B").view(), "BRK.B");
  EXPECT_EQ(Symbol("BF-B").size(), 4u);
  EXPECT_EQ(Symbol("ABCDEFGHIJKLMNO").size(), 15u);
  EXPECT_EQ(fmt::format("[{:>6}]", Symbol("MSFT")), "[  MSFT]");
}

TEST(Symbol, RejectsInvalidTextWithTheRule) {
  EXPECT_THAT([] { (void)Symbol(""); },
              testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr("1 to 15 characters")));
  EXPECT_THAT([] { (void)Symbol("ABCDEFGHIJKLMNOP"); },
              testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr("16 characters")));
  EXPECT_THAT([] { (void)Symbol("nvda"); }, testing::ThrowsMessage<InvalidArgument>(
                                                testing::HasSubstr("character 'n' at position 1")));
  EXPECT_THAT([] { (void)Symbol("^GSPC"); },
              testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr("'^'")));
  EXPECT_FALSE(Symbol::try_parse("BRK B").has_value());
  EXPECT_FALSE(Symbol::try_parse("").has_value());
  EXPECT_EQ(Symbol::try_parse("GOOGL").value().view(), "GOOGL");
}

TEST(Symbol, ErrorsEscapeAndCutTheText) {
  using namespace std::string_literals;
  EXPECT_THAT([] { (void)Symbol("NV\nDA"); },
              testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr(
                  "invalid symbol 'NV\\x0aDA': character '\\x0a' at position 3")));
  EXPECT_THAT([] { (void)Symbol("\x1b[31m"); },
              testing::ThrowsMessage<InvalidArgument>(
                  testing::HasSubstr("invalid symbol '\\x1b[31m': character '\\x1b'")));
  EXPECT_THAT([] { (void)Symbol("A\0B"s); },
              testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr("'A\\x00B'")));
  const std::string huge(10 * 1024 * 1024, 'A');
  EXPECT_THAT([&] { (void)Symbol(huge); },
              testing::ThrowsMessage<InvalidArgument>(testing::AllOf(
                  testing::HasSubstr("...' (10485760 bytes): 10485760 characters, at most 15"),
                  testing::Not(testing::HasSubstr(std::string(100, 'A'))))));
}

TEST(Symbol, OrdersBytewiseAndHashes) {
  EXPECT_LT(Symbol("BRK.B"), Symbol("BRKB"));  // '.' sorts before letters
  EXPECT_LT(Symbol("GOOG"), Symbol("GOOGL"));
  EXPECT_EQ(Symbol("AAPL"), Symbol("AAPL"));
  const std::unordered_set<Symbol> set{Symbol("A"), Symbol("AA"), Symbol("A")};
  EXPECT_EQ(set.size(), 2u);
}

TEST(Security, ExchangeNamesRoundTrip) {
  for (Exchange e : {Exchange::nyse, Exchange::nasdaq, Exchange::nyse_american, Exchange::cboe}) {
    EXPECT_EQ(parse_exchange(to_string(e)), e);
  }
  EXPECT_EQ(parse_exchange("NASDAQ"), Exchange::nasdaq);
  EXPECT_THAT(
      [] { (void)parse_exchange("LSE"); },
      testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr("unknown exchange 'LSE'")));
  EXPECT_THROW(IssuerId(""), InvalidArgument);
}

}  // namespace
}  // namespace marketshock
