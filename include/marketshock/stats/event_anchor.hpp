/// \file event_anchor.hpp
/// \brief Event anchoring: the session (relative day 0) on whose close-to-close return a piece of
/// news can first show.
#pragma once

#include <marketshock/core/trading_calendar.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <string_view>

namespace marketshock::stats {

/// When the news became public relative to the exchange session of its (New York) date.
enum class NewsTiming {
  before_close,  ///< Pre-market or during the session: that session's close can reflect it.
  after_close,   ///< After the (possibly early) close: only the next session can.
};

/// "before_close" or "after_close".
[[nodiscard]] std::string_view to_string(NewsTiming timing) noexcept;

/// A piece of news: its New York date and when in the day it came out. What an event study is
/// anchored on (event_session()); reports print it beside the session it maps to.
struct EventNews {
  boost::gregorian::date day;
  NewsTiming timing = NewsTiming::before_close;
};

/// Parses "before_close" or "after_close"; nullopt otherwise.
[[nodiscard]] std::optional<NewsTiming> try_parse_news_timing(std::string_view text) noexcept;

/// Day 0 of an event study for news dated `news_day` (New York date): `news_day` itself when it
/// is a session and the news came before the close; otherwise the next session. Mapping is always
/// forward, never back: DeepSeek's weekend news of 2025-01-25/26 anchors on Monday 2025-01-27;
/// news after Friday's close also anchors on Monday; news on a holiday on the next session.
/// O(1).
/// \throws InvalidArgument if `news_day` is outside the calendar's supported range or no session
/// follows it there.
[[nodiscard]] boost::gregorian::date event_session(
    boost::gregorian::date news_day, NewsTiming timing,
    const TradingCalendar& calendar = TradingCalendar::nyse());

}  // namespace marketshock::stats
