// explain_figure refuses figures that no basis can be measured against: NaN, infinities, zero,
// and a fall of more than 100%, with an InvalidArgument naming the argument.
#include <marketshock/records/explain.hpp>

#include <marketshock/core/error.hpp>

#include "support/embedded_dataset.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <string>

namespace marketshock::records {
namespace {

using boost::gregorian::date;
using testing::HasSubstr;
using testing::ThrowsMessage;

const MarketData& data() {
  return testing_support::embedded_dataset().data;
}

void explain(PublishedFigure figure) {
  (void)explain_figure(data(), "NVDA", date(2025, 1, 27), figure);
}

TEST(ExplainArguments, UsdMustBeFiniteAndNonZero) {
  constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
  constexpr double kInf = std::numeric_limits<double>::infinity();
  for (const double usd : {kNan, kInf, -kInf, 0.0, -0.0}) {
    EXPECT_THAT(
        [usd] {
          explain({usd, std::nullopt});
        },
        ThrowsMessage<InvalidArgument>(HasSubstr("figure.usd must be a finite, non-zero")))
        << usd;
  }
  EXPECT_NO_THROW(explain({-589e9, std::nullopt}));
}

TEST(ExplainArguments, FractionMustBeFiniteNonZeroAndAtLeastMinusOne) {
  constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
  constexpr double kInf = std::numeric_limits<double>::infinity();
  for (const double fraction : {kNan, kInf, -kInf, 0.0, -1.5}) {
    EXPECT_THAT(
        [fraction] {
          explain({std::nullopt, fraction});
        },
        ThrowsMessage<InvalidArgument>(HasSubstr("figure.fraction must be finite")))
        << fraction;
  }
  EXPECT_THAT(
      [] {
        explain({std::nullopt, -1.5});
      },
      ThrowsMessage<InvalidArgument>(HasSubstr("not -1.5")));
  EXPECT_NO_THROW(explain({std::nullopt, -1.0}));
  EXPECT_NO_THROW(explain({std::nullopt, 0.18}));
}

}  // namespace
}  // namespace marketshock::records
