#include <marketshock/stats/cap_weighted_benchmark.hpp>

#include <marketshock/core/require.hpp>
#include <marketshock/core/valuation.hpp>

#include <algorithm>
#include <limits>
#include <set>

namespace marketshock::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One member's part in a session, from the core valuation: its prior market value and return.
struct MemberDay {
  double prior_value = kNaN;
  double day_return = kNaN;
  bool has_return = false;
  bool has_shares = false;
};

MemberDay member_day(const Valuation& valuation, SecurityId id, boost::gregorian::date session) {
  const ValueChange change = valuation.on_session(id, session);
  MemberDay day;
  // A price return needs a bar on the session and on the previous one; everything else the
  // valuation can miss (a share count, a second class carried by another, dividend-adjusted
  // prices) leaves the member without a market value.
  day.has_return =
      change.status != ValuationStatus::no_bar && change.status != ValuationStatus::no_previous_bar;
  day.has_shares = change.status == ValuationStatus::available;
  if (day.has_return) day.day_return = change.price_return;
  if (day.has_shares) day.prior_value = change.previous_market_value_usd;
  return day;
}

}  // namespace

CapWeightedBenchmark cap_weighted_benchmark(const MarketData& data,
                                            const IndexMembership& membership,
                                            std::span<const boost::gregorian::date> sessions,
                                            const CapWeightedBenchmarkOptions& options,
                                            const TradingCalendar& calendar) {
  MARKETSHOCK_REQUIRE(options.min_member_fraction > 0.0 && options.min_member_fraction <= 1.0,
                      "min_member_fraction {} is outside (0, 1]", options.min_member_fraction);
  MARKETSHOCK_REQUIRE(std::is_sorted(sessions.begin(), sessions.end()) &&
                          std::adjacent_find(sessions.begin(), sessions.end()) == sessions.end(),
                      "benchmark sessions must strictly increase");
  const std::set<Symbol> excluded(options.excluded.begin(), options.excluded.end());
  const Valuation valuation(data, calendar);
  std::set<Symbol> without_shares;

  CapWeightedBenchmark out;
  out.sessions.assign(sessions.begin(), sessions.end());
  out.returns = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(sessions.size()), kNaN);
  out.coverage.resize(sessions.size());
  for (std::size_t t = 0; t < sessions.size(); ++t) {
    BenchmarkCoverage& cov = out.coverage[t];
    double value_sum = 0.0;
    double weighted_sum = 0.0;
    double excluded_value = 0.0;
    for (const Symbol& symbol : membership.members_on(sessions[t])) {
      const auto id = data.find(symbol);
      if (!id) continue;
      ++cov.members;
      const MemberDay day = member_day(valuation, *id, sessions[t]);
      if (excluded.contains(symbol)) {
        ++cov.excluded;
        if (day.has_return && day.has_shares) excluded_value += day.prior_value;
        continue;
      }
      if (!day.has_return) {
        ++cov.without_return;
      } else if (!day.has_shares) {
        ++cov.without_shares;
        without_shares.insert(symbol);
      } else {
        ++cov.included;
        value_sum += day.prior_value;
        weighted_sum += day.prior_value * day.day_return;
      }
    }
    const std::size_t eligible = cov.members - cov.excluded;
    cov.excluded_weight = cov.included > 0 ? excluded_value / (excluded_value + value_sum) : kNaN;
    if (eligible > 0 && cov.included > 0 &&
        static_cast<double>(cov.included) >=
            options.min_member_fraction * static_cast<double>(eligible)) {
      out.returns(static_cast<Eigen::Index>(t)) = weighted_sum / value_sum;
    }
  }
  out.members_without_shares.assign(without_shares.begin(), without_shares.end());
  return out;
}

}  // namespace marketshock::stats
