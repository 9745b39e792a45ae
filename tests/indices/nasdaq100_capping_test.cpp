// The Nasdaq-100 quarterly capping on small hand-computed universes.
#include <marketshock/core/error.hpp>
#include <marketshock/indices/nasdaq100_capping.hpp>

#include <gtest/gtest.h>

#include <vector>

namespace marketshock::indices {
namespace {

Eigen::VectorXd values(std::vector<double> weights) {
  Eigen::VectorXd v(static_cast<Eigen::Index>(weights.size()));
  // Any positive scale: issuer market values in USD.
  for (std::size_t i = 0; i < weights.size(); ++i)
    v[static_cast<Eigen::Index>(i)] = weights[i] * 3e13;
  return v;
}

std::vector<double> with_small(std::vector<double> large, std::size_t count, double each) {
  large.insert(large.end(), count, each);
  return large;
}

TEST(Nasdaq100Capping, NothingChangesBelowTheThresholds) {
  // 0.20 + 0.20 (large, 40% <= 48%) and 30 x 0.02.
  const auto r = cap_issuer_weights(values(with_small({0.20, 0.20}, 30, 0.02)));
  EXPECT_EQ(r.status, CappingStatus::not_triggered);
  EXPECT_NEAR(r.weights[0], 0.20, 1e-12);
  EXPECT_NEAR(r.weights[2], 0.02, 1e-12);
}

TEST(Nasdaq100Capping, SingleIssuerAbove24PercentSetTo20) {
  // 0.25 -> 0.20; the 0.05 excess spread over 0.75 in proportion: x 0.80 / 0.75.
  // 0.15 -> 0.16, 0.02 -> 0.021333; large aggregate 0.36 <= 0.48, so step 2 does not run.
  const auto r = cap_issuer_weights(values(with_small({0.25, 0.15}, 30, 0.02)));
  EXPECT_EQ(r.status, CappingStatus::capped);
  EXPECT_TRUE(r.single_issuer_step_applied);
  EXPECT_FALSE(r.aggregate_step_applied);
  EXPECT_NEAR(r.weights[0], 0.20, 1e-12);
  EXPECT_NEAR(r.weights[1], 0.16, 1e-12);
  EXPECT_NEAR(r.weights[2], 0.02 * 0.80 / 0.75, 1e-12);
  EXPECT_NEAR(r.weights.sum(), 1.0, 1e-12);
}

TEST(Nasdaq100Capping, LargeIssuersAbove48PercentScaledTo40) {
  // Large 0.20 + 0.20 + 0.10 = 0.50 > 0.48: x 0.8 -> 0.16 0.16 0.08; the 25 x 0.02 fill 0.60:
  // x 1.2 -> 0.024, below the 4.4% ceiling.
  const auto r = cap_issuer_weights(values(with_small({0.20, 0.20, 0.10}, 25, 0.02)));
  EXPECT_EQ(r.status, CappingStatus::capped);
  EXPECT_FALSE(r.single_issuer_step_applied);
  EXPECT_TRUE(r.aggregate_step_applied);
  EXPECT_NEAR(r.weights[0], 0.16, 1e-12);
  EXPECT_NEAR(r.weights[2], 0.08, 1e-12);
  EXPECT_NEAR(r.weights[3], 0.024, 1e-12);
  EXPECT_NEAR(r.uncapped_weights[0], 0.20, 1e-12);
}

TEST(Nasdaq100Capping, RedistributionStopsAt4Point4Percent) {
  // As above plus one issuer of 0.04 and 23 of 0.02: scaled x 1.2 the 0.04 becomes 0.048 > 0.044,
  // so it is set to 0.044 and the 23 others share 1 - 0.40 - 0.044 = 0.556: 0.556 / 23 each.
  const auto r = cap_issuer_weights(values(with_small({0.20, 0.20, 0.10, 0.04}, 23, 0.02)));
  EXPECT_EQ(r.status, CappingStatus::capped);
  EXPECT_NEAR(r.weights[3], 0.044, 1e-12);
  EXPECT_NEAR(r.weights[4], 0.556 / 23, 1e-12);
  EXPECT_NEAR(r.weights.head(3).sum(), 0.40, 1e-12);
  EXPECT_NEAR(r.weights.sum(), 1.0, 1e-12);
}

TEST(Nasdaq100Capping, TinyUniverseIsInfeasibleNotAnException) {
  // Four issuers of 25%: setting all to 20% leaves 20% nobody can take; market-value weights stay.
  const auto four = cap_issuer_weights(values({0.25, 0.25, 0.25, 0.25}));
  EXPECT_EQ(four.status, CappingStatus::infeasible);
  EXPECT_TRUE(four.single_issuer_step_applied);
  EXPECT_NEAR(four.weights[0], 0.25, 1e-12);
  // Five of 20%: all "large", 100% > 48%, and no small issuer to take the 60% left by a 40% cap.
  const auto five = cap_issuer_weights(values({0.2, 0.2, 0.2, 0.2, 0.2}));
  EXPECT_EQ(five.status, CappingStatus::infeasible);
  EXPECT_TRUE(five.aggregate_step_applied);
  EXPECT_NEAR(five.weights[0], 0.2, 1e-12);
  EXPECT_NEAR(five.weights.sum(), 1.0, 1e-12);
}

TEST(Nasdaq100Capping, RejectsNonPositiveValues) {
  EXPECT_THROW((void)cap_issuer_weights(values({0.5, 0.0, 0.5})), InvalidArgument);
  EXPECT_THROW((void)cap_issuer_weights(Eigen::VectorXd()), InvalidArgument);
}

}  // namespace
}  // namespace marketshock::indices
