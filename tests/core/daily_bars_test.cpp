#include <marketshock/core/daily_bars.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <utility>
#include <vector>

namespace marketshock {
namespace {

using boost::gregorian::date;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// NVDA as traded around the DeepSeek selloff (closes as published: 142.62, 118.42, 128.99).
std::vector<Bar> nvda_bars() {
  return {{date(2025, 1, 24), 148.37, 148.97, 141.88, 142.62, 234657600},
          {date(2025, 1, 27), 124.80, 128.40, 116.70, 118.42, 818830900},
          {date(2025, 1, 28), 121.81, 129.00, 116.25, 128.99, 579666400}};
}

TEST(DailyBars, StoresColumnsAndFindsDates) {
  const auto rows = nvda_bars();
  const DailyBars bars(Symbol("NVDA"), PriceBasis::as_traded(), rows);
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_EQ(bars.close()[1], 118.42);
  EXPECT_EQ(bars.low()[1], 116.70);
  EXPECT_EQ(bars.volume()[2], 579666400);
  EXPECT_EQ(bars.find(date(2025, 1, 27)).value(), 1u);
  EXPECT_FALSE(bars.find(date(2025, 1, 25)).has_value());
  EXPECT_EQ(bars.find_on_or_before(date(2025, 1, 26)).value(), 0u);
  EXPECT_FALSE(bars.find_on_or_before(date(2025, 1, 23)).has_value());
  EXPECT_EQ(bars.at(2).date, date(2025, 1, 28));
  EXPECT_EQ(bars.basis().describe(), "as traded");
}

TEST(DailyBars, MissingOpenHighLowAreAllowed) {
  const std::vector<Bar> rows{{date(2025, 1, 24), kNaN, kNaN, kNaN, 6101.24, -1}};
  const DailyBars bars(Symbol("SPX"), PriceBasis::as_traded(), rows);
  EXPECT_TRUE(std::isnan(bars.open()[0]));
}

TEST(DailyBars, RejectsInconsistentBarsNamingSymbolAndDate) {
  auto rows = nvda_bars();
  rows[1].low = 119.0;  // above the close
  EXPECT_THAT([&] { DailyBars(Symbol("NVDA"), PriceBasis::as_traded(), rows); },
              testing::ThrowsMessage<DataError>(
                  testing::HasSubstr("NVDA 2025-01-27: low above open or close")));
  rows = nvda_bars();
  rows[0].high = 145.0;  // above low and close, below the open
  EXPECT_THAT([&] { DailyBars(Symbol("NVDA"), PriceBasis::as_traded(), rows); },
              testing::ThrowsMessage<DataError>(testing::HasSubstr("high below open or close")));
  rows = nvda_bars();
  rows[2].close = -1.0;
  EXPECT_THROW(DailyBars(Symbol("NVDA"), PriceBasis::as_traded(), rows), DataError);
  rows = nvda_bars();
  rows[2].close = std::numeric_limits<double>::infinity();
  EXPECT_THROW(DailyBars(Symbol("NVDA"), PriceBasis::as_traded(), rows), DataError);
}

TEST(DailyBars, RejectsUnsortedAndDuplicateDates) {
  auto rows = nvda_bars();
  std::swap(rows[0], rows[1]);
  EXPECT_THAT([&] { DailyBars(Symbol("NVDA"), PriceBasis::as_traded(), rows); },
              testing::ThrowsMessage<DataError>(testing::HasSubstr(
                  "bar dates must strictly increase (2025-01-24 after 2025-01-27)")));
  rows = nvda_bars();
  rows[1].date = rows[0].date;
  EXPECT_THROW(DailyBars(Symbol("NVDA"), PriceBasis::as_traded(), rows), DataError);
}

TEST(DailyBars, CopiesShareTheirColumnsAndMovesKeepThem) {
  const auto rows = nvda_bars();
  const DailyBars bars(Symbol("NVDA"), PriceBasis::as_traded(), rows);
  const DailyBars copy = bars;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_EQ(copy.close().data(), bars.close().data());
  DailyBars moved_from = bars;
  const double* closes = moved_from.close().data();
  const DailyBars moved = std::move(moved_from);
  EXPECT_EQ(moved.close().data(), closes);
  EXPECT_EQ(moved.close()[1], 118.42);
}

// Columns held by someone else (as a memory-mapped column file holds them).
struct ForeignColumns {
  std::vector<date> dates{date(2025, 1, 24), date(2025, 1, 27), date(2025, 1, 28)};
  std::vector<double> open{148.37, 124.80, 121.81};
  std::vector<double> high{148.97, 128.40, 129.00};
  std::vector<double> low{141.88, 116.70, 116.25};
  std::vector<double> close{142.62, 118.42, 128.99};
  std::vector<std::int64_t> volume{234657600, 818830900, 579666400};

  [[nodiscard]] BarColumns view() const { return {dates, open, high, low, close, volume}; }
};

TEST(DailyBars, OverColumnsViewsThemAndKeepsTheirOwnerAlive) {
  auto owner = std::make_shared<ForeignColumns>();
  const std::weak_ptr<ForeignColumns> watch = owner;
  const BarColumns view = owner->view();
  const DailyBars bars = DailyBars::over_columns(Symbol("NVDA"), PriceBasis::as_traded(), view,
                                                 std::move(owner), ColumnCheck::every_invariant);
  EXPECT_FALSE(watch.expired());
  EXPECT_EQ(bars.close().data(), view.close.data());
  EXPECT_EQ(bars.find(date(2025, 1, 27)).value(), 1u);
  EXPECT_EQ(bars.at(2).volume, 579666400);
}

TEST(DailyBars, OverColumnsChecksWhatItIsAskedTo) {
  auto columns = std::make_shared<ForeignColumns>();
  columns->low[1] = 119.0;  // above the close: only a full check sees it
  EXPECT_THAT(
      [&] {
        (void)DailyBars::over_columns(Symbol("NVDA"), PriceBasis::as_traded(), columns->view(),
                                      columns, ColumnCheck::every_invariant);
      },
      testing::ThrowsMessage<DataError>(
          testing::HasSubstr("NVDA 2025-01-27: low above open or close")));
  EXPECT_NO_THROW((void)DailyBars::over_columns(Symbol("NVDA"), PriceBasis::as_traded(),
                                                columns->view(), columns,
                                                ColumnCheck::dates_and_closes));
  columns->close[2] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THAT(
      [&] {
        (void)DailyBars::over_columns(Symbol("NVDA"), PriceBasis::as_traded(), columns->view(),
                                      columns, ColumnCheck::dates_and_closes);
      },
      testing::ThrowsMessage<DataError>(
          testing::HasSubstr("NVDA 2025-01-28: close must be finite and positive")));
  columns->close[2] = 128.99;
  columns->dates[2] = columns->dates[1];
  EXPECT_THAT(
      [&] {
        (void)DailyBars::over_columns(Symbol("NVDA"), PriceBasis::as_traded(), columns->view(),
                                      columns, ColumnCheck::dates_and_closes);
      },
      testing::ThrowsMessage<DataError>(testing::HasSubstr("bar dates must strictly increase")));
  BarColumns short_volume = columns->view();
  short_volume.volume = short_volume.volume.first(2);
  EXPECT_THAT(
      [&] {
        (void)DailyBars::over_columns(Symbol("NVDA"), PriceBasis::as_traded(), short_volume,
                                      columns, ColumnCheck::dates_and_closes);
      },
      testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr("columns differ in length")));
}

TEST(PriceBasis, DescribesItself) {
  EXPECT_EQ(PriceBasis::split_adjusted(date(2026, 4, 24)).describe(),
            "split-adjusted as of 2026-04-24");
  EXPECT_EQ(PriceBasis::split_and_dividend_adjusted(date(2025, 10, 8)).describe(),
            "split- and dividend-adjusted as of 2025-10-08");
  EXPECT_NE(PriceBasis::as_traded(), PriceBasis::split_adjusted(date(2026, 4, 24)));
}

}  // namespace
}  // namespace marketshock
