/// \file connectedness.hpp
/// \brief Diebold-Yilmaz (2012) connectedness from the generalized forecast-error variance
/// decomposition (Pesaran-Shin) of a VAR: total, to, from, net and pairwise.
#pragma once

#include <marketshock/core/stat_status.hpp>
#include <marketshock/stats/var_model.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <limits>

namespace marketshock::stats {

/// Generalized FEVD over H terms h = 0..H-1 (H = `horizon`; statsmodels'
/// `fevd(periods=H).decomp[:, H-1]` convention), unnormalised:
/// theta_ij = (1 / Sigma_jj) sum_h (A_h Sigma)_ij^2 / sum_h (A_h Sigma A_h')_ii,
/// A_h the MA matrices (ma_coefficients()). Rows do not sum to 1 (correlated shocks). Invariant
/// to a positive scaling of Sigma. Entries are NaN where Sigma_jj or a denominator is not
/// positive. O(H p N^3).
/// \throws InvalidArgument if horizon == 0, `sigma` is not N x N or `coefficients` not N x N p.
[[nodiscard]] Eigen::MatrixXd generalized_fevd(
    const Eigen::Ref<const Eigen::MatrixXd>& coefficients,
    const Eigen::Ref<const Eigen::MatrixXd>& sigma, std::size_t horizon);

/// Connectedness measures, all in percent (Diebold and Yilmaz 2012). With t_ij the row-normalised
/// theta (t_ij = theta_ij / sum_j theta_ij: the share of i's H-step forecast-error variance due
/// to shocks in j):
struct Connectedness {
  /// The unnormalised GFEVD theta (N x N).
  Eigen::MatrixXd theta;
  /// 100 t_ij (N x N); each row sums to 100.
  Eigen::MatrixXd table;
  /// Total connectedness index, 100 sum_{i != j} t_ij / N.
  double total = std::numeric_limits<double>::quiet_NaN();
  /// TO_j = 100 sum_{i != j} t_ij / N (what j transmits), FROM_i = 100 sum_{j != i} t_ij / N
  /// (what i receives), NET = TO - FROM; sum FROM = sum TO = total.
  Eigen::VectorXd to;
  Eigen::VectorXd from;
  Eigen::VectorXd net;
  /// Net pairwise connectedness 100 (t_ji - t_ij) / N: positive when i transmits more to j than
  /// it receives from j; antisymmetric.
  Eigen::MatrixXd pairwise_net;
  /// ok; otherwise the model's estimation status, explosive for an unstable VAR, or
  /// singular_covariance for a non-positive theta row; every number NaN then.
  StatStatus status = StatStatus::ok;
};

/// Connectedness from an unnormalised GFEVD `theta` (N x N). A row with a non-finite or
/// non-positive sum gives status singular_covariance and NaN everywhere. O(N^2).
/// \throws InvalidArgument if `theta` is not square or empty.
[[nodiscard]] Connectedness connectedness_from_fevd(const Eigen::Ref<const Eigen::MatrixXd>& theta);

/// Connectedness of a fitted VAR at `horizon`: NaN with the model's status when it is not
/// usable, with explosive when its stability check failed.
/// \throws InvalidArgument if horizon == 0.
[[nodiscard]] Connectedness connectedness(const VarModel& model, std::size_t horizon);

}  // namespace marketshock::stats
