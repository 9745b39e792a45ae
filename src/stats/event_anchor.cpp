#include <marketshock/stats/event_anchor.hpp>

namespace marketshock::stats {

std::string_view to_string(NewsTiming timing) noexcept {
  switch (timing) {
    case NewsTiming::before_close:
      return "before_close";
    case NewsTiming::after_close:
      return "after_close";
  }
  return "unknown";
}

std::optional<NewsTiming> try_parse_news_timing(std::string_view text) noexcept {
  if (text == "before_close") return NewsTiming::before_close;
  if (text == "after_close") return NewsTiming::after_close;
  return std::nullopt;
}

boost::gregorian::date event_session(boost::gregorian::date news_day, NewsTiming timing,
                                     const TradingCalendar& calendar) {
  if (timing == NewsTiming::before_close && calendar.is_session(news_day)) return news_day;
  return calendar.next_session(news_day);
}

}  // namespace marketshock::stats
