// Diebold-Yilmaz kernels: one VAR fit + GFEVD (the straightforward path) and rolling windows
// (the fast path of Task C), on simulated returns of Task C's shape (N = 100, p = 1, H = 10).
#include <marketshock/stats/connectedness.hpp>
#include <marketshock/stats/rolling_connectedness.hpp>
#include <marketshock/stats/var_model.hpp>

#include "detail/small_gemm.hpp"

#include <benchmark/benchmark.h>

#include <Eigen/Core>

#include <random>

namespace {

Eigen::MatrixXd simulated_returns(Eigen::Index rows, Eigen::Index cols) {
  std::mt19937_64 rng(42);
  std::normal_distribution<double> z(0.0, 1.0);
  Eigen::MatrixXd r(rows, cols);
  for (Eigen::Index t = 0; t < rows; ++t) {
    const double market = 0.01 * z(rng);
    for (Eigen::Index j = 0; j < cols; ++j) r(t, j) = 0.0003 + market + 0.015 * z(rng);
  }
  return r;
}

// One window the straightforward way: QR fit of the VAR, MA matrices, GFEVD, connectedness.
void BM_FitVarAndConnectedness(benchmark::State& state) {
  const Eigen::MatrixXd r = simulated_returns(250, state.range(0));
  for (auto _ : state) {
    const marketshock::stats::VarModel model = marketshock::stats::fit_var(r, 1);
    benchmark::DoNotOptimize(marketshock::stats::connectedness(model, 10).total);
  }
}
BENCHMARK(BM_FitVarAndConnectedness)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

// Rolling windows (W = 250) over 250 + 199 rows = 200 windows; items = windows.
void BM_RollingConnectedness(benchmark::State& state) {
  const Eigen::MatrixXd r = simulated_returns(449, 100);
  marketshock::stats::RollingConnectednessOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    const marketshock::stats::RollingConnectedness dy =
        marketshock::stats::rolling_connectedness(r, options);
    benchmark::DoNotOptimize(dy.total.sum());
  }
  state.SetItemsProcessed(state.iterations() * 200);
}
BENCHMARK(BM_RollingConnectedness)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// One 100 x 100 x 100 product (the GFEVD step K_h = Phi K_{h-1}) with each kernel this processor
// runs: portable (Eigen, with the build's flags), AVX2 + FMA, AVX-512F. Counters: GFLOPS.
void BM_SmallGemm(benchmark::State& state) {
  namespace detail = marketshock::stats::detail;
  const auto kernel = static_cast<detail::GemmKernel>(state.range(0));
  if (!detail::gemm_kernel_supported(kernel)) {
    state.SkipWithError("this processor lacks the kernel's instructions");
    return;
  }
  state.SetLabel(detail::gemm_kernel_name(kernel));
  const Eigen::MatrixXd a = simulated_returns(100, 100);
  const Eigen::MatrixXd b = simulated_returns(100, 100);
  Eigen::MatrixXd c(100, 100);
  for (auto _ : state) {
    detail::small_gemm(kernel, detail::GemmUpdate::assign, a, b, detail::GemmOperand::plain, c);
    benchmark::DoNotOptimize(c.data());
    benchmark::ClobberMemory();
  }
  state.counters["GFLOPS"] =
      benchmark::Counter(2e-3 * static_cast<double>(state.iterations()),  // 2e6 flop
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SmallGemm)
    ->Arg(static_cast<int>(marketshock::stats::detail::GemmKernel::portable))
    ->Arg(static_cast<int>(marketshock::stats::detail::GemmKernel::avx2))
    ->Arg(static_cast<int>(marketshock::stats::detail::GemmKernel::avx512))
    ->Unit(benchmark::kMicrosecond);

}  // namespace
