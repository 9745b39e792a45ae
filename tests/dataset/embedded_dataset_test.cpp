// The embedded dataset against published figures (shared/facts/deepseek_selloff.md, Reuters,
// AP, LSEG) and against the NYSE calendar.
#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/market_value.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/io/checksum.hpp>
#include <marketshock/io/dataset/dataset_files.hpp>

#include "support/embedded_dataset.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <tuple>
#include <vector>

namespace marketshock::io {
namespace {

using boost::gregorian::date;

const LoadedDataset& dataset() {
  return testing_support::embedded_dataset();
}

double close_on(const DailyBars& bars, date day) {
  const auto row = bars.find(day);
  EXPECT_TRUE(row.has_value()) << bars.symbol().view() << " has no bar on " << format_iso_date(day);
  return row ? bars.close()[*row] : 0.0;
}

const SecurityRecord& record(const char* symbol) {
  return dataset().data.record(dataset().data.require(symbol));
}

TEST(EmbeddedDataset, NvidiaClosesAroundTheSelloff) {
  const DailyBars& nvda = record("NVDA").bars;
  // Split-adjusted as of the vendor's date; NVIDIA has not split since June 2024, so these
  // are the traded closes. The vendor stored float32 values, hence the tolerance.
  EXPECT_NEAR(close_on(nvda, date(2025, 1, 24)), 142.62, 5e-5);
  EXPECT_NEAR(close_on(nvda, date(2025, 1, 27)), 118.42, 5e-5);
  EXPECT_NEAR(close_on(nvda, date(2025, 1, 28)), 128.99, 5e-5);
}

TEST(EmbeddedDataset, PublishedReturnsOfTheDay) {
  const auto day_return = [](const char* symbol) {
    const DailyBars& bars = record(symbol).bars;
    return close_on(bars, date(2025, 1, 27)) / close_on(bars, date(2025, 1, 24)) - 1.0;
  };
  EXPECT_NEAR(day_return("NVDA"), -0.1697, 5e-5);
  EXPECT_NEAR(day_return("MSFT"), -0.0214, 5e-5);
  EXPECT_NEAR(day_return("AVGO"), -0.1740, 5e-5);
}

TEST(EmbeddedDataset, IndexLevels) {
  const DailyBars* spx = dataset().data.index_levels("SPX");
  const DailyBars* ndx = dataset().data.index_levels("NDX");
  ASSERT_NE(spx, nullptr);
  ASSERT_NE(ndx, nullptr);
  EXPECT_NEAR(close_on(*spx, date(2025, 1, 24)), 6101.24, 0.005);
  EXPECT_NEAR(close_on(*spx, date(2025, 1, 27)), 6012.28, 0.005);
  EXPECT_NEAR(close_on(*ndx, date(2025, 1, 24)), 21774.01, 0.005);
  EXPECT_NEAR(close_on(*ndx, date(2025, 1, 27)), 21127.28, 0.005);
}

TEST(EmbeddedDataset, NvidiaSharesAndMarketValue) {
  const SecurityRecord& nvda = record("NVDA");
  const auto count = nvda.shares.step_as_of(date(2025, 1, 27));
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(count->value.shares, 24'490'000'000.0);
  EXPECT_EQ(count->effective, date(2024, 11, 15));  // the 10-Q cover date
  EXPECT_EQ(count->value.source, "sec_points");
  const SplitBasis basis = nvda.bars.basis().split;
  const ShareCount shares(count->value.shares, basis);
  const auto before = market_value(Price(close_on(nvda.bars, date(2025, 1, 24)), basis), shares);
  const auto after = market_value(Price(close_on(nvda.bars, date(2025, 1, 27)), basis), shares);
  EXPECT_NEAR(before / 1e12, 3.493, 5e-4);
  EXPECT_NEAR(after / 1e12, 2.900, 5e-4);
}

TEST(EmbeddedDataset, CalendarAndDataAgreeOnEverySession) {
  const TradingCalendar& nyse = TradingCalendar::nyse();
  std::size_t bars = 0;
  for (const SecurityRecord& r : dataset().data.securities()) {
    for (const date d : r.bars.dates()) {
      ASSERT_TRUE(nyse.is_session(d)) << r.security.symbol.view() << " " << format_iso_date(d);
      ++bars;
    }
    EXPECT_FALSE(r.bars.find(date(2025, 1, 9)).has_value()) << r.security.symbol.view();
  }
  EXPECT_GT(bars, 140'000u);
}

TEST(EmbeddedDataset, MembershipOnTheEventDay) {
  const auto& data = dataset().data;
  EXPECT_EQ(data.membership("sp500")->members_on(date(2025, 1, 27)).size(), 503u);
  EXPECT_EQ(data.membership("ndx100")->members_on(date(2025, 1, 27)).size(), 101u);
  EXPECT_TRUE(data.membership("ndx100")->is_member(Symbol("GOOG"), date(2025, 1, 27)));
  EXPECT_FALSE(data.membership("sp500")->is_member(Symbol("PLTR"), date(2024, 9, 20)));
  EXPECT_TRUE(data.membership("sp500")->is_member(Symbol("PLTR"), date(2024, 9, 23)));
}

TEST(EmbeddedDataset, CorruptVendorFileWasRejectedAndReported) {
  // growwanalysis APP.csv pastes two stocks side by side: the build refused it and took
  // AppLovin from CarlosGBerreteaga, and its report says so.
  EXPECT_EQ(record("APP").provenance.source, "carlosgberreteaga-trading-ai");
  const std::string report =
      read_file(std::filesystem::path(MARKETSHOCK_SOURCE_DIR) / "data" / "build_report.txt");
  EXPECT_THAT(report, testing::HasSubstr("APP: growwanalysis-nasdaq100 rejected:"));
  EXPECT_THAT(report, testing::HasSubstr("APP.csv:1:18: duplicated column 'Open'"));
  // HON's split-only Close sits 6% below the traded price (a spin-off adjusted as a split).
  EXPECT_EQ(record("HON").provenance.source, "carlosgberreteaga-trading-ai");
  EXPECT_THAT(report, testing::HasSubstr("HON: growwanalysis-nasdaq100 rejected: its Close sits"));
}

TEST(EmbeddedDataset, SplitDayIsNotAMarketValueLoss) {
  // AVGO's 10:1 took effect 2024-07-15, between two Yahoo month-end counts; on the dataset's
  // basis every count is restated, so consecutive counts around it are within a few percent.
  const SecurityRecord& avgo = record("AVGO");
  const auto before = avgo.shares.as_of(date(2024, 8, 1));
  const auto after = avgo.shares.as_of(date(2024, 10, 1));
  ASSERT_TRUE(before && after);
  EXPECT_NEAR(after->shares / before->shares, 1.0, 0.05);
}

// The split of `symbol` of `ratio` as corporate_actions.csv gives it (via the loader).
const Split& split_of(const char* symbol, double ratio) {
  const auto splits = record(symbol).actions.splits();
  const auto it =
      std::find_if(splits.begin(), splits.end(), [&](const Split& s) { return s.ratio == ratio; });
  EXPECT_NE(it, splits.end()) << symbol << " has no split of ratio " << ratio;
  return it != splits.end() ? *it : splits.front();
}

TEST(EmbeddedDataset, SplitDatesComeFromTheTickGrid) {
  // The share counts only bracket each split; the split-only vendor prices date it exactly:
  // before a 10:1 they are cents / 10 (NVIDIA's 2024-06-07 close 1208.88 / 10), from it whole
  // cents. An exact date has no earliest_after, and its source names the file and evidence.
  const Split& nvda = split_of("NVDA", 10.0);
  EXPECT_EQ(nvda.effective, date(2024, 6, 10));
  EXPECT_FALSE(nvda.earliest_after.has_value());
  EXPECT_THAT(nvda.source, testing::StartsWith("tick grid: growwanalysis-nasdaq100 NVDA.csv, "
                                               "last off-grid session 2024-06-07, first on the "
                                               "grid 2024-06-10; 0 contradicting sessions"));
  const Split& avgo = split_of("AVGO", 10.0);
  EXPECT_EQ(avgo.effective, date(2024, 7, 15));
  EXPECT_FALSE(avgo.earliest_after.has_value());
  EXPECT_THAT(avgo.source, testing::HasSubstr("last off-grid session 2024-07-12"));
  // The longer history, each under the factor of the splits after it (NVDA 2021: x10).
  const std::vector<std::tuple<const char*, double, date>> older{
      {"AAPL", 4.0, date(2020, 8, 31)},   {"TSLA", 5.0, date(2020, 8, 31)},
      {"NVDA", 4.0, date(2021, 7, 20)},   {"AMZN", 20.0, date(2022, 6, 6)},
      {"GOOGL", 20.0, date(2022, 7, 18)}, {"TSLA", 3.0, date(2022, 8, 25)},
      {"WMT", 3.0, date(2024, 2, 26)},    {"NFLX", 10.0, date(2025, 11, 17)},
  };
  for (const auto& [symbol, ratio, effective] : older) {
    const Split& s = split_of(symbol, ratio);
    EXPECT_EQ(s.effective, effective) << symbol << " " << ratio;
    EXPECT_FALSE(s.earliest_after.has_value()) << symbol << " " << ratio;
    EXPECT_THAT(s.source, testing::StartsWith("tick grid: ")) << symbol << " " << ratio;
  }
  EXPECT_THAT(split_of("NVDA", 4.0).source, testing::HasSubstr("prices x10 (later splits)"));
  // The SEC's own split facts agree where a companyfacts recording has them.
  const std::string report =
      read_file(std::filesystem::path(MARKETSHOCK_SOURCE_DIR) / "data" / "build_report.txt");
  EXPECT_THAT(report, testing::HasSubstr("NVDA: SEC companyfacts cross-check of the 4:1 effective "
                                         "2021-07-20: agrees (instant 2021-07-19"));
  EXPECT_THAT(report, testing::HasSubstr("NVDA: SEC companyfacts cross-check of the 10:1 "
                                         "effective 2024-06-10: agrees (period "
                                         "2024-06-01..2024-06-30"));
  EXPECT_THAT(report, testing::Not(testing::HasSubstr("DISAGREES")));
}

TEST(EmbeddedDataset, LoadsFastEnoughToBeTheDefault) {
  EXPECT_EQ(dataset().metadata.window_from, date(2024, 8, 1));
  EXPECT_GE(dataset().data.security_count(), 519u);
  for (const auto& r : dataset().reports) EXPECT_TRUE(r.skipped.empty()) << r.file;
}

}  // namespace
}  // namespace marketshock::io
