// small_gemm (the VAR/GFEVD products, with AVX2 / AVX-512 kernels picked at run time): every
// kernel this processor supports against a plain triple loop, over block edges (8 rows, 6 or 12
// columns), every update and operand, and operands that are blocks of larger matrices.
#include "detail/small_gemm.hpp"

#include <marketshock/core/error.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace marketshock::stats::detail {
namespace {

Eigen::MatrixXd random_matrix(Eigen::Index rows, Eigen::Index cols, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j) {
    for (Eigen::Index i = 0; i < rows; ++i) m(i, j) = u(rng);
  }
  return m;
}

// The reference: C <update> A op(B) with one scalar loop per element.
Eigen::MatrixXd reference(GemmUpdate update, const Eigen::MatrixXd& a, const Eigen::MatrixXd& b,
                          GemmOperand operand, Eigen::MatrixXd c) {
  for (Eigen::Index i = 0; i < c.rows(); ++i) {
    for (Eigen::Index j = 0; j < c.cols(); ++j) {
      double p = 0.0;
      for (Eigen::Index k = 0; k < a.cols(); ++k) {
        double bkj = 0.0;
        if (operand == GemmOperand::plain) bkj = b(k, j);
        if (operand == GemmOperand::transposed) bkj = b(j, k);
        if (operand == GemmOperand::transposed_lower) bkj = k <= j ? b(j, k) : 0.0;
        p += a(i, k) * bkj;
      }
      if (update == GemmUpdate::assign) c(i, j) = p;
      if (update == GemmUpdate::add) c(i, j) += p;
      if (update == GemmUpdate::subtract) c(i, j) -= p;
      if (update == GemmUpdate::add_squares) c(i, j) += p * p;
    }
  }
  return c;
}

std::vector<GemmKernel> supported_kernels() {
  std::vector<GemmKernel> kernels;
  for (const GemmKernel k : {GemmKernel::portable, GemmKernel::avx2, GemmKernel::avx512}) {
    if (gemm_kernel_supported(k)) kernels.push_back(k);
  }
  return kernels;
}

TEST(SmallGemm, EveryKernelMatchesAPlainLoop) {
  std::mt19937_64 rng(20250127);
  // (m, k, n): single elements, each side of the 8-row and 6/12-column blocks, Task C's size.
  const std::vector<std::tuple<int, int, int>> shapes = {{1, 1, 1},    {3, 2, 5},      {8, 8, 6},
                                                         {9, 7, 7},    {16, 5, 12},    {15, 13, 13},
                                                         {17, 30, 25}, {100, 101, 100}};
  const GemmOperand operands[] = {GemmOperand::plain, GemmOperand::transposed,
                                  GemmOperand::transposed_lower};
  const GemmUpdate updates[] = {GemmUpdate::assign, GemmUpdate::add, GemmUpdate::subtract,
                                GemmUpdate::add_squares};
  std::printf("small_gemm kernels on this processor:");
  for (const GemmKernel kernel : supported_kernels()) std::printf(" %s", gemm_kernel_name(kernel));
  std::printf(" (default %s)\n", gemm_kernel_name(gemm_kernel()));
  int checked = 0;
  for (const GemmKernel kernel : supported_kernels()) {
    for (const auto& [m, k, n] : shapes) {
      for (const GemmOperand operand : operands) {
        // A triangular op(B) is square: k = n.
        const int depth = operand == GemmOperand::transposed_lower ? n : k;
        const Eigen::MatrixXd a = random_matrix(m, depth, rng);
        const Eigen::MatrixXd b = operand == GemmOperand::plain ? random_matrix(depth, n, rng)
                                                                : random_matrix(n, depth, rng);
        for (const GemmUpdate update : updates) {
          const Eigen::MatrixXd c0 = random_matrix(m, n, rng);
          const Eigen::MatrixXd want = reference(update, a, b, operand, c0);
          Eigen::MatrixXd got = c0;
          small_gemm(kernel, update, a, b, operand, got);
          const double scale = 1.0 + want.cwiseAbs().maxCoeff();
          EXPECT_LE((got - want).cwiseAbs().maxCoeff(), 1e-13 * depth * scale)
              << gemm_kernel_name(kernel) << " m=" << m << " k=" << depth << " n=" << n
              << " operand=" << static_cast<int>(operand) << " update=" << static_cast<int>(update);
          ++checked;
        }
      }
    }
  }
  EXPECT_EQ(checked, static_cast<int>(supported_kernels().size()) * 8 * 3 * 4);
}

TEST(SmallGemm, WorksOnBlocksOfLargerMatricesAndLeavesTheRestAlone) {
  std::mt19937_64 rng(7);
  const Eigen::MatrixXd big_a = random_matrix(30, 20, rng);
  const Eigen::MatrixXd big_b = random_matrix(25, 40, rng);
  for (const GemmKernel kernel : supported_kernels()) {
    Eigen::MatrixXd big_c = random_matrix(35, 33, rng);
    const Eigen::MatrixXd before = big_c;
    const Eigen::MatrixXd a = big_a.block(3, 2, 13, 11);
    const Eigen::MatrixXd b = big_b.block(4, 5, 11, 9);
    small_gemm(kernel, GemmUpdate::subtract, big_a.block(3, 2, 13, 11), big_b.block(4, 5, 11, 9),
               GemmOperand::plain, big_c.block(1, 20, 13, 9));
    Eigen::MatrixXd want = before;
    want.block(1, 20, 13, 9) -= a * b;
    EXPECT_LE((big_c - want).cwiseAbs().maxCoeff(), 1e-13) << gemm_kernel_name(kernel);
  }
}

TEST(SmallGemm, RejectsShapesThatDoNotMultiply) {
  Eigen::MatrixXd c(3, 3);
  EXPECT_THROW(small_gemm(GemmUpdate::assign, Eigen::MatrixXd::Ones(3, 4),
                          Eigen::MatrixXd::Ones(3, 3), GemmOperand::plain, c),
               Error);
  EXPECT_THROW(small_gemm(GemmUpdate::assign, Eigen::MatrixXd::Ones(3, 3),
                          Eigen::MatrixXd::Ones(3, 4), GemmOperand::transposed_lower, c),
               Error);
}

TEST(SmallGemm, AnEmptyInnerDimensionAssignsZero) {
  Eigen::MatrixXd c = Eigen::MatrixXd::Ones(4, 5);
  for (const GemmKernel kernel : supported_kernels()) {
    c.setOnes();
    small_gemm(kernel, GemmUpdate::assign, Eigen::MatrixXd(4, 0), Eigen::MatrixXd(0, 5),
               GemmOperand::plain, c);
    EXPECT_EQ(c.cwiseAbs().maxCoeff(), 0.0) << gemm_kernel_name(kernel);
  }
}

}  // namespace
}  // namespace marketshock::stats::detail
