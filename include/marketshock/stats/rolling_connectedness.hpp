/// \file rolling_connectedness.hpp
/// \brief Diebold-Yilmaz connectedness over rolling windows (Task C of bench/README.md), fast:
/// cross-products updated incrementally, windows spread over threads.
#pragma once

#include <marketshock/core/stat_status.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <string_view>
#include <vector>

namespace marketshock::stats {

/// What to do with NaN (missing) returns.
enum class MissingPolicy {
  reject,       ///< Throw InvalidArgument naming the first missing value.
  skip_window,  ///< A window holding any NaN gets status missing_data and NaN numbers.
};

/// "reject" or "skip_window".
[[nodiscard]] std::string_view to_string(MissingPolicy policy) noexcept;

/// Options of rolling_connectedness(); the defaults are Task C's.
/// The largest work rolling_connectedness() accepts, so that no argument can ask for hours: a
/// window of about 40 years of sessions, four trading weeks of lags, a horizon far beyond
/// Diebold-Yilmaz's H = 10, and 50 series (the work grows with their cube). The command line
/// enforces the same maxima.
inline constexpr std::size_t kMaxConnectednessWindow = 10000;
inline constexpr std::size_t kMaxConnectednessLags = 20;
inline constexpr std::size_t kMaxConnectednessHorizon = 1000;
inline constexpr std::size_t kMaxConnectednessSeries = 50;

struct RollingConnectednessOptions {
  std::size_t window = 250;  ///< W rows per window, 1..kMaxConnectednessWindow.
  std::size_t lags = 1;      ///< VAR order p, 1..kMaxConnectednessLags.
  std::size_t horizon = 10;  ///< H terms h = 0..H-1 of the GFEVD, 1..kMaxConnectednessHorizon.
  MissingPolicy missing = MissingPolicy::reject;
  /// Worker threads; 0 means std::thread::hardware_concurrency().
  unsigned threads = 0;
  /// Check each window's VAR for explosive roots (a certificate from the powers the GFEVD
  /// computes anyway, the eigenvalues only when it is inconclusive); off saves ~5%.
  bool check_stability = true;
};

/// One row per window, in window order.
struct RollingConnectedness {
  /// Row index (0-based) of each window's last row: W-1, W, ..., T-1.
  std::vector<Eigen::Index> window_end;
  /// Total connectedness index per window (percent).
  Eigen::VectorXd total;
  /// TO, FROM, NET per window (windows x N, percent).
  Eigen::MatrixXd to;
  Eigen::MatrixXd from;
  Eigen::MatrixXd net;
  /// Upper bound (or exact value) of the spectral radius of each window's companion matrix; NaN
  /// when not checked or not estimated.
  Eigen::VectorXd spectral_radius;
  /// ok, or why the window's numbers are NaN: missing_data, singular_design,
  /// singular_covariance, explosive.
  std::vector<StatStatus> status;
  /// Windows whose stability needed the eigenvalue solver (the certificate was inconclusive).
  std::size_t exact_stability_checks = 0;
};

/// For each window e = W-1..T-1 of the rows of `returns` (T sessions x N series): VAR(p) with
/// intercept by OLS, generalized FEVD at horizon H, row-normalised, TCI/TO/FROM/NET, exactly as
/// Task C defines them (bench/README.md; fit_var() + connectedness() give the same numbers to
/// ~1e-12). Per window the OLS slides: (X'X)^-1, X'Y and Y'Y are moved one row by
/// Sherman-Morrison updates and rebuilt every 32 windows or after a gap, and a window whose
/// design is ill-conditioned (cond(X) above ~1e6) is solved by column-pivoting QR like
/// fit_var(), with the same singular_design decision. The GFEVD uses the recursion
/// K_h = sum_l Phi_l K_{h-l} on the Cholesky factor L of Sigma (K_h = A_h L), and the stability
/// check the last K_h: ||L^-1 K_{H-1}|| bounds rho(Phi)^(H-1), first by an O(N^2) bound, then
/// exactly, the eigenvalues only when both are inconclusive. Work per window about 32 N^3 flops
/// for p = 1 (Task C: N = 100, 2270 windows), spread over the threads; O(T N p) memory.
/// \throws InvalidArgument if window, lags or horizon is 0, T < W, W - p <= 1 + N p (too few
/// equations for the regressors), or a value is NaN/infinite under MissingPolicy::reject
/// (infinities are always rejected).
[[nodiscard]] RollingConnectedness rolling_connectedness(
    const Eigen::Ref<const Eigen::MatrixXd>& returns, const RollingConnectednessOptions& options);

}  // namespace marketshock::stats
