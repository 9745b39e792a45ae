#include <marketshock/indices/divisor.hpp>

#include <marketshock/core/require.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace marketshock::indices {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double median(std::vector<double> values) {
  if (values.empty()) return kNaN;
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  if (values.size() % 2 == 1) return *mid;
  return 0.5 * (*mid + *std::max_element(values.begin(), mid));
}

DivisorPeriod measure(std::span<const boost::gregorian::date> sessions,
                      const Eigen::VectorXd& divisors, std::size_t from, std::size_t to,
                      std::string starts_with) {
  DivisorPeriod p;
  p.first = sessions[from];
  p.last = sessions[to - 1];
  p.starts_with = std::move(starts_with);
  p.min = std::numeric_limits<double>::infinity();
  p.max = -std::numeric_limits<double>::infinity();
  std::vector<double> changes;
  for (std::size_t t = from; t < to; ++t) {
    const double d = divisors[static_cast<Eigen::Index>(t)];
    if (!std::isfinite(d)) continue;
    ++p.sessions;
    p.min = std::min(p.min, d);
    p.max = std::max(p.max, d);
    if (t == from) continue;
    const double previous = divisors[static_cast<Eigen::Index>(t - 1)];
    if (!std::isfinite(previous)) continue;
    const double change = d / previous - 1.0;
    changes.push_back(std::abs(change));
    if (std::abs(change) > kDivisorStepThreshold) p.steps.push_back({sessions[t], change});
  }
  if (p.sessions == 0) p.min = p.max = kNaN;
  p.max_relative_variation = p.sessions > 0 ? (p.max - p.min) / p.min : kNaN;
  p.median_daily_change = median(std::move(changes));
  return p;
}

}  // namespace

DivisorSeries divisor_series(std::vector<boost::gregorian::date> sessions, Eigen::VectorXd divisors,
                             std::span<const DivisorBreak> breaks) {
  MARKETSHOCK_REQUIRE(!sessions.empty(), "a divisor series needs at least one session");
  MARKETSHOCK_REQUIRE(static_cast<Eigen::Index>(sessions.size()) == divisors.size(),
                      "{} sessions but {} divisors", sessions.size(), divisors.size());
  std::size_t previous = 0;
  for (const DivisorBreak& b : breaks) {
    MARKETSHOCK_REQUIRE(b.row > previous && b.row < sessions.size(),
                        "divisor break at row {} is out of order or outside 1..{}", b.row,
                        sessions.size() - 1);
    previous = b.row;
  }
  DivisorSeries out;
  out.sessions = std::move(sessions);
  out.divisors = std::move(divisors);
  std::size_t from = 0;
  std::string reason = "window start";
  for (const DivisorBreak& b : breaks) {
    out.periods.push_back(measure(out.sessions, out.divisors, from, b.row, reason));
    from = b.row;
    reason = b.reason;
  }
  out.periods.push_back(measure(out.sessions, out.divisors, from, out.sessions.size(), reason));
  return out;
}

}  // namespace marketshock::indices
