#include <marketshock/stats/event_tests.hpp>

#include "detail/distributions.hpp"

#include <marketshock/core/require.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace marketshock::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct MeanSd {
  double mean = kNaN;
  double sd = kNaN;
};

MeanSd mean_sd(const std::vector<double>& x) {
  MeanSd out;
  if (x.empty()) return out;
  const double n = static_cast<double>(x.size());
  out.mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
  if (x.size() < 2) return out;
  double ss = 0.0;
  for (const double v : x) ss += (v - out.mean) * (v - out.mean);
  out.sd = std::sqrt(ss / (n - 1.0));
  return out;
}

// t = mean / (sd / sqrt N) with N-1 df; too_few with N < 2, zero_variance for sd == 0.
TestStatistic t_test(const std::vector<double>& x) {
  TestStatistic out;
  out.firms = x.size();
  if (x.size() < 2) {
    out.status = StatStatus::too_few_observations;
    return out;
  }
  const MeanSd m = mean_sd(x);
  if (!(m.sd > 0.0)) {
    out.status = StatStatus::zero_variance;
    return out;
  }
  const double n = static_cast<double>(x.size());
  out.statistic = m.mean / (m.sd / std::sqrt(n));
  out.p_value = detail::student_two_sided(out.statistic, n - 1.0);
  return out;
}

TestStatistic normal_test(double statistic, std::size_t firms, StatStatus status) {
  TestStatistic out;
  out.firms = firms;
  out.status = status;
  if (!is_usable(status)) return out;
  out.statistic = statistic;
  out.p_value = detail::normal_two_sided(statistic);
  return out;
}

// Mean over firm pairs of the correlation of their ARs on days both have one. Plain loops: no
// temporaries in the O(N^2 L) pair loop.
double mean_pairwise_correlation(const std::vector<const Eigen::VectorXd*>& series) {
  double sum = 0.0;
  std::size_t pairs = 0;
  for (std::size_t a = 0; a < series.size(); ++a) {
    for (std::size_t b = a + 1; b < series.size(); ++b) {
      const Eigen::VectorXd& x = *series[a];
      const Eigen::VectorXd& y = *series[b];
      double n = 0.0;
      double sx = 0.0;
      double sy = 0.0;
      for (Eigen::Index t = 0; t < x.size(); ++t) {
        if (!std::isfinite(x(t)) || !std::isfinite(y(t))) continue;
        n += 1.0;
        sx += x(t);
        sy += y(t);
      }
      if (n < 3) continue;
      const double mx = sx / n;
      const double my = sy / n;
      double sxx = 0.0;
      double syy = 0.0;
      double sxy = 0.0;
      for (Eigen::Index t = 0; t < x.size(); ++t) {
        if (!std::isfinite(x(t)) || !std::isfinite(y(t))) continue;
        sxx += (x(t) - mx) * (x(t) - mx);
        syy += (y(t) - my) * (y(t) - my);
        sxy += (x(t) - mx) * (y(t) - my);
      }
      const double denominator = std::sqrt(sxx * syy);
      if (!(denominator > 0.0)) continue;
      sum += sxy / denominator;
      ++pairs;
    }
  }
  return pairs == 0 ? kNaN : sum / static_cast<double>(pairs);
}

// Corrado-Zivney standardised ranks U = rank / (M + 1) - 1/2 of the finite entries of x (mid-ranks
// for ties, M the number of finite entries); NaN elsewhere.
Eigen::VectorXd standardised_ranks(const Eigen::VectorXd& x) {
  std::vector<Eigen::Index> order;
  for (Eigen::Index t = 0; t < x.size(); ++t) {
    if (std::isfinite(x(t))) order.push_back(t);
  }
  std::sort(order.begin(), order.end(),
            [&](Eigen::Index a, Eigen::Index b) { return x(a) < x(b); });
  Eigen::VectorXd u = Eigen::VectorXd::Constant(x.size(), kNaN);
  const double scale = 1.0 / (static_cast<double>(order.size()) + 1.0);
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && x(order[j + 1]) == x(order[i])) ++j;
    const double mid_rank = 0.5 * static_cast<double>(i + j) + 1.0;  // 1-based average rank
    for (std::size_t k = i; k <= j; ++k) u(order[k]) = mid_rank * scale - 0.5;
    i = j + 1;
  }
  return u;
}

// Corrado and Zivney (1992), formula in event_tests.hpp: per day t of the estimation window and
// event range, Z_t = sum_i U_it / sqrt(N_t) over the N_t firms with a rank that day; the scale
// S_U = sqrt(mean of Z_t^2 over the days with N_t > 0); the statistic sum of Z_t over the
// window's days / (sqrt(days) S_U).
TestStatistic corrado(const std::vector<const FirmEventStudy*>& firms, RelativeWindow window) {
  if (firms.empty()) return normal_test(kNaN, 0, StatStatus::too_few_observations);
  const RelativeWindow range = firms.front()->event_range;
  const Eigen::Index le = firms.front()->estimation_abnormal.size();
  const Eigen::Index total = le + static_cast<Eigen::Index>(range.days());
  Eigen::VectorXd u_sum = Eigen::VectorXd::Zero(total);
  Eigen::VectorXd present = Eigen::VectorXd::Zero(total);
  for (const FirmEventStudy* f : firms) {
    Eigen::VectorXd combined(total);
    combined << f->estimation_abnormal, f->event_abnormal;
    const Eigen::VectorXd u = standardised_ranks(combined);
    for (Eigen::Index t = 0; t < total; ++t) {
      if (std::isnan(u(t))) continue;
      u_sum(t) += u(t);
      present(t) += 1.0;
    }
  }
  // Z_t; days no firm has (a benchmark gap) carry no rank and are left out of every sum.
  const auto z = [&](Eigen::Index t) { return u_sum(t) / std::sqrt(present(t)); };
  double z2_sum = 0.0;
  double days = 0.0;
  for (Eigen::Index t = 0; t < total; ++t) {
    if (present(t) == 0.0) continue;
    z2_sum += z(t) * z(t);
    days += 1.0;
  }
  const double s_u = std::sqrt(z2_sum / days);
  double window_sum = 0.0;
  double window_days = 0.0;
  for (int d = window.first; d <= window.last; ++d) {
    const Eigen::Index t = le + (d - range.first);
    if (present(t) == 0.0) continue;
    window_sum += z(t);
    window_days += 1.0;
  }
  if (!(s_u > 0.0) || window_days == 0.0) {
    return normal_test(kNaN, firms.size(), StatStatus::zero_variance);
  }
  return normal_test(window_sum / (std::sqrt(window_days) * s_u), firms.size(), StatStatus::ok);
}

TestStatistic generalized_sign(const std::vector<const FirmEventStudy*>& firms,
                               const std::vector<double>& cars) {
  if (firms.empty()) return normal_test(kNaN, 0, StatStatus::too_few_observations);
  double p_sum = 0.0;
  for (const FirmEventStudy* f : firms) {
    const Eigen::ArrayXd& ar = f->estimation_abnormal.array();
    p_sum += static_cast<double>((ar > 0.0).count()) / static_cast<double>(ar.isFinite().count());
  }
  const double n = static_cast<double>(firms.size());
  const double p = p_sum / n;
  if (!(p > 0.0 && p < 1.0)) return normal_test(kNaN, firms.size(), StatStatus::zero_variance);
  const auto positive = static_cast<double>(
      std::count_if(cars.begin(), cars.end(), [](double c) { return c > 0.0; }));
  return normal_test((positive - n * p) / std::sqrt(n * p * (1.0 - p)), firms.size(),
                     StatStatus::ok);
}

}  // namespace

SampleTests sample_tests(std::span<const FirmEventStudy> firms, std::size_t window_index) {
  SampleTests out;
  std::vector<const FirmEventStudy*> used;
  std::vector<double> cars, scars, bhars;
  double patell_variance = 0.0;
  bool patell_ok = true;
  for (const FirmEventStudy& f : firms) {
    MARKETSHOCK_REQUIRE(window_index < f.windows.size(),
                        "event tests: window {} of a firm with {} windows", window_index,
                        f.windows.size());
    MARKETSHOCK_REQUIRE(
        f.windows[window_index].window == firms.front().windows[window_index].window &&
            f.event_range == firms.front().event_range &&
            f.estimation_abnormal.size() == firms.front().estimation_abnormal.size(),
        "event tests: the firms were not studied with one spec");
    const WindowAbnormal& w = f.windows[window_index];
    if (!is_usable(f.fit.status) || !std::isfinite(w.car)) continue;
    used.push_back(&f);
    cars.push_back(w.car);
    scars.push_back(w.scar);
    bhars.push_back(w.bhar);
    const auto d = static_cast<double>(f.fit.degrees_of_freedom);
    if (d > 2.0) {
      patell_variance += d / (d - 2.0);
    } else {
      patell_ok = false;
    }
  }
  if (!firms.empty()) out.window = firms.front().windows[window_index].window;
  out.firms = used.size();
  out.mean_car = mean_sd(cars).mean;
  out.mean_bhar = mean_sd(bhars).mean;
  out.cross_sectional_t = t_test(cars);
  out.bmp = t_test(scars);
  if (used.empty()) {
    out.patell = normal_test(kNaN, 0, StatStatus::too_few_observations);
  } else if (!patell_ok) {
    out.patell = normal_test(kNaN, used.size(), StatStatus::too_few_observations);
  } else {
    out.patell =
        normal_test(std::accumulate(scars.begin(), scars.end(), 0.0) / std::sqrt(patell_variance),
                    used.size(), StatStatus::ok);
  }
  std::vector<const Eigen::VectorXd*> residuals;
  residuals.reserve(used.size());
  for (const FirmEventStudy* f : used) residuals.push_back(&f->estimation_abnormal);
  out.mean_residual_correlation = mean_pairwise_correlation(residuals);
  out.kolari_pynnonen = out.bmp;
  if (is_usable(out.bmp.status)) {
    const double n = static_cast<double>(used.size());
    const double r = out.mean_residual_correlation;
    const double factor = (1.0 - r) / (1.0 + (n - 1.0) * r);
    if (std::isfinite(r) && factor > 0.0) {
      out.kolari_pynnonen.statistic = out.bmp.statistic * std::sqrt(factor);
      out.kolari_pynnonen.p_value =
          detail::student_two_sided(out.kolari_pynnonen.statistic, n - 1.0);
    } else {
      out.kolari_pynnonen = normal_test(kNaN, used.size(), StatStatus::zero_variance);
    }
  }
  out.corrado_rank = corrado(used, out.window);
  out.generalized_sign = generalized_sign(used, cars);
  return out;
}

}  // namespace marketshock::stats
