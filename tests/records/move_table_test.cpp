#include <marketshock/records/move_table.hpp>

#include "records/records_fixtures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <type_traits>

namespace marketshock::records {
namespace {

using namespace testing_fixtures;

static_assert(!std::is_constructible_v<MoveTable, MarketData&&>, "a table must not dangle");
static_assert(std::is_constructible_v<MoveTable, const MarketData&>);

TEST(MoveTable, OneRowPerBarGroupedBySecurity) {
  const MarketData data = ranking_market();
  const MoveTable table(data);
  const SecurityMoveColumns& rows = table.securities();
  ASSERT_EQ(data.security_count(), 9u);
  EXPECT_EQ(rows.date.size(), 9u * 6u);
  EXPECT_EQ(rows.begin.size(), 10u);
  EXPECT_EQ(*table.first_date(), S1);
  EXPECT_EQ(*table.last_date(), S6);
  // AAA is security 0: its first bar has no previous bar, S5 lost (80 - 99) x 1e9 = -19e9.
  EXPECT_EQ(rows.status[0], ValuationStatus::no_previous_bar);
  EXPECT_TRUE(std::isnan(rows.close_return[0]));
  EXPECT_EQ(rows.date[4], S5);
  EXPECT_DOUBLE_EQ(rows.change_usd[4], -19e9);
  EXPECT_DOUBLE_EQ(rows.previous_value_usd[4], 99e9);
  // SPL (security 7) splits 10-for-1 on S4 (its 4th row): return 0, change 0.
  const std::uint32_t spl = rows.begin[data.require("SPL").value()] + 3;
  EXPECT_EQ(rows.date[spl], S4);
  EXPECT_DOUBLE_EQ(rows.close_return[spl], 0.0);
  EXPECT_DOUBLE_EQ(rows.change_usd[spl], 0.0);
}

TEST(MoveTable, IssuerRowsSumTheirClasses) {
  const MarketData data = ranking_market();
  const MoveTable table(data);
  const IssuerMoveColumns& issuers = table.issuers();
  ASSERT_EQ(issuers.issuers.size(), 8u);
  EXPECT_EQ(issuers.issuers[1], IssuerId("alphabet"));  // "aaa" < "alphabet" < "bbb"
  // Six Alphabet days, each made of two security rows (GOOG, then GOOGL).
  EXPECT_EQ(issuers.begin[2] - issuers.begin[1], 6u);
  const std::uint32_t s5 = issuers.begin[1] + 4;
  EXPECT_EQ(issuers.date[s5], S5);
  EXPECT_EQ(issuers.part_begin[s5 + 1] - issuers.part_begin[s5], 2u);
  // -4e9 (GOOG) + -5e9 (GOOGL); previous 82e9 + 100e9.
  EXPECT_DOUBLE_EQ(issuers.change_usd[s5], -9e9);
  EXPECT_DOUBLE_EQ(issuers.previous_value_usd[s5], 182e9);
  EXPECT_EQ(issuers.status[issuers.begin[1]], ValuationStatus::no_previous_bar);
}

}  // namespace
}  // namespace marketshock::records
