// Kernels of the bulk panel loader: ISO date parsing, one price row through CsvReader + CsvRow
// (the reference path) and through the bulk loader (whole file, rows/s), and the share table.
#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/bulk/price_panel.hpp>
#include <marketshock/io/bulk/share_count_table.hpp>
#include <marketshock/io/csv_reader.hpp>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>
#include <boost/date_time/gregorian/gregorian.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace marketshock;
namespace fs = std::filesystem;

std::vector<std::string> random_dates(std::size_t n) {
  std::mt19937_64 rng(1);
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < n; ++i) {
    const auto d = boost::gregorian::date(1990, 1, 1) +
                   boost::gregorian::days(static_cast<int>(rng() % 15000));
    texts.push_back(format_iso_date(d));
  }
  return texts;
}

void BM_IsoDate_FastPath(benchmark::State& state) {
  const auto texts = random_dates(4096);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(try_parse_iso_date(texts[i++ & 4095]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IsoDate_FastPath);

void BM_IsoDate_BoostFromSimpleString(benchmark::State& state) {
  const auto texts = random_dates(4096);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(boost::gregorian::from_simple_string(texts[i++ & 4095]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_IsoDate_BoostFromSimpleString);

// A generator-like panel: `symbols` symbols x `days` weekdays, sorted by date then symbol.
std::string panel_text(int symbols, int days) {
  std::mt19937_64 rng(2);
  std::string text = "date,symbol,open,high,low,close,volume\n";
  auto day = boost::gregorian::date(2000, 1, 3);
  for (int d = 0; d < days; ++d) {
    const std::string date = format_iso_date(day);
    for (int s = 1; s <= symbols; ++s) {
      const int close = 1000 + static_cast<int>(rng() % 20000);
      fmt::format_to(std::back_inserter(text), "{},S{:04},{}.{:02},{}.{:02},{}.{:02},{}.{:02},{}\n",
                     date, s, close / 100, close % 100, (close + 50) / 100, (close + 50) % 100,
                     (close - 50) / 100, (close - 50) % 100, close / 100, close % 100,
                     100 * (rng() % 100000));
    }
    day += boost::gregorian::days(day.day_of_week() == 5 ? 3 : 1);
  }
  return text;
}

struct PanelFile {
  fs::path dir;
  fs::path prices;
  std::size_t rows = 0;
  std::size_t bytes = 0;
  PanelFile(int symbols, int days) {
    dir = fs::temp_directory_path() /
          fmt::format("marketshock_bench_{}_{}_{}", getpid(), symbols, days);
    fs::create_directories(dir);
    prices = dir / "prices.csv";
    const std::string text = panel_text(symbols, days);
    std::ofstream(prices, std::ios::binary) << text;
    rows = static_cast<std::size_t>(symbols) * static_cast<std::size_t>(days);
    bytes = text.size();
  }
  ~PanelFile() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

// The reference path: CsvReader + CsvRow accessors, one row at a time (what any load does).
void BM_CsvRow_ReferencePath(benchmark::State& state) {
  const std::string text = panel_text(500, 20);
  for (auto _ : state) {
    auto reader = io::CsvReader::from_string(text, "prices.csv");
    const auto [d, s, c] = reader.require_columns({"date", "symbol", "close"});
    io::CsvRow row;
    std::int64_t sum = 0;
    while (reader.next(row)) {
      benchmark::DoNotOptimize(row.as_date(d));
      benchmark::DoNotOptimize(row.text(s));
      for (std::size_t k = 2; k < 6; ++k) sum += static_cast<std::int64_t>(row.as_double(k));
      sum += row.as_int64(6);
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * 500 * 20);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_CsvRow_ReferencePath);

// The bulk loader on a file (page cache warm), whole load into columns; Arg = threads.
void BM_BulkPricePanel_Load(benchmark::State& state) {
  static const PanelFile file(1000, 500);  // 0.5M rows, ~24 MB
  io::PricePanelOptions options;
  options.load.threads = static_cast<unsigned>(state.range(0));
  options.load.chunk_bytes = std::size_t{2} << 20;  // 12 chunks, so that threads share them
  for (auto _ : state) {
    benchmark::DoNotOptimize(io::load_price_panel(file.prices, options).size());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(file.rows));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(file.bytes));
}
BENCHMARK(BM_BulkPricePanel_Load)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The bulk loader's scan alone (no columns kept): the parser's cost per row; Arg = threads.
void BM_BulkPricePanel_Scan(benchmark::State& state) {
  static const PanelFile file(1000, 500);
  struct Discard final : io::PriceChunkConsumer {
    void consume(const io::PriceChunk& chunk) override { benchmark::DoNotOptimize(chunk.size()); }
    void commit(std::size_t) override {}
  } discard;
  io::PricePanelOptions options;
  options.load.threads = static_cast<unsigned>(state.range(0));
  options.load.chunk_bytes = std::size_t{2} << 20;  // 12 chunks, so that threads share them
  for (auto _ : state) {
    benchmark::DoNotOptimize(io::scan_price_panel(file.prices, options, discard).stats.rows);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(file.rows));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(file.bytes));
}
BENCHMARK(BM_BulkPricePanel_Scan)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
