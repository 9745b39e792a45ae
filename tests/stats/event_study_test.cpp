// The event study against scripts/make_stats_golden.py (statsmodels OLS and prediction standard
// errors, numpy CAR variances, scipy p-values and ranks), plus hand-checked cases.
#include <marketshock/core/error.hpp>
#include <marketshock/stats/abnormal_returns.hpp>
#include <marketshock/stats/event_study.hpp>
#include <marketshock/stats/event_tests.hpp>

#include "golden.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace marketshock::stats {
namespace {

using golden::near_rel;
using golden::number;

constexpr double kTol = 1e-9;  // relative; the differences seen are ~1e-13

struct Golden {
  Eigen::MatrixXd panel = golden::read_matrix("event_panel.csv");
  nlohmann::json ref = golden::read_json("event_study.json");
  EventStudySpec spec;
  Golden() {
    spec.estimation = {ref["estimation"][0], ref["estimation"][1]};
    spec.min_estimation = ref["min_estimation"];
    spec.windows.clear();
    for (const auto& w : ref["windows"]) spec.windows.push_back({w[0], w[1]});
  }
};

const Golden& golden_case() {
  static const Golden g;
  return g;
}

void expect_test(const TestStatistic& got, const nlohmann::json& want, const char* name) {
  EXPECT_TRUE(near_rel(got.statistic, number(want[0]), kTol)) << name;
  EXPECT_TRUE(near_rel(got.p_value, number(want[1]), 1e-8)) << name << " p-value";
}

class EventStudyGolden : public ::testing::TestWithParam<ReturnModel> {};

TEST_P(EventStudyGolden, FirmsAndTestsMatchTheReference) {
  const Golden& g = golden_case();
  EventStudySpec spec = g.spec;
  spec.model = GetParam();
  const nlohmann::json& ref = g.ref["models"][std::string(to_string(spec.model))];
  const Eigen::MatrixXd returns = g.panel.rightCols(g.panel.cols() - 1);
  const std::vector<FirmEventStudy> firms =
      event_study(returns, g.panel.col(0), g.ref["event_row"].get<Eigen::Index>(), spec);
  ASSERT_EQ(firms.size(), ref["firms"].size());
  for (std::size_t j = 0; j < firms.size(); ++j) {
    SCOPED_TRACE(::testing::Message() << "firm " << j);
    const FirmEventStudy& f = firms[j];
    const nlohmann::json& r = ref["firms"][j];
    EXPECT_EQ(f.fit.observations, r["observations"].get<std::size_t>());
    if (!r["usable"].get<bool>()) {
      EXPECT_EQ(f.fit.status, StatStatus::too_few_observations);
      EXPECT_TRUE(std::isnan(f.windows[0].car));
      continue;
    }
    EXPECT_TRUE(is_usable(f.fit.status));
    EXPECT_EQ(f.fit.status, f.fit.observations < 240 ? StatStatus::short_sample : StatStatus::ok);
    EXPECT_TRUE(near_rel(f.fit.alpha, number(r["alpha"]), kTol));
    EXPECT_TRUE(near_rel(f.fit.beta, number(r["beta"]), kTol));
    EXPECT_TRUE(near_rel(f.fit.residual_variance, number(r["residual_variance"]), kTol));
    EXPECT_EQ(f.fit.degrees_of_freedom, r["dof"].get<std::size_t>());
    EXPECT_LT(golden::max_abs_diff(f.event_abnormal, golden::vector(r["event_abnormal"])), 1e-15);
    EXPECT_LT(golden::max_abs_diff(f.event_standardised, golden::vector(r["event_standardised"])),
              1e-10);
    for (std::size_t w = 0; w < f.windows.size(); ++w) {
      const nlohmann::json& rw = r["windows"][w];
      EXPECT_EQ(f.windows[w].days, rw["days"].get<std::size_t>());
      EXPECT_TRUE(near_rel(f.windows[w].car, number(rw["car"]), kTol));
      EXPECT_TRUE(near_rel(f.windows[w].car_variance, number(rw["car_variance"]), kTol));
      EXPECT_TRUE(near_rel(f.windows[w].scar, number(rw["scar"]), kTol));
      EXPECT_TRUE(near_rel(f.windows[w].p_value, number(rw["p_value"]), 1e-8));
      EXPECT_TRUE(near_rel(f.windows[w].bhar, number(rw["bhar"]), kTol));
    }
  }
  for (std::size_t w = 0; w < spec.windows.size(); ++w) {
    SCOPED_TRACE(::testing::Message() << "window " << to_string(spec.windows[w]));
    const SampleTests t = sample_tests(firms, w);
    const nlohmann::json& r = ref["tests"][w];
    EXPECT_EQ(t.firms, r["firms"].get<std::size_t>());
    EXPECT_TRUE(near_rel(t.mean_car, number(r["mean_car"]), kTol));
    EXPECT_TRUE(near_rel(t.mean_bhar, number(r["mean_bhar"]), kTol));
    EXPECT_TRUE(
        near_rel(t.mean_residual_correlation, number(r["mean_residual_correlation"]), kTol));
    expect_test(t.cross_sectional_t, r["cross_sectional_t"], "cross-sectional t");
    expect_test(t.patell, r["patell"], "Patell");
    expect_test(t.bmp, r["bmp"], "BMP");
    expect_test(t.kolari_pynnonen, r["kolari_pynnonen"], "Kolari-Pynnonen");
    expect_test(t.corrado_rank, r["corrado_rank"], "Corrado rank");
    expect_test(t.generalized_sign, r["generalized_sign"], "generalized sign");
  }
}

INSTANTIATE_TEST_SUITE_P(Models, EventStudyGolden,
                         ::testing::Values(ReturnModel::market_model, ReturnModel::market_adjusted,
                                           ReturnModel::mean_adjusted),
                         [](const auto& param_info) {
                           return std::string(to_string(param_info.param));
                         });

TEST(EventStudy, MarketAdjustedAbnormalReturnIsTheDifference) {
  Eigen::VectorXd r(6), m(6);
  r << 0.01, -0.02, 0.015, 0.0, 0.01, -0.17;
  m << 0.005, -0.01, 0.01, 0.002, 0.004, -0.0146;
  EventStudySpec spec;
  spec.model = ReturnModel::market_adjusted;
  spec.estimation = {-5, -1};
  spec.min_estimation = 3;
  spec.windows = {{0, 0}};
  const FirmEventStudy f = firm_event_study(r, m, 5, spec);
  EXPECT_EQ(f.fit.status, StatStatus::ok);
  EXPECT_EQ(f.event_abnormal(0), -0.17 - -0.0146);
  EXPECT_EQ(f.windows[0].car, -0.17 - -0.0146);
  EXPECT_DOUBLE_EQ(f.windows[0].bhar, (1 - 0.17) - (1 - 0.0146));
}

TEST(EventStudy, MarketModelRecoversAnExactLine) {
  Eigen::VectorXd m(8), r(8);
  m << 0.01, -0.02, 0.03, 0.0, -0.01, 0.02, 0.005, -0.03;
  r = 0.001 + 1.5 * m.array();
  r(7) += 1e-6 * 0;  // exact line: residual variance 0 -> zero_variance, NaN
  EventStudySpec spec;
  spec.estimation = {-7, -1};
  spec.min_estimation = 3;
  spec.windows = {{0, 0}};
  const FirmEventStudy f = firm_event_study(r, m, 7, spec);
  EXPECT_EQ(f.fit.status, StatStatus::zero_variance);
  EXPECT_TRUE(std::isnan(f.windows[0].car));
}

TEST(EventStudy, ConstantBenchmarkIsASingularDesign) {
  Eigen::VectorXd m = Eigen::VectorXd::Constant(10, 0.001);
  Eigen::VectorXd r = Eigen::VectorXd::LinSpaced(10, -0.01, 0.01);
  EventStudySpec spec;
  spec.estimation = {-9, -1};
  spec.min_estimation = 3;
  spec.windows = {{0, 0}};
  EXPECT_EQ(firm_event_study(r, m, 9, spec).fit.status, StatStatus::singular_design);
}

TEST(EventStudy, RejectsWindowsOutsideTheData) {
  const Eigen::VectorXd x = Eigen::VectorXd::Zero(20);
  EventStudySpec spec;  // estimation -250..-11
  EXPECT_THAT([&] { (void)firm_event_study(x, x, 15, spec); },
              ::testing::ThrowsMessage<InvalidArgument>(
                  ::testing::HasSubstr("starts 235 sessions before the data")));
  spec.estimation = {-10, 0};
  EXPECT_THAT([&] { (void)firm_event_study(x, x, 15, spec); },
              ::testing::ThrowsMessage<InvalidArgument>(::testing::HasSubstr("overlaps window")));
  spec.estimation = {-10, -2};
  spec.windows = {{0, 5}};
  EXPECT_THAT([&] { (void)firm_event_study(x, x, 15, spec); },
              ::testing::ThrowsMessage<InvalidArgument>(::testing::HasSubstr("past the data")));
}

TEST(EventStudy, RelativeWindowText) {
  EXPECT_EQ(to_string(RelativeWindow{-1, 1}), "[-1,+1]");
  EXPECT_EQ(to_string(RelativeWindow{0, 0}), "[0,0]");
  EXPECT_EQ(to_string(RelativeWindow{0, 4}), "[0,+4]");
  EXPECT_EQ(try_parse_relative_window("[-1,+1]"), (RelativeWindow{-1, 1}));
  EXPECT_EQ(try_parse_relative_window("0,4"), (RelativeWindow{0, 4}));
  EXPECT_FALSE(try_parse_relative_window("4,0"));
  EXPECT_FALSE(try_parse_relative_window("x,1"));
  EXPECT_FALSE(try_parse_relative_window("1"));
}

TEST(EventTests, OneFirmHasNoCrossSection) {
  const Golden& g = golden_case();
  const std::vector<FirmEventStudy> firms =
      event_study(g.panel.col(1), g.panel.col(0), g.ref["event_row"].get<Eigen::Index>(), g.spec);
  const SampleTests t = sample_tests(firms, 0);
  EXPECT_EQ(t.firms, 1U);
  EXPECT_EQ(t.cross_sectional_t.status, StatStatus::too_few_observations);
  EXPECT_TRUE(std::isnan(t.cross_sectional_t.statistic));
  EXPECT_EQ(t.bmp.status, StatStatus::too_few_observations);
  EXPECT_EQ(t.patell.status, StatStatus::ok);  // Patell is defined for one firm: its SCAR, scaled
}

}  // namespace
}  // namespace marketshock::stats
