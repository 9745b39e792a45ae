// LoadReport counts every skipped row but holds a bounded amount of memory: the first rows, and
// per reason a count and the first examples.
#include <marketshock/io/load_policy.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/io/csv_reader.hpp>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace marketshock::io {
namespace {

TEST(SkipReasonKey, MasksValuesAndKeepsTheColumnAndTheWords) {
  EXPECT_EQ(skip_reason_key("column 'date': 2025-01-25 is not an NYSE session: a Saturday"),
            "column 'date': # is not an NYSE session: a Saturday");
  EXPECT_EQ(skip_reason_key("column 'symbol': unknown symbol 'TSLA' (not in securities.csv)"),
            "column 'symbol': unknown symbol '...' (not in securities.csv)");
  EXPECT_EQ(skip_reason_key("column 'date': date 2025-01-24 repeats 2025-01-24 of line 3 (the "
                            "rows of a symbol must be sorted by date, without repeats)"),
            "column 'date': date # repeats # of line # (the rows of a symbol must be sorted by "
            "date, without repeats)");
  EXPECT_EQ(skip_reason_key("column 'close': close 234657600 is above the plausible maximum of "
                            "1e+07 USD (PlausibilityBounds::max_price)"),
            "column 'close': close # is above the plausible maximum of # USD "
            "(PlausibilityBounds::max_price)");
  // An apostrophe inside a word is not a quote; an escaped quote does not end the value.
  EXPECT_EQ(skip_reason_key("the file's symbol 'it\\'s' differs"),
            "the file's symbol '...' differs");
  EXPECT_EQ(skip_reason_key("expected 6 fields, found 7"), "expected # fields, found #");
  EXPECT_EQ(skip_reason_key("blank line inside the data"), "blank line inside the data");
}

TEST(LoadReportBounds, MillionsOfSkippedRowsAreCountedNotKept) {
  LoadReport report;
  report.file = "bars.csv";
  constexpr std::size_t kRows = 1'000'000;
  for (std::size_t line = 2; line < kRows + 2; ++line) {
    ++report.rows_read;
    report.add_skipped(
        SourcePosition{"bars.csv", line, 6},
        fmt::format("column 'date': date 2025-01-24 repeats 2025-01-24 of line {}", line - 1));
  }
  EXPECT_TRUE(report.is_consistent());
  EXPECT_EQ(report.rows_skipped, kRows);
  EXPECT_EQ(report.skipped.size(), LoadReport::kMaxListedRows);
  EXPECT_EQ(report.skipped.back().position.line, LoadReport::kMaxListedRows + 1);
  ASSERT_EQ(report.reasons.size(), 1u);
  EXPECT_EQ(report.reasons[0].count, kRows);
  EXPECT_EQ(report.reasons[0].reason, "column 'date': date # repeats # of line #");
  ASSERT_EQ(report.reasons[0].examples.size(), LoadReport::kExamplesPerReason);
  EXPECT_EQ(report.reasons[0].examples[4].position.line, 6u);
  EXPECT_EQ(report.summary(2),
            "bars.csv: 1000000 rows read, 0 loaded, 1000000 skipped\n"
            "  bars.csv:2:6: column 'date': date 2025-01-24 repeats 2025-01-24 of line 1\n"
            "  bars.csv:3:6: column 'date': date 2025-01-24 repeats 2025-01-24 of line 2\n"
            "  ... and 999998 more");
  EXPECT_EQ(report.summary_by_reason(1),
            "bars.csv: 1000000 rows read, 0 loaded, 1000000 skipped\n"
            "  1000000 rows: column 'date': date # repeats # of line #\n"
            "    bars.csv:2:6: column 'date': date 2025-01-24 repeats 2025-01-24 of line 1");
}

TEST(LoadReportBounds, ReasonsBeyondTheLimitShareOneGroup) {
  LoadReport report;
  report.file = "x.csv";
  for (std::size_t i = 0; i < LoadReport::kMaxReasons + 20; ++i) {
    ++report.rows_read;
    report.add_skipped(SourcePosition{"x.csv", i + 2, 1},
                       fmt::format("reason {}", std::string(i + 1, 'x')));
  }
  ASSERT_EQ(report.reasons.size(), LoadReport::kMaxReasons + 1);
  EXPECT_EQ(report.reasons.back().reason, LoadReport::kOtherReasons);
  EXPECT_EQ(report.reasons.back().count, 20u);
  EXPECT_EQ(report.reasons.back().examples.size(), LoadReport::kExamplesPerReason);
  EXPECT_TRUE(report.is_consistent());
}

TEST(LoadReportBounds, ARetractedRowTakesItsPlaceInInputOrder) {
  LoadReport report;
  report.file = "securities.csv";
  report.rows_read = 4;
  report.rows_loaded = 3;
  report.add_skipped(SourcePosition{"securities.csv", 4, 1}, "column 'symbol': invalid symbol 'x'");
  report.retract_loaded(SourcePosition{"securities.csv", 2, 1},
                        "column 'symbol': security 'GOOG' has no rows in bars.csv");
  EXPECT_TRUE(report.is_consistent());
  EXPECT_EQ(report.rows_loaded, 2u);
  ASSERT_EQ(report.skipped.size(), 2u);
  EXPECT_EQ(report.skipped[0].position.line, 2u);
  EXPECT_EQ(report.skipped[1].position.line, 4u);
  EXPECT_EQ(report.reasons.size(), 2u);
  LoadReport empty;
  EXPECT_THROW(empty.retract_loaded(SourcePosition{}, "x"), InvalidArgument);
}

TEST(LoadReportBounds, ALenientReadOfManyBadLinesStaysSmall) {
  std::string text = "Date,Close\n";
  for (int i = 0; i < 20000; ++i) text += "2025-02-30,1\n";
  auto reader = CsvReader::from_string(std::move(text), "prices.csv");
  const LoadReport report =
      for_each_row(reader, LoadPolicy::lenient, [](const CsvRow& row) { (void)row.as_date(0); });
  EXPECT_EQ(report.rows_skipped, 20000u);
  EXPECT_EQ(report.skipped.size(), LoadReport::kMaxListedRows);
  ASSERT_EQ(report.reasons.size(), 1u);
  EXPECT_EQ(report.reasons[0].reason, "column 'Date': invalid date '...'");
}

}  // namespace
}  // namespace marketshock::io
