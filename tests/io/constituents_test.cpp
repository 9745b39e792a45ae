#include <marketshock/io/vendor/constituents.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace marketshock::io {
namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

std::filesystem::path fixture(const char* name) {
  return std::filesystem::path(MARKETSHOCK_TEST_DATA_DIR) / "reference" / name;
}

constexpr const char* kSp500Header =
    "Symbol,Security,GICS Sector,GICS Sub-Industry,Headquarters Location,Date added,CIK,Founded\n";

ImportedReferenceSecurities sp500_from(const std::string& rows, LoadPolicy policy) {
  auto reader = CsvReader::from_string(kSp500Header + rows, "constituents.csv");
  return import_sp500_constituents(reader, policy);
}

TEST(Sp500Constituents, ReadsQuotedFieldsAndCik) {
  const auto imported =
      import_sp500_constituents(fixture("sp500_constituents.csv"), LoadPolicy::strict);
  ASSERT_EQ(imported.securities.size(), 4U);
  const ReferenceSecurity& mmm = imported.securities[0];
  EXPECT_EQ(mmm.symbol, Symbol("MMM"));
  EXPECT_EQ(mmm.name, "3M");
  EXPECT_EQ(mmm.gics_sector, "Industrials");
  EXPECT_EQ(mmm.gics_industry, "Industrial Conglomerates");
  EXPECT_EQ(mmm.cik, "66740");
  EXPECT_EQ(mmm.source, "sp500_constituents.csv:2");
  EXPECT_EQ(imported.securities[1].symbol, Symbol("BRK.B"));
  EXPECT_EQ(imported.securities[2].name, "Alphabet Inc. (Class A)");
}

TEST(Sp500Constituents, RejectsBadRows) {
  EXPECT_THAT(
      [] {
        (void)sp500_from(
            "MMM,3M,Industrials,Conglomerates,\"St Paul, MN\",1957-03-04,66 740,1902\n",
            LoadPolicy::strict);
      },
      ThrowsMessage<ParseError>(
          HasSubstr("constituents.csv:2:59: column 'CIK': invalid CIK '66 740'")));
  EXPECT_THAT(
      [] {
        (void)sp500_from("MMM,3M,,Conglomerates,HQ,1957-03-04,66740,1902\n", LoadPolicy::strict);
      },
      ThrowsMessage<ParseError>(
          HasSubstr("constituents.csv:2:8: column 'GICS Sector': empty field")));
  const std::string twice =
      "MMM,3M,Industrials,X,HQ,1957-03-04,66740,1902\n"
      "MMM,3M,Industrials,X,HQ,1957-03-04,66740,1902\n";
  EXPECT_THAT([&] { (void)sp500_from(twice, LoadPolicy::strict); },
              ThrowsMessage<DataError>(HasSubstr(
                  "constituents.csv:3:1: column 'Symbol': MMM is listed twice (first on line 2)")));
  const auto lenient = sp500_from(twice, LoadPolicy::lenient);
  EXPECT_EQ(lenient.securities.size(), 1U);
  EXPECT_EQ(lenient.report.skipped.size(), 1U);
  EXPECT_TRUE(lenient.report.is_consistent());
}

TEST(NdxConstituents, ReadsGicsWithoutCik) {
  const auto imported =
      import_ndx_constituents(fixture("ndx_constituents.csv"), LoadPolicy::strict);
  ASSERT_EQ(imported.securities.size(), 3U);
  EXPECT_EQ(imported.securities[0].gics_industry, "Technology Hardware, Storage & Peripherals");
  EXPECT_EQ(imported.securities[1].name, "Netflix, Inc.");
  EXPECT_EQ(imported.securities[1].cik, std::nullopt);
  auto reader = CsvReader::from_string("Symbol,Company,GICS_Sector\n", "ndx.csv");
  EXPECT_THAT([&] { (void)import_ndx_constituents(reader, LoadPolicy::strict); },
              ThrowsMessage<ParseError>(
                  HasSubstr("ndx.csv:1: missing columns 'Ticker', 'GICS_Sub_Industry'")));
}

}  // namespace
}  // namespace marketshock::io
