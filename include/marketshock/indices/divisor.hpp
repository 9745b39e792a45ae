/// \file divisor.hpp
/// \brief DivisorSeries: an index divisor implied from the published level on every session,
/// split into the periods over which it must hold (no member joined, left or split).
#pragma once

#include <Eigen/Core>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace marketshock::indices {

/// A day-over-day change of the implied divisor larger than kDivisorStepThreshold inside a
/// period: the divisor of a price-weighted index cannot move there, so such a step measures an
/// error of the member prices (or of the level) on one side of it.
struct DivisorStep {
  boost::gregorian::date session;
  /// divisor(session) / divisor(previous session) - 1.
  double relative_change = 0.0;
};

/// Day-over-day changes above this fraction (0.005%, about 36 cents on a Dow price sum of
/// $7,300) are listed as steps; price rounding moves a divisor by about 1e-7.
inline constexpr double kDivisorStepThreshold = 5e-5;

/// Sessions over which the divisor must be constant: the same members throughout and no member
/// split taking effect after the first session.
struct DivisorPeriod {
  boost::gregorian::date first;
  boost::gregorian::date last;
  /// Why the period starts: "window start", "composition change: +NVDA +SHW -DOW -INTC",
  /// "split: WMT 3:1" (several joined by "; ").
  std::string starts_with;
  /// Sessions of the period with an implied divisor (every member priced, a level).
  std::size_t sessions = 0;
  double min = 0.0;
  double max = 0.0;
  /// (max - min) / min: how far the implied divisor moved within the period; NaN without
  /// sessions.
  double max_relative_variation = 0.0;
  /// Median of |divisor(t) / divisor(t-1) - 1| over consecutive sessions of the period: the day
  /// to day noise; NaN with fewer than two sessions.
  double median_daily_change = 0.0;
  /// Changes above kDivisorStepThreshold, in date order.
  std::vector<DivisorStep> steps;
};

/// Where a new divisor period starts, and why.
struct DivisorBreak {
  /// Position in the session axis (>= 1).
  std::size_t row = 0;
  std::string reason;
};

/// The implied divisor of every session and its periods.
struct DivisorSeries {
  std::vector<boost::gregorian::date> sessions;
  /// Index quantity at the close (a price-weighted index: the sum of the members' traded closes)
  /// over the published close; NaN where a member's price or the level is missing.
  Eigen::VectorXd divisors;
  std::vector<DivisorPeriod> periods;
};

/// Splits `divisors` (one per session) into periods starting at row 0 ("window start") and at
/// each break (rows increasing, each >= 1), and measures each period. Throws InvalidArgument when
/// the sizes differ, sessions is empty, or a break is out of order or range. O(sessions log
/// sessions).
[[nodiscard]] DivisorSeries divisor_series(std::vector<boost::gregorian::date> sessions,
                                           Eigen::VectorXd divisors,
                                           std::span<const DivisorBreak> breaks);

}  // namespace marketshock::indices
