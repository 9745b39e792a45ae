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
  return {.instrument = std::move(instrument), .source = "zjplab", .policy = policy};
}

ImportedSeries import_row(const std::string& row, LoadPolicy policy = LoadPolicy::strict) {
  return import_tz_dated_index_csv(
      CsvReader::from_string("Date,Open,High,Low,Close,Volume,Dividends,Stock Splits\n" + row,
                             "^GSPC.csv"),
      request("^GSPC", policy));
}

TEST(TzDatedIndexCsv, TakesTheLocalDateAndTreatsZeroVolumeAsUnknown) {
  const auto series = import_tz_dated_index_csv(kVendorDir / "tz_dated_gspc.csv", request("^GSPC"));
  EXPECT_EQ(series.instrument, "^GSPC");
  EXPECT_EQ(series.source, "zjplab");
  EXPECT_EQ(series.basis, PriceBasis::as_traded());
  EXPECT_EQ(series.quality, PriceQuality::consolidated);
  ASSERT_EQ(series.bars.size(), 4U);
  EXPECT_EQ(series.bars[0].date, greg::date(1927, 12, 30));
  EXPECT_EQ(series.bars[0].volume, -1);
  EXPECT_EQ(series.bars[2].date, greg::date(2025, 1, 27));
  EXPECT_DOUBLE_EQ(series.bars[2].close, 6012.28);
  EXPECT_EQ(series.bars[2].volume, 5078110000);
  EXPECT_EQ(series.bars[3].date, greg::date(2025, 7, 1));  // -04:00 in summer
  EXPECT_EQ(series.report.rows_loaded, 4U);
}

TEST(TzDatedIndexCsv, AcceptsAnyExchangeOffset) {
  // ^VIX is stamped with Chicago's offset, and has no volume at all.
  const auto series = import_tz_dated_index_csv(kVendorDir / "tz_dated_vix.csv", request("^VIX"));
  ASSERT_EQ(series.bars.size(), 2U);
  EXPECT_EQ(series.bars[1].date, greg::date(2025, 1, 27));
  EXPECT_DOUBLE_EQ(series.bars[1].high, 22.51);
  EXPECT_EQ(series.bars[1].volume, -1);
  EXPECT_EQ(import_row("2025-01-27 00:00:00+05:30,2,2,2,2,0,0,0\n").bars.at(0).date,
            greg::date(2025, 1, 27));
}

TEST(TzDatedIndexCsv, RequiresLocalMidnightWithAnOffset) {
  for (const std::string date :
       {"2025-01-27", "2025-01-27 09:30:00-05:00", "2025-01-27T00:00:00-05:00",
        "2025-01-27 00:00:00", "2025-01-27 00:00:00-0500", "2025-01-27 00:00:00-05:60"}) {
    EXPECT_THAT([&] { (void)import_row(date + ",2,2,2,2,0,0,0\n"); },
                ThrowsMessage<ParseError>(
                    HasSubstr("^GSPC.csv:2:1: column 'Date': invalid timestamp '" + date + "'")))
        << date;
  }
  EXPECT_THAT([] { (void)import_row("2025-02-30 00:00:00-05:00,2,2,2,2,0,0,0\n"); },
              ThrowsMessage<ParseError>(HasSubstr("invalid date '2025-02-30 00:00:00-05:00'")));
}

TEST(TzDatedIndexCsv, RefusesDividendsAndSplits) {
  EXPECT_THAT(
      [] { (void)import_tz_dated_index_csv(kVendorDir / "tz_dated_split.csv", request("NVDA")); },
      ThrowsMessage<DataError>(HasSubstr("tz_dated_split.csv:3:68: column 'Stock Splits': 10.0 "
                                         "in an index file")));
  EXPECT_THAT([] { (void)import_row("2025-01-27 00:00:00-05:00,2,2,2,2,0,0.25,0.0\n"); },
              ThrowsMessage<DataError>(HasSubstr("^GSPC.csv:2:37: column 'Dividends': 0.25")));
  const auto lenient = import_tz_dated_index_csv(kVendorDir / "tz_dated_split.csv",
                                                 request("NVDA", LoadPolicy::lenient));
  EXPECT_EQ(lenient.bars.size(), 2U);
  EXPECT_EQ(lenient.report.rows_read, 3U);
  ASSERT_EQ(lenient.report.skipped.size(), 1U);
  EXPECT_EQ(lenient.report.skipped[0].position.line, 3U);
}

TEST(TzDatedIndexCsv, ChecksBarsLikeTheOtherImporters) {
  EXPECT_THAT([] { (void)import_row("2025-01-27 00:00:00-05:00,2,1,3,2,0,0,0\n"); },
              ThrowsMessage<DataError>(HasSubstr("^GSPC.csv:2:29: column 'High': high below low")));
  EXPECT_THAT([] { (void)import_row("2025-01-27 00:00:00-05:00,2,2,2,2,0,0\n"); },
              ThrowsMessage<ParseError>(HasSubstr("expected 8 fields, found 7")));
  EXPECT_THAT(
      [] {
        (void)import_tz_dated_index_csv(
            CsvReader::from_string("Date,Open,High,Low,Close,Volume\n", "x.csv"), request("^GSPC"));
      },
      ThrowsMessage<ParseError>(HasSubstr("x.csv:1: missing columns 'Dividends', 'Stock Splits'")));
}

}  // namespace
}  // namespace marketshock::io
