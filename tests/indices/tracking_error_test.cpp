// Tracking-error statistics on a hand-computed series.
#include <marketshock/core/error.hpp>
#include <marketshock/indices/tracking_error.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace marketshock::indices {
namespace {

using boost::gregorian::date;
const std::vector<date> kSessions{date(2025, 1, 21), date(2025, 1, 22), date(2025, 1, 23),
                                  date(2025, 1, 24)};
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(TrackingError, HandComputed) {
  // Differences 0, +0.01, (skipped: rebuilt NaN), +0.01.
  Eigen::VectorXd rebuilt(4), actual(4);
  rebuilt << 0.01, 0.02, kNaN, 0.03;
  actual << 0.01, 0.01, 0.05, 0.02;
  const TrackingError te = tracking_error(kSessions, rebuilt, actual);
  EXPECT_EQ(te.status, StatStatus::ok);
  EXPECT_EQ(te.observations, 3u);
  EXPECT_NEAR(te.rmse_bps, std::sqrt(2e-4 / 3) * 1e4, 1e-9);  // 81.65 bp
  EXPECT_NEAR(te.mean_error_bps, 0.02 / 3 * 1e4, 1e-9);
  // x = (.01 .02 .03), y = (.01 .01 .02): sxy 1e-4, sxx 2e-4, syy 6.667e-5 -> sqrt(3)/2.
  EXPECT_NEAR(te.correlation, std::sqrt(3.0) / 2, 1e-12);
  ASSERT_TRUE(te.worst_session.has_value());
  EXPECT_EQ(*te.worst_session, kSessions[1]);  // the first of the two +100 bp days
  EXPECT_NEAR(te.worst_error_bps, 100.0, 1e-9);
}

TEST(TrackingError, DegenerateInputGivesNaNAndStatus) {
  Eigen::VectorXd rebuilt(4), actual(4);
  rebuilt << 0.01, kNaN, kNaN, kNaN;
  actual << 0.01, 0.01, 0.01, 0.01;
  const TrackingError few = tracking_error(kSessions, rebuilt, actual);
  EXPECT_EQ(few.status, StatStatus::too_few_observations);
  EXPECT_TRUE(std::isnan(few.rmse_bps));

  rebuilt << 0.01, 0.02, 0.03, 0.04;
  const TrackingError flat = tracking_error(kSessions, rebuilt, actual);
  EXPECT_EQ(flat.status, StatStatus::zero_variance);
  EXPECT_TRUE(std::isnan(flat.correlation));
  EXPECT_FALSE(std::isnan(flat.rmse_bps));

  EXPECT_THROW((void)tracking_error(kSessions, rebuilt.head(3), actual.head(3)), InvalidArgument);
}

}  // namespace
}  // namespace marketshock::indices
