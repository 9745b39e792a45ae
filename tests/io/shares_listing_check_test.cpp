#include <marketshock/io/dataset/shares_listing_check.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/io/dataset/dataset_files.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace marketshock::io {
namespace {

using boost::gregorian::date;
using testing::HasSubstr;

static_assert(kMaxShareCountLeadDays == 400, "the dataset build drops counts older than 400 days");

SharesRecord count(double shares, std::string reference) {
  return {shares, shares, 1.0, "cover-page count", "sec-points", std::move(reference)};
}

// NVDA: first bar 2025-01-24; counts from 2023-12-20 (401 days before), 2023-12-21 (400 days
// before: allowed) and 2024-11-15. AAPL: first bar 2025-01-24, one count in 2019.
MarketData sample() {
  MarketDataBuilder b("sample");
  b.add_issuer({IssuerId("nvidia"), "NVIDIA Corporation", std::nullopt});
  b.add_issuer({IssuerId("apple"), "Apple Inc.", std::nullopt});
  const std::vector<Bar> bars{{date(2025, 1, 24), 148.37, 148.97, 141.88, 142.62, 234657600},
                              {date(2025, 1, 27), 124.80, 128.40, 116.70, 118.42, 818830900}};
  const auto security = [](const char* symbol, const char* issuer) {
    return Security{Symbol(symbol), IssuerId(issuer), "", Exchange::nasdaq, "", "", symbol};
  };
  b.add_security(security("NVDA", "nvidia"),
                 DailyBars(Symbol("NVDA"), PriceBasis::as_traded(), bars), {});
  b.add_security(security("AAPL", "apple"),
                 DailyBars(Symbol("AAPL"), PriceBasis::as_traded(), bars), {});
  b.set_shares(Symbol("NVDA"),
               StepSeries<SharesRecord>({{date(2023, 12, 20), count(2.46e10, "a")},
                                         {date(2023, 12, 21), count(2.46e10, "b")},
                                         {date(2024, 11, 15), count(2.45e10, "c")}}));
  b.set_shares(Symbol("AAPL"), StepSeries<SharesRecord>({{date(2019, 10, 18), count(4.4e9, "d")}}));
  return std::move(b).build();
}

TEST(SharesListingCheck, FindsCountsMoreThanTheLeadBeforeTheFirstBar) {
  const auto found = find_share_counts_before_listing(sample());
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].symbol, Symbol("AAPL"));
  EXPECT_EQ(found[0].effective, date(2019, 10, 18));
  EXPECT_EQ(found[0].first_bar, date(2025, 1, 24));
  EXPECT_EQ(found[0].days_before, 1925);
  EXPECT_EQ(found[0].reference, "d");
  EXPECT_EQ(found[1].symbol, Symbol("NVDA"));
  EXPECT_EQ(found[1].effective, date(2023, 12, 20));
  EXPECT_EQ(found[1].days_before, 401);
}

TEST(SharesListingCheck, LeadIsInclusive) {
  EXPECT_EQ(find_share_counts_before_listing(sample(), 401).size(), 1u);
  EXPECT_EQ(find_share_counts_before_listing(sample(), 10000).size(), 0u);
  EXPECT_EQ(find_share_counts_before_listing(sample(), 0).size(), 4u);
  EXPECT_THROW((void)find_share_counts_before_listing(sample(), -1), InvalidArgument);
}

TEST(SharesListingCheck, CheckResultFailsAndListsThem) {
  const CheckResult result = check_share_counts_near_listing(sample());
  EXPECT_EQ(result.name, "share counts take effect at most 400 days before the first bar");
  EXPECT_EQ(result.verdict, CheckVerdict::failed);
  EXPECT_THAT(result.detail, HasSubstr("2 share counts too early, e.g. AAPL 2019-10-18 (1925 days "
                                       "before its first bar 2025-01-24; sec-points d)"));
  EXPECT_EQ(check_share_counts_near_listing(sample(), 10000).verdict, CheckVerdict::ok);
}

const char* const kShares =
    "symbol,effective_date,shares,reported_shares,split_factor,measure,source,reference\n"
    "AAPL,2019-10-18,4.4e9,4.4e9,1,cover-page count,sec-points,d\n"
    "NVDA,2023-12-21,2.46e10,2.46e10,1,cover-page count,sec-points,b\n"
    "TSLA,2024-10-18,3.2e9,3.2e9,1,cover-page count,sec-points,x\n";

TEST(SharesListingCheck, StrictPassNamesTheRowAndField) {
  auto reader = CsvReader::from_string(kShares, "shares.csv");
  EXPECT_THAT([&] { (void)verify_share_counts_near_listing(reader, sample(), LoadPolicy::strict); },
              testing::ThrowsMessage<DataError>(HasSubstr(
                  "shares.csv:2:6: column 'effective_date': share count of AAPL effective "
                  "2019-10-18, 1925 days before its first bar 2025-01-24 (at most 400 allowed)")));
}

TEST(SharesListingCheck, LenientPassReportsEveryBadRow) {
  auto reader = CsvReader::from_string(kShares, "shares.csv");
  const LoadReport report = verify_share_counts_near_listing(reader, sample(), LoadPolicy::lenient);
  EXPECT_EQ(report.rows_read, 3u);
  EXPECT_EQ(report.rows_loaded, 1u);
  ASSERT_EQ(report.skipped.size(), 2u);
  EXPECT_EQ(report.skipped[0].position.line, 2u);
  EXPECT_EQ(report.skipped[1].position.line, 4u);
  EXPECT_THAT(report.skipped[1].reason, HasSubstr("unknown symbol 'TSLA'"));
}

// The embedded dataset was written by the build, which drops older counts: the check holds.
TEST(SharesListingCheck, EmbeddedDatasetPasses) {
  const LoadedDataset loaded =
      load_dataset(std::filesystem::path(MARKETSHOCK_SOURCE_DIR) / "data", LoadPolicy::strict);
  const CheckResult result = check_share_counts_near_listing(loaded.data);
  EXPECT_EQ(result.verdict, CheckVerdict::ok) << result.detail;
}

}  // namespace
}  // namespace marketshock::io
