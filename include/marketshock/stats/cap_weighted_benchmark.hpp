/// \file cap_weighted_benchmark.hpp
/// \brief A benchmark return series rebuilt from index members' market values, optionally
/// without the event stock(s): the "index ex NVIDIA" of an event study.
#pragma once

#include <marketshock/core/index_membership.hpp>
#include <marketshock/core/market_data.hpp>
#include <marketshock/core/symbol.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <Eigen/Core>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace marketshock::stats {

/// Options of cap_weighted_benchmark().
struct CapWeightedBenchmarkOptions {
  /// Members left out of the benchmark (the event stock: NVIDIA is ~7% of the S&P 500, so the
  /// plain index partly explains NVIDIA with itself). Symbols that are not members are ignored.
  std::vector<Symbol> excluded;
  /// A session's return is NaN unless at least this fraction of its (non-excluded) members have
  /// a return and a prior-day share count. In (0, 1].
  double min_member_fraction = 0.9;
};

/// What went into one session's benchmark return.
struct BenchmarkCoverage {
  std::size_t members = 0;   ///< Index members in the dataset on the session.
  std::size_t excluded = 0;  ///< Of which left out on purpose (options.excluded).
  std::size_t included = 0;  ///< Of the others, those in the return.
  /// Others with a return but no market value from the core Valuation (no share count on the
  /// session or the prior one, a class whose value another class carries, dividend-adjusted bars).
  std::size_t without_shares = 0;
  std::size_t without_return = 0;  ///< Others lacking a bar on the session or the prior one.
  /// Market value of the excluded members over that of excluded + included, at prior close
  /// (NVIDIA's weight in the rebuilt index); NaN when nothing was included.
  double excluded_weight = 0.0;
};

/// A cap-weighted benchmark: sessions, returns and per-session coverage.
struct CapWeightedBenchmark {
  std::vector<boost::gregorian::date> sessions;
  /// Simple returns (fractions); NaN where coverage fell short of min_member_fraction.
  Eigen::VectorXd returns;
  std::vector<BenchmarkCoverage> coverage;
  /// Members (not excluded) that lacked a prior-day share count on at least one session, sorted;
  /// they are left out of those sessions' returns (e.g. GOOG, whose class A line carries
  /// Alphabet's count, or names without any count).
  std::vector<Symbol> members_without_shares;
};

/// The return of a market-value-weighted portfolio of `membership`'s members on each session t:
/// r_t = sum_i w_i r_i,t with w_i proportional to close_i,t-1 x shares_i as of t-1 (prior-close
/// weights, as an index is computed), over the members on t (point in time) in `data` that are
/// not excluded and whose move the core Valuation values (Valuation::on_session: bars on t and
/// t-1, share counts on both); t-1 is the previous calendar session. Members missing from `data`
/// (left the index before the dataset was built) cannot be counted and are not reported. No float
/// adjustment (the dataset has none). O(S x M log n) for S sessions and M members.
/// \throws InvalidArgument if min_member_fraction is outside (0, 1], sessions do not increase or
/// one is not a session of `calendar`.
[[nodiscard]] CapWeightedBenchmark cap_weighted_benchmark(
    const MarketData& data, const IndexMembership& membership,
    std::span<const boost::gregorian::date> sessions, const CapWeightedBenchmarkOptions& options,
    const TradingCalendar& calendar = TradingCalendar::nyse());

}  // namespace marketshock::stats
