#include <marketshock/io/vendor/share_counts.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace marketshock::io {
namespace {

using boost::gregorian::date;
using testing::HasSubstr;
using testing::StartsWith;
using testing::ThrowsMessage;

std::filesystem::path fixture(const char* name) {
  return std::filesystem::path(MARKETSHOCK_TEST_DATA_DIR) / "shares" / name;
}

constexpr const char* kPointsHeader =
    "ticker,as_of,shares,basis,measure,form,filed,accn,source,note\n";

ImportedShares points_from(const std::string& rows, LoadPolicy policy) {
  auto reader = CsvReader::from_string(kPointsHeader + rows, "POINTS.csv");
  return import_sec_share_points(reader, policy);
}

TEST(SecSharePoints, ReadsAsReportedCountsWithTheirMeasure) {
  const auto imported = import_sec_share_points(fixture("POINTS.csv"), LoadPolicy::strict);
  ASSERT_EQ(imported.observations.size(), 5U);
  const ShareObservation& aapl = imported.observations[0];
  EXPECT_EQ(aapl.symbol, Symbol("AAPL"));
  EXPECT_EQ(aapl.as_of, date(2020, 7, 17));
  EXPECT_DOUBLE_EQ(aapl.shares, 4275634000.0);
  EXPECT_TRUE(aapl.basis.is_point_in_time());
  EXPECT_EQ(aapl.measure, "cover-page dei:EntityCommonStockSharesOutstanding");
  EXPECT_EQ(aapl.source, kSecPointsSource);
  EXPECT_THAT(aapl.reference,
              StartsWith("POINTS.csv:2 10-Q filed 2020-07-31 accn 0000320193-20-000062 | "));
  EXPECT_THAT(imported.observations[2].measure, HasSubstr("; Alphabet total, all classes"));
  EXPECT_THAT(imported.observations[3].measure,
              HasSubstr("EntityCommonStockSharesOutstanding; ordinary shares (1 ADR = 5 shares)"));
  EXPECT_THAT(imported.observations[4].reference,
              StartsWith("POINTS.csv:6 10-K FY2025 filed  accn  |"));
}

TEST(SecSharePoints, RejectsUnknownBasisAndBadCounts) {
  const std::string adjusted =
      "AAPL,2020-07-17,17102536000,split-adjusted,cover-page,10-Q,2020-07-31,x,y,\n";
  EXPECT_THAT([&] { (void)points_from(adjusted, LoadPolicy::strict); },
              ThrowsMessage<ParseError>(
                  HasSubstr("POINTS.csv:2:29: column 'basis': unknown basis 'split-adjusted'")));
  EXPECT_THAT(
      [] {
        (void)points_from("AAPL,2020-07-17,0,as reported (not split-adjusted),m,10-Q,,,,\n",
                          LoadPolicy::strict);
      },
      ThrowsMessage<DataError>(
          HasSubstr("POINTS.csv:2:17: column 'shares': share count 0 is not positive")));
  const auto lenient = points_from(adjusted, LoadPolicy::lenient);
  EXPECT_TRUE(lenient.observations.empty());
  EXPECT_EQ(lenient.report.skipped.size(), 1U);
  EXPECT_TRUE(lenient.report.is_consistent());
}

TEST(YahooMonthlyShares, ReadsPointInTimeMonthEndCounts) {
  const auto imported =
      import_yahoo_monthly_shares(fixture("historical_shares_outstanding.csv"), LoadPolicy::strict);
  ASSERT_EQ(imported.observations.size(), 6U);
  EXPECT_EQ(imported.observations[1].as_of, date(2022, 4, 30));
  EXPECT_DOUBLE_EQ(imported.observations[1].shares, 591665984.0);
  EXPECT_EQ(imported.observations[1].measure, "month-end count");
  EXPECT_EQ(imported.observations[1].reference, "historical_shares_outstanding.csv:3 (yfinance)");
  EXPECT_EQ(imported.observations[5].symbol, Symbol("BRK.B"));
  auto reader = CsvReader::from_string(
      "date,ticker,shares_outstanding,source\n2022-04-30,AMZN,n/a,yfinance\n", "monthly.csv");
  EXPECT_THAT([&] { (void)import_yahoo_monthly_shares(reader, LoadPolicy::strict); },
              ThrowsMessage<ParseError>(HasSubstr(
                  "monthly.csv:2:17: column 'shares_outstanding': invalid number 'n/a'")));
}

TEST(FmpQuarterlyShares, ReadsWeightedAveragesSplitAdjustedAsOfTheGivenDate) {
  const date taken(2025, 6, 30);
  const auto imported =
      import_fmp_quarterly_shares(fixture("fmp/MET.csv"), taken, LoadPolicy::strict);
  ASSERT_EQ(imported.observations.size(), 3U);
  const ShareObservation& q2 = imported.observations[0];
  EXPECT_EQ(q2.as_of, date(2023, 6, 30));
  EXPECT_DOUBLE_EQ(q2.shares, 765900000.0);
  EXPECT_EQ(q2.basis, SplitBasis::adjusted_as_of(taken));
  EXPECT_EQ(q2.measure, "quarterly weighted average");
  EXPECT_EQ(q2.reference, "MET.csv:2 (period end 2023-06-30, filed 2023-08-04)");
  const auto brk = import_fmp_quarterly_shares(fixture("fmp/BRK-B.csv"), taken, LoadPolicy::strict);
  EXPECT_EQ(brk.observations.at(0).symbol, Symbol("BRK.B"));
}

TEST(FmpQuarterlyShares, ChecksSymbolAgainstFileNameAndZeroCounts) {
  EXPECT_THAT(
      [] {
        (void)import_fmp_quarterly_shares(fixture("fmp/ATO.csv"), date(2025, 6, 30),
                                          LoadPolicy::strict);
      },
      ThrowsMessage<DataError>(HasSubstr(
          "ATO.csv:3:82: column 'weightedAverageShsOut': share count 0 is not positive")));
  const auto lenient =
      import_fmp_quarterly_shares(fixture("fmp/ATO.csv"), date(2025, 6, 30), LoadPolicy::lenient);
  EXPECT_EQ(lenient.observations.size(), 1U);
  EXPECT_EQ(lenient.report.skipped.size(), 1U);
  auto reader = CsvReader::from_string(
      "date,symbol,fillingDate,weightedAverageShsOut\n2023-03-31,MET,2023-05-04,790000000\n",
      "AAPL.csv");
  EXPECT_THAT(
      [&] { (void)import_fmp_quarterly_shares(reader, date(2025, 6, 30), LoadPolicy::strict); },
      ThrowsMessage<DataError>(
          HasSubstr("AAPL.csv:2:12: column 'symbol': symbol MET differs from the file's, AAPL")));
  auto unnamed =
      CsvReader::from_string("date,symbol,fillingDate,weightedAverageShsOut\n", "^NDX.csv");
  EXPECT_THAT(
      [&] { (void)import_fmp_quarterly_shares(unnamed, date(2025, 6, 30), LoadPolicy::strict); },
      ThrowsMessage<ParseError>(HasSubstr("file name '^NDX' is not a ticker")));
}

}  // namespace
}  // namespace marketshock::io
