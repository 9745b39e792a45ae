// The 2025-01-27 DeepSeek sell-off on the embedded dataset: NVIDIA against the S&P 500 rebuilt
// without NVIDIA and against the plain index, the power peers' CARs, co-exceedances,
// Forbes-Rigobon and connectedness. Printed for the record; asserted exactly where the simplest
// model can be recomputed from raw closes here, by sanity ranges otherwise.
#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/dataset/dataset_files.hpp>
#include <marketshock/stats/cap_weighted_benchmark.hpp>
#include <marketshock/stats/co_exceedance.hpp>
#include <marketshock/stats/event_anchor.hpp>
#include <marketshock/stats/forbes_rigobon.hpp>
#include <marketshock/stats/market_event_study.hpp>
#include <marketshock/stats/rolling_connectedness.hpp>
#include <marketshock/stats/session_returns.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace marketshock::stats {
namespace {

using boost::gregorian::date;

const MarketData& data() {
  static const io::LoadedDataset loaded =
      io::load_dataset(std::filesystem::path(MARKETSHOCK_SOURCE_DIR) / "data");
  return loaded.data;
}

const date kNews(2025, 1, 25);  // Saturday: DeepSeek R1 news over the weekend
const date kFriday(2025, 1, 24);

double close_on(const char* symbol, date day) {
  const DailyBars& bars = data().record(data().require(symbol)).bars;
  return bars.close()[bars.find(day).value()];
}

// The S&P 500 without NVIDIA on the event day, computed here from the raw closes and shares.
double ex_nvidia_return_by_hand(date day, date prior) {
  double value = 0.0;
  double weighted = 0.0;
  for (const Symbol& s : data().membership("sp500")->members_on(day)) {
    if (s == Symbol("NVDA") || !data().find(s)) continue;
    const SecurityRecord& rec = data().record(*data().find(s));
    const auto today = rec.bars.find(day);
    const auto before = rec.bars.find(prior);
    const auto shares = rec.shares.as_of(prior);
    if (!today || !before || !shares) continue;
    const double mv = rec.bars.close()[*before] * shares->shares;
    value += mv;
    weighted += mv * (rec.bars.close()[*today] / rec.bars.close()[*before] - 1.0);
  }
  return weighted / value;
}

MarketEventStudyOptions options(ReturnModel model, BenchmarkKind kind) {
  MarketEventStudyOptions o;
  o.spec.model = model;
  o.benchmark = kind;
  o.event_stocks = {Symbol("NVDA")};
  return o;
}

double day0(const FirmEventStudy& f) {
  return f.event_abnormal(-f.event_range.first);
}

TEST(EmbeddedEventStudy, NvidiaAgainstTheIndexWithoutNvidia) {
  const date event = event_session(kNews, NewsTiming::before_close);
  ASSERT_EQ(event, date(2025, 1, 27));
  const std::vector<Symbol> nvda{Symbol("NVDA")};
  // Market-adjusted AR = r_i - r_m exactly, with both returns from the raw data.
  const double r_nvda = close_on("NVDA", event) / close_on("NVDA", kFriday) - 1.0;
  const double r_ex = ex_nvidia_return_by_hand(event, kFriday);
  const DailyBars& spx = *data().index_levels("SPX");
  const double r_spx = spx.close()[*spx.find(event)] / spx.close()[*spx.find(kFriday)] - 1.0;
  const MarketEventStudy adj_ex = market_event_study(
      data(), nvda, event,
      options(ReturnModel::market_adjusted, BenchmarkKind::index_without_event_stocks));
  const MarketEventStudy adj_spx = market_event_study(
      data(), nvda, event, options(ReturnModel::market_adjusted, BenchmarkKind::index_level));
  EXPECT_NEAR(day0(adj_ex.firms[0]), r_nvda - r_ex, 1e-15);
  EXPECT_NEAR(day0(adj_spx.firms[0]), r_nvda - r_spx, 1e-15);

  const MarketEventStudy mm_ex = market_event_study(
      data(), nvda, event,
      options(ReturnModel::market_model, BenchmarkKind::index_without_event_stocks));
  const MarketEventStudy mm_spx = market_event_study(
      data(), nvda, event, options(ReturnModel::market_model, BenchmarkKind::index_level));
  const FirmEventStudy& ex = mm_ex.firms[0];
  const FirmEventStudy& plain = mm_spx.firms[0];
  std::printf(
      "NVDA 2025-01-27: return %.4f%%; S&P 500 ex NVDA %.4f%% (NVDA weight %.2f%%), SPX %.4f%%\n"
      "  market-adjusted AR: ex-NVDA %.4f%%, SPX %.4f%%\n"
      "  market model vs ex-NVDA: alpha %.5f beta %.3f on %zu of %zu days (%s): AR %.4f%% "
      "SAR %.2f p %.2g; CAR[-1,+1] %.4f%% CAR[0,+4] %.4f%% BHAR[0,+4] %.4f%%\n"
      "  market model vs SPX:     alpha %.5f beta %.3f on %zu of %zu days (%s): AR %.4f%% "
      "SAR %.2f p %.2g; CAR[-1,+1] %.4f%% CAR[0,+4] %.4f%% BHAR[0,+4] %.4f%%\n",
      100 * r_nvda, 100 * r_ex, 100 * mm_ex.event_stock_weight, 100 * r_spx,
      100 * day0(adj_ex.firms[0]), 100 * day0(adj_spx.firms[0]), ex.fit.alpha, ex.fit.beta,
      ex.fit.observations, ex.fit.window_days, std::string(to_string(ex.fit.status)).c_str(),
      100 * ex.windows[0].car, ex.windows[0].scar, ex.windows[0].p_value, 100 * ex.windows[1].car,
      100 * ex.windows[2].car, 100 * ex.windows[2].bhar, plain.fit.alpha, plain.fit.beta,
      plain.fit.observations, plain.fit.window_days,
      std::string(to_string(plain.fit.status)).c_str(), 100 * plain.windows[0].car,
      plain.windows[0].scar, plain.windows[0].p_value, 100 * plain.windows[1].car,
      100 * plain.windows[2].car, 100 * plain.windows[2].bhar);
  EXPECT_NEAR(r_nvda, -0.1697, 5e-5);
  EXPECT_NEAR(r_spx, -0.0146, 5e-4);
  EXPECT_GT(r_ex, -0.0075);  // without NVIDIA the index fell much less
  EXPECT_LT(r_ex, 0.0);
  EXPECT_GT(mm_ex.event_stock_weight, 0.05);
  EXPECT_LT(mm_ex.event_stock_weight, 0.08);
  // The ex-NVIDIA benchmark exists only where the dataset covers the members (bars from
  // 2024-08-01): a short estimation window, reported; SPX levels reach back the full 240 days.
  EXPECT_EQ(ex.fit.status, StatStatus::short_sample);
  EXPECT_GE(ex.fit.observations, 100U);
  EXPECT_EQ(plain.fit.status, StatStatus::ok);
  EXPECT_EQ(plain.fit.observations, 240U);
  EXPECT_GT(ex.fit.beta, 1.0);
  EXPECT_LT(ex.fit.beta, 3.5);
  EXPECT_LT(ex.windows[0].car, -0.13);
  EXPECT_GT(ex.windows[0].car, -0.20);
  EXPECT_LT(ex.windows[0].scar, -3.0);
  EXPECT_LT(ex.windows[0].car, plain.windows[0].car);  // the plain index explains NVDA by itself
}

TEST(EmbeddedEventStudy, PowerPeersCars) {
  std::vector<Symbol> peers;
  for (const char* s : {"VST", "CEG", "NRG", "GEV", "TLN"}) {
    if (data().find(Symbol(s))) peers.emplace_back(s);
  }
  ASSERT_EQ(peers.size(), 4U);  // Talen (TLN) is in neither index: not in the dataset
  const date event(2025, 1, 27);
  const MarketEventStudy mm = market_event_study(
      data(), peers, event,
      options(ReturnModel::market_model, BenchmarkKind::index_without_event_stocks));
  const MarketEventStudy adj = market_event_study(
      data(), peers, event,
      options(ReturnModel::market_adjusted, BenchmarkKind::index_without_event_stocks));
  const double r_ex = ex_nvidia_return_by_hand(event, kFriday);
  for (std::size_t j = 0; j < peers.size(); ++j) {
    const std::string sym = peers[j].str();
    const double r = close_on(sym.c_str(), event) / close_on(sym.c_str(), kFriday) - 1.0;
    EXPECT_NEAR(day0(adj.firms[j]), r - r_ex, 1e-15) << sym;
    const FirmEventStudy& f = mm.firms[j];
    std::printf(
        "%-4s beta %.2f (%zu days, %s): CAR[0,0] %7.2f%% (t %6.2f)  CAR[-1,+1] %7.2f%%  "
        "CAR[0,+4] %7.2f%%  BHAR[0,+4] %7.2f%%\n",
        sym.c_str(), f.fit.beta, f.fit.observations, std::string(to_string(f.fit.status)).c_str(),
        100 * f.windows[0].car, f.windows[0].scar, 100 * f.windows[1].car, 100 * f.windows[2].car,
        100 * f.windows[2].bhar);
    EXPECT_TRUE(is_usable(f.fit.status)) << sym;
    EXPECT_LT(f.windows[0].car, -0.08) << sym;
    EXPECT_GT(f.windows[0].car, -0.35) << sym;
  }
  for (const SampleTests& t : mm.tests) {
    std::printf(
        "peers %s: mean CAR %.2f%%, t %.2f (p %.3g), Patell %.2f, BMP %.2f, KP %.2f "
        "(r %.2f), Corrado %.2f, gen. sign %.2f\n",
        to_string(t.window).c_str(), 100 * t.mean_car, t.cross_sectional_t.statistic,
        t.cross_sectional_t.p_value, t.patell.statistic, t.bmp.statistic,
        t.kolari_pynnonen.statistic, t.mean_residual_correlation, t.corrado_rank.statistic,
        t.generalized_sign.statistic);
  }
  EXPECT_LT(mm.tests[0].mean_car, -0.1);
  EXPECT_LT(mm.tests[0].patell.statistic, -5.0);
  EXPECT_LT(mm.tests[0].bmp.p_value, 0.05);
}

TEST(EmbeddedBenchmark, RebuiltIndexTracksSpx) {
  const auto sessions =
      TradingCalendar::nyse().sessions_between(date(2024, 8, 2), date(2025, 4, 30));
  const CapWeightedBenchmark full =
      cap_weighted_benchmark(data(), *data().membership("sp500"), sessions, {});
  const Eigen::VectorXd spx = session_returns(*data().index_levels("SPX"), sessions);
  ASSERT_TRUE(full.returns.allFinite());
  const Eigen::ArrayXd a = full.returns.array() - full.returns.mean();
  const Eigen::ArrayXd b = spx.array() - spx.mean();
  const double corr = (a * b).sum() / std::sqrt(a.square().sum() * b.square().sum());
  const double rmse_bps =
      1e4 * std::sqrt((full.returns - spx).squaredNorm() / static_cast<double>(spx.size()));
  const auto row = static_cast<Eigen::Index>(
      std::find(sessions.begin(), sessions.end(), date(2025, 1, 27)) - sessions.begin());
  std::printf(
      "rebuilt S&P 500 vs SPX, %zu sessions: correlation %.4f, RMSE %.1f bp; 2025-01-27 "
      "rebuilt %.3f%% vs %.3f%%; %zu members lack shares somewhere\n",
      sessions.size(), corr, rmse_bps, 100 * full.returns(row), 100 * spx(row),
      full.members_without_shares.size());
  EXPECT_GT(corr, 0.99);
  EXPECT_NEAR(full.returns(row), spx(row), 0.002);
  EXPECT_TRUE(std::binary_search(full.members_without_shares.begin(),
                                 full.members_without_shares.end(), Symbol("GOOG")));
}

TEST(EmbeddedCoExceedance, EventDayRank) {
  const auto sessions =
      TradingCalendar::nyse().sessions_between(date(2024, 8, 2), date(2025, 4, 30));
  const std::vector<Symbol> members = data().membership("sp500")->members_on(date(2025, 1, 27));
  const Panel returns = security_returns(data(), members, sessions);
  const Eigen::Index row = *returns.row_of(date(2025, 1, 27));
  // Thresholds from the whole sample, then from the pre-event sessions only (the event and the
  // April 2025 tariff sell-off out of their own thresholds).
  for (const bool pre_event : {false, true}) {
    CoExceedanceOptions o;
    if (pre_event) o.quantile_rows = RowRange{0, row};
    const CoExceedances co = co_exceedances(returns.values(), o);
    const SessionRank rank = rank_session(co, row);
    Eigen::Index worst = 0;
    co.counts.maxCoeff(&worst);
    std::printf(
        "co-exceedances (own 5%% quantile of %s), S&P 500: 2025-01-27 %d of %d members, "
        "rank %zu of %zu sessions (ties %zu); most: %s with %d\n",
        pre_event ? "2024-08-02..2025-01-24" : "all sessions", co.counts(row), co.present(row),
        rank.rank, rank.sessions, rank.ties,
        format_iso_date(sessions[static_cast<std::size_t>(worst)]).c_str(), co.counts(worst));
    // A concentrated sell-off (AI hardware, power), not a broad one: about one member in nine,
    // far behind the April 2025 tariff days.
    EXPECT_GT(co.counts(row), 40);
    EXPECT_LT(co.counts(row), 150);
    EXPECT_LE(rank.rank, 30U);
    EXPECT_GT(co.counts(worst), 300);
  }
}

TEST(EmbeddedForbesRigobon, NvidiaToPowerPeers) {
  const auto sessions =
      TradingCalendar::nyse().sessions_between(date(2024, 8, 2), date(2025, 3, 31));
  const std::vector<Symbol> symbols{Symbol("NVDA"), Symbol("VST"), Symbol("CEG"), Symbol("NRG"),
                                    Symbol("GEV")};
  const Panel r = security_returns(data(), symbols, sessions);
  const auto event = static_cast<Eigen::Index>(*r.row_of(date(2025, 1, 27)));
  const std::vector<ForbesRigobonResult> fr = forbes_rigobon_each(
      r.values().col(0), r.values().rightCols(4), {0, event}, {event, r.values().rows()});
  for (std::size_t j = 0; j < fr.size(); ++j) {
    std::printf(
        "NVDA->%-4s tranquil rho %.3f (%zu d), turmoil %.3f (%zu d), adjusted %.3f "
        "(delta %.2f): z %.2f p %.3f\n",
        symbols[j + 1].str().c_str(), fr[j].tranquil_correlation, fr[j].tranquil_days,
        fr[j].turmoil_correlation, fr[j].turmoil_days, fr[j].adjusted_turmoil_correlation,
        fr[j].variance_increase, fr[j].z_adjusted, fr[j].p_adjusted);
    EXPECT_EQ(fr[j].status, StatStatus::ok);
    EXPECT_LE(std::abs(fr[j].adjusted_turmoil_correlation), 1.0);
  }
}

TEST(EmbeddedConnectedness, LargeCapsAroundTheEvent) {
  const std::vector<Symbol> symbols{Symbol("NVDA"), Symbol("MSFT"),  Symbol("AAPL"),
                                    Symbol("AMZN"), Symbol("GOOGL"), Symbol("META"),
                                    Symbol("AVGO"), Symbol("TSLA")};
  const auto sessions =
      TradingCalendar::nyse().sessions_between(date(2020, 1, 3), date(2025, 4, 30));
  const Panel r = security_returns(data(), symbols, sessions);
  RollingConnectednessOptions o;
  o.window = 250;
  const RollingConnectedness dy = rolling_connectedness(r.values(), o);
  const auto at = [&](date d) { return static_cast<std::size_t>(*r.row_of(d)) - (o.window - 1); };
  const std::size_t before = at(date(2025, 1, 24));
  const std::size_t after = at(date(2025, 1, 27));
  const std::size_t later = at(date(2025, 4, 30));
  std::printf(
      "large-cap connectedness (W=250, p=1, H=10): TCI %.2f%% to 2025-01-24, %.2f%% to "
      "2025-01-27, %.2f%% to 2025-04-30; NVDA net %.2f -> %.2f\n",
      dy.total(static_cast<Eigen::Index>(before)), dy.total(static_cast<Eigen::Index>(after)),
      dy.total(static_cast<Eigen::Index>(later)), dy.net(static_cast<Eigen::Index>(before), 0),
      dy.net(static_cast<Eigen::Index>(after), 0));
  for (const StatStatus s : dy.status) ASSERT_EQ(s, StatStatus::ok);
  EXPECT_GT(dy.total(static_cast<Eigen::Index>(after)), 20.0);
  EXPECT_LT(dy.total(static_cast<Eigen::Index>(after)), 90.0);
}

}  // namespace
}  // namespace marketshock::stats
