#include <marketshock/io/vendor/ndx_membership.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

namespace marketshock::io {
namespace {

using boost::gregorian::date;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::ThrowsMessage;

std::filesystem::path fixture(const char* name) {
  return std::filesystem::path(MARKETSHOCK_TEST_DATA_DIR) / "reference" / name;
}

NdxYear parse(const char* text, LoadPolicy policy = LoadPolicy::strict) {
  return parse_ndx_year(text, "n100-ticker-changes-2025.yaml", policy);
}

TEST(NdxYear, ReadsListAndChanges) {
  const NdxYear year = parse(
      "---\nyear: 2025\ntickers_on_Jan_1:\n  - AAPL\n  - BRK-B\nchanges:\n  \"2025-05-19\":\n"
      "    difference:\n      - AAPL\n    union:\n      - SHOP\n");
  EXPECT_EQ(year.year, 2025);
  ASSERT_TRUE(year.tickers_on_jan_1.has_value());
  EXPECT_THAT(*year.tickers_on_jan_1, ElementsAre(Symbol("AAPL"), Symbol("BRK.B")));
  EXPECT_EQ(year.list_source, "n100-ticker-changes-2025.yaml:3");
  ASSERT_EQ(year.changes.size(), 1U);
  EXPECT_EQ(year.changes[0].index, "ndx100");
  EXPECT_EQ(year.changes[0].effective, date(2025, 5, 19));
  EXPECT_THAT(year.changes[0].added, ElementsAre(Symbol("SHOP")));
  EXPECT_THAT(year.changes[0].removed, ElementsAre(Symbol("AAPL")));
  EXPECT_EQ(year.changes[0].source, "n100-ticker-changes-2025.yaml:7");
  EXPECT_EQ(year.report.rows_read, 2U);
  EXPECT_TRUE(year.report.is_consistent());
}

TEST(NdxYear, BadDateNamesFileAndYamlLine) {
  const char* text =
      "year: 2025\ntickers_on_Jan_1: [AAPL]\nchanges:\n  '2025-05-19':\n    union: [SHOP]\n"
      "  '2025-02-30':\n    union: [TRI]\n";
  EXPECT_THAT([&] { (void)parse(text); },
              ThrowsMessage<ParseError>(HasSubstr(
                  "n100-ticker-changes-2025.yaml:6:3: invalid date '2025-02-30' in 'changes'")));
  const NdxYear lenient = parse(text, LoadPolicy::lenient);
  EXPECT_EQ(lenient.changes.size(), 1U);
  ASSERT_EQ(lenient.report.skipped.size(), 1U);
  EXPECT_EQ(lenient.report.skipped[0].position.line, 6U);
  EXPECT_EQ(lenient.report.rows_read, 3U);
}

TEST(NdxYear, RejectsBadTickersKeysAndYaml) {
  EXPECT_THAT([] { (void)parse("year: 2025\ntickers_on_Jan_1:\n  - AAPL\n  - ^NDX\n"); },
              ThrowsMessage<ParseError>(
                  HasSubstr("n100-ticker-changes-2025.yaml:4:5: invalid ticker '^NDX'")));
  EXPECT_THAT(
      [] {
        (void)parse("year: 2025\ntickers_on_Jan_1: [A]\nchanges:\n  '2025-05-19':\n    add: [B]\n");
      },
      ThrowsMessage<ParseError>(HasSubstr(":5:5: unknown key 'add'")));
  EXPECT_THAT(
      [] {
        (void)parse(
            "year: 2025\ntickers_on_Jan_1: [A]\nchanges:\n  '2024-12-23':\n    union: [B]\n");
      },
      ThrowsMessage<DataError>(
          HasSubstr(":4:3: change dated 2024-12-23 in the file of year 2025")));
  EXPECT_THAT([] { (void)parse("year: 2025\ntickers_on_Jan_1: [A, B\n"); },
              ThrowsMessage<ParseError>(HasSubstr("n100-ticker-changes-2025.yaml:")));
  EXPECT_THAT([] { (void)parse("year: twenty\ntickers_on_Jan_1: [A]\n"); },
              ThrowsMessage<ParseError>(HasSubstr(":1:7: 'year' is not a year: 'twenty'")));
  EXPECT_THAT([] { (void)parse("year: 2025\n"); },
              ThrowsMessage<ParseError>(HasSubstr("missing key 'tickers_on_Jan_1'")));
}

TEST(NdxHistory, BuildsIntervalsAcrossYears) {
  const auto history = import_ndx_history(fixture("ndx"), LoadPolicy::strict);
  EXPECT_TRUE(history.mismatches.empty());
  ASSERT_EQ(history.reports.size(), 2U);
  EXPECT_EQ(history.changes.size(), 5U);
  EXPECT_THAT(members_on(history.intervals, date(2025, 1, 27)),
              ElementsAre(Symbol("AAPL"), Symbol("GOOG"), Symbol("GOOGL"), Symbol("LIN"),
                          Symbol("MSTR"), Symbol("PLTR")));
  // First members start on the first session of the first year (2024-01-01 was a holiday).
  EXPECT_EQ(history.intervals[0].symbol, Symbol("AAPL"));
  EXPECT_EQ(history.intervals[0].start, date(2024, 1, 2));
  EXPECT_EQ(history.intervals[0].end, std::nullopt);
  // PLTR leaves on Saturday 2025-07-26, i.e. from Monday 2025-07-28.
  const auto pltr = std::find_if(history.intervals.begin(), history.intervals.end(),
                                 [](const auto& i) { return i.symbol == Symbol("PLTR"); });
  ASSERT_NE(pltr, history.intervals.end());
  EXPECT_EQ(pltr->start, date(2024, 12, 23));
  EXPECT_EQ(pltr->end, date(2025, 7, 28));
  EXPECT_THAT(members_on(history.intervals, date(2025, 7, 28)),
              ElementsAre(Symbol("AAPL"), Symbol("GOOG"), Symbol("GOOGL"), Symbol("LIN"),
                          Symbol("SHOP"), Symbol("TRI")));
}

TEST(NdxHistory, ReportsMismatchesWithoutRepairing) {
  const auto history = import_ndx_history(fixture("ndx_mismatch"), LoadPolicy::strict);
  ASSERT_EQ(history.mismatches.size(), 3U);
  const NdxMismatch& list = history.mismatches[0];
  EXPECT_EQ(list.year, 2025);
  EXPECT_EQ(list.source, "n100-ticker-changes-2025.yaml:3");
  EXPECT_THAT(list.missing, ElementsAre(Symbol("LIN")));
  EXPECT_THAT(list.unexpected, ElementsAre(Symbol("SIRI")));
  EXPECT_THAT(history.mismatches[1].description, HasSubstr("removes ZZZ, not a member"));
  EXPECT_THAT(history.mismatches[2].description, HasSubstr("adds AAPL, already a member"));
  // Not repaired: LIN stays a member from the chained 2024 changes, SIRI does not come back.
  EXPECT_THAT(members_on(history.intervals, date(2025, 3, 3)),
              ElementsAre(Symbol("AAPL"), Symbol("GOOG"), Symbol("GOOGL"), Symbol("LIN"),
                          Symbol("MSTR"), Symbol("PLTR")));
}

TEST(NdxHistory, DirectoryErrors) {
  EXPECT_THAT([] { (void)import_ndx_history(fixture("ndx_gap"), LoadPolicy::strict); },
              ThrowsMessage<DataError>(HasSubstr("no file for year 2024")));
  EXPECT_THAT([] { (void)import_ndx_history(fixture("csv_does_not_exist"), LoadPolicy::strict); },
              ThrowsMessage<IoError>(HasSubstr("cannot list")));
  EXPECT_THAT([] { (void)import_ndx_history(fixture("."), LoadPolicy::strict); },
              ThrowsMessage<DataError>(HasSubstr("no n100-ticker-changes-YYYY.yaml file")));
}

}  // namespace
}  // namespace marketshock::io
