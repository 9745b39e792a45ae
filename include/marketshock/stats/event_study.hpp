/// \file event_study.hpp
/// \brief Event study on one event date: per-firm abnormal returns, CARs over windows, BHARs and
/// their standardised values (the sample tests are in event_tests.hpp).
#pragma once

#include <marketshock/stats/abnormal_returns.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace marketshock::stats {

/// Sessions `first`..`last` relative to the event session (0), both inclusive: [0,0] is the
/// event day, [-1,+1] the three days around it, [-250,-11] the default estimation window.
struct RelativeWindow {
  int first = 0;
  int last = 0;
  /// Number of sessions, last - first + 1 (0 if reversed).
  [[nodiscard]] constexpr std::size_t days() const noexcept {
    return last < first ? 0 : static_cast<std::size_t>(last - first + 1);
  }
  friend constexpr bool operator==(const RelativeWindow&, const RelativeWindow&) = default;
};

/// "[-1,+1]", "[0,0]", "[0,+4]", "[-250,-11]" (day 0 unsigned, others signed).
[[nodiscard]] std::string to_string(RelativeWindow window);
/// Parses "A,B" or "[A,B]" with optional signs ("-1,+1", "[0,4]"); nullopt otherwise or when
/// A > B.
[[nodiscard]] std::optional<RelativeWindow> try_parse_relative_window(
    std::string_view text) noexcept;

/// What to estimate.
struct EventStudySpec {
  ReturnModel model = ReturnModel::market_model;
  /// Estimation window; must end before the first event window starts.
  RelativeWindow estimation{-250, -11};
  /// Fewest estimation days with data for a firm to be studied (at least 3). The window is what
  /// the data has: days without data are dropped and the fit's status says short_sample.
  std::size_t min_estimation = 60;
  /// CAR windows, each within the data's event side.
  std::vector<RelativeWindow> windows{{0, 0}, {-1, 1}, {0, 4}};
};

/// One firm over one CAR window.
struct WindowAbnormal {
  RelativeWindow window;
  /// Days of the window with an abnormal return (missing days are skipped, not zero).
  std::size_t days = 0;
  /// Cumulative abnormal return, sum of ARs (fraction).
  double car = std::numeric_limits<double>::quiet_NaN();
  /// Its variance with the estimation-error correction (abnormal_sum_variance()).
  double car_variance = std::numeric_limits<double>::quiet_NaN();
  /// Standardised CAR = car / sqrt(car_variance): the firm's t statistic (Patell's SCAR).
  double scar = std::numeric_limits<double>::quiet_NaN();
  /// Two-sided p-value of scar under Student t with the fit's degrees of freedom.
  double p_value = std::numeric_limits<double>::quiet_NaN();
  /// Buy-and-hold abnormal return: prod(1 + R_i) - prod(1 + normal return) over the same days.
  double bhar = std::numeric_limits<double>::quiet_NaN();
};

/// One firm's event study.
struct FirmEventStudy {
  NormalReturnFit fit;
  /// Abnormal returns over the estimation window, one per day of spec.estimation (NaN where
  /// data is missing): the residuals the cross-sectional tests need.
  Eigen::VectorXd estimation_abnormal;
  /// Smallest window holding every CAR window, and the ARs over it (NaN where missing).
  RelativeWindow event_range;
  Eigen::VectorXd event_abnormal;
  /// event_abnormal / sqrt(one-day prediction-error variance): standardised ARs (Patell).
  Eigen::VectorXd event_standardised;
  /// One per spec.windows, same order.
  std::vector<WindowAbnormal> windows;
};

/// Event study of one firm. `returns` and `market` are aligned session by session (simple
/// returns, NaN for missing); row `event_row` is day 0, so relative day d is row event_row + d.
/// An unusable fit leaves every number NaN and its status says why. O(rows).
/// \throws InvalidArgument if the lengths differ, the spec is inconsistent (a window reversed,
/// the estimation window not ending before the first CAR window, min_estimation < 3) or a
/// window reaches outside the rows.
[[nodiscard]] FirmEventStudy firm_event_study(const Eigen::Ref<const Eigen::VectorXd>& returns,
                                              const Eigen::Ref<const Eigen::VectorXd>& market,
                                              Eigen::Index event_row, const EventStudySpec& spec);

/// firm_event_study() for each column of `returns` (sessions x firms), all with the same event
/// date. `market` has one column (one benchmark for all) or one per firm.
/// \throws InvalidArgument as firm_event_study(), or if `market` has another column count.
[[nodiscard]] std::vector<FirmEventStudy> event_study(
    const Eigen::Ref<const Eigen::MatrixXd>& returns,
    const Eigen::Ref<const Eigen::MatrixXd>& market, Eigen::Index event_row,
    const EventStudySpec& spec);

}  // namespace marketshock::stats
