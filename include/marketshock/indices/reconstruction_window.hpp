/// \file reconstruction_window.hpp
/// \brief ReconstructionWindow: the span of sessions over which an index can be rebuilt from the
/// dataset's members (where nearly all of them have bars).
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <string_view>

namespace marketshock::indices {

/// Sessions [first, last], both sessions. `first` is the base session: the first rebuilt return
/// is that of the session after it.
struct ReconstructionWindow {
  boost::gregorian::date first;
  boost::gregorian::date last;

  friend bool operator==(const ReconstructionWindow&, const ReconstructionWindow&) = default;
};

/// The first and last sessions on which at least `min_bar_coverage` (a fraction) of the index's
/// members in the dataset have a bar. The embedded dataset has bars of every member only from
/// 2024-08-01, and of the largest companies from 2020: rebuilding an index from 30 of its members
/// would be meaningless, so the default window starts where coverage does.
/// Throws InvalidArgument for an unknown membership or a coverage outside (0, 1], DataError when
/// no session reaches the coverage. O(bars of the members + members x sessions).
[[nodiscard]] ReconstructionWindow default_window(const MarketData& data,
                                                  std::string_view membership_id,
                                                  const TradingCalendar& calendar,
                                                  double min_bar_coverage = 0.9);

}  // namespace marketshock::indices
