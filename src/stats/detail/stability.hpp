// The stability certificate shared by fit_var() and the rolling connectedness (private).
#pragma once

#include <marketshock/stats/var_model.hpp>

#include <Eigen/Core>

namespace marketshock::stats::detail {

/// Stability of a VAR whose companion matrix is `companion`, given `power` = companion^exponent
/// (exponent >= 1; pass the companion itself and 1 when no power is at hand). Squares `power`
/// until its infinity norm is below 1 (stable, with the bound ||C^k||^(1/k)) or the exponent
/// reaches 64; then falls back to the eigenvalues of `companion`.
[[nodiscard]] StabilityCheck certify_stability(const Eigen::Ref<const Eigen::MatrixXd>& companion,
                                               Eigen::MatrixXd power, int exponent);

}  // namespace marketshock::stats::detail
