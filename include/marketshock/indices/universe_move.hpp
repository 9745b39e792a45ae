/// \file universe_move.hpp
/// \brief UniverseMove: the close-to-close move of a set of securities on one session (total
/// market-value change, cap- and equal-weighted returns), with every security it could not value.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/core/valuation.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace marketshock::indices {

/// One security of a universe on one session, as the core Valuation values it.
struct SecurityMove {
  SecurityId id;
  Symbol symbol;
  /// `available` when its market-value change is known; otherwise why not (no_bar,
  /// no_previous_bar, no_shares, no_previous_shares, value_on_other_class,
  /// dividend_adjusted_prices).
  ValuationStatus status = ValuationStatus::available;
  /// close / previous close - 1 (fraction); NaN when a bar is missing.
  double price_return = 0.0;
  /// close(t-1) x shares(t-1) and close(t) x shares(t) - that, USD; NaN unless `available`.
  double previous_market_value_usd = 0.0;
  double market_value_change_usd = 0.0;
};

/// A universe's move. Sums run over the `available` securities only; the others are listed.
struct UniverseMove {
  std::string name;
  boost::gregorian::date session;
  boost::gregorian::date previous_session;
  /// Securities asked for, and how many could be valued.
  std::size_t securities = 0;
  std::size_t valued = 0;
  /// Sum of prior market values and of their changes (USD); the changes split into the sum of
  /// losses (<= 0) and of gains (>= 0), so "erased $1T" can be read gross or net.
  double previous_market_value_usd = 0.0;
  double market_value_change_usd = 0.0;
  double losses_usd = 0.0;
  double gains_usd = 0.0;
  /// Prior-value-weighted price return over the valued securities, and the plain average of
  /// every security with a return (fractions); NaN when there is none.
  double cap_weighted_return = 0.0;
  double equal_weighted_return = 0.0;
  /// Every security, in the order given.
  std::vector<SecurityMove> moves;
};

/// The move of `ids` on `session` against the previous session of the valuation's calendar
/// (Valuation::on_session). A security of an issuer whose all-class count sits on another class
/// (GOOG) is `value_on_other_class`, so an issuer is counted once when both classes are in the
/// universe. Throws InvalidArgument when `session` is not a session of the calendar.
/// O(securities x log bars).
[[nodiscard]] UniverseMove universe_move(const Valuation& valuation, std::string name,
                                         std::span<const SecurityId> ids,
                                         boost::gregorian::date session);
/// The same with a valuation of `data` on `calendar`.
[[nodiscard]] UniverseMove universe_move(const MarketData& data, std::string name,
                                         std::span<const SecurityId> ids,
                                         boost::gregorian::date session,
                                         const TradingCalendar& calendar);

/// Members of `membership_id` on `session`, optionally only those of one GICS sector (empty:
/// all). Throws InvalidArgument for an unknown membership.
[[nodiscard]] std::vector<SecurityId> index_members(const MarketData& data,
                                                    std::string_view membership_id,
                                                    boost::gregorian::date session,
                                                    std::string_view gics_sector = {});

}  // namespace marketshock::indices
