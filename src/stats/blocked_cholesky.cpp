#include "detail/blocked_cholesky.hpp"

#include "detail/small_gemm.hpp"

#include <marketshock/core/require.hpp>

#include <algorithm>
#include <cmath>

namespace marketshock::stats::detail {

namespace {

using Eigen::Index;

constexpr Index kPanel = 16;

// The diagonal block, unblocked (left-looking, column by column).
bool factor_diagonal_block(Eigen::Ref<Eigen::MatrixXd> a) {
  const Index n = a.rows();
  for (Index j = 0; j < n; ++j) {
    double d = a(j, j);
    for (Index l = 0; l < j; ++l) d -= a(j, l) * a(j, l);
    if (!(d > 0.0)) return false;  // also NaN
    const double pivot = std::sqrt(d);
    a(j, j) = pivot;
    for (Index i = j + 1; i < n; ++i) {
      double s = a(i, j);
      for (Index l = 0; l < j; ++l) s -= a(i, l) * a(j, l);
      a(i, j) = s / pivot;
    }
  }
  return true;
}

// X L11' = A21 for X, in place: column j of X from the columns before it.
void solve_panel(const Eigen::Ref<const Eigen::MatrixXd>& l11, Eigen::Ref<Eigen::MatrixXd> a21) {
  for (Index j = 0; j < l11.rows(); ++j) {
    for (Index l = 0; l < j; ++l) a21.col(j) -= l11(j, l) * a21.col(l);
    a21.col(j) /= l11(j, j);
  }
}

}  // namespace

bool cholesky_in_place(Eigen::Ref<Eigen::MatrixXd> a) {
  const Index n = a.rows();
  MARKETSHOCK_REQUIRE(a.cols() == n, "Cholesky of a {} x {} matrix", n, a.cols());
  for (Index k0 = 0; k0 < n; k0 += kPanel) {
    const Index kb = std::min(kPanel, n - k0);
    const Index rest = n - k0 - kb;
    if (!factor_diagonal_block(a.block(k0, k0, kb, kb))) return false;
    if (rest == 0) break;
    solve_panel(a.block(k0, k0, kb, kb), a.block(k0 + kb, k0, rest, kb));
    // Both triangles of A22 are updated (the kernels have no triangular output); only the lower
    // one is read later.
    small_gemm(GemmUpdate::subtract, a.block(k0 + kb, k0, rest, kb), a.block(k0 + kb, k0, rest, kb),
               GemmOperand::transposed, a.block(k0 + kb, k0 + kb, rest, rest));
  }
  a.triangularView<Eigen::StrictlyUpper>().setZero();
  return true;
}

void solve_lower_in_place(const Eigen::Ref<const Eigen::MatrixXd>& l,
                          Eigen::Ref<Eigen::MatrixXd> b) {
  const Index n = l.rows();
  MARKETSHOCK_REQUIRE(l.cols() == n && b.rows() == n, "L^-1 B with L {} x {} and B {} x {}", n,
                      l.cols(), b.rows(), b.cols());
  for (Index k0 = 0; k0 < n; k0 += kPanel) {
    const Index kb = std::min(kPanel, n - k0);
    if (k0 > 0) {
      small_gemm(GemmUpdate::subtract, l.block(k0, 0, kb, k0), b.topRows(k0), GemmOperand::plain,
                 b.middleRows(k0, kb));
    }
    // Forward substitution inside the panel, a column of B at a time (contiguous in memory).
    for (Index j = 0; j < b.cols(); ++j) {
      for (Index i = k0; i < k0 + kb; ++i) {
        double s = b(i, j);
        for (Index r = k0; r < i; ++r) s -= l(i, r) * b(r, j);
        b(i, j) = s / l(i, i);
      }
    }
  }
}

}  // namespace marketshock::stats::detail
