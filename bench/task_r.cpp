// marketshock_task_r DIR K: Task R of ../shared/bench/README.md ("record one-day losses") with the
// library's public API: io::load_share_count_table() and io::scan_price_panel() (the bulk loaders,
// strict, every row validated) feeding records::MarketValueLossRanking chunk by chunk.
//
// stdout: the Task R CSV, byte-exact. stderr: "peer=marketshock load_s=.. compute_s=.. total_s=..",
// like the peers' scripts. Loading and ranking are fused (each chunk is ranked as soon as it is
// parsed), so load_s is the share table plus the price scan with ranking, and compute_s the
// final merge and output. Progress is drawn on stderr only when it is a terminal.
#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/bulk/price_panel.hpp>
#include <marketshock/io/bulk/share_count_table.hpp>
#include <marketshock/records/panel_records.hpp>

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <system_error>

namespace {

using namespace marketshock;

// Ranks each chunk on the worker that parsed it; merges the parts in file order.
class RankingConsumer final : public io::PriceChunkConsumer {
 public:
  explicit RankingConsumer(records::MarketValueLossRanking& ranking) : ranking_(ranking) {}

  void consume(const io::PriceChunk& chunk) override {
    auto part = ranking_.scan({chunk.symbol_ids, chunk.dates, chunk.close_cents});
    const std::lock_guard lock(mutex_);
    parts_.emplace(chunk.index, std::move(part));
  }

  void commit(std::size_t chunk_index) override {
    records::MarketValueLossRanking::Part part;
    {
      const std::lock_guard lock(mutex_);
      const auto it = parts_.find(chunk_index);
      part = std::move(it->second);
      parts_.erase(it);
    }
    ranking_.merge(part);
  }

 private:
  records::MarketValueLossRanking& ranking_;
  std::mutex mutex_;
  std::map<std::size_t, records::MarketValueLossRanking::Part> parts_;
};

// Integer cents as [-]<integer part>.<2 digits>.
void append_cents(std::string& out, std::int64_t cents) {
  if (cents < 0) out.push_back('-');
  const std::uint64_t magnitude = cents < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(cents)
                                            : static_cast<std::uint64_t>(cents);
  fmt::format_to(std::back_inserter(out), "{}.{:02}", magnitude / 100, magnitude % 100);
}

std::string format_losses(const std::vector<records::MarketValueLoss>& losses) {
  std::string out = "symbol,date,prev_close,close,shares,delta_usd,pct\n";
  for (const auto& loss : losses) {
    out += loss.symbol.view();
    out += ',';
    out += format_iso_date(loss.date);
    out += ',';
    append_cents(out, loss.previous_close_cents);
    out += ',';
    append_cents(out, loss.close_cents);
    out += ',';
    out += std::to_string(loss.shares);
    out += ',';
    append_cents(out, loss.change_cents);
    out += ',';
    // printf("%.8f"): correctly rounded fixed notation, as std::to_chars guarantees.
    char buffer[64];
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, loss.fraction(), std::chars_format::fixed, 8);
    out.append(buffer, end);
    out += '\n';
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    fmt::print(stderr, "usage: {} DIR K\n", argv[0]);
    return 2;
  }
  try {
    const auto start = std::chrono::steady_clock::now();
    const std::filesystem::path dir = argv[1];
    const std::size_t k = std::stoul(argv[2]);
    io::ShareCountOptions share_options;
    share_options.load.progress = io::terminal_progress("shares.csv");
    const io::ShareCountTable shares =
        io::load_share_count_table(dir / "shares.csv", share_options);
    records::MarketValueLossRanking ranking(
        shares.symbols(), {shares.offsets(), shares.effective_dates(), shares.shares()}, k);
    io::PricePanelOptions price_options;
    price_options.load.progress = io::terminal_progress("prices.csv");
    price_options.known_symbols.assign(shares.symbols().begin(), shares.symbols().end());
    RankingConsumer consumer(ranking);
    const io::PricePanelScan scan =
        io::scan_price_panel(dir / "prices.csv", price_options, consumer);
    const auto loaded = std::chrono::steady_clock::now();
    const std::string out = format_losses(ranking.losses());
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    const auto done = std::chrono::steady_clock::now();
    const auto seconds = [](auto a, auto b) {
      return std::chrono::duration<double>(b - a).count();
    };
    const auto& summary = ranking.summary();
    fmt::print(stderr,
               "peer=marketshock load_s={:.3f} compute_s={:.3f} total_s={:.3f}\n"
               "  prices.csv: {} rows, {:.0f} MB/s, {:.2f}M rows/s on {} threads; shares.csv: {} "
               "rows; candidates {}, rows without shares {}, without previous shares {}\n",
               seconds(start, loaded), seconds(loaded, done), seconds(start, done), scan.stats.rows,
               scan.stats.mb_per_second(), scan.stats.rows_per_second() / 1e6, scan.stats.threads,
               shares.stats().rows, summary.candidates, summary.rows_without_shares,
               summary.rows_without_previous_shares);
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "marketshock_task_r: {}\n", e.what());
    return 1;
  }
}
