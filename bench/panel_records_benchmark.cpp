// Kernels of the panel ranking: the as-of share join with previous-row deltas and the bounded
// top-K (MarketValueLossRanking::scan), and the ordered merge of chunk parts.
#include <marketshock/records/panel_records.hpp>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <random>
#include <vector>

namespace {

using namespace marketshock;
using namespace marketshock::records;
using boost::gregorian::date;

// `securities` x `days` rows sorted by date then security, share steps every ~60 days.
struct Panel {
  std::vector<Symbol> symbols;
  std::vector<std::uint32_t> offsets{0};
  std::vector<date> effective;
  std::vector<std::int64_t> shares;
  std::vector<std::uint32_t> security;
  std::vector<date> dates;
  std::vector<std::int64_t> closes;

  Panel(int n, int days) {
    std::mt19937_64 rng(3);
    const date first(2000, 1, 3);
    for (int s = 0; s < n; ++s) {
      symbols.emplace_back(fmt::format("S{:04}", s));
      for (int d = 0; d < days; d += 58 + static_cast<int>(rng() % 11)) {
        effective.push_back(first + boost::gregorian::days(d));
        shares.push_back(1'000'000 + static_cast<std::int64_t>(rng() % 100'000'000));
      }
      offsets.push_back(static_cast<std::uint32_t>(shares.size()));
    }
    std::vector<std::int64_t> close(static_cast<std::size_t>(n), 5000);
    for (int d = 0; d < days; ++d) {
      for (int s = 0; s < n; ++s) {
        auto& c = close[static_cast<std::size_t>(s)];
        c = std::max<std::int64_t>(1, c + static_cast<std::int64_t>(rng() % 201) - 100);
        security.push_back(static_cast<std::uint32_t>(s));
        dates.push_back(first + boost::gregorian::days(d));
        closes.push_back(c);
      }
    }
  }
  [[nodiscard]] ShareStepsView steps() const { return {offsets, effective, shares}; }
  [[nodiscard]] PanelRowsView rows() const { return {security, dates, closes}; }
};

// One chunk (8000 securities x 21 days = 168k rows, ~8 MB of CSV): as-of join + deltas + top-K.
void BM_PanelRecords_ScanChunk(benchmark::State& state) {
  static const Panel panel(8000, 21);
  const MarketValueLossRanking ranking(panel.symbols, panel.steps(),
                                       static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(ranking.scan(panel.rows()));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(panel.dates.size()));
}
BENCHMARK(BM_PanelRecords_ScanChunk)->Arg(100)->Arg(10000)->Unit(benchmark::kMicrosecond);

// Merging one chunk's part (first and last rows of 8000 securities plus its top K).
void BM_PanelRecords_MergePart(benchmark::State& state) {
  static const Panel panel(8000, 21);
  MarketValueLossRanking ranking(panel.symbols, panel.steps(), 100);
  const auto part = ranking.scan(panel.rows());
  for (auto _ : state) {
    state.PauseTiming();
    MarketValueLossRanking fresh(panel.symbols, panel.steps(), 100);
    state.ResumeTiming();
    fresh.merge(part);
  }
}
BENCHMARK(BM_PanelRecords_MergePart)->Unit(benchmark::kMicrosecond);

}  // namespace
