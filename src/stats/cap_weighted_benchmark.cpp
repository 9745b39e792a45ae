#include <marketshock/stats/cap_weighted_benchmark.hpp>

#include <marketshock/core/require.hpp>

#include <algorithm>
#include <limits>
#include <set>

namespace marketshock::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One member's contribution to a session: prior market value and return; nullopt-like flags.
struct MemberDay {
  double prior_value = kNaN;
  double day_return = kNaN;
  bool has_return = false;
  bool has_shares = false;
};

MemberDay member_day(const SecurityRecord& record, boost::gregorian::date session,
                     boost::gregorian::date prior) {
  MemberDay day;
  const auto today = record.bars.find(session);
  const auto yesterday = record.bars.find(prior);
  day.has_return = today.has_value() && yesterday.has_value();
  const auto* shares = record.shares.step_as_of(prior);
  day.has_shares = shares != nullptr && shares->value.shares > 0.0;
  if (day.has_return) {
    const double prior_close = record.bars.close()[*yesterday];
    day.day_return = record.bars.close()[*today] / prior_close - 1.0;
    if (day.has_shares) day.prior_value = prior_close * shares->value.shares;
  }
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
  std::set<Symbol> without_shares;

  CapWeightedBenchmark out;
  out.sessions.assign(sessions.begin(), sessions.end());
  out.returns = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(sessions.size()), kNaN);
  out.coverage.resize(sessions.size());
  for (std::size_t t = 0; t < sessions.size(); ++t) {
    const auto prior = calendar.previous_session(sessions[t]);
    BenchmarkCoverage& cov = out.coverage[t];
    double value_sum = 0.0;
    double weighted_sum = 0.0;
    double excluded_value = 0.0;
    for (const Symbol& symbol : membership.members_on(sessions[t])) {
      const auto id = data.find(symbol);
      if (!id) continue;
      ++cov.members;
      const MemberDay day = member_day(data.record(*id), sessions[t], prior);
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
