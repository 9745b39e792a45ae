#include <marketshock/stats/least_squares.hpp>

#include <marketshock/core/require.hpp>

#include <Eigen/QR>

#include <limits>

namespace marketshock::stats {

LeastSquaresFit least_squares(const Eigen::Ref<const Eigen::MatrixXd>& design,
                              const Eigen::Ref<const Eigen::MatrixXd>& response) {
  MARKETSHOCK_REQUIRE(design.rows() == response.rows(),
                      "least squares: design has {} rows, response {}", design.rows(),
                      response.rows());
  MARKETSHOCK_REQUIRE(design.cols() > 0, "least squares: the design has no columns");
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  LeastSquaresFit fit;
  fit.coefficients = Eigen::MatrixXd::Constant(design.cols(), response.cols(), kNaN);
  fit.residuals = Eigen::MatrixXd::Constant(response.rows(), response.cols(), kNaN);
  if (design.rows() < design.cols()) {
    fit.status = StatStatus::too_few_observations;
    return fit;
  }
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(design);
  fit.rank = qr.rank();
  if (fit.rank < design.cols()) {
    fit.status = StatStatus::singular_design;
    return fit;
  }
  fit.coefficients = qr.solve(response);
  fit.residuals = response - design * fit.coefficients;
  return fit;
}

}  // namespace marketshock::stats
