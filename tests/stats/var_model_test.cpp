// VAR(p) OLS against statsmodels VAR(y).fit(p, trend="c") (golden files of
// scripts/make_stats_golden.py), plus the guardrails.
#include <marketshock/core/error.hpp>
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

class VarGolden : public ::testing::TestWithParam<int> {};

TEST_P(VarGolden, MatchesStatsmodels) {
  const int p = GetParam();
  const std::string name = "var" + std::to_string(p);
  const nlohmann::json ref = golden::read_json("var.json")[name];
  const Eigen::MatrixXd y = golden::read_matrix(name + ".csv");
  const VarModel model = fit_var(y, static_cast<std::size_t>(p));
  ASSERT_EQ(model.status, StatStatus::ok);
  EXPECT_EQ(model.observations, ref["observations"].get<std::size_t>());
  const double d_c = golden::max_abs_diff(model.intercept, golden::vector(ref["intercept"]));
  double d_phi = 0.0;
  for (int l = 1; l <= p; ++l) {
    d_phi = std::max(d_phi, golden::max_abs_diff(model.lag_matrix(static_cast<std::size_t>(l)),
                                                 golden::matrix(ref["coefs"][l - 1])));
  }
  const double d_sigma = golden::max_abs_diff(model.sigma, golden::matrix(ref["sigma_u"]));
  const std::vector<Eigen::MatrixXd> ma = ma_coefficients(model.coefficients, 10);
  double d_ma = 0.0;
  for (std::size_t h = 0; h < ma.size(); ++h) {
    d_ma = std::max(d_ma, golden::max_abs_diff(ma[h], golden::matrix(ref["ma_rep"][h])));
  }
  std::printf("VAR(%d) vs statsmodels: max|diff| intercept %.2e, Phi %.2e, sigma_u %.2e, MA %.2e\n",
              p, d_c, d_phi, d_sigma, d_ma);
  EXPECT_LT(d_c, 1e-14);      // intercepts ~1e-3
  EXPECT_LT(d_phi, 1e-12);    // coefficients ~0.1
  EXPECT_LT(d_sigma, 1e-17);  // sigma ~1e-4
  EXPECT_LT(d_ma, 1e-12);
  // fit_var's own check: the certificate or the eigenvalues; compare with the exact radius.
  EXPECT_TRUE(model.stability.stable);
  const double radius = ref["max_root_modulus"].get<double>();
  if (model.stability.exact) {
    EXPECT_NEAR(model.stability.spectral_radius, radius, 1e-12);
  } else {
    EXPECT_GE(model.stability.spectral_radius, radius - 1e-12);
    EXPECT_LT(model.stability.spectral_radius, 1.0);
  }
}

INSTANTIATE_TEST_SUITE_P(Lags, VarGolden, ::testing::Values(1, 2));

TEST(VarModel, WindowMustExceedNpPlusOne) {
  const Eigen::MatrixXd y = Eigen::MatrixXd::Random(12, 5);
  // VAR(2) of 5 series: 11 regressors, 10 equations.
  EXPECT_THAT([&] { (void)fit_var(y, 2); },
              ThrowsMessage<InvalidArgument>(HasSubstr("needs more than N p + 1 = 11")));
  EXPECT_NO_THROW((void)fit_var(y, 1));  // 11 equations for 6 regressors
}

TEST(VarModel, MissingValuesAreRejectedWithTheirPosition) {
  Eigen::MatrixXd y = Eigen::MatrixXd::Random(50, 3);
  y(17, 2) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THAT([&] { (void)fit_var(y, 1); },
              ThrowsMessage<InvalidArgument>(HasSubstr("row 17, column 2")));
}

TEST(VarModel, CollinearSeriesAreASingularDesign) {
  Eigen::MatrixXd y = Eigen::MatrixXd::Random(60, 3);
  y.col(2) = 2.0 * y.col(0) - y.col(1);
  const VarModel model = fit_var(y, 1);
  EXPECT_EQ(model.status, StatStatus::singular_design);
  EXPECT_TRUE(model.coefficients.array().isNaN().all());
}

TEST(VarModel, ExplosiveRootsAreDetected) {
  // y_t = 1.03 y_{t-1} + e: the fitted root is above 1.
  Eigen::MatrixXd y(200, 2);
  const Eigen::MatrixXd e = 0.01 * Eigen::MatrixXd::Random(200, 2);
  y.row(0) << 1.0, 1.0;
  for (Eigen::Index t = 1; t < 200; ++t) y.row(t) = 1.03 * y.row(t - 1) + e.row(t);
  const VarModel model = fit_var(y, 1);
  ASSERT_EQ(model.status, StatStatus::ok);
  EXPECT_FALSE(model.stability.stable);
  EXPECT_TRUE(model.stability.exact);
  EXPECT_GT(model.stability.spectral_radius, 1.0);
}

TEST(VarModel, StabilityOfKnownMatrices) {
  Eigen::MatrixXd phi(2, 2);
  phi << 0.5, 0.0, 0.0, 0.0;
  const StabilityCheck easy = check_stability(phi);
  EXPECT_TRUE(easy.stable);
  EXPECT_FALSE(easy.exact);     // certified by the norm, no eigenvalues needed
  phi << 0.0, 0.99, 0.99, 0.0;  // radius 0.99: the certificate needs 0.99^64 ~ 0.53 < 1
  EXPECT_TRUE(check_stability(phi).stable);
  phi << 1.0, 0.0, 0.0, 0.5;  // a unit root is not stable
  const StabilityCheck unit = check_stability(phi);
  EXPECT_FALSE(unit.stable);
  EXPECT_TRUE(unit.exact);
  EXPECT_NEAR(unit.spectral_radius, 1.0, 1e-12);
  // VAR(2) y_t = 0.5 y_{t-1} + 0.6 y_{t-2}: roots of z^2 - 0.5 z - 0.6 are 1.05 and -0.57.
  Eigen::MatrixXd ar2(1, 2);
  ar2 << 0.5, 0.6;
  const StabilityCheck two = check_stability(ar2);
  EXPECT_FALSE(two.stable);
  EXPECT_NEAR(two.spectral_radius, (0.5 + std::sqrt(0.25 + 2.4)) / 2.0, 1e-12);
  EXPECT_THAT([&] { (void)check_stability(Eigen::MatrixXd::Zero(2, 3)); },
              ThrowsMessage<InvalidArgument>(HasSubstr("expected N x (N p)")));
}

TEST(VarModel, CompanionMatrixLayout) {
  Eigen::MatrixXd coefs(2, 4);
  coefs << 1, 2, 3, 4, 5, 6, 7, 8;
  Eigen::MatrixXd expected(4, 4);
  expected << 1, 2, 3, 4, 5, 6, 7, 8, 1, 0, 0, 0, 0, 1, 0, 0;
  EXPECT_EQ(companion_matrix(coefs), expected);
}

}  // namespace
}  // namespace marketshock::stats
