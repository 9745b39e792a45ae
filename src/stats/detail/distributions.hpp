// p-values of the test statistics of the contagion layer (private). NaN in, NaN out.
#pragma once

#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <limits>

namespace marketshock::stats::detail {

/// P(Z > z) for a standard normal Z.
inline double normal_upper_tail(double z) noexcept {
  if (std::isnan(z)) return std::numeric_limits<double>::quiet_NaN();
  return 0.5 * std::erfc(z / std::sqrt(2.0));
}

/// Two-sided p-value of a standard normal statistic: P(|Z| > |z|).
inline double normal_two_sided(double z) noexcept {
  if (std::isnan(z)) return std::numeric_limits<double>::quiet_NaN();
  return std::erfc(std::abs(z) / std::sqrt(2.0));
}

/// Two-sided p-value of a Student t statistic with `dof` degrees of freedom.
inline double student_two_sided(double t, double dof) noexcept {
  if (std::isnan(t) || !(dof > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  if (std::isinf(t)) return 0.0;
  const boost::math::students_t dist(dof);
  return 2.0 * boost::math::cdf(boost::math::complement(dist, std::abs(t)));
}

}  // namespace marketshock::stats::detail
