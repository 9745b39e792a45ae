/// \file stat_status.hpp
/// \brief StatStatus: how a statistical estimate of the statistics came out (the analogue of
/// Eigen's ComputationInfo), so that degenerate input gives NaN plus a reason, never an exception.
#pragma once

#include <cstdint>
#include <string_view>

namespace marketshock {

/// Outcome of one estimate. Every result struct of the statistics carries one; when it is not
/// usable (is_usable() false) the numbers of that result are NaN.
enum class StatStatus : std::uint8_t {
  ok,                    ///< Computed on everything asked for.
  short_sample,          ///< Computed, but on fewer observations than asked (missing data or a
                         ///< window reaching before the data): a warning, the numbers are valid.
  too_few_observations,  ///< Not computed: fewer observations than the estimator's minimum.
  missing_data,          ///< Not computed: a window holds NaN and the policy does not allow it.
  singular_design,       ///< Not computed: regressors collinear or constant (rank deficient).
  zero_variance,         ///< Not computed: a constant series (correlation, standardisation).
  singular_covariance,   ///< Not computed: a covariance matrix is not positive definite.
  explosive,             ///< Not computed: a VAR with a companion eigenvalue of modulus >= 1.
};

/// True for ok and short_sample: the numbers are valid.
[[nodiscard]] constexpr bool is_usable(StatStatus status) noexcept {
  return status == StatStatus::ok || status == StatStatus::short_sample;
}

/// Stable lower-case name ("ok", "short_sample", ...), used in text and JSON output.
[[nodiscard]] std::string_view to_string(StatStatus status) noexcept;

}  // namespace marketshock
