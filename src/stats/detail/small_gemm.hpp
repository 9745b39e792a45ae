// small_gemm: the dense products of the rolling VAR/GFEVD (N ~ 100), with the processor's vector
// instructions chosen at run time (private to the contagion layer).
#pragma once

#include <Eigen/Core>

namespace marketshock::stats::detail {

/// How the product P = A op(B) is written into C.
enum class GemmUpdate {
  assign,       ///< C = P
  add,          ///< C += P
  subtract,     ///< C -= P
  add_squares,  ///< C += P .* P (elementwise): the GFEVD numerator without storing P
};

/// op(B).
enum class GemmOperand {
  plain,             ///< B
  transposed,        ///< B'
  transposed_lower,  ///< B' with B lower triangular (the upper part of B is not read)
};

/// The code that computes the product.
enum class GemmKernel {
  portable,  ///< Eigen's product, with the instructions the library was compiled for
  avx2,      ///< 8 x 6 register blocks, AVX2 + FMA
  avx512,    ///< 8 x 12 register blocks, AVX-512F
};

/// C (m x n) <update> A (m x k) op(B) (k x n), all column-major, with gemm_kernel().
///
/// Why not simply Eigen: Eigen picks its vector instructions when the library is compiled, and a
/// distributable build targets the x86-64 baseline (SSE2): a quarter of the multiply-add rate of
/// an AVX2 + FMA core, an eighth of an AVX-512 one. Compiling Eigen twice with different flags in
/// one program would break the one-definition rule, so the kernels here are small register-blocked
/// loops in functions that carry the target attribute themselves (B packed per column block),
/// used when the processor has the instructions. They agree with Eigen's product to rounding
/// (FMA rounds a x b + c once); tests/stats check every kernel against a plain loop.
void small_gemm(GemmUpdate update, const Eigen::Ref<const Eigen::MatrixXd>& a,
                const Eigen::Ref<const Eigen::MatrixXd>& b, GemmOperand operand,
                Eigen::Ref<Eigen::MatrixXd> c);

/// The same with a given kernel, which must be supported (for tests and benchmarks).
void small_gemm(GemmKernel kernel, GemmUpdate update, const Eigen::Ref<const Eigen::MatrixXd>& a,
                const Eigen::Ref<const Eigen::MatrixXd>& b, GemmOperand operand,
                Eigen::Ref<Eigen::MatrixXd> c);

/// Whether this processor can run `kernel`.
[[nodiscard]] bool gemm_kernel_supported(GemmKernel kernel);

/// The kernel small_gemm() uses: the widest supported, or the one named by the environment
/// variable MARKETSHOCK_GEMM_KERNEL (portable, avx2, avx512) if supported.
[[nodiscard]] GemmKernel gemm_kernel();

/// "portable", "avx2" or "avx512".
[[nodiscard]] const char* gemm_kernel_name(GemmKernel kernel);

}  // namespace marketshock::stats::detail
