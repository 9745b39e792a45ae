// blocked_cholesky: Sigma = L L' and L^-1 B for the rolling GFEVD, their bulk in small_gemm
// (private to the contagion layer).
#pragma once

#include <Eigen/Core>

namespace marketshock::stats::detail {

/// Overwrites `a` (symmetric positive definite; only its lower triangle is read) with its
/// Cholesky factor L, zeros above the diagonal. False, with `a` unspecified, when a pivot is not
/// positive (or NaN): A is not positive definite in floating point.
///
/// Why not Eigen::LLT: its blocked algorithm runs its panel solves and rank updates with the
/// instructions the library was compiled for; at N = 100 that was a sixth of Task C's time in a
/// baseline build. Here 16-column panels are factored and solved with plain loops and the
/// trailing update A22 -= L21 L21' (two thirds of the flops) goes to small_gemm's kernels.
[[nodiscard]] bool cholesky_in_place(Eigen::Ref<Eigen::MatrixXd> a);

/// Overwrites `b` with L^-1 b for lower-triangular `l` with a non-zero diagonal (the stability
/// certificate's L^-1 K), blocked the same way: the products with the rows already solved go to
/// small_gemm.
void solve_lower_in_place(const Eigen::Ref<const Eigen::MatrixXd>& l,
                          Eigen::Ref<Eigen::MatrixXd> b);

}  // namespace marketshock::stats::detail
