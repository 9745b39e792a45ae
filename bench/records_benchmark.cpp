// Rankings over a dataset the size of the embedded one: ~520 securities x 190 sessions plus ~40
// securities x 1300 sessions, S&P 500 membership, quarterly share steps, a few dual classes.
// The budget for a whole-dataset ranking is well under 50 ms.
#include <marketshock/core/market_data.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/records/move_table.hpp>
#include <marketshock/records/ranking.hpp>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace {

using boost::gregorian::date;
using namespace marketshock;
using namespace marketshock::records;

std::string ticker(int i) {
  // Four letters from the index: AAAA, AAAB, ...
  std::string s(4, 'A');
  for (int k = 3; k >= 0; --k, i /= 26)
    s[static_cast<std::size_t>(k)] = static_cast<char>('A' + i % 26);
  return s;
}

MarketData synthetic_market() {
  const auto sessions =
      TradingCalendar::nyse().sessions_between(date(2020, 3, 2), date(2025, 5, 2));
  std::mt19937_64 rng(42);
  std::normal_distribution<double> shock(0.0, 0.02);
  MarketDataBuilder b("synthetic");
  IndexMembership sp500("sp500", "S&P 500");
  for (int i = 0; i < 560; ++i) {
    const bool long_history = i < 40;
    const std::size_t n = long_history ? 1300 : 190;
    const std::size_t first = sessions.size() - n;
    const std::string symbol = ticker(i);
    // Every tenth pair of securities shares an issuer (dual classes).
    const std::string issuer = fmt::format("issuer{}", i % 20 == 1 ? i - 1 : i);
    if (i % 20 != 1) b.add_issuer({IssuerId(issuer), issuer, std::nullopt});
    std::vector<Bar> bars;
    double close = 50.0 + i % 200;
    for (std::size_t s = first; s < sessions.size(); ++s) {
      close *= 1.0 + shock(rng);
      bars.push_back({sessions[s], close, close * 1.01, close * 0.99, close, 1000});
    }
    b.add_security(Security{Symbol(symbol), IssuerId(issuer), "", Exchange::nasdaq, "", "", ""},
                   DailyBars(Symbol(symbol), PriceBasis::as_traded(), bars), {});
    // Quarterly share counts, missing for every 25th security.
    if (i % 25 != 7) {
      std::vector<Step<SharesRecord>> steps;
      for (std::size_t s = first; s < sessions.size(); s += 63) {
        const double count =
            1e9 * (1.0 + i % 7) * (1.0 - 0.001 * static_cast<double>(s - first) / 63);
        steps.push_back({sessions[s], SharesRecord{count, count, 1.0, "cover", "synthetic", ""}});
      }
      b.set_shares(Symbol(symbol), StepSeries<SharesRecord>(std::move(steps)));
    }
    if (i < 503)
      sp500.add_interval(Symbol(symbol), sessions[first + (i % 3 == 0 ? 20 : 0)], std::nullopt);
  }
  b.add_membership(std::move(sp500));
  return std::move(b).build();
}

const MarketData& market() {
  static const MarketData data = synthetic_market();
  return data;
}

void BM_MoveTableBuild(benchmark::State& state) {
  for (auto _ : state) {
    const MoveTable table(market());
    benchmark::DoNotOptimize(table.securities().change_usd.data());
  }
}
BENCHMARK(BM_MoveTableBuild)->Unit(benchmark::kMillisecond);

void BM_RankSp500UsdLosses(benchmark::State& state) {
  const MoveTable table(market());
  RankingQuery q;
  q.universe = "sp500";
  q.top = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(rank_moves(table, q).moves.data());
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(table.securities().date.size()));
}
BENCHMARK(BM_RankSp500UsdLosses)->Arg(10)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_RankPerIssuerPercentGains(benchmark::State& state) {
  const MoveTable table(market());
  RankingQuery q;
  q.per = Grouping::issuer;
  q.measure = Measure::percent;
  q.direction = Direction::gains;
  for (auto _ : state) benchmark::DoNotOptimize(rank_moves(table, q).moves.data());
}
BENCHMARK(BM_RankPerIssuerPercentGains)->Unit(benchmark::kMillisecond);

// The whole job from a loaded dataset: build the table, then rank.
void BM_RankFromMarketData(benchmark::State& state) {
  RankingQuery q;
  q.universe = "sp500";
  for (auto _ : state) benchmark::DoNotOptimize(rank_moves(market(), q).moves.data());
}
BENCHMARK(BM_RankFromMarketData)->Unit(benchmark::kMillisecond);

}  // namespace
