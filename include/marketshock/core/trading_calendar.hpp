/// \file trading_calendar.hpp
/// \brief The NYSE trading calendar for 1990-2030: sessions, closures with their names, early
/// closes.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_duration.hpp>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace marketshock {

/// Position of a session in a TradingCalendar: 0 is the calendar's first session, consecutive
/// sessions have consecutive indices, so the difference of two indices counts sessions (not days).
/// A strong type so that a session count is never mixed up with a calendar-day count or a row
/// number. It does not know its calendar: an index is meaningful only for the calendar that
/// produced it.
class SessionIndex {
 public:
  /// Index 0, the first session.
  constexpr SessionIndex() noexcept = default;
  /// Wraps a raw index; not range-checked here (TradingCalendar::session_at checks it).
  constexpr explicit SessionIndex(std::int32_t value) noexcept : value_(value) {}

  /// The raw index.
  [[nodiscard]] constexpr std::int32_t value() const noexcept { return value_; }

  /// Ordered like the sessions they denote.
  friend constexpr auto operator<=>(const SessionIndex&, const SessionIndex&) = default;

  /// The index `offset` sessions later (earlier if negative); not range-checked.
  [[nodiscard]] friend constexpr SessionIndex operator+(SessionIndex index,
                                                        std::int32_t offset) noexcept {
    return SessionIndex(index.value_ + offset);
  }
  /// Number of sessions from `from` to `to` (negative if `to` is earlier).
  [[nodiscard]] friend constexpr std::int32_t operator-(SessionIndex to,
                                                        SessionIndex from) noexcept {
    return to.value_ - from.value_;
  }

 private:
  std::int32_t value_ = 0;
};

/// The New York Stock Exchange calendar from 1990-01-01 to 2030-12-31 inclusive.
///
/// A session is a weekday on which the exchange opened. Closures are the regular holidays (New
/// Year's Day, Martin Luther King Jr. Day from 1998, Washington's Birthday, Good Friday, Memorial
/// Day, Juneteenth from 2022, Independence Day, Labor Day, Thanksgiving, Christmas; a holiday on a
/// Saturday closes the Friday before and one on a Sunday the Monday after, except that New Year's
/// Day on a Saturday closes nothing) and dated special closures (presidential funerals, the
/// September 11 attacks, Hurricane Sandy). Years after the last published NYSE schedule follow the
/// rules and cannot foresee special closures.
///
/// Every session is precomputed at construction; session lookups are O(1), holiday_name and the
/// early-close queries O(log n) over a few hundred entries, sessions_between linear in its output.
/// The object is immutable, so concurrent use from several threads is safe.
///
/// Every function taking a date requires it to be a real date (not `not_a_date_time` or an
/// infinity) within the supported range, and throws InvalidArgument otherwise.
class TradingCalendar {
 public:
  /// The NYSE calendar, built on first use (thread-safe) and alive until the program exits.
  [[nodiscard]] static const TradingCalendar& nyse();

  /// First day covered: 1990-01-01 (a holiday; the first session is 1990-01-02).
  [[nodiscard]] static boost::gregorian::date first_supported_date();
  /// Last day covered: 2030-12-31.
  [[nodiscard]] static boost::gregorian::date last_supported_date();

  /// Whether the exchange opened on `day` (early closes included).
  [[nodiscard]] bool is_session(boost::gregorian::date day) const;

  /// The first session strictly after `day`. Throws InvalidArgument if `day` is outside the
  /// supported range or no session follows it within the range.
  [[nodiscard]] boost::gregorian::date next_session(boost::gregorian::date day) const;

  /// The last session strictly before `day`. Throws InvalidArgument if `day` is outside the
  /// supported range or no session precedes it within the range (e.g. 1990-01-02).
  [[nodiscard]] boost::gregorian::date previous_session(boost::gregorian::date day) const;

  /// Sessions from `from` to `to`, both inclusive, in order; empty if there are none.
  /// Throws InvalidArgument if either date is outside the supported range or `from > to`.
  [[nodiscard]] std::vector<boost::gregorian::date> sessions_between(
      boost::gregorian::date from, boost::gregorian::date to) const;

  /// Number of sessions from `from` to `to`, both inclusive, in O(1). Same preconditions as
  /// sessions_between.
  [[nodiscard]] std::size_t session_count(boost::gregorian::date from,
                                          boost::gregorian::date to) const;

  /// Index of `day` among all sessions (0 = 1990-01-02), or nullopt if `day` is not a session.
  /// Throws InvalidArgument if `day` is outside the supported range.
  [[nodiscard]] std::optional<SessionIndex> session_index(boost::gregorian::date day) const;

  /// The session at `index`. Throws InvalidArgument unless 0 <= index < sessions().size().
  [[nodiscard]] boost::gregorian::date session_at(SessionIndex index) const;

  /// Every session of the supported range, ascending; the view lives as long as the calendar.
  [[nodiscard]] std::span<const boost::gregorian::date> sessions() const noexcept {
    return sessions_;
  }

  /// Name of the closure that shut the exchange on the weekday `day`, e.g. "Good Friday",
  /// "Christmas Day" (also on the Friday or Monday where it is observed) or "Hurricane Sandy";
  /// nullopt for sessions and weekends. Throws InvalidArgument if `day` is outside the range.
  [[nodiscard]] std::optional<std::string> holiday_name(boost::gregorian::date day) const;

  /// Returns the index of `day` if it is a session. Otherwise throws InvalidArgument naming why
  /// it is closed and the neighbouring sessions, e.g. "2025-01-09 is not an NYSE session
  /// (National day of mourning for former President Jimmy Carter); previous session 2025-01-08,
  /// next 2025-01-10". Also throws InvalidArgument if `day` is outside the supported range.
  SessionIndex require_session(boost::gregorian::date day) const;

  /// Whether `day` is a session that closed early by schedule (13:00 New York time since 1993,
  /// 14:00 before): the day before or after Independence Day, the day after Thanksgiving,
  /// Christmas Eve, a few days after Christmas, and 1999-12-31 (the year-2000 changeover).
  /// Unscheduled intraday halts (snow, the 1997-10-27 circuit breaker) are not early closes
  /// here. Throws InvalidArgument if `day` is outside the supported range.
  [[nodiscard]] bool is_early_close(boost::gregorian::date day) const;

  /// Closing time (New York local time, from midnight) of a scheduled early close, nullopt for a
  /// regular 16:00 session or a closed day. Same preconditions as is_early_close.
  [[nodiscard]] std::optional<boost::posix_time::time_duration> early_close_time(
      boost::gregorian::date day) const;

 private:
  /// A day on which the exchange was closed although it was a weekday.
  struct Closure {
    boost::gregorian::date day;
    std::string name;
  };
  /// A session that closed before 16:00.
  struct EarlyClose {
    boost::gregorian::date day;
    boost::posix_time::time_duration close;
  };

  TradingCalendar();

  /// Days from first_supported_date() to `day`; throws InvalidArgument when out of range.
  [[nodiscard]] std::size_t day_offset(boost::gregorian::date day) const;
  [[nodiscard]] const EarlyClose* find_early_close(boost::gregorian::date day) const;

  std::vector<boost::gregorian::date> sessions_;
  /// sessions_before_[k]: number of sessions strictly before first_supported_date() + k days;
  /// one entry per supported day plus one, so that day k is a session iff entry k+1 > entry k.
  std::vector<std::int32_t> sessions_before_;
  std::vector<Closure> closures_;         ///< Weekday closures, ascending by day.
  std::vector<EarlyClose> early_closes_;  ///< Ascending by day.
};

}  // namespace marketshock
