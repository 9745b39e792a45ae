// Rolling Diebold-Yilmaz connectedness: a small Task C case (10 series x 300 sessions, W = 100)
// against bench/taskc/dy.py, agreement with fit_var() + connectedness() window by window, and
// the guardrails.
#include <marketshock/core/error.hpp>
#include <marketshock/stats/connectedness.hpp>
#include <marketshock/stats/rolling_connectedness.hpp>
#include <marketshock/stats/var_model.hpp>

#include "golden.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace marketshock::stats {
namespace {

using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

RollingConnectednessOptions small_options() {
  RollingConnectednessOptions o;
  o.window = 100;
  return o;
}

TEST(RollingConnectedness, SmallTaskCMatchesTheNumpyReference) {
  const nlohmann::json ref = golden::read_json("taskc_small.json");
  const Eigen::MatrixXd r = golden::read_matrix("taskc_small/returns.csv");
  ASSERT_EQ(r.rows(), 300);
  ASSERT_EQ(r.cols(), 10);
  const RollingConnectedness got = rolling_connectedness(r, small_options());
  ASSERT_EQ(got.window_end.size(), ref["window_end"].size());
  EXPECT_EQ(got.window_end.front(), 99);
  EXPECT_EQ(got.window_end.back(), 299);
  const double d_tci = golden::max_abs_diff(got.total, golden::vector(ref["tci"]));
  const Eigen::Index last = got.total.size() - 1;
  const double d_dir = std::max(
      {golden::max_abs_diff(got.to.row(last).transpose(), golden::vector(ref["to_last"])),
       golden::max_abs_diff(got.from.row(last).transpose(), golden::vector(ref["from_last"])),
       golden::max_abs_diff(got.net.row(last).transpose(), golden::vector(ref["net_last"]))});
  std::printf("Task C small (10 x 300, W=100): max|diff| vs dy.py TCI %.2e, to/from/net %.2e\n",
              d_tci, d_dir);
  EXPECT_LT(d_tci, 1e-9);  // Task C asks for 1e-6
  EXPECT_LT(d_dir, 1e-9);
  for (const StatStatus s : got.status) EXPECT_EQ(s, StatStatus::ok);
  EXPECT_TRUE((got.spectral_radius.array() < 1.0).all());
}

TEST(RollingConnectedness, EqualsFittingEachWindowAndDoesNotDependOnThreads) {
  const Eigen::MatrixXd r = golden::read_matrix("taskc_small/returns.csv");
  for (const std::size_t lags : {1U, 2U}) {
    RollingConnectednessOptions o = small_options();
    o.lags = lags;
    o.threads = 1;
    const RollingConnectedness one = rolling_connectedness(r, o);
    o.threads = 3;
    const RollingConnectedness three = rolling_connectedness(r, o);
    // The VAR(2) fits of this data have roots up to 0.99 and cond(Sigma) ~4e4, which amplify
    // rounding: QR and the sliding normal equations differ by up to ~2e-10 (percent) there,
    // ~1e-13 for VAR(1).
    const double tol = lags == 1 ? 1e-11 : 1e-9;
    EXPECT_LT(golden::max_abs_diff(one.total, three.total), tol);
    for (const Eigen::Index w : {0, 1, 57, 133, 150, 200}) {
      const VarModel model = fit_var(r.middleRows(w, 100), lags);
      const Connectedness c = connectedness(model, 10);
      EXPECT_NEAR(one.total(w), c.total, tol) << "lags " << lags << " window " << w;
      EXPECT_LT(golden::max_abs_diff(one.net.row(w).transpose(), c.net), tol);
    }
  }
}

TEST(RollingConnectedness, WindowMustExceedNpPlusOne) {
  const Eigen::MatrixXd r = Eigen::MatrixXd::Random(40, 10);
  RollingConnectednessOptions o;
  o.window = 12;  // 11 equations for 11 regressors
  EXPECT_THAT([&] { (void)rolling_connectedness(r, o); },
              ThrowsMessage<InvalidArgument>(HasSubstr("needs more than N p + 1 = 11")));
  o.window = 50;
  EXPECT_THAT([&] { (void)rolling_connectedness(r, o); },
              ThrowsMessage<InvalidArgument>(HasSubstr("fewer than the window of 50")));
}

TEST(RollingConnectedness, RefusesWorkBeyondItsMaxima) {
  // The library bounds the work as the command line does: a horizon of 4e9 would run for hours.
  const Eigen::MatrixXd r = Eigen::MatrixXd::Random(60, 3);
  RollingConnectednessOptions o;
  o.window = 50;
  o.horizon = 4000000000;
  EXPECT_THAT([&] { (void)rolling_connectedness(r, o); },
              ThrowsMessage<InvalidArgument>(HasSubstr("horizon 4000000000 (at most 1000)")));
  o.horizon = 10;
  o.lags = 21;
  EXPECT_THAT([&] { (void)rolling_connectedness(r, o); },
              ThrowsMessage<InvalidArgument>(HasSubstr("lags 21 (at most 20)")));
  o.lags = 1;
  o.window = 10001;
  EXPECT_THAT([&] { (void)rolling_connectedness(r, o); },
              ThrowsMessage<InvalidArgument>(HasSubstr("window 10001 (at most 10000)")));
  const Eigen::MatrixXd wide = Eigen::MatrixXd::Random(60, 51);
  o.window = 50;
  EXPECT_THAT([&] { (void)rolling_connectedness(wide, o); },
              ThrowsMessage<InvalidArgument>(HasSubstr("51 series (at most 50)")));
}

TEST(RollingConnectedness, MissingDataPolicy) {
  Eigen::MatrixXd r = golden::read_matrix("taskc_small/returns.csv");
  r(150, 3) = std::numeric_limits<double>::quiet_NaN();
  RollingConnectednessOptions o = small_options();
  EXPECT_THAT([&] { (void)rolling_connectedness(r, o); },
              ThrowsMessage<InvalidArgument>(HasSubstr("missing value at row 150, column 3")));
  o.missing = MissingPolicy::skip_window;
  const RollingConnectedness got = rolling_connectedness(r, o);
  const RollingConnectedness clean =
      rolling_connectedness(golden::read_matrix("taskc_small/returns.csv"), small_options());
  for (std::size_t w = 0; w < got.status.size(); ++w) {
    const Eigen::Index end = got.window_end[w];
    const bool holds_nan = end >= 150 && end - 99 <= 150;
    EXPECT_EQ(got.status[w], holds_nan ? StatStatus::missing_data : StatStatus::ok) << w;
    if (holds_nan) {
      EXPECT_TRUE(std::isnan(got.total(static_cast<Eigen::Index>(w))));
    } else {  // windows after the gap are recomputed from scratch, not polluted
      EXPECT_NEAR(got.total(static_cast<Eigen::Index>(w)),
                  clean.total(static_cast<Eigen::Index>(w)), 1e-10);
    }
  }
}

TEST(RollingConnectedness, ExplosiveAndSingularWindowsGetAStatus) {
  Eigen::MatrixXd r(120, 2);
  const Eigen::MatrixXd e = 0.01 * Eigen::MatrixXd::Random(120, 2);
  r.row(0) << 1.0, 0.5;
  for (Eigen::Index t = 1; t < 120; ++t) r.row(t) = 1.04 * r.row(t - 1) + e.row(t);
  RollingConnectednessOptions o;
  o.window = 60;
  const RollingConnectedness explosive = rolling_connectedness(r, o);
  EXPECT_EQ(explosive.status.front(), StatStatus::explosive);
  EXPECT_TRUE(std::isnan(explosive.total(0)));
  EXPECT_GT(explosive.exact_stability_checks, 0U);

  Eigen::MatrixXd collinear = Eigen::MatrixXd::Random(120, 3);
  collinear.col(2) = collinear.col(0) + collinear.col(1);
  const RollingConnectedness singular = rolling_connectedness(collinear, o);
  EXPECT_EQ(singular.status.front(), StatStatus::singular_design);
  EXPECT_TRUE(std::isnan(singular.total(0)));
}

}  // namespace
}  // namespace marketshock::stats
