// Index reconstruction and attribution on the embedded dataset (issue 5's budgets: one
// session's full attribution for every registered index under 10 ms; the rebuilt series over the
// whole dataset under 100 ms). The dataset is found like the CLI finds it ($MARKETSHOCK_DATA, else
// the source tree's data/); loading it is not timed.
#include <marketshock/indices/index_registry.hpp>
#include <marketshock/indices/session_analysis.hpp>
#include <marketshock/indices/tracking_error.hpp>
#include <marketshock/io/dataset/dataset_files.hpp>

#include <benchmark/benchmark.h>

#include <filesystem>
#include <vector>

namespace {

using namespace marketshock;
using namespace marketshock::indices;
boost::gregorian::date event_day() {
  return {2025, 1, 27};
}

const MarketData& market() {
  static const io::LoadedDataset loaded =
      io::load_dataset(io::default_dataset_directory(std::filesystem::current_path()));
  return loaded.data;
}

std::vector<IndexReconstruction> build_registered() {
  std::vector<IndexReconstruction> out;
  for (const IndexSpec& spec : IndexRegistry::standard().indices()) {
    out.push_back(IndexReconstruction::build(market(), spec, TradingCalendar::nyse()));
  }
  return out;
}

const std::vector<IndexReconstruction>& registered() {
  static const std::vector<IndexReconstruction> indices = build_registered();
  return indices;
}

/// Panels (sessions x members: closes, share counts, membership, levels) and capping epochs.
void BM_ContagionBuildPanels(benchmark::State& state) {
  (void)market();
  for (auto _ : state) benchmark::DoNotOptimize(build_registered().data());
}
BENCHMARK(BM_ContagionBuildPanels)->Unit(benchmark::kMillisecond);

/// The rebuilt series of every registered index over the whole window, with their tracking error.
void BM_ContagionSeriesBoth(benchmark::State& state) {
  (void)registered();
  for (auto _ : state) {
    for (const IndexReconstruction& index : registered()) {
      const RebuiltSeries s = index.series();
      benchmark::DoNotOptimize(tracking_error(s.sessions, s.rebuilt_returns, s.actual_returns));
    }
  }
}
BENCHMARK(BM_ContagionSeriesBoth)->Unit(benchmark::kMillisecond);

/// One session, every registered index: rebuild, window tracking error, extremes, attribution,
/// breadth, sectors, equal weight, and the index without NVDA.
void BM_ContagionSessionBoth(benchmark::State& state) {
  (void)registered();
  const std::vector<Symbol> exclude{Symbol("NVDA")};
  for (auto _ : state) {
    for (const IndexReconstruction& index : registered()) {
      benchmark::DoNotOptimize(
          analyse_session(index, event_day(), exclude).attribution.ranked.data());
    }
  }
}
BENCHMARK(BM_ContagionSessionBoth)->Unit(benchmark::kMillisecond);

/// The same from the loaded dataset, panels included: what `marketshock contagion` computes.
void BM_ContagionSessionBothFromScratch(benchmark::State& state) {
  (void)market();
  const std::vector<Symbol> exclude{Symbol("NVDA")};
  for (auto _ : state) {
    for (const IndexReconstruction& index : build_registered()) {
      benchmark::DoNotOptimize(
          analyse_session(index, event_day(), exclude).attribution.ranked.data());
    }
  }
}
BENCHMARK(BM_ContagionSessionBothFromScratch)->Unit(benchmark::kMillisecond);

}  // namespace
