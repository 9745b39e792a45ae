#include <marketshock/io/vendor/snapshot_quotes.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

namespace marketshock::io {
namespace {

using boost::gregorian::date;
using testing::HasSubstr;
using testing::ThrowsMessage;

std::filesystem::path fixture(const char* name) {
  return std::filesystem::path(MARKETSHOCK_TEST_DATA_DIR) / "reference" / name;
}

TEST(SnapshotFolderDate, ReadsTheDatePrefix) {
  EXPECT_EQ(snapshot_folder_date("2025-02-01_67dd99e"), date(2025, 2, 1));
  EXPECT_THAT([] { (void)snapshot_folder_date("HEAD_58490ec"); },
              ThrowsMessage<InvalidArgument>(HasSubstr("is not named <YYYY-MM-DD>_<commit>")));
}

TEST(YahooFinancialsSnapshot, QuotesTheLastSessionBeforeTheSnapshot) {
  // Snapshot of Saturday 2025-02-01: the close of Friday 2025-01-31.
  const auto imported = import_yahoo_financials_snapshot(fixture("constituents-financials.csv"),
                                                         date(2025, 2, 1), LoadPolicy::strict);
  ASSERT_EQ(imported.quotes.size(), 4U);
  const SnapshotQuote& nvda = imported.quotes[3];
  EXPECT_EQ(nvda.symbol, Symbol("NVDA"));
  EXPECT_EQ(nvda.session, date(2025, 1, 31));
  EXPECT_DOUBLE_EQ(nvda.price, 120.07);
  EXPECT_DOUBLE_EQ(nvda.market_cap, 3052683657216.0);
  EXPECT_EQ(nvda.source, "constituents-financials.csv:5");
  // BRK.B has neither price nor cap: kept, as NaN.
  EXPECT_EQ(imported.quotes[2].symbol, Symbol("BRK.B"));
  EXPECT_TRUE(std::isnan(imported.quotes[2].price));
  EXPECT_TRUE(std::isnan(imported.quotes[2].market_cap));
  // New Year's Day snapshot: the close of 2024-12-31.
  auto reader = CsvReader::from_file(fixture("constituents-financials.csv"));
  EXPECT_EQ(import_yahoo_financials_snapshot(reader, date(2025, 1, 1), LoadPolicy::strict)
                .quotes[0]
                .session,
            date(2024, 12, 31));
}

TEST(YahooFinancialsSnapshot, RejectsNonPositiveAndBadNumbers) {
  const auto load = [](const char* row) {
    auto reader = CsvReader::from_string(std::string("Symbol,Name,Price,Market Cap\n") + row,
                                         "financials.csv");
    return import_yahoo_financials_snapshot(reader, date(2025, 2, 1), LoadPolicy::strict);
  };
  EXPECT_THAT([&] { (void)load("NVDA,Nvidia,0,1\n"); },
              ThrowsMessage<DataError>(
                  HasSubstr("financials.csv:2:13: column 'Price': 0 is not positive")));
  EXPECT_THAT([&] { (void)load("NVDA,Nvidia,1,3.05T\n"); },
              ThrowsMessage<ParseError>(
                  HasSubstr("financials.csv:2:15: column 'Market Cap': invalid number '3.05T'")));
}

TEST(KaggleSnapshot, NormalisesYahooTickers) {
  const auto imported = import_kaggle_sp500_snapshot(fixture("sp500_companies.csv"),
                                                     date(2024, 12, 20), LoadPolicy::strict);
  ASSERT_EQ(imported.quotes.size(), 2U);
  EXPECT_EQ(imported.quotes[1].symbol, Symbol("BRK.B"));
  EXPECT_EQ(imported.quotes[0].session, date(2024, 12, 20));
  EXPECT_DOUBLE_EQ(imported.quotes[0].price, 134.7);
  EXPECT_THAT(
      [] {
        (void)import_kaggle_sp500_snapshot(fixture("sp500_companies.csv"), date(2024, 12, 21),
                                           LoadPolicy::strict);
      },
      ThrowsMessage<InvalidArgument>(HasSubstr("2024-12-21 is not an NYSE session")));
}

TEST(ImpliedShareCount, IsCapOverPriceWhenBothExist) {
  const auto imported = import_yahoo_financials_snapshot(fixture("constituents-financials.csv"),
                                                         date(2025, 2, 1), LoadPolicy::strict);
  const auto nvda = implied_share_count(imported.quotes[3]);
  ASSERT_TRUE(nvda.has_value());
  // The 2025-02-01 NVDA glitch: 25.42B shares against 24.49B filed.
  EXPECT_NEAR(nvda->shares / 1e9, 25.42, 0.01);
  EXPECT_EQ(nvda->as_of, date(2025, 1, 31));
  EXPECT_TRUE(nvda->basis.is_point_in_time());
  EXPECT_EQ(nvda->measure, "market cap / price");
  EXPECT_FALSE(implied_share_count(imported.quotes[2]).has_value());
}

}  // namespace
}  // namespace marketshock::io
