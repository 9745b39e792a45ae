// marketshock explain on the published NVIDIA figures of 2025-01-27 (facts C1, C5, C6, C7):
// each must come out explained by a stated basis, or located inside the session.
#include <marketshock/records/explain.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/io/dataset/dataset_files.hpp>

#include "support/embedded_dataset.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace marketshock::records {
namespace {

using boost::gregorian::date;

const MarketData& data() {
  return testing_support::embedded_dataset().data;
}

Explanation explain_usd(double usd) {
  return explain_figure(data(), "NVDA", date(2025, 1, 27), {usd, std::nullopt});
}

// The nearest candidate on the share count in force that day (24.49B, 10-Q of 2024-11-15).
const CandidateBasis& nearest_in_force(const Explanation& e) {
  const auto it = std::find_if(e.candidates.begin(), e.candidates.end(),
                               [](const CandidateBasis& c) { return c.shares_in_force; });
  EXPECT_NE(it, e.candidates.end());
  return *it;
}

TEST(Explain, Lseg593BillionIsCloseToCloseOnTheCoverCount) {
  const auto e = explain_usd(593e9);
  const auto& best = e.candidates.front();
  EXPECT_EQ(best.description, "prior close -> close");
  EXPECT_EQ(best.shares, 24.49e9);
  EXPECT_NEAR(best.change_usd, 24.49e9 * (118.42 - 142.62), 1e8);
  EXPECT_LT(best.distance, 0.001);
}

TEST(Explain, Bloomberg589BillionIsCloseToCloseOnTheNextFilingsCount) {
  const auto e = explain_usd(589e9);
  const auto& best = e.candidates.front();
  EXPECT_EQ(best.description, "prior close -> close");
  // 24.40B, the 10-K cover count dated 2025-02-21: 24.40B x 24.20 = 590.5B, 0.25% off.
  EXPECT_EQ(best.shares, 24.40e9);
  EXPECT_EQ(best.shares_as_of, date(2025, 2, 21));
  EXPECT_NEAR(best.distance, 590.48 / 589.0 - 1.0, 1e-3);
}

TEST(Explain, Figure560BillionWasWrittenDuringTheSession) {
  const auto e = explain_usd(560e9);
  EXPECT_GT(e.candidates.front().distance, 0.01);  // no daily basis comes within 1%
  ASSERT_FALSE(e.implied_prices.empty());
  const ImpliedPrice& p = e.implied_prices.front();
  EXPECT_TRUE(p.shares_in_force);
  EXPECT_EQ(p.shares, 24.49e9);
  // 142.62 - 560e9 / 24.49e9 = $119.75, inside the day's 116.70..128.40.
  EXPECT_NEAR(p.price, 142.62 - 560.0 / 24.49, 1e-3);
  EXPECT_TRUE(p.within_day_range);
}

TEST(Explain, Figure900BillionIsFromThePeakToTheDaysLow) {
  const auto e = explain_usd(900e9);
  const CandidateBasis& c = nearest_in_force(e);
  // The intraday high of 2025-01-07 (153.13) to the low of the day (116.70): -23.8%, about
  // "a decline of about 20%" overstated; on 24.49B shares -892.2B.
  EXPECT_EQ(c.start_kind, "high");
  EXPECT_EQ(c.start_date, date(2025, 1, 7));
  EXPECT_EQ(c.end_kind, "low");
  EXPECT_NEAR(c.change_usd / 1e9, 24.49 * (116.70 - 153.13), 0.1);
  EXPECT_LT(c.distance, 0.01);
}

TEST(Explain, AsMuchAs18PercentIsTheLowAgainstThePriorClose) {
  const auto e = explain_figure(data(), "NVDA", date(2025, 1, 27), {std::nullopt, 0.18});
  const auto& best = e.candidates.front();
  EXPECT_EQ(best.description, "prior close -> low");
  EXPECT_NEAR(best.change_fraction, 116.70 / 142.62 - 1.0, 1e-6);
}

TEST(Explain, BadQuestionsAreClearErrors) {
  EXPECT_THAT(
      [] {
        (void)explain_figure(data(), "NVDA", date(2025, 1, 25), {1e9, std::nullopt});
      },
      testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr("not an NYSE session")));
  EXPECT_THAT(
      [] {
        (void)explain_figure(data(), "NVDA", date(2025, 1, 27), {1e9, 0.1});
      },
      testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr("exactly one")));
  EXPECT_THAT(
      [] {
        (void)explain_figure(data(), "NVDIA", date(2025, 1, 27), {1e9, std::nullopt});
      },
      testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr("did you mean NVDA")));
}

}  // namespace
}  // namespace marketshock::records
