#include <marketshock/io/dataset/dataset_files.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/io/checksum.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

namespace marketshock::io {
namespace {

using boost::gregorian::date;
namespace fs = std::filesystem;

const double kNaN = std::numeric_limits<double>::quiet_NaN();

MarketData sample() {
  MarketDataBuilder b("sample");
  b.add_issuer({IssuerId("nvidia"), "NVIDIA Corporation", "0001045810"});
  b.add_issuer({IssuerId("alphabet"), "Alphabet Inc., all classes", std::nullopt});
  const std::vector<Bar> nvda{{date(2025, 1, 24), 148.37, 148.97, 141.88, 142.62, 234657600},
                              {date(2025, 1, 27), 124.80, 128.40, 116.70, 118.42, 818830900}};
  b.add_security({Symbol("NVDA"), IssuerId("nvidia"), "", Exchange::nasdaq,
                  "Information Technology", "Semiconductors", "NVIDIA Corporation"},
                 DailyBars(Symbol("NVDA"), PriceBasis::split_adjusted(date(2026, 4, 24)), nvda),
                 {"growwanalysis", "", false});
  const std::vector<Bar> goog{{date(2025, 1, 27), kNaN, kNaN, kNaN, 193.77, -1}};
  b.add_security(
      {Symbol("GOOG"), IssuerId("alphabet"), "C", Exchange::nasdaq, "Communication Services",
       "Interactive Media & Services", "Alphabet Inc. (Class C)"},
      DailyBars(Symbol("GOOG"), PriceBasis::split_and_dividend_adjusted(date(2025, 10, 8)), goog),
      {"carlos", "levels \"approximate\", see notes", true});
  b.set_shares(
      Symbol("NVDA"),
      StepSeries<SharesRecord>(
          {{date(2024, 8, 21),
            {24.53e9, 24.53e9, 1.0, "cover-page count", "sec-points", "0001045810-24-000264"}},
           {date(2024, 11, 15),
            {24.49e9, 24.49e9, 1.0, "cover-page count", "sec-points", "0001045810-24-000316"}}}));
  b.set_actions(Symbol("NVDA"),
                CorporateActions(Symbol("NVDA"),
                                 {{date(2021, 8, 13), 4.0, date(2021, 5, 21), ""},
                                  {date(2024, 6, 10), 10.0, std::nullopt,
                                   "tick grid: NVDA.csv, last off-grid session 2024-06-07"}},
                                 {}));
  IndexMembership ndx("ndx100", "Nasdaq-100");
  ndx.add_interval(Symbol("NVDA"), date(2001, 1, 2), std::nullopt);
  ndx.add_interval(Symbol("GOOG"), date(2014, 4, 3), std::nullopt);
  b.add_membership(std::move(ndx));
  const std::vector<Bar> spx{{date(2025, 1, 24), 6118.71, 6128.18, 6088.74, 6101.24, -1},
                             {date(2025, 1, 27), 6014.12, 6017.17, 5962.92, 6012.28, -1}};
  b.add_index_levels("SPX", DailyBars(Symbol("SPX"), PriceBasis::as_traded(), spx));
  return std::move(b).build();
}

DatasetMetadata metadata() {
  DatasetMetadata m;
  m.name = "sample";
  m.description = "round-trip test";
  m.as_of = date(2025, 1, 27);
  m.window_from = date(2025, 1, 24);
  m.window_to = date(2025, 1, 27);
  m.sources = {{"growwanalysis", "growwanalysis/nasdaq100", "51b1d5ba", "unstated", "prices"}};
  m.index_levels["SPX"] = {"S&P 500", "zjplab"};
  m.membership_names["ndx100"] = "Nasdaq-100";
  m.notes = {"a note"};
  return m;
}

class DatasetFiles : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("marketshock_dataset_" +
            std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    write_dataset(sample(), metadata(), dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void append(const char* file, const std::string& text) {
    std::ofstream(dir_ / file, std::ios::app) << text;
  }
  // Re-records a table's checksum, as if a (broken) builder had written the bad row.
  void rehash(const char* file) {
    std::string manifest = read_file(dir_ / "manifest.json");
    const auto at = manifest.find(file);
    const auto key = manifest.find("\"sha256\": \"", at) + 11;
    manifest.replace(key, 64, sha256_file(dir_ / file));
    // ... and its row count: the data lines of the table.
    const std::string table = read_file(dir_ / file);
    const auto rows = std::count(table.begin(), table.end(), '\n') - 1;
    const auto rows_at = manifest.find("\"rows\": ", at) + 8;
    manifest.replace(rows_at, manifest.find_first_of(",\n}", rows_at) - rows_at,
                     std::to_string(rows));
    std::ofstream(dir_ / "manifest.json", std::ios::trunc) << manifest;
  }
  fs::path dir_;
};

TEST_F(DatasetFiles, RoundTripsEveryTable) {
  const LoadedDataset loaded = load_dataset(dir_);
  const MarketData& d = loaded.data;
  ASSERT_EQ(d.security_count(), 2u);
  const auto& nvda = d.record(d.require("NVDA"));
  EXPECT_EQ(nvda.bars.close()[1], 118.42);
  EXPECT_EQ(nvda.bars.low()[0], 141.88);
  EXPECT_EQ(nvda.bars.volume()[1], 818830900);
  EXPECT_EQ(nvda.bars.basis(), PriceBasis::split_adjusted(date(2026, 4, 24)));
  EXPECT_EQ(nvda.shares.as_of(date(2025, 1, 27))->shares, 24.49e9);
  EXPECT_EQ(nvda.shares.as_of(date(2025, 1, 27))->reference, "0001045810-24-000316");
  ASSERT_EQ(nvda.actions.splits().size(), 2u);
  // A bracket without a source is written as detected from share counts; an exact date keeps
  // its evidence.
  EXPECT_EQ(nvda.actions.splits()[0].earliest_after, date(2021, 5, 21));
  EXPECT_EQ(nvda.actions.splits()[0].source, "detected from share counts");
  EXPECT_EQ(nvda.actions.splits()[1].effective, date(2024, 6, 10));
  EXPECT_FALSE(nvda.actions.splits()[1].earliest_after.has_value());
  EXPECT_EQ(nvda.actions.splits()[1].source,
            "tick grid: NVDA.csv, last off-grid session 2024-06-07");
  EXPECT_EQ(nvda.security.gics_industry, "Semiconductors");
  const auto& goog = d.record(d.require("GOOG"));
  EXPECT_TRUE(std::isnan(goog.bars.open()[0]));
  EXPECT_EQ(goog.bars.volume()[0], -1);
  EXPECT_TRUE(goog.provenance.flagged);
  EXPECT_EQ(goog.provenance.note, "levels \"approximate\", see notes");
  EXPECT_EQ(goog.security.name, "Alphabet Inc. (Class C)");
  EXPECT_EQ(d.issuer(IssuerId("alphabet"))->name, "Alphabet Inc., all classes");
  EXPECT_TRUE(d.membership("ndx100")->is_member(Symbol("GOOG"), date(2025, 1, 27)));
  EXPECT_EQ(d.index_levels("SPX")->close()[1], 6012.28);
  EXPECT_EQ(loaded.metadata.index_levels.at("SPX").name, "S&P 500");
  EXPECT_EQ(loaded.metadata.window_from, date(2025, 1, 24));
  ASSERT_EQ(loaded.reports.size(), 7u);
  for (const auto& r : loaded.reports) EXPECT_TRUE(r.is_consistent()) << r.file;
  EXPECT_EQ(loaded.reports[2].rows_loaded, 3u);  // bars.csv
  EXPECT_GT(loaded.bytes_read, 0u);
}

TEST_F(DatasetFiles, ChangedFileFailsItsChecksum) {
  append("bars.csv", "NVDA,2025-01-28,121.81,129,116.25,128.99,579666400\n");
  EXPECT_THAT([&] { (void)load_dataset(dir_); },
              testing::ThrowsMessage<DataError>(testing::HasSubstr("bars.csv: SHA-256 differs")));
}

TEST_F(DatasetFiles, BadRowsStrictAndLenient) {
  append("shares.csv", "NVDA,2025-02-30,1,1,1,x,y,z\nTSLA,2025-01-02,1,1,1,x,y,z\n");
  rehash("shares.csv");
  EXPECT_THAT([&] { (void)load_dataset(dir_); },
              testing::ThrowsMessage<ParseError>(
                  testing::HasSubstr("shares.csv:4:6: column 'effective_date': invalid date")));
  const LoadedDataset lenient = load_dataset(dir_, LoadPolicy::lenient);
  const LoadReport& shares = lenient.reports[4];
  EXPECT_EQ(shares.rows_read, 4u);
  EXPECT_EQ(shares.rows_loaded, 2u);
  ASSERT_EQ(shares.skipped.size(), 2u);
  EXPECT_THAT(shares.skipped[1].reason, testing::HasSubstr("unknown symbol 'TSLA'"));
}

TEST_F(DatasetFiles, UnsortedBarsAreRefusedWithTheirLine) {
  append("bars.csv", "NVDA,2025-01-02,1,1,1,1,1\n");
  rehash("bars.csv");
  EXPECT_THAT(
      [&] { (void)load_dataset(dir_); },
      testing::ThrowsMessage<DataError>(testing::HasSubstr(
          "bars.csv:5:6: column 'date': date 2025-01-02 comes before 2025-01-27 of line 4")));
}

TEST_F(DatasetFiles, DirectoryWithoutManifestIsNotADataset) {
  EXPECT_THAT([&] { (void)load_dataset(dir_ / "nowhere"); },
              testing::ThrowsMessage<IoError>(testing::HasSubstr("no manifest.json")));
}

}  // namespace
}  // namespace marketshock::io
