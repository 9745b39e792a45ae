#include <marketshock/core/market_data.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace marketshock {
namespace {

using boost::gregorian::date;

DailyBars one_bar(const char* symbol, double close) {
  const std::vector<Bar> rows{{date(2025, 1, 27), close, close, close, close, 1}};
  return DailyBars(Symbol(symbol), PriceBasis::as_traded(), rows);
}

Security security(const char* symbol, const char* issuer, const char* share_class = "") {
  return Security{Symbol(symbol), IssuerId(issuer), share_class, Exchange::nasdaq, "", "", ""};
}

MarketData small_dataset() {
  MarketDataBuilder b("test");
  b.add_issuer({IssuerId("alphabet"), "Alphabet Inc.", "0001652044"});
  b.add_issuer({IssuerId("nvidia"), "NVIDIA Corporation", std::nullopt});
  b.add_security(security("NVDA", "nvidia"), one_bar("NVDA", 118.42), {});
  b.add_security(security("GOOGL", "alphabet", "A"), one_bar("GOOGL", 191.81), {});
  b.add_security(security("GOOG", "alphabet", "C"), one_bar("GOOG", 193.77), {});
  b.set_shares(
      Symbol("NVDA"),
      StepSeries<SharesRecord>(
          {{date(2024, 11, 15), {24.49e9, 24.49e9, 1.0, "cover-page count", "sec", "x"}}}));
  return std::move(b).build();
}

TEST(MarketData, SortsBySymbolAndJoinsShareClasses) {
  const MarketData data = small_dataset();
  ASSERT_EQ(data.security_count(), 3u);
  EXPECT_EQ(data.securities()[0].security.symbol, Symbol("GOOG"));
  const auto nvda = data.find(Symbol("NVDA"));
  ASSERT_TRUE(nvda.has_value());
  EXPECT_EQ(nvda->value(), 2u);
  EXPECT_EQ(data.record(*nvda).shares.as_of(date(2025, 1, 27))->shares, 24.49e9);
  const auto alphabet = data.securities_of(IssuerId("alphabet"));
  ASSERT_EQ(alphabet.size(), 2u);
  EXPECT_EQ(data.record(alphabet[1]).security.share_class, "A");
  EXPECT_EQ(data.issuer(IssuerId("alphabet"))->name, "Alphabet Inc.");
}

TEST(MarketData, UnknownSymbolsSuggestCloseMatches) {
  const MarketData data = small_dataset();
  EXPECT_THAT([&] { (void)data.require("NVDIA"); },
              testing::ThrowsMessage<InvalidArgument>(
                  testing::HasSubstr("unknown symbol 'NVDIA'; did you mean NVDA?")));
  EXPECT_THAT([&] { (void)data.require("goog"); },
              testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr("did you mean GOOG")));
  EXPECT_THAT([&] { (void)data.require("ZZZZZZZ"); },
              testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr("not in dataset 'test'")));
  EXPECT_EQ(data.require("GOOGL").value(), 1u);
}

TEST(MarketData, UnknownSymbolErrorsEscapeAndCutTheText) {
  const MarketData data = small_dataset();
  EXPECT_THAT([&] { (void)data.require("NV\nDA\x1b[2J"); },
              testing::ThrowsMessage<InvalidArgument>(
                  testing::HasSubstr("unknown symbol 'NV\\x0aDA\\x1b[2J'")));
  // Ten megabytes: answered at once (no suggestion scan), named by a short prefix and its length.
  const std::string huge = "NVDA" + std::string(10 * 1024 * 1024, 'A');
  EXPECT_THAT([&] { (void)data.require(huge); },
              testing::ThrowsMessage<InvalidArgument>(testing::AllOf(
                  testing::HasSubstr("...' (10485764 bytes) (not in dataset 'test')"),
                  testing::Not(testing::HasSubstr(std::string(100, 'A'))))));
}

TEST(MarketData, BuildChecksCrossReferences) {
  MarketDataBuilder b("bad");
  b.add_security(security("NVDA", "nvidia"), one_bar("NVDA", 118.42), {});
  EXPECT_THROW(b.add_security(security("NVDA", "nvidia"), one_bar("NVDA", 1.0), {}), DataError);
  EXPECT_THROW(b.add_security(security("AMD", "amd"), one_bar("NVDA", 1.0), {}), DataError);
  EXPECT_THROW(b.set_shares(Symbol("TSLA"), {}), DataError);
  EXPECT_THAT([&] { (void)std::move(b).build(); },
              testing::ThrowsMessage<DataError>(testing::HasSubstr("issuer 'nvidia'")));
}

}  // namespace
}  // namespace marketshock
