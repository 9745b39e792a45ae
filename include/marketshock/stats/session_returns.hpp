/// \file session_returns.hpp
/// \brief Close-to-close simple returns of securities and index levels on a list of sessions.
#pragma once

#include <marketshock/core/daily_bars.hpp>
#include <marketshock/core/market_data.hpp>
#include <marketshock/core/panel.hpp>
#include <marketshock/core/symbol.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <Eigen/Core>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <span>
#include <vector>

namespace marketshock::stats {

/// Simple return of `bars` on `session`: close(session) / close(previous calendar session) - 1.
/// NaN when either bar is missing (no bar that day, a halt, before listing), so a gap never
/// turns into a multi-day return. Bars are split-adjusted, so this is a price return. O(log n).
/// \throws InvalidArgument if `session` is outside the calendar's range.
[[nodiscard]] double session_return(const DailyBars& bars, boost::gregorian::date session,
                                    const TradingCalendar& calendar = TradingCalendar::nyse());

/// session_return() for every entry of `sessions` (any increasing dates). O(S log n).
[[nodiscard]] Eigen::VectorXd session_returns(
    const DailyBars& bars, std::span<const boost::gregorian::date> sessions,
    const TradingCalendar& calendar = TradingCalendar::nyse());

/// Returns of several securities as a Panel (sessions x symbols, NaN missing).
/// \throws InvalidArgument for an unknown symbol (naming close matches), a repeated symbol or
/// sessions that do not strictly increase.
[[nodiscard]] Panel security_returns(const MarketData& data, std::span<const Symbol> symbols,
                                     std::span<const boost::gregorian::date> sessions,
                                     const TradingCalendar& calendar = TradingCalendar::nyse());

/// The sessions `first_offset`..`last_offset` (inclusive) around the session `anchor`, counted in
/// sessions of `calendar` (offset 0 = anchor). O(last - first).
/// \throws InvalidArgument if `anchor` is not a session, first_offset > last_offset, or the range
/// leaves the calendar.
[[nodiscard]] std::vector<boost::gregorian::date> sessions_around(
    boost::gregorian::date anchor, int first_offset, int last_offset,
    const TradingCalendar& calendar = TradingCalendar::nyse());

}  // namespace marketshock::stats
