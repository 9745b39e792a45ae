// Forbes-Rigobon against numpy/scipy (scripts/make_stats_golden.py) and hand cases.
#include <marketshock/core/error.hpp>
#include <marketshock/stats/forbes_rigobon.hpp>

#include "golden.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace marketshock::stats {
namespace {

using golden::near_rel;
using golden::number;

TEST(ForbesRigobon, MatchesTheReference) {
  const Eigen::MatrixXd data = golden::read_matrix("forbes_rigobon.csv");
  const nlohmann::json ref = golden::read_json("forbes_rigobon.json");
  const RowRange tranquil{ref["tranquil"][0], ref["tranquil"][1]};
  const RowRange turmoil{ref["turmoil"][0], ref["turmoil"][1]};
  const std::vector<ForbesRigobonResult> got =
      forbes_rigobon_each(data.col(0), data.rightCols(data.cols() - 1), tranquil, turmoil);
  ASSERT_EQ(got.size(), ref["targets"].size());
  for (std::size_t j = 0; j < got.size(); ++j) {
    SCOPED_TRACE(::testing::Message() << "target " << j);
    const nlohmann::json& r = ref["targets"][j];
    EXPECT_EQ(got[j].status, StatStatus::ok);
    EXPECT_EQ(got[j].tranquil_days, r["tranquil_days"].get<std::size_t>());
    EXPECT_EQ(got[j].turmoil_days, r["turmoil_days"].get<std::size_t>());
    for (const auto& [value, key] :
         {std::pair{got[j].tranquil_correlation, "tranquil_correlation"},
          {got[j].turmoil_correlation, "turmoil_correlation"},
          {got[j].variance_increase, "variance_increase"},
          {got[j].adjusted_turmoil_correlation, "adjusted_turmoil_correlation"},
          {got[j].z_unadjusted, "z_unadjusted"},
          {got[j].z_adjusted, "z_adjusted"},
          {got[j].p_unadjusted, "p_unadjusted"},
          {got[j].p_adjusted, "p_adjusted"}}) {
      EXPECT_TRUE(near_rel(value, number(r[key]), 1e-10)) << key;
    }
  }
  // The simulated targets 3 and 4 have a genuinely higher loading in turmoil; 0..2 do not, and
  // the adjustment removes their spurious rise (the point of Forbes-Rigobon).
  EXPECT_LT(got[3].p_adjusted, 0.01);
  for (int j : {0, 1, 2}) {
    EXPECT_GT(got[j].turmoil_correlation, got[j].tranquil_correlation);
    EXPECT_GT(got[j].p_adjusted, 0.05);
  }
}

TEST(ForbesRigobon, NoVarianceChangeLeavesTheCorrelation) {
  Eigen::VectorXd x(40), y(40);
  for (Eigen::Index t = 0; t < 40; ++t) {
    x(t) = std::sin(0.7 * static_cast<double>(t));
    y(t) = x(t) + 0.5 * std::cos(1.3 * static_cast<double>(t));
  }
  x.tail(20) = x.head(20);  // same source variance in both halves
  y.tail(20) = y.head(20);
  const ForbesRigobonResult r = forbes_rigobon(x, y, {0, 20}, {20, 40});
  EXPECT_NEAR(r.variance_increase, 0.0, 1e-14);
  EXPECT_NEAR(r.adjusted_turmoil_correlation, r.turmoil_correlation, 1e-14);
  EXPECT_NEAR(r.z_adjusted, 0.0, 1e-12);
  EXPECT_NEAR(r.p_adjusted, 0.5, 1e-12);
}

TEST(ForbesRigobon, DegenerateInputGivesAStatus) {
  Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(40, -1.0, 1.0);
  Eigen::VectorXd y = Eigen::VectorXd::Constant(40, 0.01);
  EXPECT_EQ(forbes_rigobon(x, y, {0, 20}, {20, 40}).status, StatStatus::zero_variance);
  y = x.array().square();
  EXPECT_EQ(forbes_rigobon(x, y, {0, 20}, {20, 25}).status, StatStatus::too_few_observations);
  EXPECT_THAT(
      [&] {
        (void)forbes_rigobon(x, y, {0, 25}, {20, 40});
      },
      ::testing::ThrowsMessage<InvalidArgument>(::testing::HasSubstr("overlap")));
  EXPECT_THAT(
      [&] {
        (void)forbes_rigobon(x, y, {0, 20}, {20, 41});
      },
      ::testing::ThrowsMessage<InvalidArgument>(::testing::HasSubstr("outside")));
}

}  // namespace
}  // namespace marketshock::stats
