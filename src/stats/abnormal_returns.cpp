#include <marketshock/stats/abnormal_returns.hpp>

#include <marketshock/core/require.hpp>

#include <cmath>

namespace marketshock::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

NormalReturnFit unusable(NormalReturnFit fit, StatStatus status) {
  fit.alpha = fit.beta = fit.residual_variance = kNaN;
  fit.status = status;
  return fit;
}

}  // namespace

std::string_view to_string(ReturnModel model) noexcept {
  switch (model) {
    case ReturnModel::market_model:
      return "market_model";
    case ReturnModel::market_adjusted:
      return "market_adjusted";
    case ReturnModel::mean_adjusted:
      return "mean_adjusted";
  }
  return "unknown";
}

std::optional<ReturnModel> try_parse_return_model(std::string_view text) noexcept {
  for (const ReturnModel m :
       {ReturnModel::market_model, ReturnModel::market_adjusted, ReturnModel::mean_adjusted}) {
    if (text == to_string(m)) return m;
  }
  return std::nullopt;
}

NormalReturnFit fit_normal_returns(ReturnModel model,
                                   const Eigen::Ref<const Eigen::VectorXd>& security,
                                   const Eigen::Ref<const Eigen::VectorXd>& market,
                                   std::size_t min_observations) {
  MARKETSHOCK_REQUIRE(security.size() == market.size(),
                      "normal-return fit: {} security returns but {} benchmark returns",
                      security.size(), market.size());
  MARKETSHOCK_REQUIRE(min_observations >= 3, "normal-return fit: minimum of {} days is below 3",
                      min_observations);
  NormalReturnFit fit;
  fit.model = model;
  fit.window_days = static_cast<std::size_t>(security.size());
  // Pairs with both returns present (for mean_adjusted the benchmark is not needed, but the
  // same days are used so that the models are comparable).
  Eigen::VectorXd y(security.size());
  Eigen::VectorXd x(security.size());
  Eigen::Index n = 0;
  for (Eigen::Index t = 0; t < security.size(); ++t) {
    if (std::isfinite(security(t)) && std::isfinite(market(t))) {
      y(n) = security(t);
      x(n) = market(t);
      ++n;
    }
  }
  fit.observations = static_cast<std::size_t>(n);
  if (fit.observations < min_observations) return unusable(fit, StatStatus::too_few_observations);
  const Eigen::VectorXd ys = y.head(n);
  const Eigen::VectorXd xs = x.head(n);
  fit.market_mean = xs.mean();
  fit.market_sum_squares = (xs.array() - fit.market_mean).square().sum();
  switch (model) {
    case ReturnModel::market_model: {
      if (!(fit.market_sum_squares > 0.0)) return unusable(fit, StatStatus::singular_design);
      const double y_mean = ys.mean();
      fit.beta =
          ((xs.array() - fit.market_mean) * (ys.array() - y_mean)).sum() / fit.market_sum_squares;
      fit.alpha = y_mean - fit.beta * fit.market_mean;
      fit.degrees_of_freedom = fit.observations - 2;
      break;
    }
    case ReturnModel::market_adjusted:
      fit.alpha = 0.0;
      fit.beta = 1.0;
      fit.degrees_of_freedom = fit.observations - 1;
      break;
    case ReturnModel::mean_adjusted:
      fit.alpha = ys.mean();
      fit.beta = 0.0;
      fit.degrees_of_freedom = fit.observations - 1;
      break;
  }
  const Eigen::ArrayXd residuals = ys.array() - fit.alpha - fit.beta * xs.array();
  // market_adjusted: the residual mean is not zero; its variance is about that mean.
  const double centre = model == ReturnModel::market_adjusted ? residuals.mean() : 0.0;
  const double residual_ss = (residuals - centre).square().sum();
  fit.residual_variance = residual_ss / static_cast<double>(fit.degrees_of_freedom);
  // An exact fit leaves only rounding noise (~1e-16 of the returns): no variance to scale by.
  if (!(residual_ss > 1e-24 * ys.squaredNorm())) return unusable(fit, StatStatus::zero_variance);
  fit.status = fit.observations < fit.window_days ? StatStatus::short_sample : StatStatus::ok;
  return fit;
}

double normal_return(const NormalReturnFit& fit, double market_return) noexcept {
  if (fit.model == ReturnModel::mean_adjusted) return fit.alpha;
  return fit.alpha + fit.beta * market_return;
}

Eigen::VectorXd abnormal_returns(const NormalReturnFit& fit,
                                 const Eigen::Ref<const Eigen::VectorXd>& security,
                                 const Eigen::Ref<const Eigen::VectorXd>& market) {
  MARKETSHOCK_REQUIRE(security.size() == market.size(),
                      "abnormal returns: {} security returns but {} benchmark returns",
                      security.size(), market.size());
  Eigen::VectorXd out(security.size());
  for (Eigen::Index t = 0; t < security.size(); ++t) {
    out(t) = (is_usable(fit.status) && std::isfinite(market(t)))
                 ? security(t) - normal_return(fit, market(t))
                 : kNaN;
  }
  return out;
}

double abnormal_sum_variance(const NormalReturnFit& fit,
                             const Eigen::Ref<const Eigen::VectorXd>& market_window) {
  if (!is_usable(fit.status)) return kNaN;
  const auto days = static_cast<double>(market_window.size());
  const double n = static_cast<double>(fit.observations);
  switch (fit.model) {
    case ReturnModel::market_model: {
      const double deviation_sum = market_window.sum() - days * fit.market_mean;
      return fit.residual_variance *
             (days + days * days / n + deviation_sum * deviation_sum / fit.market_sum_squares);
    }
    case ReturnModel::market_adjusted:
      return fit.residual_variance * days;
    case ReturnModel::mean_adjusted:
      return fit.residual_variance * (days + days * days / n);
  }
  return kNaN;
}

}  // namespace marketshock::stats
