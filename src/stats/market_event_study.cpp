#include <marketshock/stats/market_event_study.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/stats/cap_weighted_benchmark.hpp>
#include <marketshock/stats/session_returns.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace marketshock::stats {

std::string_view to_string(BenchmarkKind kind) noexcept {
  switch (kind) {
    case BenchmarkKind::index_without_event_stocks:
      return "index_without_event_stocks";
    case BenchmarkKind::index_level:
      return "index_level";
  }
  return "unknown";
}

std::optional<BenchmarkKind> try_parse_benchmark_kind(std::string_view text) noexcept {
  if (text == "index_without_event_stocks") return BenchmarkKind::index_without_event_stocks;
  if (text == "index_level") return BenchmarkKind::index_level;
  return std::nullopt;
}

namespace {

// The event session must have data on both sides for every series: a bar before it (the first
// return needs one) and one on or after it; otherwise the study would run on nothing and only
// statuses would say so.
void require_event_within_data(const MarketData& data, const SeriesId& series,
                               boost::gregorian::date event_session) {
  const DailyBars& bars = series_bars(data, series);
  MARKETSHOCK_REQUIRE(!bars.empty(), "event study: '{}' has no bars", series.name);
  MARKETSHOCK_REQUIRE(event_session <= bars.dates().back(),
                      "event study: the event session {} is after the data: {}'s last bar is {}",
                      format_iso_date(event_session), series.name,
                      format_iso_date(bars.dates().back()));
  MARKETSHOCK_REQUIRE(bars.dates().front() < event_session,
                      "event study: the event session {} is before the data: {}'s first bar is {}",
                      format_iso_date(event_session), series.name,
                      format_iso_date(bars.dates().front()));
}

}  // namespace

MarketEventStudy market_event_study(const MarketData& data, std::span<const std::string> names,
                                    boost::gregorian::date event_session,
                                    const MarketEventStudyOptions& options,
                                    const TradingCalendar& calendar) {
  const EventStudySpec& spec = options.spec;
  MARKETSHOCK_REQUIRE(!spec.windows.empty(), "event study: no CAR window");
  MARKETSHOCK_REQUIRE(!names.empty(), "event study: no symbol to study");
  int last = spec.windows.front().last;
  for (const RelativeWindow& w : spec.windows) last = std::max(last, w.last);
  MARKETSHOCK_REQUIRE(spec.estimation.first <= 0 && last >= 0,
                      "event study: windows {} .. {} must span the event day",
                      to_string(spec.estimation), last);
  MarketEventStudy out;
  out.event_session = event_session;
  out.spec = spec;
  for (const std::string& name : names) out.series.push_back(resolve_series(data, name));
  out.sessions = sessions_around(event_session, spec.estimation.first, last, calendar);
  for (const SeriesId& s : out.series) require_event_within_data(data, s, event_session);
  out.event_row = -spec.estimation.first;
  out.returns = series_returns(data, out.series, out.sessions, calendar);

  if (options.benchmark == BenchmarkKind::index_level) {
    const DailyBars* levels = data.index_levels(options.index_level);
    MARKETSHOCK_REQUIRE(levels != nullptr, "event study: no index levels '{}' in the dataset",
                        options.index_level);
    out.market = session_returns(*levels, out.sessions, calendar);
    out.benchmark = fmt::format("{} levels", options.index_level);
  } else {
    const IndexMembership* membership = data.membership(options.membership);
    MARKETSHOCK_REQUIRE(membership != nullptr, "event study: no membership '{}' in the dataset",
                        options.membership);
    CapWeightedBenchmarkOptions bench_options;
    bench_options.excluded = options.event_stocks;
    bench_options.min_member_fraction = options.min_member_fraction;
    const CapWeightedBenchmark bench =
        cap_weighted_benchmark(data, *membership, out.sessions, bench_options, calendar);
    out.market = bench.returns;
    out.benchmark = options.event_stocks.empty()
                        ? fmt::format("{} rebuilt from members", options.membership)
                        : fmt::format("{} rebuilt without {}", options.membership,
                                      fmt::join(options.event_stocks, ", "));
    out.event_stock_weight =
        bench.coverage[static_cast<std::size_t>(out.event_row)].excluded_weight;
    out.benchmark_members_without_shares = bench.members_without_shares;
  }
  out.firms = event_study(out.returns, out.market, out.event_row, spec);
  for (std::size_t w = 0; w < spec.windows.size(); ++w) {
    out.tests.push_back(sample_tests(out.firms, w));
  }
  return out;
}

MarketEventStudy market_event_study(const MarketData& data, std::span<const Symbol> symbols,
                                    boost::gregorian::date event_session,
                                    const MarketEventStudyOptions& options,
                                    const TradingCalendar& calendar) {
  std::vector<std::string> names;
  names.reserve(symbols.size());
  for (const Symbol& s : symbols) names.push_back(s.str());
  return market_event_study(data, names, event_session, options, calendar);
}

}  // namespace marketshock::stats
