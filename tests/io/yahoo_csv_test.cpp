#include <marketshock/io/vendor/price_importers.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/io/csv_reader.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cmath>
#include <filesystem>
#include <string>

namespace marketshock::io {
namespace {

namespace greg = boost::gregorian;
using testing::HasSubstr;
using testing::ThrowsMessage;

const std::filesystem::path kVendorDir =
    std::filesystem::path(MARKETSHOCK_TEST_DATA_DIR) / "vendor";
const greg::date kAsOf(2026, 4, 24);

PriceImportRequest request(std::string instrument, LoadPolicy policy = LoadPolicy::strict) {
  return {.instrument = std::move(instrument), .source = "test", .policy = policy};
}

ImportedSeries import_text(std::string text, const PriceImportRequest& req,
                           PriceBasis basis = PriceBasis::as_traded()) {
  return import_yahoo_csv(CsvReader::from_string(std::move(text), "prices.csv"), req, basis);
}

TEST(YahooCsv, ReadsCloseNotAdjCloseWithSymbolColumn) {
  const auto series =
      import_yahoo_split_adjusted_csv(kVendorDir / "yahoo_symbol_nvda.csv", request("NVDA"), kAsOf);
  EXPECT_EQ(series.instrument, "NVDA");
  EXPECT_EQ(series.source, "test");
  EXPECT_THAT(series.file, HasSubstr("yahoo_symbol_nvda.csv"));
  EXPECT_EQ(series.basis, PriceBasis::split_adjusted(kAsOf));
  EXPECT_EQ(series.quality, PriceQuality::consolidated);
  ASSERT_EQ(series.bars.size(), 4U);
  const Bar& crash = series.bars[2];
  EXPECT_EQ(crash.date, greg::date(2025, 1, 27));
  EXPECT_DOUBLE_EQ(crash.open, 124.8);
  EXPECT_DOUBLE_EQ(crash.high, 128.4);
  EXPECT_DOUBLE_EQ(crash.low, 116.7);
  EXPECT_DOUBLE_EQ(crash.close, 118.42);  // Close, not Adj Close 118.39
  EXPECT_EQ(crash.volume, 818830900);
  EXPECT_EQ(series.bars[1].volume, 234657600);  // written "234657600.0"
  EXPECT_EQ(series.report.rows_read, 4U);
  EXPECT_EQ(series.report.rows_loaded, 4U);
  EXPECT_TRUE(series.report.skipped.empty());
}

TEST(YahooCsv, FindsColumnsByNameInAnyOrder) {
  // dane-anderson: Date,Adj Close,Close,High,Low,Open,Volume.
  const auto series = import_yahoo_split_adjusted_csv(kVendorDir / "yahoo_adj_first_msft.csv",
                                                      request("MSFT"), kAsOf);
  ASSERT_EQ(series.bars.size(), 2U);
  EXPECT_DOUBLE_EQ(series.bars[1].close, 434.56);
  EXPECT_DOUBLE_EQ(series.bars[1].open, 424.01);
  EXPECT_DOUBLE_EQ(series.bars[1].high, 435.2);
  EXPECT_DOUBLE_EQ(series.bars[1].low, 417.0);
  EXPECT_EQ(series.bars[1].volume, 35647800);
}

TEST(YahooCsv, PlainOhlcvIsSplitAndDividendAdjusted) {
  const greg::date as_of(2025, 10, 8);
  const auto series =
      import_adjusted_ohlcv_csv(kVendorDir / "adjusted_ohlcv_nvda.csv", request("NVDA"), as_of);
  EXPECT_EQ(series.basis, PriceBasis::split_and_dividend_adjusted(as_of));
  ASSERT_EQ(series.bars.size(), 3U);
  EXPECT_DOUBLE_EQ(series.bars[1].close, 118.36);
}

TEST(YahooCsv, ReadsChiefRichIndexLayoutWithZeroVolumeUnknown) {
  // Date,Open,Close,High,Low,Volume,Adj Close; an index's volume 0 means "not reported".
  const auto series =
      import_yahoo_csv(kVendorDir / "chief_rich_ndx.csv", request("^NDX"), PriceBasis::as_traded());
  EXPECT_EQ(series.instrument, "^NDX");
  EXPECT_EQ(series.basis, PriceBasis::as_traded());
  ASSERT_EQ(series.bars.size(), 2U);
  EXPECT_DOUBLE_EQ(series.bars[0].close, 21774.01);
  EXPECT_EQ(series.bars[0].volume, -1);
  EXPECT_EQ(series.bars[1].volume, 9050160000);
}

TEST(YahooCsv, AStockKeepsZeroVolume) {
  const auto series =
      import_text("Date,Open,High,Low,Close,Volume\n2025-01-24,1,2,1,2,0\n", request("SW"));
  EXPECT_EQ(series.bars.at(0).volume, 0);
}

TEST(YahooCsv, BasisHelpersCheckTheAdjCloseColumn) {
  EXPECT_THAT(
      [] {
        (void)import_yahoo_split_adjusted_csv(kVendorDir / "adjusted_ohlcv_nvda.csv",
                                              request("NVDA"), kAsOf);
      },
      ThrowsMessage<ParseError>(HasSubstr("adjusted_ohlcv_nvda.csv:1: no 'Adj Close' column")));
  EXPECT_THAT(
      [] {
        (void)import_adjusted_ohlcv_csv(kVendorDir / "yahoo_symbol_nvda.csv", request("NVDA"),
                                        kAsOf);
      },
      ThrowsMessage<ParseError>(HasSubstr("yahoo_symbol_nvda.csv:1: an 'Adj Close' column")));
  EXPECT_THROW((void)import_adjusted_ohlcv_csv(kVendorDir / "adjusted_ohlcv_nvda.csv",
                                               request("NVDA"), greg::date(greg::not_a_date_time)),
               InvalidArgument);
}

TEST(YahooCsv, RejectsAFileMixingSymbols) {
  for (const LoadPolicy policy : {LoadPolicy::strict, LoadPolicy::lenient}) {
    const auto load = [policy] {
      return import_yahoo_split_adjusted_csv(kVendorDir / "yahoo_mixed_symbols.csv",
                                             request("APP", policy), kAsOf);
    };
    if (policy == LoadPolicy::strict) {
      EXPECT_THAT(load, ThrowsMessage<DataError>(
                            HasSubstr("yahoo_mixed_symbols.csv:4:12: column 'Symbol': symbol 'XYZ' "
                                      "where the file should hold only 'APP'")));
    } else {
      const auto series = load();
      EXPECT_EQ(series.bars.size(), 2U);
      ASSERT_EQ(series.report.skipped.size(), 1U);
      EXPECT_EQ(series.report.skipped[0].position.line, 4U);
      EXPECT_EQ(series.report.skipped[0].position.column, 12U);
    }
  }
}

TEST(YahooCsv, RejectsPastedDownloadsWithRepeatedColumnNames) {
  // As growwanalysis APP.csv: two stocks side by side under "Open,Open,High,High,...".
  for (const LoadPolicy policy : {LoadPolicy::strict, LoadPolicy::lenient}) {
    EXPECT_THAT(
        [policy] {
          (void)import_yahoo_split_adjusted_csv(kVendorDir / "yahoo_pasted_columns.csv",
                                                request("APP", policy), kAsOf);
        },
        ThrowsMessage<ParseError>(HasSubstr(
            "yahoo_pasted_columns.csv:1:18: duplicated column 'Open' (columns 3 and 4)")));
  }
}

TEST(YahooCsv, StrictStopsAtTheFirstBadBar) {
  EXPECT_THAT(
      [] {
        (void)import_yahoo_split_adjusted_csv(kVendorDir / "yahoo_bad_rows.csv", request("NVDA"),
                                              kAsOf);
      },
      ThrowsMessage<DataError>(
          HasSubstr("yahoo_bad_rows.csv:3:24: column 'High': high below low (open 144.66, "
                    "high 141, low 143.2, close 147.07)")));
}

TEST(YahooCsv, LenientSkipsAndReportsEveryBadRow) {
  const auto series = import_yahoo_split_adjusted_csv(kVendorDir / "yahoo_bad_rows.csv",
                                                      request("NVDA", LoadPolicy::lenient), kAsOf);
  ASSERT_EQ(series.bars.size(), 3U);
  EXPECT_EQ(series.bars[0].date, greg::date(2025, 1, 21));
  EXPECT_EQ(series.bars[1].date, greg::date(2025, 1, 24));
  EXPECT_EQ(series.bars[2].date, greg::date(2025, 1, 27));
  const LoadReport& report = series.report;
  EXPECT_EQ(report.rows_read, 9U);
  EXPECT_EQ(report.rows_loaded, 3U);
  EXPECT_TRUE(report.is_consistent());
  ASSERT_EQ(report.skipped.size(), 6U);
  const auto reason = [&](std::size_t i) {
    return report.skipped[i].position.to_string() + ": " + report.skipped[i].reason;
  };
  EXPECT_THAT(reason(0), HasSubstr(":3:24: column 'High': high below low"));
  EXPECT_THAT(reason(1), HasSubstr(":4:1: column 'Date': invalid date '2025-02-30'"));
  EXPECT_THAT(reason(2),
              HasSubstr(":6:1: column 'Date': date 2025-01-24 repeats 2025-01-24 of line 5"));
  EXPECT_THAT(reason(3),
              HasSubstr(":7:1: column 'Date': date 2025-01-23 comes before 2025-01-24 of line 5"));
  EXPECT_THAT(reason(4), HasSubstr(":8:"));
  EXPECT_THAT(reason(4), HasSubstr("column 'Volume': number '8188309.5' is not an integer"));
  EXPECT_THAT(reason(5), HasSubstr(":9:"));
  EXPECT_THAT(reason(5), HasSubstr("expected 8 fields, found 4"));
}

TEST(YahooCsv, ChecksEveryBarInvariant) {
  const std::string header = "Date,Open,High,Low,Close,Volume\n";
  const auto expect_data_error = [&](const std::string& row, const std::string& message) {
    EXPECT_THAT([&] { (void)import_text(header + row, request("NVDA")); },
                ThrowsMessage<DataError>(HasSubstr(message)))
        << row;
  };
  expect_data_error("2025-01-24,10,12,9,-1,5\n", "prices.csv:2:20: column 'Close': close must");
  expect_data_error("2025-01-24,0,12,9,11,5\n", "prices.csv:2:12: column 'Open': open must");
  expect_data_error("2025-01-24,10,10.5,9,11,5\n", "column 'High': high below close");
  expect_data_error("2025-01-24,13,12,9,11,5\n", "column 'High': high below open");
  expect_data_error("2025-01-24,10,12,10.5,11,5\n", "column 'Low': low above open");
  expect_data_error("2025-01-24,11,12,10.5,10,5\n", "column 'Low': low above close");
  EXPECT_THAT([&] { (void)import_text(header + "2025-01-24,10,12,9,11,-5\n", request("NVDA")); },
              ThrowsMessage<ParseError>(HasSubstr("column 'Volume': negative volume -5")));
  EXPECT_THAT([&] { (void)import_text(header + "2025-01-24,10,12,9,,5\n", request("NVDA")); },
              ThrowsMessage<ParseError>(HasSubstr("column 'Close': empty field")));
}

TEST(YahooCsv, AbsorbsRoundingDifferencesButNotInconsistencies) {
  // As CarlosGBerreteaga AEP.csv line 4: the dividend-adjusted high one ulp below the close.
  const auto series = import_text(
      "Date,Open,High,Low,Close,Volume\n"
      "2019-01-04,56.94077677779179,57.82260513305663,56.89353801112261,57.82260513305664,1\n"
      "2019-01-07,6.864944934844972,6.864944934844972,6.864944934844972,6.864944934844971,0\n",
      request("AEP"));
  ASSERT_EQ(series.bars.size(), 2U);
  EXPECT_EQ(series.bars[0].high, 57.82260513305664);
  EXPECT_EQ(series.bars[0].low, 56.89353801112261);
  EXPECT_EQ(series.bars[1].low, 6.864944934844971);
  EXPECT_EQ(series.bars[1].high, 6.864944934844972);
  // As CarlosGBerreteaga HUBB.csv line 591: a low 0.12% above the open is the vendor's error.
  EXPECT_THAT(
      [] {
        (void)import_text(
            "Date,Open,High,Low,Close,Volume\n"
            "2021-05-05,181.9411235820645,184.41057998357098,182.15465791312417,"
            "183.93711853027344,127234\n",
            request("HUBB"));
      },
      ThrowsMessage<DataError>(HasSubstr("prices.csv:2:49: column 'Low': low above open (open "
                                         "181.9411235820645, high 184.41057998357098, low "
                                         "182.15465791312417, close 183.93711853027344)")));
}

TEST(YahooCsv, MissingOpenHighLowReadAsNan) {
  const auto series =
      import_text("Date,Open,High,Low,Close,Volume\n2025-01-24,,,,11,5\n", request("NVDA"));
  ASSERT_EQ(series.bars.size(), 1U);
  EXPECT_TRUE(std::isnan(series.bars[0].open));
  EXPECT_TRUE(std::isnan(series.bars[0].high));
  EXPECT_TRUE(std::isnan(series.bars[0].low));
  EXPECT_DOUBLE_EQ(series.bars[0].close, 11.0);
}

TEST(YahooCsv, RejectsUnknownAndMissingColumnsUnderBothPolicies) {
  for (const LoadPolicy policy : {LoadPolicy::strict, LoadPolicy::lenient}) {
    EXPECT_THAT(
        [&] {
          (void)import_text("Date,Open,High,Low,Close,Volume,Dividends\n", request("NVDA", policy));
        },
        ThrowsMessage<ParseError>(
            HasSubstr("prices.csv:1: unexpected column 'Dividends' (column 7 of the header)")));
    EXPECT_THAT([&] { (void)import_text("Date,Open,High,Close\n", request("NVDA", policy)); },
                ThrowsMessage<ParseError>(
                    HasSubstr("prices.csv:1: missing columns 'Low', 'Volume' (header has: "
                              "Date,Open,High,Close)")));
  }
}

TEST(YahooCsv, RequiresAnInstrument) {
  EXPECT_THAT([] { (void)import_text("Date,Open,High,Low,Close,Volume\n", request("")); },
              ThrowsMessage<InvalidArgument>(HasSubstr("names no instrument")));
}

TEST(YahooCsv, MissingFileIsAnIoError) {
  EXPECT_THROW((void)import_yahoo_csv(kVendorDir / "no_such_file.csv", request("NVDA"),
                                      PriceBasis::as_traded()),
               IoError);
}

}  // namespace
}  // namespace marketshock::io
