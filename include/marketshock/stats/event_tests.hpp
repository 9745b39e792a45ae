/// \file event_tests.hpp
/// \brief Cross-sectional significance tests of an event study with one event date: t, Patell,
/// BMP, Kolari-Pynnonen, Corrado rank, generalized sign.
#pragma once

#include <marketshock/core/stat_status.hpp>
#include <marketshock/stats/event_study.hpp>

#include <cstddef>
#include <limits>
#include <span>

namespace marketshock::stats {

/// One test: statistic, two-sided p-value, firms used, status (too_few_observations with fewer
/// than 2 firms, zero_variance for a degenerate denominator; NaN then).
struct TestStatistic {
  double statistic = std::numeric_limits<double>::quiet_NaN();
  double p_value = std::numeric_limits<double>::quiet_NaN();
  std::size_t firms = 0;
  StatStatus status = StatStatus::ok;
};

/// The tests of H0: mean CAR = 0 over one window, across the firms of one event date.
///
/// Firms count when their fit is usable and the window has a CAR. With N firms, CAR_i, SCAR_i
/// (event_study.hpp) and d_i the fit's degrees of freedom:
/// - cross_sectional_t: mean(CAR) / (sd(CAR) / sqrt N), Student t with N-1 df;
/// - patell: sum SCAR_i / sqrt(sum d_i / (d_i - 2)), standard normal (Patell 1976; firms need
///   d_i > 2);
/// - bmp: mean(SCAR) / (sd(SCAR) / sqrt N), Student t with N-1 df (Boehmer, Musumeci and
///   Poulsen 1991: robust to event-induced variance);
/// - kolari_pynnonen: bmp x sqrt((1 - r) / (1 + (N-1) r)), r the mean pairwise correlation of
///   the firms' estimation-window abnormal returns (pairwise complete days), Student t with N-1
///   df (Kolari and Pynnonen 2010: one event date makes the ARs cross-correlated);
/// - corrado_rank: the rank test in the form of Corrado and Zivney (1992), which stays valid
///   when firms have estimation samples of different lengths (Corrado's 1989 scale, the mean
///   over all days of the day's mean rank without weighting by the firms present, is dominated
///   by the days few firms have and almost never rejects then). Each firm's ARs over its estimation
///   window and the event range are ranked together (mid-ranks for ties, missing days skipped);
///   with M_i the firm's number of ARs, U_it = rank_it / (1 + M_i) - 1/2, so every firm's U is
///   uniform on (-1/2, 1/2) whatever M_i. With N_t the firms that have an AR on day t:
///     Z_t = (1 / sqrt(N_t)) sum_i U_it,   S_U = sqrt((1 / T) sum_t Z_t^2),
///     statistic = sum_{t in window} Z_t / (sqrt(L_w) S_U),
///   T the days of the estimation window and event range with N_t > 0 (a day no firm has, such
///   as a benchmark gap, carries no rank), L_w the window's days with N_t > 0; standard normal.
///   For the window [0,0] this is CZ's T = (1/sqrt(N_0)) sum_i U_i0 / S_U, which is Kolari and
///   Pynnonen's (2011) Ubar_0 / sqrt((1/T) sum_t (N_t / N_0) Ubar_t^2) with Ubar_t the mean U
///   of day t; longer windows sum the daily Z_t as Cowan (1992) does for Corrado's test;
/// - generalized_sign: w = firms with CAR > 0, p = mean over firms of the fraction of positive
///   estimation-window ARs, (w - N p) / sqrt(N p (1 - p)), standard normal (Cowan 1992).
struct SampleTests {
  RelativeWindow window;
  std::size_t firms = 0;
  double mean_car = std::numeric_limits<double>::quiet_NaN();
  double mean_bhar = std::numeric_limits<double>::quiet_NaN();
  /// r of Kolari-Pynnonen (NaN with fewer than 2 firms).
  double mean_residual_correlation = std::numeric_limits<double>::quiet_NaN();
  TestStatistic cross_sectional_t;
  TestStatistic patell;
  TestStatistic bmp;
  TestStatistic kolari_pynnonen;
  TestStatistic corrado_rank;
  TestStatistic generalized_sign;
};

/// The tests for window `window_index` of firms studied with one spec (event_study()).
/// O(N^2 L) for the correlations, O(N L log L) for the ranks (L estimation days).
/// \throws InvalidArgument if `window_index` is out of range for some firm, or the firms' windows
/// or estimation lengths differ (they were not studied with one spec).
[[nodiscard]] SampleTests sample_tests(std::span<const FirmEventStudy> firms,
                                       std::size_t window_index);

}  // namespace marketshock::stats
