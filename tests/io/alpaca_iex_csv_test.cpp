#include <marketshock/io/vendor/price_importers.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/io/csv_reader.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <filesystem>
#include <string>

namespace marketshock::io {
namespace {

namespace greg = boost::gregorian;
using testing::HasSubstr;
using testing::ThrowsMessage;

const std::filesystem::path kVendorDir =
    std::filesystem::path(MARKETSHOCK_TEST_DATA_DIR) / "vendor";

PriceImportRequest request(std::string instrument, LoadPolicy policy = LoadPolicy::strict) {
  return {.instrument = std::move(instrument), .source = "spooky", .policy = policy};
}

// The session of a one-row file dated `timestamp`.
greg::date session_of(const std::string& timestamp) {
  const auto series =
      import_alpaca_iex_csv(CsvReader::from_string("Date,Open,High,Low,Close,Adj Close,Volume\n" +
                                                       timestamp + ",10,11,9,10.5,10.5,100.0\n",
                                                   "ANSS.csv"),
                            request("ANSS"), PriceBasis::as_traded());
  return series.bars.at(0).date;
}

TEST(AlpacaIexCsv, MapsNewYorkMidnightInUtcToTheSessionAndKeepsAStrayEarlyBar) {
  const auto series = import_alpaca_iex_csv(kVendorDir / "alpaca_iex_anss.csv", request("ANSS"),
                                            PriceBasis::as_traded());
  EXPECT_EQ(series.instrument, "ANSS");
  EXPECT_EQ(series.source, "spooky");
  EXPECT_EQ(series.quality, PriceQuality::single_venue);
  EXPECT_EQ(series.basis, PriceBasis::as_traded());
  ASSERT_EQ(series.bars.size(), 5U);
  EXPECT_EQ(series.bars[0].date, greg::date(2018, 7, 26));  // the stray early bar
  EXPECT_EQ(series.bars[0].volume, 100);
  EXPECT_EQ(series.bars[1].date, greg::date(2020, 7, 27));
  EXPECT_DOUBLE_EQ(series.bars[1].close, 299.95);
  EXPECT_EQ(series.bars[1].volume, 9978);                    // written "9978.0"
  EXPECT_EQ(series.bars[2].date, greg::date(2020, 10, 30));  // 04:00 UTC: EDT
  EXPECT_EQ(series.bars[3].date, greg::date(2020, 11, 2));   // 05:00 UTC: EST
  EXPECT_EQ(series.report.rows_loaded, 5U);
}

TEST(AlpacaIexCsv, FollowsNewYorkDaylightSavingTime) {
  // 2007 rules: 2024 switches on Sunday 10 March and Sunday 3 November, at 02:00 local.
  EXPECT_EQ(session_of("2024-03-08 05:00:00+00:00"), greg::date(2024, 3, 8));
  EXPECT_EQ(session_of("2024-03-10 05:00:00+00:00"), greg::date(2024, 3, 10));
  EXPECT_EQ(session_of("2024-03-11 04:00:00+00:00"), greg::date(2024, 3, 11));
  EXPECT_EQ(session_of("2024-11-01 04:00:00+00:00"), greg::date(2024, 11, 1));
  EXPECT_EQ(session_of("2024-11-03 04:00:00+00:00"), greg::date(2024, 11, 3));
  EXPECT_EQ(session_of("2024-11-04 05:00:00+00:00"), greg::date(2024, 11, 4));
  // 1987-2006 rules: first Sunday of April (2006-04-02) to last Sunday of October (2006-10-29).
  EXPECT_EQ(session_of("2006-03-13 05:00:00+00:00"), greg::date(2006, 3, 13));
  EXPECT_EQ(session_of("2006-03-31 05:00:00+00:00"), greg::date(2006, 3, 31));
  EXPECT_EQ(session_of("2006-04-03 04:00:00+00:00"), greg::date(2006, 4, 3));
  EXPECT_EQ(session_of("2006-10-27 04:00:00+00:00"), greg::date(2006, 10, 27));
  EXPECT_EQ(session_of("2006-10-30 05:00:00+00:00"), greg::date(2006, 10, 30));
}

TEST(AlpacaIexCsv, RejectsAHourThatIsNotNewYorkMidnight) {
  EXPECT_THAT([] { (void)session_of("2025-01-27 04:00:00+00:00"); },
              ThrowsMessage<ParseError>(HasSubstr(
                  "ANSS.csv:2:1: column 'Date': timestamp '2025-01-27 04:00:00+00:00' is not New "
                  "York midnight: on 2025-01-27 New York is on EST (UTC-5), so midnight is "
                  "05:00:00+00:00")));
  EXPECT_THAT([] { (void)session_of("2024-03-11 05:00:00+00:00"); },
              ThrowsMessage<ParseError>(HasSubstr("New York is on EDT (UTC-4)")));
  EXPECT_THAT([] { (void)session_of("2006-03-13 04:00:00+00:00"); },
              ThrowsMessage<ParseError>(HasSubstr("New York is on EST (UTC-5)")));
  for (const std::string timestamp :
       {"2025-01-27", "2025-01-27 00:00:00+00:00", "2025-01-27 05:00:00-05:00",
        "2025-01-27 05:00:00", "2025-01-27T05:00:00+00:00", "2025-01-27 05:30:00+00:00"}) {
    EXPECT_THAT([&] { (void)session_of(timestamp); },
                ThrowsMessage<ParseError>(HasSubstr("ANSS.csv:2:1: column 'Date': invalid "
                                                    "timestamp '" +
                                                    timestamp + "'")))
        << timestamp;
  }
  EXPECT_THAT([] { (void)session_of("1986-07-01 04:00:00+00:00"); },
              ThrowsMessage<ParseError>(HasSubstr("before 1987")));
}

TEST(AlpacaIexCsv, LenientSkipsBadRowsAndCountsThem) {
  const auto series = import_alpaca_iex_csv(
      CsvReader::from_string("Date,Open,High,Low,Close,Adj Close,Volume\n"
                             "2020-07-27 04:00:00+00:00,295.64,300.46,295.64,299.95,299.95,9978.0\n"
                             "2020-07-28 12:00:00+00:00,297.4,302.8,297.4,298.3,298.3,7535.0\n"
                             "2020-07-29 04:00:00+00:00,298,301,299,300,300,12.0\n"
                             "2020-07-30 04:00:00+00:00,298,301,297,300,300,8000.0\n",
                             "ANSS.csv"),
      request("ANSS", LoadPolicy::lenient), PriceBasis::as_traded());
  EXPECT_EQ(series.bars.size(), 2U);
  EXPECT_EQ(series.report.rows_read, 4U);
  EXPECT_TRUE(series.report.is_consistent());
  ASSERT_EQ(series.report.skipped.size(), 2U);
  EXPECT_EQ(series.report.skipped[0].position.to_string(), "ANSS.csv:3:1");
  EXPECT_EQ(series.report.skipped[1].position.to_string(), "ANSS.csv:4:35");
  EXPECT_EQ(series.report.skipped[1].reason,
            "column 'Low': low above open (open 298, high 301, "
            "low 299, close 300)");
}

}  // namespace
}  // namespace marketshock::io
