#include <marketshock/io/vendor/sp500_membership.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace marketshock::io {
namespace {

using boost::gregorian::date;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::ThrowsMessage;

std::filesystem::path fixture(const char* name) {
  return std::filesystem::path(MARKETSHOCK_TEST_DATA_DIR) / "reference" / name;
}

ImportedMembership intervals_from(std::string text, LoadPolicy policy) {
  auto reader = CsvReader::from_string(std::move(text), "start_end.csv");
  return import_sp500_intervals(reader, policy);
}

ImportedIndexChanges changes_from(std::string text, LoadPolicy policy) {
  auto reader = CsvReader::from_string(std::move(text), "changes.csv");
  return import_sp500_changes(reader, policy);
}

TEST(Sp500Intervals, ReadsSpellsWithExclusiveEnds) {
  const auto imported =
      import_sp500_intervals(fixture("sp500_ticker_start_end.csv"), LoadPolicy::strict);
  EXPECT_EQ(imported.report.rows_read, 10U);
  EXPECT_EQ(imported.report.rows_loaded, 10U);
  ASSERT_EQ(imported.intervals.size(), 10U);
  const MembershipInterval& aal = imported.intervals[0];
  EXPECT_EQ(aal.index, "sp500");
  EXPECT_EQ(aal.symbol, Symbol("AAL"));
  EXPECT_EQ(aal.start, date(2015, 3, 23));
  EXPECT_EQ(aal.end, date(2024, 9, 23));
  EXPECT_EQ(aal.source, "sp500_ticker_start_end.csv:2");
  EXPECT_EQ(imported.intervals[1].end, std::nullopt);
  // AAL's last day is the Friday before PLTR's first.
  EXPECT_THAT(members_on(imported.intervals, date(2024, 9, 20)),
              ElementsAre(Symbol("AAL"), Symbol("AAPL"), Symbol("BRK.B"), Symbol("KMX"),
                          Symbol("LHX"), Symbol("TSLA")));
  EXPECT_THAT(members_on(imported.intervals, date(2024, 9, 23)),
              ElementsAre(Symbol("AAPL"), Symbol("BRK.B"), Symbol("DELL"), Symbol("KMX"),
                          Symbol("LHX"), Symbol("PLTR"), Symbol("TSLA")));
}

TEST(Sp500Intervals, MovesWeekendDatesToTheNextSession) {
  // L3Harris: the merger is dated Saturday 2019-06-01; Monday 2019-06-03 is the first session.
  const auto imported =
      intervals_from("ticker,start_date,end_date\nHRS,1996-01-02,2019-06-01\nLHX,2019-06-01,\n",
                     LoadPolicy::strict);
  EXPECT_EQ(imported.intervals[0].end, date(2019, 6, 3));
  EXPECT_EQ(imported.intervals[1].start, date(2019, 6, 3));
}

TEST(Sp500Intervals, StrictLoadThrowsAtTheBadField) {
  EXPECT_THAT(
      [] {
        (void)intervals_from("ticker,start_date,end_date\nA,2000-06-05,\nbrk.b,2010-02-16,\n",
                             LoadPolicy::strict);
      },
      ThrowsMessage<ParseError>(
          HasSubstr("start_end.csv:3:1: column 'ticker': invalid ticker 'brk.b'")));
  EXPECT_THAT(
      [] {
        (void)intervals_from("ticker,start_date,end_date\nA,2000-06-05,2000-02-30\n",
                             LoadPolicy::strict);
      },
      ThrowsMessage<ParseError>(
          HasSubstr("start_end.csv:2:14: column 'end_date': invalid date '2000-02-30'")));
  EXPECT_THAT(
      [] {
        (void)intervals_from("ticker,start_date,end_date\nA,2000-06-05,2000-06-05\n",
                             LoadPolicy::strict);
      },
      ThrowsMessage<DataError>(HasSubstr(
          "start_end.csv:2:14: column 'end_date': end 2000-06-05 is not after start 2000-06-05")));
}

TEST(Sp500Intervals, RejectsOverlappingSpellsAndReportsThemWhenLenient) {
  const std::string text =
      "ticker,start_date,end_date\nDELL,1996-09-06,2013-10-29\nDELL,2013-10-28,\nX,1800-01-02,\n";
  EXPECT_THAT(
      [&] { (void)intervals_from(text, LoadPolicy::strict); },
      ThrowsMessage<DataError>(HasSubstr("start_end.csv:3:6: column 'start_date': "
                                         "interval of DELL overlaps the one at start_end.csv:2")));
  const auto imported = intervals_from(text, LoadPolicy::lenient);
  EXPECT_EQ(imported.intervals.size(), 1U);
  EXPECT_EQ(imported.report.rows_read, 3U);
  EXPECT_TRUE(imported.report.is_consistent());
  ASSERT_EQ(imported.report.skipped.size(), 2U);
  EXPECT_EQ(imported.report.skipped[0].position.line, 3U);
  EXPECT_THAT(imported.report.skipped[1].reason, HasSubstr("outside the NYSE calendar"));
}

TEST(Sp500Changes, ReadsQuotedListsIncludingEmptyOnes) {
  const auto imported = import_sp500_changes(fixture("sp500_changes.csv"), LoadPolicy::strict);
  ASSERT_EQ(imported.changes.size(), 3U);
  EXPECT_EQ(imported.changes[0].effective, date(2019, 6, 3));  // Saturday 2019-06-01
  EXPECT_THAT(imported.changes[1].added, ElementsAre(Symbol("PLTR"), Symbol("DELL")));
  EXPECT_THAT(imported.changes[1].removed, ElementsAre(Symbol("AAL")));
  EXPECT_TRUE(imported.changes[2].added.empty());
  EXPECT_EQ(imported.changes[2].source, "sp500_changes.csv:4");
}

TEST(Sp500Changes, RejectsEmptyEntriesAndRepeatedTickers) {
  EXPECT_THAT(
      [] {
        (void)changes_from("date,add,remove\n2024-09-23,\"PLTR,,DELL\",\"AAL\"\n",
                           LoadPolicy::strict);
      },
      ThrowsMessage<ParseError>(
          HasSubstr("changes.csv:2:12: column 'add': empty entry in list 'PLTR,,DELL'")));
  EXPECT_THAT(
      [] {
        (void)changes_from("date,add,remove\n2024-09-23,\"AAL\",\"AAL\"\n", LoadPolicy::strict);
      },
      ThrowsMessage<DataError>(
          HasSubstr("changes.csv:2:12: column 'add': ticker AAL is named twice")));
  EXPECT_THAT([] { (void)changes_from("date,add,remove\n2024-09-23,,\n", LoadPolicy::strict); },
              ThrowsMessage<DataError>(HasSubstr("adds and removes nothing")));
  EXPECT_THAT([] { (void)changes_from("date,added,remove\n", LoadPolicy::strict); },
              ThrowsMessage<ParseError>(HasSubstr("changes.csv:1: missing column 'add'")));
}

TEST(Sp500Changes, FixturesDisagreeWhereTheIntervalTableLags) {
  const auto intervals =
      import_sp500_intervals(fixture("sp500_ticker_start_end.csv"), LoadPolicy::strict);
  const auto changes = import_sp500_changes(fixture("sp500_changes.csv"), LoadPolicy::strict);
  const auto found = compare_intervals_with_changes(intervals.intervals, changes.changes);
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].symbol, Symbol("TSLA"));  // an interval start the change list lacks
  EXPECT_EQ(found[0].kind, MembershipDisagreement::Kind::interval_start_not_listed);
  EXPECT_EQ(found[1].symbol, Symbol("KMX"));  // removed 2025-10-31, still open in the table
  EXPECT_EQ(found[1].kind, MembershipDisagreement::Kind::removed_without_interval);
  EXPECT_THAT(found[1].detail, HasSubstr("sp500_changes.csv:4 removes it; KMX is a member on "
                                         "that day in interval [2010-06-28, open) "
                                         "(sp500_ticker_start_end.csv:8)"));
}

}  // namespace
}  // namespace marketshock::io
