#include "detail/small_gemm.hpp"

#include <marketshock/core/require.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <vector>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define MARKETSHOCK_HAVE_SIMD_KERNELS 1
#include <immintrin.h>
#endif

namespace marketshock::stats::detail {

namespace {

using Eigen::Index;

void portable_gemm(GemmUpdate update, const Eigen::Ref<const Eigen::MatrixXd>& a,
                   const Eigen::Ref<const Eigen::MatrixXd>& b, GemmOperand operand,
                   Eigen::Ref<Eigen::MatrixXd> c) {
  Eigen::MatrixXd product(c.rows(), c.cols());
  switch (operand) {
    case GemmOperand::plain:
      product.noalias() = a * b;
      break;
    case GemmOperand::transposed:
      product.noalias() = a * b.transpose();
      break;
    case GemmOperand::transposed_lower:
      product.noalias() = a * b.triangularView<Eigen::Lower>().transpose();
      break;
  }
  switch (update) {
    case GemmUpdate::assign:
      c = product;
      break;
    case GemmUpdate::add:
      c += product;
      break;
    case GemmUpdate::subtract:
      c -= product;
      break;
    case GemmUpdate::add_squares:
      c += product.cwiseAbs2();
      break;
  }
}

#ifdef MARKETSHOCK_HAVE_SIMD_KERNELS

// The kernels run only after the processor said it has their instructions. The functions carry
// the target attribute themselves (no file-wide -mavx2), so no inline function shared with the
// rest of the program is compiled with those instructions.

constexpr int kBlockRows = 8;

struct BlockArgs {
  const double* a;  // the block's first row; column kk at a + kk * lda
  Index lda;
  const double* packed;  // op(B) packed: element (kk, j) at packed[kk * stride + j]
  Index stride;          // the kernel's block width
  Index depth;
  double* c;  // the block's first element; column j at c + j * ldc
  Index ldc;
  int rows;  // 1..kBlockRows
};

using BlockFunction = void (*)(const BlockArgs&, GemmUpdate);

// ---- AVX2 + FMA: 8 x 6 blocks, 12 accumulators + 2 A vectors + 1 broadcast = 15 of 16 registers.

[[gnu::target("avx2,fma")]] inline __m256i avx2_row_mask(int rows, int first) {
  const auto lane = [&](int i) -> long long { return first + i < rows ? -1 : 0; };
  return _mm256_setr_epi64x(lane(0), lane(1), lane(2), lane(3));
}

template <bool kFull>
[[gnu::target("avx2,fma")]] inline void avx2_write(double* at, __m256d acc, __m256i mask,
                                                   GemmUpdate update) {
  __m256d old = _mm256_setzero_pd();
  if (update != GemmUpdate::assign) {
    old = kFull ? _mm256_loadu_pd(at) : _mm256_maskload_pd(at, mask);
  }
  __m256d out = acc;
  if (update == GemmUpdate::add) out = _mm256_add_pd(old, acc);
  if (update == GemmUpdate::subtract) out = _mm256_sub_pd(old, acc);
  if (update == GemmUpdate::add_squares) out = _mm256_fmadd_pd(acc, acc, old);
  if constexpr (kFull) {
    _mm256_storeu_pd(at, out);
  } else {
    _mm256_maskstore_pd(at, mask, out);
  }
}

// The accumulators must live in registers: every loop over them is unrolled, so that each array
// element becomes a register (a loop left rolled makes the compiler keep the arrays on the stack
// and store them on every step, which halved the speed).
template <int kCols, bool kFull>
[[gnu::target("avx2,fma")]] void avx2_block(const BlockArgs& args, GemmUpdate update) {
  const __m256i mask0 = avx2_row_mask(args.rows, 0);
  const __m256i mask1 = avx2_row_mask(args.rows, 4);
  __m256d acc0[kCols];
  __m256d acc1[kCols];
#pragma GCC unroll 16
  for (int j = 0; j < kCols; ++j) acc0[j] = acc1[j] = _mm256_setzero_pd();
  const double* a = args.a;
  const double* b = args.packed;
  for (Index kk = 0; kk < args.depth; ++kk, a += args.lda, b += args.stride) {
    const __m256d a0 = kFull ? _mm256_loadu_pd(a) : _mm256_maskload_pd(a, mask0);
    const __m256d a1 = kFull ? _mm256_loadu_pd(a + 4) : _mm256_maskload_pd(a + 4, mask1);
#pragma GCC unroll 16
    for (int j = 0; j < kCols; ++j) {
      const __m256d bj = _mm256_broadcast_sd(b + j);
      acc0[j] = _mm256_fmadd_pd(a0, bj, acc0[j]);
      acc1[j] = _mm256_fmadd_pd(a1, bj, acc1[j]);
    }
  }
#pragma GCC unroll 16
  for (int j = 0; j < kCols; ++j) {
    double* c = args.c + j * args.ldc;
    avx2_write<kFull>(c, acc0[j], mask0, update);
    if (kFull || args.rows > 4) avx2_write<kFull>(c + 4, acc1[j], mask1, update);
  }
}

struct Avx2Blocks {
  static constexpr int kCols = 6;
  template <int kC, bool kFull>
  static constexpr BlockFunction get() {
    return &avx2_block<kC, kFull>;
  }
};

// ---- AVX-512F: 8 x 12 blocks, one 8-wide vector of A, B broadcast from memory into the FMA.

template <bool kFull>
[[gnu::target("avx512f")]] inline void avx512_write(double* at, __m512d acc, __mmask8 mask,
                                                    GemmUpdate update) {
  __m512d old = _mm512_setzero_pd();
  if (update != GemmUpdate::assign) {
    old = kFull ? _mm512_loadu_pd(at) : _mm512_maskz_loadu_pd(mask, at);
  }
  __m512d out = acc;
  if (update == GemmUpdate::add) out = _mm512_add_pd(old, acc);
  if (update == GemmUpdate::subtract) out = _mm512_sub_pd(old, acc);
  if (update == GemmUpdate::add_squares) out = _mm512_fmadd_pd(acc, acc, old);
  if constexpr (kFull) {
    _mm512_storeu_pd(at, out);
  } else {
    _mm512_mask_storeu_pd(at, mask, out);
  }
}

template <int kCols, bool kFull>
[[gnu::target("avx512f")]] void avx512_block(const BlockArgs& args, GemmUpdate update) {
  const auto mask = static_cast<__mmask8>((1U << args.rows) - 1U);
  __m512d acc[kCols];
#pragma GCC unroll 16
  for (int j = 0; j < kCols; ++j) acc[j] = _mm512_setzero_pd();
  const double* a = args.a;
  const double* b = args.packed;
  for (Index kk = 0; kk < args.depth; ++kk, a += args.lda, b += args.stride) {
    const __m512d a0 = kFull ? _mm512_loadu_pd(a) : _mm512_maskz_loadu_pd(mask, a);
#pragma GCC unroll 16
    for (int j = 0; j < kCols; ++j) acc[j] = _mm512_fmadd_pd(a0, _mm512_set1_pd(b[j]), acc[j]);
  }
#pragma GCC unroll 16
  for (int j = 0; j < kCols; ++j) avx512_write<kFull>(args.c + j * args.ldc, acc[j], mask, update);
}

struct Avx512Blocks {
  static constexpr int kCols = 12;
  template <int kC, bool kFull>
  static constexpr BlockFunction get() {
    return &avx512_block<kC, kFull>;
  }
};

// ---- The driver: pack op(B) a column block at a time, then run the blocks down the rows.

template <class Blocks, bool kFull, std::size_t... I>
constexpr std::array<BlockFunction, sizeof...(I)> block_table(std::index_sequence<I...>) {
  return {Blocks::template get<static_cast<int>(I) + 1, kFull>()...};
}

// op(B)(kk, j0 + j) for kk < depth, j < cols, zero-padded to `width` columns.
void pack_b(const Eigen::Ref<const Eigen::MatrixXd>& b, GemmOperand operand, Index j0, int cols,
            Index depth, int width, double* out) {
  std::fill(out, out + depth * width, 0.0);
  for (int j = 0; j < cols; ++j) {
    const Index col = j0 + j;
    switch (operand) {
      case GemmOperand::plain:
        for (Index kk = 0; kk < depth; ++kk) out[kk * width + j] = b(kk, col);
        break;
      case GemmOperand::transposed:
        for (Index kk = 0; kk < depth; ++kk) out[kk * width + j] = b(col, kk);
        break;
      case GemmOperand::transposed_lower:  // (L')(kk, col) = L(col, kk), zero for kk > col
        for (Index kk = 0; kk <= std::min(col, depth - 1); ++kk) out[kk * width + j] = b(col, kk);
        break;
    }
  }
}

template <class Blocks>
void simd_gemm(GemmUpdate update, const Eigen::Ref<const Eigen::MatrixXd>& a,
               const Eigen::Ref<const Eigen::MatrixXd>& b, GemmOperand operand,
               Eigen::Ref<Eigen::MatrixXd> c) {
  constexpr int kWidth = Blocks::kCols;
  static constexpr auto kFullBlocks =
      block_table<Blocks, true>(std::make_index_sequence<static_cast<std::size_t>(kWidth)>());
  static constexpr auto kEdgeBlocks =
      block_table<Blocks, false>(std::make_index_sequence<static_cast<std::size_t>(kWidth)>());
  const Index m = c.rows();
  const Index n = c.cols();
  const Index k = a.cols();
  thread_local std::vector<double> packed;
  packed.resize(static_cast<std::size_t>(k * kWidth));
  for (Index j0 = 0; j0 < n; j0 += kWidth) {
    const int cols = static_cast<int>(std::min<Index>(kWidth, n - j0));
    // With op(B) = L' (L lower triangular) rows kk > j of column j are zero: stop at the last
    // column's diagonal, which halves the work.
    const Index depth = operand == GemmOperand::transposed_lower ? std::min(k, j0 + cols) : k;
    pack_b(b, operand, j0, cols, depth, kWidth, packed.data());
    BlockArgs args{a.data(), a.outerStride(), packed.data(),   kWidth,
                   depth,    nullptr,         c.outerStride(), kBlockRows};
    for (Index i0 = 0; i0 < m; i0 += kBlockRows) {
      args.a = a.data() + i0;
      args.c = c.data() + j0 * c.outerStride() + i0;
      args.rows = static_cast<int>(std::min<Index>(kBlockRows, m - i0));
      const auto& table = args.rows == kBlockRows ? kFullBlocks : kEdgeBlocks;
      table[static_cast<std::size_t>(cols - 1)](args, update);
    }
  }
}

#endif  // MARKETSHOCK_HAVE_SIMD_KERNELS

GemmKernel detect_kernel() {
  GemmKernel widest = GemmKernel::portable;
  for (const GemmKernel k : {GemmKernel::avx2, GemmKernel::avx512}) {
    if (gemm_kernel_supported(k)) widest = k;
  }
  const char* wanted = std::getenv("MARKETSHOCK_GEMM_KERNEL");
  if (wanted == nullptr || *wanted == '\0') return widest;
  for (const GemmKernel k : {GemmKernel::portable, GemmKernel::avx2, GemmKernel::avx512}) {
    if (std::strcmp(wanted, gemm_kernel_name(k)) == 0 && gemm_kernel_supported(k)) return k;
  }
  return widest;  // unknown or unsupported: the default (documented in bench/taskc/README.md)
}

}  // namespace

const char* gemm_kernel_name(GemmKernel kernel) {
  switch (kernel) {
    case GemmKernel::avx2:
      return "avx2";
    case GemmKernel::avx512:
      return "avx512";
    case GemmKernel::portable:
      break;
  }
  return "portable";
}

bool gemm_kernel_supported(GemmKernel kernel) {
  switch (kernel) {
    case GemmKernel::portable:
      return true;
#ifdef MARKETSHOCK_HAVE_SIMD_KERNELS
    case GemmKernel::avx2:
      __builtin_cpu_init();
      return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case GemmKernel::avx512:
      __builtin_cpu_init();
      return __builtin_cpu_supports("avx512f");
#endif
    default:
      return false;
  }
}

GemmKernel gemm_kernel() {
  static const GemmKernel kernel = detect_kernel();
  return kernel;
}

void small_gemm(GemmKernel kernel, GemmUpdate update, const Eigen::Ref<const Eigen::MatrixXd>& a,
                const Eigen::Ref<const Eigen::MatrixXd>& b, GemmOperand operand,
                // Ref by value is Eigen's way to take a writable block; it is only passed on.
                // NOLINTNEXTLINE(performance-unnecessary-value-param)
                Eigen::Ref<Eigen::MatrixXd> c) {
  const bool plain = operand == GemmOperand::plain;
  const Index b_rows = plain ? b.rows() : b.cols();
  const Index b_cols = plain ? b.cols() : b.rows();
  MARKETSHOCK_REQUIRE(a.cols() == b_rows && c.rows() == a.rows() && c.cols() == b_cols,
                      "small_gemm: {} x {} times {} x {} into {} x {}", a.rows(), a.cols(), b_rows,
                      b_cols, c.rows(), c.cols());
  MARKETSHOCK_REQUIRE(operand != GemmOperand::transposed_lower || b.rows() == b.cols(),
                      "small_gemm: a triangular operand must be square, not {} x {}", b.rows(),
                      b.cols());
  MARKETSHOCK_REQUIRE(gemm_kernel_supported(kernel), "small_gemm: this processor has no {}",
                      gemm_kernel_name(kernel));
  if (c.size() == 0) return;
#ifdef MARKETSHOCK_HAVE_SIMD_KERNELS
  if (a.cols() > 0 && kernel == GemmKernel::avx2) {
    return simd_gemm<Avx2Blocks>(update, a, b, operand, c);
  }
  if (a.cols() > 0 && kernel == GemmKernel::avx512) {
    return simd_gemm<Avx512Blocks>(update, a, b, operand, c);
  }
#endif
  portable_gemm(update, a, b, operand, c);
}

void small_gemm(GemmUpdate update, const Eigen::Ref<const Eigen::MatrixXd>& a,
                const Eigen::Ref<const Eigen::MatrixXd>& b, GemmOperand operand,
                // Ref by value is Eigen's way to take a writable block; it is only passed on.
                // NOLINTNEXTLINE(performance-unnecessary-value-param)
                Eigen::Ref<Eigen::MatrixXd> c) {
  small_gemm(gemm_kernel(), update, a, b, operand, c);
}

}  // namespace marketshock::stats::detail
