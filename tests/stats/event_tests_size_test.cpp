// The size of every test of event_tests.hpp by simulation: samples with no event effect, firms
// with estimation samples of different lengths (as on the embedded data, where one firm has 240
// days and six have 110), normal and fat-tailed returns. Under H0 a test must reject at 5% in
// about 5% of the samples: the band is 3.5%..6.5%, three standard errors of a rate from 2000
// samples (sqrt(0.05 x 0.95 / 2000) = 0.49%), with two exceptions stated where they are set
// (band()). Corrado's 1989 scale, which this test replaced, rejected in 1.2%..2% of such
// samples. Each rate is printed and recorded as a test property (--gtest_output=xml).
// Deterministic: one seed per case.
#include <marketshock/stats/event_study.hpp>
#include <marketshock/stats/event_tests.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace marketshock::stats {
namespace {

constexpr int kSamples = 2000;
constexpr int kFirms = 20;
constexpr int kShortFirms = 10;          // the second half: 110 estimation days instead of 240
constexpr Eigen::Index kEventRow = 250;  // estimation -250..-11 starts at row 0
constexpr Eigen::Index kRows = kEventRow + 5;
constexpr Eigen::Index kShortStart = 130;  // rows 130..239: 110 estimation days
constexpr double kLevel = 0.05;

enum class Tails { normal, student_t3 };

constexpr std::array<const char*, 6> kTestNames{"cross_sectional_t", "patell",  "bmp",
                                                "kolari_pynnonen",   "corrado", "generalized_sign"};

std::array<const TestStatistic*, 6> statistics(const SampleTests& t) {
  return {&t.cross_sectional_t, &t.patell,       &t.bmp,
          &t.kolari_pynnonen,   &t.corrado_rank, &t.generalized_sign};
}

// Unit-variance draws: standard normal, or Student t with 3 df scaled by sqrt(1/3) (fat tails:
// kurtosis infinite, as daily stock returns nearly are).
class Shocks {
 public:
  Shocks(Tails tails, std::uint64_t seed) : tails_(tails), engine_(seed) {}
  double operator()() {
    if (tails_ == Tails::normal) return normal_(engine_);
    return student_(engine_) * std::sqrt(1.0 / 3.0);
  }
  std::mt19937_64& engine() { return engine_; }

 private:
  Tails tails_;
  std::mt19937_64 engine_;
  std::normal_distribution<double> normal_{0.0, 1.0};
  std::student_t_distribution<double> student_{3.0};
};

struct Rates {
  // [window][test]: share of samples whose two-sided p-value is below 5%.
  std::vector<std::array<double, 6>> rejected;
  std::vector<RelativeWindow> windows;
};

Rates simulate(Tails tails, std::uint64_t seed) {
  Shocks shock(tails, seed);
  std::uniform_real_distribution<double> beta_draw(0.5, 1.5);
  std::uniform_real_distribution<double> sigma_draw(0.01, 0.03);
  EventStudySpec spec;  // market model, estimation -250..-11, windows [0,0] [-1,+1] [0,+4]
  Rates out;
  out.windows = spec.windows;
  out.rejected.assign(spec.windows.size(), {});
  Eigen::VectorXd market(kRows);
  Eigen::MatrixXd returns(kRows, kFirms);
  for (int sample = 0; sample < kSamples; ++sample) {
    for (Eigen::Index t = 0; t < kRows; ++t) market(t) = 0.0004 + 0.01 * shock();
    for (Eigen::Index j = 0; j < kFirms; ++j) {
      const double beta = beta_draw(shock.engine());
      const double sigma = sigma_draw(shock.engine());
      for (Eigen::Index t = 0; t < kRows; ++t) {
        returns(t, j) = (j >= kFirms - kShortFirms && t < kShortStart)
                            ? std::numeric_limits<double>::quiet_NaN()
                            : 0.0002 + beta * market(t) + sigma * shock();
      }
    }
    const std::vector<FirmEventStudy> firms = event_study(returns, market, kEventRow, spec);
    for (std::size_t w = 0; w < spec.windows.size(); ++w) {
      const SampleTests tests = sample_tests(firms, w);
      const auto all = statistics(tests);
      for (std::size_t k = 0; k < all.size(); ++k) {
        EXPECT_EQ(all[k]->status, StatStatus::ok) << kTestNames[k];
        if (all[k]->p_value < kLevel) out.rejected[w][k] += 1.0;
      }
    }
  }
  for (auto& row : out.rejected) {
    for (double& r : row) r /= kSamples;
  }
  return out;
}

struct Band {
  double lowest = 0.035;
  double highest = 0.065;
};

Band band(std::size_t test, Tails tails) {
  // Generalized sign: w, the firms with CAR > 0, is a count, so the test cannot reject at
  // exactly 5%; with 20 firms and p = 1/2 it rejects when w <= 5 or w >= 15, 4.14% of samples.
  const std::string_view name = kTestNames[test];
  if (name == "generalized_sign") return {0.025, 0.065};
  // Patell assumes normal abnormal returns (each SCAR a Student t with the fit's df): with
  // t(3) residuals the estimated variance is usually below the true one, the SCARs are too
  // dispersed and the test over-rejects (6.4%..6.8% here). Bounded, not hidden.
  if (name == "patell" && tails == Tails::student_t3) return {0.035, 0.085};
  return {};
}

void check_and_record(const Rates& rates, Tails tails, const char* label) {
  std::printf(
      "rejection rates at 5%% under H0, %d samples of %d firms (%d with 110 estimation "
      "days, %d with 240), %s returns:\n",
      kSamples, kFirms, kShortFirms, kFirms - kShortFirms, label);
  for (std::size_t w = 0; w < rates.windows.size(); ++w) {
    const std::string window = to_string(rates.windows[w]);
    std::printf("  %-8s", window.c_str());
    for (std::size_t k = 0; k < kTestNames.size(); ++k) {
      const double r = rates.rejected[w][k];
      std::printf("  %s %.2f%%", kTestNames[k], 100.0 * r);
      ::testing::Test::RecordProperty(
          std::string("rejection_") + label + "_" + kTestNames[k] + "_" + window,
          std::to_string(r));
      EXPECT_GE(r, band(k, tails).lowest)
          << kTestNames[k] << " " << window << " rejects too rarely";
      EXPECT_LE(r, band(k, tails).highest)
          << kTestNames[k] << " " << window << " rejects too often";
    }
    std::printf("\n");
  }
}

TEST(EventTestsSize, NormalReturnsUnequalEstimationLengths) {
  check_and_record(simulate(Tails::normal, 20250127), Tails::normal, "normal");
}

TEST(EventTestsSize, FatTailedReturnsUnequalEstimationLengths) {
  check_and_record(simulate(Tails::student_t3, 19920901), Tails::student_t3, "student_t3");
}

}  // namespace
}  // namespace marketshock::stats
