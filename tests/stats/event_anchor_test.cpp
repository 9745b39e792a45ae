// Event anchoring: news maps forward to the first session that can reflect it.
#include <marketshock/stats/event_anchor.hpp>
#include <marketshock/stats/session_returns.hpp>

#include <gtest/gtest.h>

namespace marketshock::stats {
namespace {

using boost::gregorian::date;

TEST(EventAnchor, WeekendNewsMapsToMonday) {
  // DeepSeek R1 drew attention over the weekend of 2025-01-25/26.
  EXPECT_EQ(event_session(date(2025, 1, 25), NewsTiming::before_close), date(2025, 1, 27));
  EXPECT_EQ(event_session(date(2025, 1, 26), NewsTiming::after_close), date(2025, 1, 27));
}

TEST(EventAnchor, AfterTheCloseMapsToTheNextSession) {
  EXPECT_EQ(event_session(date(2025, 1, 24), NewsTiming::after_close), date(2025, 1, 27));
  EXPECT_EQ(event_session(date(2025, 1, 27), NewsTiming::after_close), date(2025, 1, 28));
  EXPECT_EQ(event_session(date(2025, 1, 27), NewsTiming::before_close), date(2025, 1, 27));
}

TEST(EventAnchor, ClosuresMapForward) {
  // 2025-01-09: national day of mourning for President Carter.
  EXPECT_EQ(event_session(date(2025, 1, 9), NewsTiming::before_close), date(2025, 1, 10));
  // Good Friday 2025-04-18 -> Monday 2025-04-21.
  EXPECT_EQ(event_session(date(2025, 4, 18), NewsTiming::before_close), date(2025, 4, 21));
}

TEST(EventAnchor, ParsesTiming) {
  EXPECT_EQ(try_parse_news_timing("after_close"), NewsTiming::after_close);
  EXPECT_EQ(try_parse_news_timing("before_close"), NewsTiming::before_close);
  EXPECT_FALSE(try_parse_news_timing("after-close"));
}

TEST(SessionsAround, CountsSessionsNotDays) {
  const auto s = sessions_around(date(2025, 1, 27), -2, 1);
  ASSERT_EQ(s.size(), 4U);
  EXPECT_EQ(s.front(), date(2025, 1, 23));
  EXPECT_EQ(s.back(), date(2025, 1, 28));
  // Across the 2025-01-09 closure and the MLK holiday 2025-01-20.
  EXPECT_EQ(sessions_around(date(2025, 1, 21), -7, 0).front(), date(2025, 1, 8));
}

}  // namespace
}  // namespace marketshock::stats
