// Co-exceedances against numpy quantiles (scripts/make_stats_golden.py) and a hand case.
#include <marketshock/core/error.hpp>
#include <marketshock/stats/co_exceedance.hpp>

#include "golden.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marketshock::stats {
namespace {

TEST(CoExceedance, MatchesTheReference) {
  const Eigen::MatrixXd r = golden::read_matrix("co_exceedance.csv");
  const nlohmann::json ref = golden::read_json("co_exceedance.json");
  CoExceedanceOptions o;
  o.quantile = ref["quantile"];
  o.quantile_rows = RowRange{ref["quantile_rows"][0], ref["quantile_rows"][1]};
  o.min_observations = ref["min_observations"];
  const CoExceedances got = co_exceedances(r, o);
  EXPECT_LT(golden::max_abs_diff(got.thresholds, golden::vector(ref["thresholds"])), 1e-15);
  EXPECT_EQ(got.counts, golden::vector(ref["counts"]).cast<int>());
  EXPECT_EQ(got.present, golden::vector(ref["present"]).cast<int>());
  const SessionRank rank = rank_session(got, ref["rank_row"]);
  EXPECT_EQ(rank.rank, ref["rank"].get<std::size_t>());
  EXPECT_EQ(rank.ties, ref["ties"].get<std::size_t>());
  EXPECT_EQ(rank.rank, 1U);  // the simulated crash day
}

TEST(CoExceedance, HandCase) {
  Eigen::MatrixXd r(5, 2);
  r << 1, 10, 2, 20, 3, 30, 4, 40, 5, 50;
  CoExceedanceOptions o;
  o.quantile = 0.5;  // thresholds 3 and 30: rows 0 and 1 of both are below
  o.min_observations = 5;
  const CoExceedances got = co_exceedances(r, o);
  EXPECT_EQ(got.thresholds, Eigen::Vector2d(3.0, 30.0));
  EXPECT_EQ(got.counts, (Eigen::VectorXi(5) << 2, 2, 0, 0, 0).finished());
  const SessionRank first = rank_session(got, 0);
  EXPECT_EQ(first.rank, 1U);
  EXPECT_EQ(first.ties, 1U);
  EXPECT_EQ(rank_session(got, 4).rank, 3U);
  o.quantile = 1.0;
  EXPECT_THAT([&] { (void)co_exceedances(r, o); },
              ::testing::ThrowsMessage<InvalidArgument>(::testing::HasSubstr("outside (0, 1)")));
}

}  // namespace
}  // namespace marketshock::stats
