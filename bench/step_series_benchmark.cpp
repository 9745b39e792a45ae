// The as-of share join: one lookup of the share count in force on a session.
#include <marketshock/core/step_series.hpp>

#include <benchmark/benchmark.h>

#include <vector>

namespace {

using boost::gregorian::date;
using boost::gregorian::days;

void BM_StepSeriesAsOf(benchmark::State& state) {
  // A quarterly share series of `range(0)` steps, probed on every day it spans.
  std::vector<marketshock::Step<double>> steps;
  steps.reserve(static_cast<std::size_t>(state.range(0)));
  const date start(1995, 1, 2);
  for (int i = 0; i < state.range(0); ++i) steps.push_back({start + days(91L * i), 1e9 + i});
  const marketshock::StepSeries<double> series(std::move(steps));
  const int span = 91 * static_cast<int>(state.range(0));
  int day = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(series.as_of(start + days(day)));
    day = day + 1 == span ? 0 : day + 1;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_StepSeriesAsOf)->Arg(8)->Arg(128);

}  // namespace
