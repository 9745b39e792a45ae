// cholesky_in_place and solve_lower_in_place (the rolling GFEVD's factorisation and stability
// solve) against Eigen's LLT and triangular solve, across the 16-column panel edges.
#include "detail/blocked_cholesky.hpp"

#include <gtest/gtest.h>
#include <Eigen/Cholesky>

#include <limits>
#include <random>

namespace marketshock::stats::detail {
namespace {

Eigen::MatrixXd random_spd(Eigen::Index n, std::mt19937_64& rng) {
  std::normal_distribution<double> z;
  Eigen::MatrixXd g(n + 5, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    for (Eigen::Index i = 0; i < n + 5; ++i) g(i, j) = z(rng);
  }
  return g.transpose() * g / static_cast<double>(n);
}

TEST(BlockedCholesky, MatchesEigensLltAcrossPanelEdges) {
  std::mt19937_64 rng(42);
  for (const Eigen::Index n : {1, 2, 15, 16, 17, 33, 100}) {
    const Eigen::MatrixXd a = random_spd(n, rng);
    Eigen::MatrixXd upper_garbage = a;  // the upper triangle must not be read
    upper_garbage.triangularView<Eigen::StrictlyUpper>().setConstant(1e300);
    ASSERT_TRUE(cholesky_in_place(upper_garbage)) << n;
    const Eigen::MatrixXd want = Eigen::LLT<Eigen::MatrixXd>(a).matrixL();
    EXPECT_LE((upper_garbage - want).cwiseAbs().maxCoeff(), 1e-12) << n;
    EXPECT_LE((upper_garbage * upper_garbage.transpose() - a).cwiseAbs().maxCoeff(), 1e-12) << n;

    Eigen::MatrixXd b = Eigen::MatrixXd::Random(n, 7);
    const Eigen::MatrixXd x = want.triangularView<Eigen::Lower>().solve(b);
    solve_lower_in_place(want, b);
    EXPECT_LE((b - x).cwiseAbs().maxCoeff(), 1e-10 * (1.0 + x.cwiseAbs().maxCoeff())) << n;
  }
}

TEST(BlockedCholesky, RejectsMatricesThatAreNotPositiveDefinite) {
  std::mt19937_64 rng(1);
  Eigen::MatrixXd a = random_spd(40, rng);
  a.row(30) = a.row(29);  // column 30 = column 29 with a smaller diagonal: the Schur
  a.col(30) = a.col(29);  // complement -a(29,29)/2 is a negative pivot in the second panel
  a(30, 30) = 0.5 * a(29, 29);
  EXPECT_FALSE(cholesky_in_place(a));
  Eigen::MatrixXd negative = -Eigen::MatrixXd::Identity(3, 3);
  EXPECT_FALSE(cholesky_in_place(negative));
  Eigen::MatrixXd nan = Eigen::MatrixXd::Identity(20, 20);
  nan(18, 18) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(cholesky_in_place(nan));
}

}  // namespace
}  // namespace marketshock::stats::detail
