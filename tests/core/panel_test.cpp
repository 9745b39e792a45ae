#include <marketshock/core/panel.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace marketshock {
namespace {

using boost::gregorian::date;

TEST(Panel, StartsAsNaNAndComputesReturns) {
  Panel closes({date(2025, 1, 24), date(2025, 1, 27), date(2025, 1, 28)},
               {Symbol("NVDA"), Symbol("MSFT")});
  EXPECT_EQ(closes.present_per_session().sum(), 0);
  auto& v = closes.values();
  v(0, 0) = 142.62;
  v(1, 0) = 118.42;
  v(2, 0) = 128.99;
  v(0, 1) = 444.06;
  v(1, 1) = 434.56;  // MSFT 2025-01-28 left missing
  const Panel r = closes.simple_returns();
  EXPECT_TRUE(std::isnan(r.values()(0, 0)));
  EXPECT_NEAR(r.values()(1, 0), -0.169681, 1e-6);
  EXPECT_NEAR(r.values()(1, 1), -0.021393, 1e-6);
  EXPECT_TRUE(std::isnan(r.values()(2, 1)));
  EXPECT_EQ(closes.present_per_session()(2), 1);
  EXPECT_EQ(closes.row_of(date(2025, 1, 27)).value(), 1u);
  EXPECT_FALSE(closes.row_of(date(2025, 1, 25)).has_value());
  EXPECT_EQ(closes.column_of(Symbol("MSFT")).value(), 1u);
  EXPECT_FALSE(closes.column_of(Symbol("AAPL")).has_value());
}

TEST(Panel, RejectsDuplicateSymbolsAndUnsortedSessions) {
  EXPECT_THAT(
      [] {
        Panel({date(2025, 1, 24)}, {Symbol("A"), Symbol("A")});
      },
      testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr("symbol A appears twice")));
  EXPECT_THROW(Panel({date(2025, 1, 27), date(2025, 1, 24)}, {Symbol("A")}), InvalidArgument);
}

}  // namespace
}  // namespace marketshock
