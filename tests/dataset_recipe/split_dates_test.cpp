// Dating a split from the tick grid of split-adjusted prices, on hand-made series whose traded
// prices are whole cents, stored as float32 the way the vendor files store them.
#include "split_dates.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace marketshock::recipe {
namespace {

using boost::gregorian::date;
using testing::HasSubstr;

const TradingCalendar& nyse() {
  return TradingCalendar::nyse();
}

// A vendor price: the traded price in cents over `divisor`, in dollars, through float32.
double stored(std::int64_t cents, double divisor) {
  return static_cast<double>(static_cast<float>(static_cast<double>(cents) / 100.0 / divisor));
}

// Every NYSE session of [from, to] with traded OHLC in whole cents near `level_cents` (scaled
// by `ratio` before `effective`, so the stock trades at about the same market value), stored
// as the vendor would: divided by `ratio x later` before `effective` and by `later` from it.
// Old-basis closes are kept off multiples of `ratio` cents, so each old session is off the
// new grid unless `round_before` makes every old-basis price a whole dollar.
std::vector<Bar> series(date from, date to, date effective, std::int64_t ratio, double later,
                        std::int64_t level_cents = 12'345, bool round_before = false) {
  std::vector<Bar> bars;
  std::uint32_t state = 12345;
  const auto next = [&](std::int64_t range) {
    state = state * 1'664'525u + 1'013'904'223u;
    return static_cast<std::int64_t>((state >> 8) % static_cast<std::uint32_t>(range));
  };
  for (const date day : nyse().sessions_between(from, to)) {
    const bool old_basis = day < effective;
    const std::int64_t scale = old_basis ? ratio : 1;
    std::int64_t open = (level_cents + next(400) - 200) * scale;
    std::int64_t close = (level_cents + next(400) - 200) * scale;
    std::int64_t high = std::max(open, close) + next(300) + 1;
    std::int64_t low = std::min(open, close) - next(300) - 1;
    if (old_basis && round_before) {
      for (std::int64_t* cents : {&open, &close, &high, &low}) *cents = *cents / 100 * 100;
    } else if (old_basis && close % ratio == 0) {
      ++close;
      high = std::max(high, close);
    }
    const double divisor = old_basis ? static_cast<double>(ratio) * later : later;
    bars.push_back({day, stored(open, divisor), stored(high, divisor), stored(low, divisor),
                    stored(close, divisor), 1'000'000});
  }
  return bars;
}

TEST(SplitDates, ClearTenForOneBoundary) {
  // NVIDIA-like: 10:1 effective Monday 2024-06-10, share counts bracketing it in
  // (2024-05-24, 2024-08-23].
  const auto bars = series(date(2024, 4, 1), date(2024, 9, 30), date(2024, 6, 10), 10, 1.0);
  const SplitSearch search{10.0, 1.0, date(2024, 5, 24), date(2024, 8, 23)};
  const TickGridFinding f = date_split_by_tick_grid(bars, search, nyse());
  ASSERT_TRUE(f.effective.has_value()) << f.reason;
  EXPECT_EQ(*f.effective, date(2024, 6, 10));
  EXPECT_EQ(f.last_off_grid, date(2024, 6, 7));  // Friday before
  EXPECT_EQ(f.contradictions, 0u);
  EXPECT_EQ(f.round_before, 0u);
  EXPECT_TRUE(f.reason.empty());
  EXPECT_THAT(f.evidence, HasSubstr("last off-grid session 2024-06-07, first on the grid "
                                    "2024-06-10; 0 contradicting sessions of"));
}

TEST(SplitDates, FourForOneUnderALaterTenForOne) {
  // NVIDIA 2021: 4:1 effective 2021-07-20, the file also adjusted for the 10:1 of 2024, so
  // old-basis prices are traded / 40 and new-basis ones traded / 10.
  const auto bars = series(date(2021, 3, 1), date(2021, 10, 29), date(2021, 7, 20), 4, 10.0);
  const SplitSearch search{4.0, 10.0, date(2021, 5, 21), date(2021, 8, 13)};
  const TickGridFinding f = date_split_by_tick_grid(bars, search, nyse());
  ASSERT_TRUE(f.effective.has_value()) << f.reason;
  EXPECT_EQ(*f.effective, date(2021, 7, 20));
  EXPECT_EQ(f.last_off_grid, date(2021, 7, 19));
  EXPECT_THAT(f.evidence, HasSubstr("prices x10 (later splits)"));

  // Without the later factor every session is off the grid: the grid refuses to decide.
  const SplitSearch forgotten{4.0, 1.0, date(2021, 5, 21), date(2021, 8, 13)};
  const TickGridFinding g = date_split_by_tick_grid(bars, forgotten, nyse());
  EXPECT_FALSE(g.effective.has_value());
  EXPECT_THAT(g.reason, HasSubstr("sessions contradict the best candidate"));
  EXPECT_GT(g.contradictions, 0u);
}

TEST(SplitDates, RoundOldPricesLeaveTheBracket) {
  // Before the split every traded price is a whole dollar, so its tenth is still whole cents:
  // nothing tells the old basis from the new.
  const auto bars = series(date(2024, 4, 1), date(2024, 9, 30), date(2024, 6, 10), 10, 1.0, 12'345,
                           /*round_before=*/true);
  const SplitSearch search{10.0, 1.0, date(2024, 5, 24), date(2024, 8, 23)};
  const TickGridFinding f = date_split_by_tick_grid(bars, search, nyse());
  EXPECT_FALSE(f.effective.has_value());
  EXPECT_THAT(f.reason, HasSubstr("is on the cent grid: the prices do not show the split"));
}

TEST(SplitDates, OftenRoundOldPricesAreAmbiguous) {
  // A 2:1 whose old-basis prices are whole cents half the time (every other session round):
  // the first on-grid session could as well be an old one, so the date is not a clear winner.
  auto bars = series(date(2024, 1, 2), date(2024, 4, 30), date(2024, 3, 1), 2, 1.0);
  const auto round = series(date(2024, 1, 2), date(2024, 4, 30), date(2024, 3, 1), 2, 1.0, 12'345,
                            /*round_before=*/true);
  for (std::size_t i = 0; i < bars.size(); i += 2) {
    if (bars[i].date < date(2024, 2, 28)) bars[i] = round[i];
  }
  const SplitSearch search{2.0, 1.0, date(2024, 2, 15), date(2024, 3, 29)};
  const TickGridFinding f = date_split_by_tick_grid(bars, search, nyse());
  EXPECT_FALSE(f.effective.has_value());
  EXPECT_THAT(f.reason, HasSubstr("on the cent grid anyway: a later date is about as likely"));
  EXPECT_EQ(f.contradictions, 0u);
}

TEST(SplitDates, Float32NoiseStaysOnTheGrid) {
  // NVIDIA's vendor closes around its split, as stored: 1208.88 / 10 and 121.79 in float32.
  std::vector<Bar> bars;
  const auto sessions = nyse().sessions_between(date(2024, 5, 1), date(2024, 7, 31));
  for (const date day : sessions) {
    const double close = day < date(2024, 6, 10) ? 120.88800048828125 : 121.79000091552734;
    bars.push_back({day, close, close, close, close, 1});
  }
  const SplitSearch search{10.0, 1.0, date(2024, 5, 24), date(2024, 8, 23)};
  const TickGridFinding f = date_split_by_tick_grid(bars, search, nyse());
  ASSERT_TRUE(f.effective.has_value()) << f.reason;
  EXPECT_EQ(*f.effective, date(2024, 6, 10));

  // A new-basis close half a tenth of a cent off (no float32 noise is that large) is off both
  // grids: it contradicts every candidate, and the grid does not decide.
  for (Bar& b : bars) {
    if (b.date == date(2024, 6, 20)) b.close = 121.7905;
  }
  const TickGridFinding g = date_split_by_tick_grid(bars, search, nyse());
  EXPECT_FALSE(g.effective.has_value());
  EXPECT_EQ(g.contradictions, 1u);
  EXPECT_EQ(g.reason, "1 sessions contradict the best candidate 2024-06-10");
}

TEST(SplitDates, MissingSessionBeforeTheDateLeavesTheBracket) {
  // The file lacks 2024-06-07: the split could have been effective that day or 2024-06-10.
  auto bars = series(date(2024, 4, 1), date(2024, 9, 30), date(2024, 6, 10), 10, 1.0);
  std::erase_if(bars, [](const Bar& b) { return b.date == date(2024, 6, 7); });
  const SplitSearch search{10.0, 1.0, date(2024, 5, 24), date(2024, 8, 23)};
  const TickGridFinding f = date_split_by_tick_grid(bars, search, nyse());
  EXPECT_FALSE(f.effective.has_value());
  EXPECT_EQ(f.reason, "the series lacks sessions between 2024-06-06 and 2024-06-10");
}

TEST(SplitDates, BoundaryBeforeTheSearchIsNotInvented) {
  // The split was 2024-06-10 but the bracket says after 2024-07-01: the sessions just before
  // the first candidate are already on the grid.
  const auto bars = series(date(2024, 4, 1), date(2024, 9, 30), date(2024, 6, 10), 10, 1.0);
  const SplitSearch search{10.0, 1.0, date(2024, 7, 1), date(2024, 8, 23)};
  const TickGridFinding f = date_split_by_tick_grid(bars, search, nyse());
  EXPECT_FALSE(f.effective.has_value());
  EXPECT_THAT(f.reason, HasSubstr("only 0 of the 5 sessions before 2024-07-02 are off the cent "
                                  "grid (the last off-grid session, 2024-06-07, is at or before "
                                  "the bracket start)"));
}

TEST(SplitDates, NoSessionInTheBracketAndReverseSplits) {
  const auto bars = series(date(2024, 4, 1), date(2024, 9, 30), date(2024, 6, 10), 10, 1.0);
  const TickGridFinding outside =
      date_split_by_tick_grid(bars, {10.0, 1.0, date(2020, 7, 17), date(2020, 10, 16)}, nyse());
  EXPECT_FALSE(outside.effective.has_value());
  EXPECT_EQ(outside.reason, "no session of the series in (2020-07-17, 2020-10-16]");
  const TickGridFinding reverse =
      date_split_by_tick_grid(bars, {0.1, 1.0, date(2024, 5, 24), date(2024, 8, 23)}, nyse());
  EXPECT_FALSE(reverse.effective.has_value());
  EXPECT_THAT(reverse.reason, HasSubstr("leaves prices on both sides on the cent grid"));
}

TEST(SplitDates, RejectsBadArguments) {
  const std::vector<Bar> bars;
  EXPECT_THROW(static_cast<void>(date_split_by_tick_grid(
                   bars, {0.0, 1.0, date(2024, 5, 24), date(2024, 8, 23)}, nyse())),
               InvalidArgument);
  EXPECT_THROW(static_cast<void>(date_split_by_tick_grid(
                   bars, {10.0, -1.0, date(2024, 5, 24), date(2024, 8, 23)}, nyse())),
               InvalidArgument);
  EXPECT_THAT(
      [&] {
        static_cast<void>(date_split_by_tick_grid(
            bars, {10.0, 1.0, date(2024, 8, 23), date(2024, 5, 24)}, nyse()));
      },
      testing::ThrowsMessage<InvalidArgument>(HasSubstr("bracket ends 2024-05-24 before it "
                                                        "starts 2024-08-23")));
}

}  // namespace
}  // namespace marketshock::recipe
