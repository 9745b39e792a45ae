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
  return {.instrument = std::move(instrument), .source = "hjyssg", .policy = policy};
}

ImportedSeries import_text(std::string text, const PriceImportRequest& req) {
  return import_yfinance_csv(CsvReader::from_string(std::move(text), "ndx.csv"), req,
                             PriceBasis::as_traded());
}

constexpr const char* kHeader =
    "Price,Adj Close,Close,High,Low,Open,Volume\n"
    "Ticker,^NDX,^NDX,^NDX,^NDX,^NDX,^NDX\n"
    "Date,,,,,,\n";

TEST(YfinanceCsv, ReadsAnIndexBelowItsThreeHeaderLines) {
  const auto series = import_yfinance_csv(kVendorDir / "yfinance_ndx.csv", request("^NDX"),
                                          PriceBasis::as_traded());
  EXPECT_EQ(series.instrument, "^NDX");
  EXPECT_EQ(series.source, "hjyssg");
  EXPECT_EQ(series.basis, PriceBasis::as_traded());
  ASSERT_EQ(series.bars.size(), 3U);
  EXPECT_EQ(series.bars[0].date, greg::date(1985, 10, 1));
  EXPECT_EQ(series.bars[0].volume, -1);  // an index's 0: not reported
  const Bar& crash = series.bars[2];
  EXPECT_EQ(crash.date, greg::date(2025, 1, 27));
  EXPECT_DOUBLE_EQ(crash.open, 21188.9);
  EXPECT_DOUBLE_EQ(crash.high, 21300.4);
  EXPECT_DOUBLE_EQ(crash.low, 20980.6);
  EXPECT_DOUBLE_EQ(crash.close, 21127.28);
  EXPECT_EQ(crash.volume, 9050160000);
  // Header lines are not data rows.
  EXPECT_EQ(series.report.rows_read, 3U);
  EXPECT_EQ(series.report.rows_loaded, 3U);
}

TEST(YfinanceCsv, ReadsCloseNotAdjCloseOnTheCallersBasis) {
  const greg::date as_of(2025, 9, 19);
  const auto series = import_yfinance_csv(kVendorDir / "yfinance_qqq.csv", request("QQQ"),
                                          PriceBasis::split_adjusted(as_of));
  EXPECT_EQ(series.basis, PriceBasis::split_adjusted(as_of));
  ASSERT_EQ(series.bars.size(), 2U);
  EXPECT_DOUBLE_EQ(series.bars[0].close, 51.0625);  // Adj Close is 43.23
  EXPECT_EQ(series.bars[0].volume, 5232000);
}

TEST(YfinanceCsv, TheTickerLineMustNameTheRequestedInstrument) {
  EXPECT_THAT(
      [] {
        (void)import_yfinance_csv(kVendorDir / "yfinance_qqq.csv",
                                  request("^NDX", LoadPolicy::lenient), PriceBasis::as_traded());
      },
      ThrowsMessage<ParseError>(HasSubstr(
          "yfinance_qqq.csv:2:8: column 'Adj Close': ticker 'QQQ' where the file should hold only "
          "'^NDX'")));
  EXPECT_THAT(
      [] {
        (void)import_text(
            "Price,Close,High,Low,Open,Volume\n"
            "Ticker,^NDX,^NDX,^SPX,^NDX,^NDX\n",
            request("^NDX"));
      },
      ThrowsMessage<ParseError>(HasSubstr("ndx.csv:2:18: column 'Low': ticker '^SPX'")));
}

TEST(YfinanceCsv, ChecksTheHeaderLines) {
  EXPECT_THAT([] { (void)import_text("Date,Close,High,Low,Open,Volume\n", request("^NDX")); },
              ThrowsMessage<ParseError>(HasSubstr(
                  "ndx.csv:1:1: expected the yfinance 'Price' header line, found 'Date'")));
  EXPECT_THAT([] { (void)import_text("Price,Close,High,Low,Open,Volume\n", request("^NDX")); },
              ThrowsMessage<ParseError>(
                  HasSubstr("ndx.csv:2: the file ends before its yfinance 'Ticker' header line")));
  EXPECT_THAT(
      [] {
        (void)import_text(
            "Price,Adj Close,Close,High,Low,Open,Volume\n"
            "Date,,,,,,\n",
            request("^NDX"));
      },
      ThrowsMessage<ParseError>(
          HasSubstr("ndx.csv:2:1: column 'Price': expected the yfinance 'Ticker' header line, "
                    "found 'Date'")));
  EXPECT_THAT([] { (void)import_text(std::string(kHeader, 80), request("^NDX")); },
              ThrowsMessage<ParseError>(HasSubstr("ndx.csv:3: the file ends before its yfinance "
                                                  "'Date' header line")));
  EXPECT_THAT(
      [] {
        (void)import_text(
            "Price,Close,High,Low,Open,Volume\nTicker,^NDX,^NDX,^NDX,^NDX,^NDX\nDate,,,x,,\n",
            request("^NDX"));
      },
      ThrowsMessage<ParseError>(HasSubstr("ndx.csv:3:8: column 'Low': expected an empty field")));
  EXPECT_THAT([] { (void)import_text("Price,Close,High,Low,Open\n", request("^NDX")); },
              ThrowsMessage<ParseError>(HasSubstr("ndx.csv:1: missing column 'Volume'")));
  EXPECT_THAT(
      [] { (void)import_text("Price,Close,High,Low,Open,Volume,Dividends\n", request("^NDX")); },
      ThrowsMessage<ParseError>(HasSubstr("unexpected column 'Dividends'")));
}

TEST(YfinanceCsv, RefusesAMultiTickerDownload) {
  EXPECT_THAT(
      [] {
        (void)import_text("Price,Close,Close,High,High,Low,Low,Open,Open,Volume,Volume\n",
                          request("AAPL"));
      },
      ThrowsMessage<ParseError>(HasSubstr("ndx.csv:1:13: duplicated column 'Close'")));
}

TEST(YfinanceCsv, LenientSkipsBadDataRowsWithTheirLines) {
  const auto series = import_text(std::string(kHeader) +
                                      "2025-01-24,21774.01,21774.01,21900.5,21733.4,21857.3,7\n"
                                      "2025-01-27,21127.28,x,21300.4,20980.6,21188.9,9\n"
                                      "2025-01-28,1,1,1,1,1\n"
                                      "2025-01-29,21400,21400,21500,21300,21350,8\n",
                                  request("^NDX", LoadPolicy::lenient));
  EXPECT_EQ(series.bars.size(), 2U);
  EXPECT_EQ(series.report.rows_read, 4U);
  EXPECT_TRUE(series.report.is_consistent());
  ASSERT_EQ(series.report.skipped.size(), 2U);
  EXPECT_EQ(series.report.skipped[0].position.to_string(), "ndx.csv:5:21");
  EXPECT_EQ(series.report.skipped[0].reason, "column 'Close': invalid number 'x'");
  EXPECT_EQ(series.report.skipped[1].position.line, 6U);
}

}  // namespace
}  // namespace marketshock::io
