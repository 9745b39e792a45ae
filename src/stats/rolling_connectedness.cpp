#include <marketshock/stats/rolling_connectedness.hpp>

#include "detail/blocked_cholesky.hpp"
#include "detail/sliding_var_ols.hpp"
#include "detail/small_gemm.hpp"
#include "detail/stability.hpp"

#include <marketshock/core/require.hpp>
#include <marketshock/stats/connectedness.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <thread>

namespace marketshock::stats {

std::string_view to_string(MissingPolicy policy) noexcept {
  return policy == MissingPolicy::reject ? "reject" : "skip_window";
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Upper bound of ||L^-1 K||_inf for lower-triangular L, in O(N^2): |L^-1| <= M(L)^-1 elementwise
// for the comparison matrix M(L) (|l_ii| on the diagonal, -|l_ij| below; Higham, Accuracy and
// Stability of Numerical Algorithms, 2nd ed., Thm 8.12), so |L^-1 K| e <= M(L)^-1 (|K| e).
double inverse_product_norm_bound(const Eigen::MatrixXd& l, const Eigen::MatrixXd& k) {
  Eigen::VectorXd y = k.cwiseAbs().rowwise().sum();
  for (Eigen::Index j = 0; j < l.cols(); ++j) {  // forward substitution, column by column
    y(j) /= std::abs(l(j, j));
    y.tail(l.rows() - j - 1) += l.col(j).tail(l.rows() - j - 1).cwiseAbs() * y(j);
  }
  return y.maxCoeff();
}

// One thread's share of the windows.
class RollingWorker {
 public:
  RollingWorker(const Eigen::MatrixXd& y, const RollingConnectednessOptions& options,
                const std::vector<Eigen::Index>& missing_before, RollingConnectedness& out)
      : options_(options),
        missing_before_(missing_before),
        out_(out),
        ols_(y, static_cast<Eigen::Index>(options.lags), static_cast<Eigen::Index>(options.window)),
        n_(y.cols()),
        p_(static_cast<Eigen::Index>(options.lags)),
        w_(static_cast<Eigen::Index>(options.window)) {}

  [[nodiscard]] std::size_t exact_checks() const noexcept { return exact_checks_; }

  void run(Eigen::Index first_window, Eigen::Index end_window) {
    for (Eigen::Index w = first_window; w < end_window; ++w) {
      const Eigen::Index e = w + w_ - 1;
      if (missing_before_[static_cast<std::size_t>(e + 1)] !=
          missing_before_[static_cast<std::size_t>(e + 1 - w_)]) {
        ols_.invalidate();
        finish(w, StatStatus::missing_data);
        continue;
      }
      estimate(w, e);
    }
  }

 private:
  void finish(Eigen::Index w, StatStatus status) {
    out_.status[static_cast<std::size_t>(w)] = status;
    out_.total(w) = kNaN;
    out_.to.row(w).setConstant(kNaN);
    out_.from.row(w).setConstant(kNaN);
    out_.net.row(w).setConstant(kNaN);
  }

  void estimate(Eigen::Index w, Eigen::Index e) {
    const StatStatus fitted = ols_.fit(e);
    if (!is_usable(fitted)) return finish(w, fitted);
    ls_ = ols_.sigma();
    if (!detail::cholesky_in_place(ls_)) return finish(w, StatStatus::singular_covariance);
    gfevd();
    if (options_.check_stability) {
      const StabilityCheck check = stability();
      out_.spectral_radius(w) = check.spectral_radius;
      if (check.exact) ++exact_checks_;
      if (!check.stable) return finish(w, StatStatus::explosive);
    }
    const Connectedness c = connectedness_from_fevd(theta_);
    if (!is_usable(c.status)) return finish(w, c.status);
    out_.status[static_cast<std::size_t>(w)] = StatStatus::ok;
    out_.total(w) = c.total;
    out_.to.row(w) = c.to.transpose();
    out_.from.row(w) = c.from.transpose();
    out_.net.row(w) = c.net.transpose();
  }

  // theta from K_h = A_h L (L L' = Sigma): (A_h Sigma)_ij = (K_h L')_ij and
  // (A_h Sigma A_h')_ii = ||row i of K_h||^2, with K_0 = L and K_h = sum_l Phi_l K_{h-l}:
  // per step one product (2 N^3) and one triangular product (N^3) whose squares go straight
  // into the numerator (small_gemm: AVX2 + FMA where the processor has them).
  void gfevd() {
    const auto horizon = static_cast<Eigen::Index>(options_.horizon);
    const Eigen::MatrixXd& sigma = ols_.sigma();
    phi_.resize(static_cast<std::size_t>(p_));
    for (Eigen::Index l = 0; l < p_; ++l)
      phi_[static_cast<std::size_t>(l)] = ols_.slopes().middleRows(l * n_, n_).transpose();
    k_hist_.resize(static_cast<std::size_t>(p_ + 1));
    k_hist_[0] = ls_;
    num_ = sigma.cwiseAbs2();
    den_ = sigma.diagonal();
    for (Eigen::Index h = 1; h < horizon; ++h) {
      // k_hist_[l] holds K_{h-1-l}; shift, then fill K_h into slot 0.
      std::rotate(k_hist_.rbegin(), k_hist_.rbegin() + 1, k_hist_.rend());
      Eigen::MatrixXd& kh = k_hist_[0];
      kh.resize(n_, n_);
      for (Eigen::Index l = 1; l <= std::min(h, p_); ++l) {
        detail::small_gemm(l == 1 ? detail::GemmUpdate::assign : detail::GemmUpdate::add,
                           phi_[static_cast<std::size_t>(l - 1)],
                           k_hist_[static_cast<std::size_t>(l)], detail::GemmOperand::plain, kh);
      }
      detail::small_gemm(detail::GemmUpdate::add_squares, kh, ls_,
                         detail::GemmOperand::transposed_lower, num_);
      den_ += kh.cwiseAbs2().rowwise().sum();
    }
    theta_ =
        (num_.array().rowwise() / sigma.diagonal().transpose().array()).colwise() / den_.array();
  }

  // For p = 1 the last K is Phi^(H-1) L, and L^-1 K (similar to Phi^(H-1)) bounds
  // rho(Phi)^(H-1) through its infinity norm: first by an O(N^2) bound, then exactly.
  StabilityCheck stability() {
    const auto horizon = static_cast<int>(options_.horizon);
    if (p_ == 1) {
      const Eigen::MatrixXd phi = ols_.slopes().transpose();
      if (horizon < 3) return detail::certify_stability(phi, phi, 1);
      const double bound = inverse_product_norm_bound(ls_, k_hist_[0]);
      if (bound < 1.0) {
        StabilityCheck check;
        check.stable = true;
        check.spectral_radius = std::pow(bound, 1.0 / (horizon - 1));
        return check;
      }
      Eigen::MatrixXd power = k_hist_[0];
      detail::solve_lower_in_place(ls_, power);
      return detail::certify_stability(phi, power, horizon - 1);
    }
    const Eigen::Index k = n_ * p_;
    Eigen::MatrixXd companion = Eigen::MatrixXd::Zero(k, k);
    companion.topRows(n_) = ols_.slopes().transpose();
    companion.bottomLeftCorner(k - n_, k - n_).setIdentity();
    return detail::certify_stability(companion, companion, 1);
  }

  const RollingConnectednessOptions& options_;
  const std::vector<Eigen::Index>& missing_before_;
  RollingConnectedness& out_;
  detail::SlidingVarOls ols_;
  Eigen::Index n_, p_, w_;
  Eigen::MatrixXd ls_, num_, theta_;
  std::vector<Eigen::MatrixXd> phi_;
  Eigen::VectorXd den_;
  std::vector<Eigen::MatrixXd> k_hist_;
  std::size_t exact_checks_ = 0;
};

}  // namespace

RollingConnectedness rolling_connectedness(const Eigen::Ref<const Eigen::MatrixXd>& returns,
                                           const RollingConnectednessOptions& options) {
  const Eigen::Index t_rows = returns.rows();
  const Eigen::Index n = returns.cols();
  MARKETSHOCK_REQUIRE(options.window > 0 && options.lags > 0 && options.horizon > 0,
                      "rolling connectedness: window, lags and horizon must be positive");
  MARKETSHOCK_REQUIRE(n > 0, "rolling connectedness: no series");
  MARKETSHOCK_REQUIRE(options.window <= kMaxConnectednessWindow &&
                          options.lags <= kMaxConnectednessLags &&
                          options.horizon <= kMaxConnectednessHorizon &&
                          static_cast<std::size_t>(n) <= kMaxConnectednessSeries,
                      "rolling connectedness: window {} (at most {}), lags {} (at most {}), "
                      "horizon {} (at most {}), {} series (at most {})",
                      options.window, kMaxConnectednessWindow, options.lags, kMaxConnectednessLags,
                      options.horizon, kMaxConnectednessHorizon, n, kMaxConnectednessSeries);
  const auto w = static_cast<Eigen::Index>(options.window);
  const auto p = static_cast<Eigen::Index>(options.lags);
  MARKETSHOCK_REQUIRE(t_rows >= w, "rolling connectedness: {} rows, fewer than the window of {}",
                      t_rows, w);
  MARKETSHOCK_REQUIRE(w - p > 1 + n * p,
                      "rolling connectedness: a window of {} rows gives {} equations for VAR({}) "
                      "of {} series, which needs more than N p + 1 = {}",
                      w, w - p, p, n, 1 + n * p);
  // Missing rows (prefix counts, so a window's check is O(1)) and column means for the shift.
  std::vector<Eigen::Index> missing_before(static_cast<std::size_t>(t_rows) + 1, 0);
  Eigen::VectorXd mean = Eigen::VectorXd::Zero(n);
  Eigen::VectorXd count = Eigen::VectorXd::Zero(n);
  for (Eigen::Index t = 0; t < t_rows; ++t) {
    bool missing = false;
    for (Eigen::Index j = 0; j < n; ++j) {
      const double v = returns(t, j);
      MARKETSHOCK_REQUIRE(!std::isinf(v),
                          "rolling connectedness: infinite value at row {}, "
                          "column {}",
                          t, j);
      if (std::isnan(v)) {
        MARKETSHOCK_REQUIRE(options.missing != MissingPolicy::reject,
                            "rolling connectedness: missing value at row {}, column {} (fill it, "
                            "or use MissingPolicy::skip_window)",
                            t, j);
        missing = true;
      } else {
        mean(j) += v;
        count(j) += 1.0;
      }
    }
    missing_before[static_cast<std::size_t>(t) + 1] =
        missing_before[static_cast<std::size_t>(t)] + (missing ? 1 : 0);
  }
  mean = (count.array() > 0.0).select(mean.array() / count.array(), 0.0);
  const Eigen::MatrixXd shifted = returns.rowwise() - mean.transpose();

  const Eigen::Index windows = t_rows - w + 1;
  RollingConnectedness out;
  out.window_end.resize(static_cast<std::size_t>(windows));
  for (Eigen::Index k = 0; k < windows; ++k)
    out.window_end[static_cast<std::size_t>(k)] = k + w - 1;
  out.total = Eigen::VectorXd::Constant(windows, kNaN);
  out.to = out.from = out.net = Eigen::MatrixXd::Constant(windows, n, kNaN);
  out.spectral_radius = Eigen::VectorXd::Constant(windows, kNaN);
  out.status.assign(static_cast<std::size_t>(windows), StatStatus::ok);

  unsigned threads = options.threads != 0 ? options.threads : std::thread::hardware_concurrency();
  threads =
      std::clamp<unsigned>(threads, 1U, static_cast<unsigned>(std::min<Eigen::Index>(windows, 64)));
  std::vector<RollingWorker> workers;
  workers.reserve(threads);
  for (unsigned i = 0; i < threads; ++i)
    workers.emplace_back(shifted, options, missing_before, out);
  std::vector<std::exception_ptr> errors(threads);
  const auto chunk = [&](unsigned i) { return windows * static_cast<Eigen::Index>(i) / threads; };
  const auto work = [&](unsigned i) {
    try {
      workers[i].run(chunk(i), chunk(i + 1));
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back(work, i);
  work(0);
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  for (const RollingWorker& worker : workers) out.exact_stability_checks += worker.exact_checks();
  return out;
}

}  // namespace marketshock::stats
