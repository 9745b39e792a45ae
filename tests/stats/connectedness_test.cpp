// GFEVD and Diebold-Yilmaz connectedness: hand-computed cases of bench/README.md, statsmodels'
// FEVD with P = Sigma diag(Sigma)^-1/2, and the numpy reference bench/taskc/dy.py.
#include <marketshock/stats/connectedness.hpp>
#include <marketshock/stats/var_model.hpp>

#include "golden.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace marketshock::stats {
namespace {

TEST(Gfevd, HandCaseOfTheBenchReadme) {
  Eigen::MatrixXd phi(2, 2), sigma(2, 2), want(2, 2);
  phi << 0.5, 0.0, 0.0, 0.0;
  sigma << 1.0, 0.5, 0.5, 1.0;
  want << 1.0, 0.25, 0.25, 1.0;
  const Eigen::MatrixXd theta = generalized_fevd(phi, sigma, 2);
  EXPECT_LT(golden::max_abs_diff(theta, want), 1e-15);
  const Connectedness c = connectedness_from_fevd(theta);
  Eigen::MatrixXd table(2, 2);
  table << 80.0, 20.0, 20.0, 80.0;
  EXPECT_LT(golden::max_abs_diff(c.table, table), 1e-12);
  EXPECT_NEAR(c.total, 20.0, 1e-12);
  EXPECT_LT(golden::max_abs_diff(c.to, Eigen::Vector2d(10.0, 10.0)), 1e-12);
  EXPECT_LT(golden::max_abs_diff(c.from, Eigen::Vector2d(10.0, 10.0)), 1e-12);
  EXPECT_LT(golden::max_abs_diff(c.net, Eigen::Vector2d(0.0, 0.0)), 1e-12);
  EXPECT_LT(golden::max_abs_diff(c.pairwise_net, Eigen::Matrix2d::Zero()), 1e-12);
}

TEST(Gfevd, NoDynamicsGivesSquaredCorrelations) {
  Eigen::Matrix3d sigma;
  sigma << 1.0, 0.4, 0.2, 0.4, 1.5, -0.3, 0.2, -0.3, 0.8;
  const Eigen::Vector3d sd = sigma.diagonal().cwiseSqrt();
  const Eigen::Matrix3d rho2 = (sigma.array() / (sd * sd.transpose()).array()).square().matrix();
  for (const std::size_t h : {1U, 5U}) {
    EXPECT_LT(golden::max_abs_diff(generalized_fevd(Eigen::Matrix3d::Zero(), sigma, h), rho2),
              1e-15)
        << "H = " << h;
  }
}

TEST(Gfevd, InvariantToTheScaleOfSigma) {
  Eigen::Matrix3d phi, sigma;
  phi << 0.3, 0.1, 0.0, -0.2, 0.4, 0.1, 0.05, 0.0, 0.2;
  sigma << 1.0, 0.4, 0.2, 0.4, 1.5, -0.3, 0.2, -0.3, 0.8;
  EXPECT_LT(golden::max_abs_diff(generalized_fevd(phi, 37.0 * sigma, 10),
                                 generalized_fevd(phi, sigma, 10)),
            1e-14);
}

TEST(Gfevd, NonPositiveVarianceGivesNaNAndAStatus) {
  Eigen::Matrix2d sigma;
  sigma << 1.0, 0.0, 0.0, 0.0;
  const Eigen::MatrixXd theta = generalized_fevd(Eigen::Matrix2d::Zero(), sigma, 3);
  EXPECT_TRUE(std::isnan(theta(0, 1)));
  EXPECT_EQ(connectedness_from_fevd(theta).status, StatStatus::singular_covariance);
  EXPECT_TRUE(std::isnan(connectedness_from_fevd(theta).total));
}

class ConnectednessGolden : public ::testing::TestWithParam<int> {};

TEST_P(ConnectednessGolden, MatchesStatsmodelsAndTheNumpyReference) {
  const int p = GetParam();
  const std::string name = "var" + std::to_string(p);
  const nlohmann::json ref = golden::read_json("var.json")[name];
  const VarModel model = fit_var(golden::read_matrix(name + ".csv"), static_cast<std::size_t>(p));
  const std::size_t h = ref["horizon"];
  const Connectedness c = connectedness(model, h);
  ASSERT_EQ(c.status, StatStatus::ok);
  const double d_sm = golden::max_abs_diff(c.theta, golden::matrix(ref["theta_statsmodels"]));
  const double d_dy = golden::max_abs_diff(c.theta, golden::matrix(ref["theta_dy"]));
  const double d_tci = std::abs(c.total - ref["tci"].get<double>());
  const double d_dir = std::max({golden::max_abs_diff(c.to, golden::vector(ref["to"])),
                                 golden::max_abs_diff(c.from, golden::vector(ref["from"])),
                                 golden::max_abs_diff(c.net, golden::vector(ref["net"]))});
  std::printf(
      "VAR(%d) GFEVD: max|diff| theta vs statsmodels %.2e, vs dy.py %.2e; TCI %.2e, "
      "to/from/net %.2e (percent)\n",
      p, d_sm, d_dy, d_tci, d_dir);
  EXPECT_LT(d_sm, 1e-12);
  EXPECT_LT(d_dy, 1e-12);
  EXPECT_LT(d_tci, 1e-10);
  EXPECT_LT(d_dir, 1e-10);
  EXPECT_NEAR(c.from.sum(), c.total, 1e-10);
  EXPECT_NEAR(c.to.sum(), c.total, 1e-10);
  EXPECT_LT(golden::max_abs_diff(c.pairwise_net, -c.pairwise_net.transpose()), 1e-14);
  EXPECT_LT(golden::max_abs_diff(c.table.rowwise().sum(), Eigen::VectorXd::Constant(3, 100.0)),
            1e-12);
}

INSTANTIATE_TEST_SUITE_P(Lags, ConnectednessGolden, ::testing::Values(1, 2));

TEST(Connectedness, DiagonalSigmaEqualsTheCholeskyFevd) {
  // With uncorrelated shocks the generalized and orthogonalised decompositions agree:
  // theta_ij = sum_h (A_h)_ij^2 sigma_jj / sum_h (A_h Sigma A_h')_ii, rows summing to 1.
  Eigen::Matrix3d phi;
  phi << 0.3, 0.1, 0.0, -0.2, 0.4, 0.1, 0.05, 0.0, 0.2;
  const Eigen::Vector3d var(1e-4, 2e-4, 0.5e-4);
  const Eigen::MatrixXd theta = generalized_fevd(phi, var.asDiagonal().toDenseMatrix(), 10);
  EXPECT_LT(golden::max_abs_diff(theta.rowwise().sum(), Eigen::Vector3d::Ones()), 1e-14);
}

TEST(Connectedness, ExplosiveModelGivesNaNAndAStatus) {
  VarModel model;
  model.lags = 1;
  model.intercept = Eigen::Vector2d::Zero();
  model.coefficients = 1.05 * Eigen::Matrix2d::Identity();
  model.sigma = Eigen::Matrix2d::Identity();
  model.stability = check_stability(model.coefficients);
  const Connectedness c = connectedness(model, 10);
  EXPECT_EQ(c.status, StatStatus::explosive);
  EXPECT_TRUE(std::isnan(c.total));
  EXPECT_TRUE(c.to.array().isNaN().all());
}

}  // namespace
}  // namespace marketshock::stats
