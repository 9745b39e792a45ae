/// \file market_event_study.hpp
/// \brief An event study on the dataset: returns from the bars, a benchmark rebuilt without the
/// event stock (or an index's levels), per-firm results and the sample tests.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/symbol.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/stats/event_study.hpp>
#include <marketshock/stats/event_tests.hpp>
#include <marketshock/stats/return_series.hpp>

#include <Eigen/Core>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace marketshock::stats {

/// Which benchmark return R_m the normal-return model uses.
enum class BenchmarkKind {
  /// The index rebuilt from its members' prior-close market values without the event stocks
  /// (cap_weighted_benchmark()). Available only where the dataset covers the members.
  index_without_event_stocks,
  /// An index's own levels (e.g. SPX), which contain the event stock.
  index_level,
};

/// "index_without_event_stocks" or "index_level".
[[nodiscard]] std::string_view to_string(BenchmarkKind kind) noexcept;
/// The inverse of to_string(); nullopt for any other text.
[[nodiscard]] std::optional<BenchmarkKind> try_parse_benchmark_kind(std::string_view text) noexcept;

/// Options of market_event_study().
struct MarketEventStudyOptions {
  EventStudySpec spec;
  BenchmarkKind benchmark = BenchmarkKind::index_without_event_stocks;
  /// Membership rebuilt for index_without_event_stocks ("sp500" or "ndx100").
  std::string membership = "sp500";
  /// Levels used for index_level ("SPX", "NDX", ...).
  std::string index_level = "SPX";
  /// Left out of the rebuilt index (the source of the shock, e.g. NVDA).
  std::vector<Symbol> event_stocks;
  /// Minimum fraction of members in a rebuilt session's return (cap_weighted_benchmark()).
  double min_member_fraction = 0.9;
};

/// Inputs and results of market_event_study().
struct MarketEventStudy {
  boost::gregorian::date event_session;
  /// What was estimated (model, estimation window, CAR windows).
  EventStudySpec spec;
  /// The studied series, in the order asked (securities, or index level series such as SPX).
  std::vector<SeriesId> series;
  /// Sessions from the first estimation day to the last event-window day, consecutive.
  std::vector<boost::gregorian::date> sessions;
  /// Row of the event session in `sessions`.
  Eigen::Index event_row = 0;
  /// Simple returns, sessions x symbols, NaN where a bar is missing.
  Eigen::MatrixXd returns;
  /// Benchmark returns per session (NaN where unavailable, e.g. before the members' bars start).
  Eigen::VectorXd market;
  /// What the benchmark is, for the basis line: "sp500 rebuilt without NVDA", "SPX levels".
  std::string benchmark;
  /// Weight of the event stocks in the rebuilt index at the close before the event (NaN for
  /// index_level).
  double event_stock_weight = std::numeric_limits<double>::quiet_NaN();
  /// Members left out of some rebuilt session for lack of a share count.
  std::vector<Symbol> benchmark_members_without_shares;
  /// One per series, same order.
  std::vector<FirmEventStudy> firms;
  /// One per spec window, over all symbols.
  std::vector<SampleTests> tests;
};

/// Runs the event study of the series `names` around the session `event_session` (anchor news
/// with event_session() of event_anchor.hpp first). Each name is a security's symbol or an index
/// level series of `data` (resolve_series(): a name that is both is the security). Estimation
/// days with no benchmark or no bar are dropped; each firm's fit reports how many remained
/// (short_sample) or that too few did. O(S x M log n) for the rebuilt benchmark (S sessions, M
/// members).
/// \throws InvalidArgument if `event_session` is not a session, a name is unknown or repeated,
/// a series has no return on or after the event session (the event is after its data: the
/// message names the series and its last bar) or none before it (its first bar), the membership
/// or index levels are not in `data`, or the spec is inconsistent.
[[nodiscard]] MarketEventStudy market_event_study(
    const MarketData& data, std::span<const std::string> names,
    boost::gregorian::date event_session, const MarketEventStudyOptions& options,
    const TradingCalendar& calendar = TradingCalendar::nyse());

/// market_event_study() of securities given by symbol.
[[nodiscard]] MarketEventStudy market_event_study(
    const MarketData& data, std::span<const Symbol> symbols, boost::gregorian::date event_session,
    const MarketEventStudyOptions& options,
    const TradingCalendar& calendar = TradingCalendar::nyse());

}  // namespace marketshock::stats
