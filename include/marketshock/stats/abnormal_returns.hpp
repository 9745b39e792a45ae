/// \file abnormal_returns.hpp
/// \brief Normal-return models of an event study (market model, market-adjusted, mean-adjusted),
/// abnormal returns and their prediction-error variances.
#pragma once

#include <marketshock/core/stat_status.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <limits>
#include <optional>
#include <string_view>

namespace marketshock::stats {

/// How the return a security would have had without the event is modelled.
enum class ReturnModel {
  market_model,     ///< R_i = alpha + beta R_m + e, OLS over the estimation window.
  market_adjusted,  ///< R_i = R_m + e (alpha 0, beta 1; nothing estimated but the variance).
  mean_adjusted,    ///< R_i = mu + e, mu the estimation-window mean.
};

/// "market_model", "market_adjusted", "mean_adjusted".
[[nodiscard]] std::string_view to_string(ReturnModel model) noexcept;
/// The inverse of to_string(); nullopt for any other text.
[[nodiscard]] std::optional<ReturnModel> try_parse_return_model(std::string_view text) noexcept;

/// A normal-return model fitted on an estimation window. Returns are simple, as fractions.
struct NormalReturnFit {
  ReturnModel model = ReturnModel::market_model;
  /// Normal return = alpha + beta x R_m. market_adjusted: 0 and 1; mean_adjusted: mean and 0.
  double alpha = std::numeric_limits<double>::quiet_NaN();
  double beta = std::numeric_limits<double>::quiet_NaN();
  /// Variance of the estimation-window abnormal returns with the degrees-of-freedom correction
  /// (divided by n - 2 for the market model, n - 1 otherwise).
  double residual_variance = std::numeric_limits<double>::quiet_NaN();
  /// Estimation days used (both returns present) and the residual degrees of freedom.
  std::size_t observations = 0;
  std::size_t degrees_of_freedom = 0;
  /// Days of the estimation window asked for (present or not).
  std::size_t window_days = 0;
  /// Mean of R_m and sum of squared deviations of R_m over the days used (market model only;
  /// they enter the prediction-error variance).
  double market_mean = std::numeric_limits<double>::quiet_NaN();
  double market_sum_squares = std::numeric_limits<double>::quiet_NaN();
  /// ok; short_sample when days were missing; too_few_observations below the minimum;
  /// singular_design for a constant market return (market model); zero_variance when the
  /// abnormal returns are all equal.
  StatStatus status = StatStatus::ok;
};

/// Fits `model` on the estimation-window returns of a security and its benchmark (equal
/// lengths; a day counts only when both are finite). `min_observations` (at least 3) is the
/// minimum number of days: below it the status is too_few_observations and the numbers NaN.
/// O(n).
/// \throws InvalidArgument if the lengths differ or min_observations < 3.
[[nodiscard]] NormalReturnFit fit_normal_returns(ReturnModel model,
                                                 const Eigen::Ref<const Eigen::VectorXd>& security,
                                                 const Eigen::Ref<const Eigen::VectorXd>& market,
                                                 std::size_t min_observations);

/// Normal (expected) return alpha + beta x `market_return`.
[[nodiscard]] double normal_return(const NormalReturnFit& fit, double market_return) noexcept;

/// Abnormal returns security - normal_return(market), elementwise; NaN where either return is
/// NaN (for every model, mean_adjusted included, so that all models use the same days), or
/// everywhere when the fit is unusable. O(n).
/// \throws InvalidArgument if the lengths differ.
[[nodiscard]] Eigen::VectorXd abnormal_returns(const NormalReturnFit& fit,
                                               const Eigen::Ref<const Eigen::VectorXd>& security,
                                               const Eigen::Ref<const Eigen::VectorXd>& market);

/// Variance of the sum of the abnormal returns of L days (the CAR variance), given the benchmark
/// returns `market_window` of exactly the L days summed (L = its size; for mean_adjusted and
/// market_adjusted only the count matters), including the estimation error of the parameters
/// (Campbell, Lo and MacKinlay 1997, ch. 4): s^2 (L + L^2/n + (sum_t (R_mt - mean_m))^2 / SS_m)
/// for the market model, s^2 L for market_adjusted, s^2 (L + L^2/n) for mean_adjusted. With one
/// day this is the prediction-error variance that standardises an abnormal return (Patell).
/// NaN when the fit is unusable, or for the market model when an entry is NaN. O(L).
[[nodiscard]] double abnormal_sum_variance(const NormalReturnFit& fit,
                                           const Eigen::Ref<const Eigen::VectorXd>& market_window);

}  // namespace marketshock::stats
