#include <marketshock/io/load_policy.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/io/csv_reader.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <string>
#include <vector>

namespace marketshock::io {
namespace {

namespace greg = boost::gregorian;
using testing::HasSubstr;
using testing::ThrowsMessage;

static_assert(to_string(LoadPolicy::strict) == "strict");
static_assert(to_string(LoadPolicy::lenient) == "lenient");

struct Bar {
  greg::date date;
  double low = 0.0;
  double high = 0.0;
};

// A small file with one problem of each kind on lines 3 to 8; lines 2 and 9 are good.
constexpr const char* kMixed =
    "Date,Low,High\n"
    "2025-01-24,140.0,146.0\n"    // 2 good
    "2025-02-30,1.0,2.0\n"        // 3 invalid date
    "2025-01-27,116.7,abc\n"      // 4 invalid number
    "2025-01-27,1.0\n"            // 5 wrong field count
    "\n"                          // 6 blank line inside the data
    "2025-01-28,\"121.0,130.0\n"  // 7 unclosed quote
    "2025-01-29,130.0,120.0\n"    // 8 high below low (DataError without position)
    "2025-01-30,120.0,125.0\n"    // 9 good
    "\n\n";                       // trailing blank lines: not rows

Bar convert(const CsvRow& row) {
  Bar bar{row.as_date(0), row.as_double(1), row.as_double(2)};
  if (bar.high < bar.low) throw DataError("high below low");
  return bar;
}

TEST(LoadReport, StrictLoadStopsAtTheFirstBadRowWithItsError) {
  auto reader = CsvReader::from_string(kMixed, "prices.csv");
  std::vector<Bar> bars;
  EXPECT_THAT(
      [&] {
        (void)for_each_row(reader, LoadPolicy::strict,
                           [&](const CsvRow& row) { bars.push_back(convert(row)); });
      },
      ThrowsMessage<ParseError>(
          HasSubstr("prices.csv:3:1: column 'Date': invalid date '2025-02-30'")));
  EXPECT_EQ(bars.size(), 1U);
}

TEST(LoadReport, StrictLoadRethrowsMalformedLinesAndDataErrors) {
  auto short_line = CsvReader::from_string("Date,Low,High\n2025-01-27,1.0\n", "p.csv");
  EXPECT_THAT([&] { (void)for_each_row(short_line, LoadPolicy::strict, convert); },
              ThrowsMessage<ParseError>(HasSubstr("p.csv:2:15: expected 3 fields, found 2")));
  auto inverted = CsvReader::from_string("Date,Low,High\n2025-01-27,2.0,1.0\n", "p.csv");
  EXPECT_THAT([&] { (void)for_each_row(inverted, LoadPolicy::strict, convert); },
              ThrowsMessage<DataError>(HasSubstr("high below low")));
}

TEST(LoadReport, LenientLoadReportsEverySkippedRow) {
  auto reader = CsvReader::from_string(kMixed, "prices.csv");
  std::vector<Bar> bars;
  const LoadReport report = for_each_row(reader, LoadPolicy::lenient,
                                         [&](const CsvRow& row) { bars.push_back(convert(row)); });
  ASSERT_EQ(bars.size(), 2U);
  EXPECT_EQ(bars[0].date, greg::date(2025, 1, 24));
  EXPECT_EQ(bars[1].date, greg::date(2025, 1, 30));
  EXPECT_EQ(report.file, "prices.csv");
  EXPECT_EQ(report.rows_read, 8U);
  EXPECT_EQ(report.rows_loaded, 2U);
  EXPECT_TRUE(report.is_consistent());
  ASSERT_EQ(report.skipped.size(), 6U);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"prices.csv:3:1", "column 'Date': invalid date '2025-02-30'"},
      {"prices.csv:4:18", "column 'High': invalid number 'abc'"},
      {"prices.csv:5:15", "expected 3 fields, found 2"},
      {"prices.csv:6", "blank line inside the data (only blank lines at the end are ignored)"},
      {"prices.csv:7:12", "column 'Low': unclosed quote (a quoted field must end on its own line)"},
      {"prices.csv:8", "high below low"},  // no position in the error: the row's line
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(report.skipped[i].position.to_string(), expected[i].first) << i;
    EXPECT_EQ(report.skipped[i].reason, expected[i].second) << i;
  }
}

TEST(LoadReport, OtherExceptionsPropagateEvenWhenLenient) {
  auto reader = CsvReader::from_string("Date,Low,High\n2025-01-27,1.0,2.0\n", "p.csv");
  EXPECT_THROW(
      (void)for_each_row(reader, LoadPolicy::lenient, [](const CsvRow& row) { (void)row.text(7); }),
      InvalidArgument);
}

TEST(LoadReport, LoadRowWorksWithoutACsvReader) {
  LoadReport report;
  report.file = "shares.json";
  const std::vector<int> values = {1, -2, 3};
  std::vector<int> kept;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const bool loaded = load_row(LoadPolicy::lenient, report, i + 1, [&] {
      if (values[i] < 0) {
        throw DataError(SourcePosition{"shares.json", i + 1, 5}, "negative share count");
      }
      kept.push_back(values[i]);
    });
    EXPECT_EQ(loaded, values[i] >= 0);
  }
  EXPECT_EQ(kept, (std::vector<int>{1, 3}));
  EXPECT_EQ(report.rows_read, 3U);
  EXPECT_EQ(report.rows_loaded, 2U);
  ASSERT_EQ(report.skipped.size(), 1U);
  EXPECT_EQ(report.skipped[0].position.to_string(), "shares.json:2:5");
  EXPECT_EQ(report.skipped[0].reason, "negative share count");
  EXPECT_TRUE(report.is_consistent());
  EXPECT_THROW(load_row(LoadPolicy::strict, report, 4, [] { throw DataError("bad"); }), DataError);
}

TEST(LoadReport, ConsistencyAndSummary) {
  LoadReport report;
  report.file = "prices.csv";
  report.rows_read = 4;
  report.rows_loaded = 2;
  EXPECT_FALSE(report.is_consistent());
  report.add_skipped(SourcePosition{"prices.csv", 3, 1}, "column 'Date': invalid date 'x'");
  report.add_skipped(SourcePosition{"prices.csv", 4}, "blank line inside the data");
  EXPECT_TRUE(report.is_consistent());
  EXPECT_EQ(report.summary(),
            "prices.csv: 4 rows read, 2 loaded, 2 skipped\n"
            "  prices.csv:3:1: column 'Date': invalid date 'x'\n"
            "  prices.csv:4: blank line inside the data");
  EXPECT_EQ(report.summary(1),
            "prices.csv: 4 rows read, 2 loaded, 2 skipped\n"
            "  prices.csv:3:1: column 'Date': invalid date 'x'\n"
            "  ... and 1 more");
  LoadReport empty;
  empty.file = "a.csv";
  EXPECT_EQ(empty.summary(), "a.csv: 0 rows read, 0 loaded, 0 skipped");
}

}  // namespace
}  // namespace marketshock::io
