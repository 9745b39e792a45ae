// The dataset-level statistics (market_event_study, market_connectedness, market_correlation) on
// the embedded dataset: index level series taken like securities, the range checked against the
// data under each missing-data policy, an event after the data refused, and each result equal to
// its kernel run on returns taken here.
#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/stats/forbes_rigobon.hpp>
#include <marketshock/stats/market_connectedness.hpp>
#include <marketshock/stats/market_correlation.hpp>
#include <marketshock/stats/market_event_study.hpp>
#include <marketshock/stats/return_series.hpp>

#include "support/embedded_dataset.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace marketshock::stats {
namespace {

using boost::gregorian::date;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

const MarketData& data() {
  return testing_support::embedded_dataset().data;
}

TEST(MarketConnectedness, IndexSeriesAreTakenLikeSecurities) {
  const std::vector<std::string> names{"NVDA", "SPX", "QQQ"};
  MarketConnectednessOptions o;
  o.from = date(2024, 8, 1);
  o.at = {date(2025, 1, 26)};  // a Sunday: the window ending Friday 2025-01-24
  o.rolling.window = 100;
  const MarketConnectedness r = market_connectedness(data(), names, o);
  EXPECT_EQ(r.series[1], (SeriesId{"SPX", SeriesKind::index_level}));
  EXPECT_EQ(r.sessions.front(), date(2024, 8, 1));
  EXPECT_EQ(r.sessions.back(), date(2025, 4, 30));
  EXPECT_TRUE(r.cuts.empty());
  ASSERT_EQ(r.at.size(), 1U);
  EXPECT_EQ(r.window_end(r.at[0]), date(2025, 1, 24));
  const RollingConnectedness direct =
      rolling_connectedness(series_returns(data(), r.series, r.sessions), o.rolling);
  EXPECT_EQ(r.result.total, direct.total);
}

TEST(MarketConnectedness, RangePastTheDataIsAnErrorUnderReject) {
  const std::vector<std::string> names{"NVDA", "VST"};
  MarketConnectednessOptions o;
  o.to = date(2025, 6, 30);
  o.rolling.window = 100;
  EXPECT_THAT([&] { (void)market_connectedness(data(), names, o); },
              ThrowsMessage<InvalidArgument>(
                  HasSubstr("connectedness to 2025-06-30: NVDA's last bar is 2025-04-30")));
  o.to.reset();
  o.from = date(2024, 1, 2);
  EXPECT_THAT([&] { (void)market_connectedness(data(), names, o); },
              ThrowsMessage<InvalidArgument>(
                  HasSubstr("VST has no return before 2024-08-02 (its first bar is 2024-08-01)")));
  o.from.reset();
  o.at = {date(2025, 5, 1)};
  EXPECT_THAT([&] { (void)market_connectedness(data(), names, o); },
              ThrowsMessage<InvalidArgument>(HasSubstr("after the range's last session")));
}

TEST(MarketConnectedness, RangePastTheDataIsCutAndReportedUnderSkip) {
  const std::vector<std::string> names{"NVDA", "VST"};
  MarketConnectednessOptions o;
  o.from = date(2024, 1, 2);
  o.to = date(2025, 6, 30);
  o.rolling.window = 100;
  o.rolling.missing = MissingPolicy::skip_window;
  const MarketConnectedness r = market_connectedness(data(), names, o);
  ASSERT_EQ(r.cuts.size(), 2U);
  EXPECT_EQ(r.cuts[0].side, RangeCut::Side::from);
  EXPECT_EQ(r.cuts[0].series, "VST");
  EXPECT_EQ(r.cuts[0].bar, date(2024, 8, 1));
  EXPECT_EQ(r.cuts[0].applied, date(2024, 8, 2));
  EXPECT_EQ(r.cuts[1].side, RangeCut::Side::to);
  EXPECT_EQ(r.cuts[1].requested, date(2025, 6, 30));
  EXPECT_EQ(r.cuts[1].bar, date(2025, 4, 30));
  EXPECT_EQ(r.sessions.front(), date(2024, 8, 2));
  EXPECT_EQ(r.sessions.back(), date(2025, 4, 30));
}

TEST(MarketEventStudy, EventAfterOrBeforeTheDataIsAnError) {
  const std::vector<std::string> names{"NVDA", "VST"};
  MarketEventStudyOptions o;
  o.benchmark = BenchmarkKind::index_level;
  EXPECT_THAT(
      [&] { (void)market_event_study(data(), names, date(2025, 6, 2), o); },
      ThrowsMessage<InvalidArgument>(HasSubstr(
          "the event session 2025-06-02 is after the data: NVDA's last bar is 2025-04-30")));
  EXPECT_THAT([&] { (void)market_event_study(data(), names, date(2024, 7, 1), o); },
              ThrowsMessage<InvalidArgument>(
                  HasSubstr("is before the data: VST's first bar is 2024-08-01")));
}

TEST(MarketEventStudy, IndexSeriesAsAFirm) {
  const std::vector<std::string> names{"QQQ", "NVDA"};
  MarketEventStudyOptions o;
  o.benchmark = BenchmarkKind::index_level;
  o.spec.model = ReturnModel::market_adjusted;
  const MarketEventStudy r = market_event_study(data(), names, date(2025, 1, 27), o);
  ASSERT_EQ(r.series.size(), 2U);
  EXPECT_EQ(r.series[0].kind, SeriesKind::index_level);
  EXPECT_EQ(r.spec.model, ReturnModel::market_adjusted);
  const DailyBars& qqq = *data().index_levels("QQQ");
  const DailyBars& spx = *data().index_levels("SPX");
  const auto ret = [](const DailyBars& b, date d, date before) {
    return b.close()[*b.find(d)] / b.close()[*b.find(before)] - 1.0;
  };
  const date monday(2025, 1, 27), friday(2025, 1, 24);
  EXPECT_DOUBLE_EQ(r.firms[0].event_abnormal(-r.firms[0].event_range.first),
                   ret(qqq, monday, friday) - ret(spx, monday, friday));
}

TEST(MarketCorrelation, EqualsTheKernelOnTheSessionsOfBothWindows) {
  const std::vector<std::string> sources{"SPX"};
  const std::vector<std::string> targets{"NVDA", "VST"};
  MarketCorrelationOptions o;
  o.turmoil = {date(2025, 1, 21), date(2025, 2, 7)};
  o.tranquil = {date(2025, 3, 3), date(2025, 4, 30)};  // after the turmoil: rows in that order
  const MarketCorrelation r = market_correlation(data(), sources, targets, o);
  EXPECT_EQ(r.source_name, "SPX");
  EXPECT_EQ(r.sessions.front(), date(2025, 1, 21));
  EXPECT_EQ(r.turmoil_rows.begin, 0);
  EXPECT_EQ(r.tranquil_rows.end, static_cast<Eigen::Index>(r.sessions.size()));
  const Eigen::MatrixXd s = series_returns(data(), r.sources, r.sessions);
  const Eigen::MatrixXd t = series_returns(data(), r.targets, r.sessions);
  const std::vector<ForbesRigobonResult> direct =
      forbes_rigobon_each(s.col(0), t, r.tranquil_rows, r.turmoil_rows);
  ASSERT_EQ(r.results.size(), 2U);
  for (std::size_t j = 0; j < 2; ++j) {
    EXPECT_EQ(r.results[j].z_adjusted, direct[j].z_adjusted);
    EXPECT_EQ(r.results[j].variance_increase, direct[j].variance_increase);
  }
  o.tranquil = {date(2025, 2, 1), date(2025, 3, 1)};
  EXPECT_THAT([&] { (void)market_correlation(data(), sources, targets, o); },
              ThrowsMessage<InvalidArgument>(HasSubstr("overlap")));
  const std::vector<std::string> basket{"NVDA", "AVGO"};
  o.tranquil = {date(2024, 9, 3), date(2024, 12, 31)};
  EXPECT_EQ(market_correlation(data(), basket, targets, o).source_name, "basket(NVDA+AVGO)");
}

}  // namespace
}  // namespace marketshock::stats
