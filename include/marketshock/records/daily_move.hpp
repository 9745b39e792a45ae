/// \file daily_move.hpp
/// \brief DailyMove: one security's close-to-close, intraday and market-value move on one session.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/valuation.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace marketshock::records {

/// One bar's move against the security's previous bar, as the core Valuation computes it. When the
/// previous bar is more than one session back (a halt, a missing bar) the move spans several
/// sessions: its figures are given, `sessions_spanned` says how many, and its status
/// (`spans_several_sessions`) keeps it out of every one-day ranking. Returns are fractions (-0.1697
/// is -16.97%); money is USD. Every field derived from open, high or low is NaN when the vendor
/// gave no such price; every market-value field is NaN unless `market_value_status` is `available`.
struct DailyMove {
  boost::gregorian::date date;
  /// Date of the previous bar.
  boost::gregorian::date previous_date;
  /// Sessions after the previous bar up to this one: 1 for a one-day move (0 when unknown).
  std::size_t sessions_spanned = 1;
  /// The previous close, restated onto this session's split footing: divided by `split_ratio`.
  double previous_close = 0.0;
  /// Splits taking effect after the previous bar and on or before this session, as new shares per
  /// old share; 1 unless the bars are as traded (split-adjusted bars never jump). 10 on NVIDIA's
  /// 2024-06-10 as-traded bar.
  double split_ratio = 1.0;
  double open = 0.0;
  double high = 0.0;
  double low = 0.0;
  double close = 0.0;
  /// close / previous_close - 1: the close-to-close price return (total return on an ex-date of
  /// dividend-adjusted bars).
  double close_return = 0.0;
  /// open / previous_close - 1: the opening gap.
  double open_gap_return = 0.0;
  /// low / previous_close - 1 ("fell as much as") and high / previous_close - 1.
  double intraday_low_return = 0.0;
  double intraday_high_return = 0.0;

  /// `available` for a one-session move with a market value; `spans_several_sessions` for a
  /// valued move across a gap; otherwise why the market-value fields are NaN.
  ValuationStatus market_value_status = ValuationStatus::available;
  /// The share counts in force on this session and on the previous bar's date; empty when
  /// missing (see market_value_status).
  std::optional<SharesInForce> shares;
  std::optional<SharesInForce> previous_shares;
  /// previous close x previous shares, and close x shares.
  double previous_market_value_usd = 0.0;
  double market_value_usd = 0.0;
  /// market_value_usd - previous_market_value_usd. On a split day price and count move together,
  /// so a split is never a loss.
  double market_value_change_usd = 0.0;
  /// market_value_change_usd / previous_market_value_usd; differs from close_return only when
  /// the share count steps between the two dates.
  double market_value_change_return = 0.0;
  /// open x shares - previous market value: the value lost or gained at the open.
  double open_gap_change_usd = 0.0;
  /// low x shares - previous market value ("wiped out as much as"), and the same at the high.
  double intraday_low_change_usd = 0.0;
  double intraday_high_change_usd = 0.0;

  /// True for a one-session move whose market-value fields are numbers: what rankings count.
  [[nodiscard]] bool has_market_value() const noexcept {
    return market_value_status == ValuationStatus::available;
  }
  /// True when the market-value fields are numbers, over one session or several.
  [[nodiscard]] bool has_market_value_figures() const noexcept {
    return has_market_value() || market_value_status == ValuationStatus::spans_several_sessions;
  }
};

/// New shares per old share from splits that take effect after `earlier` and on or before
/// `later`, on the footing of `security`'s bars: the split factor for as-traded bars, 1 for
/// split-adjusted bars (every value already stands on one date's shares). Divide a close of
/// `earlier` by it to compare it with a close of `later`. O(number of splits).
[[nodiscard]] double split_ratio_between(const SecurityRecord& security,
                                         boost::gregorian::date earlier,
                                         boost::gregorian::date later);

/// The move of `change` (a ValueChange of the core valuation) in the records' terms.
[[nodiscard]] DailyMove to_daily_move(const ValueChange& change);

/// The move of every bar of security `id` after its first, in date order. Never throws for
/// dividend-adjusted bars or missing shares: those give NaN market values with their status.
/// O(n log s) for n bars and s share steps.
[[nodiscard]] std::vector<DailyMove> daily_moves(const Valuation& valuation, SecurityId id);

/// The moves of the bars dated from `from` to `to` (both inclusive, any dates), each against its
/// previous bar even when that bar lies before `from`. Empty when no bar falls in the range.
/// O(log n + k log s) for k moves.
[[nodiscard]] std::vector<DailyMove> daily_moves(const Valuation& valuation, SecurityId id,
                                                 boost::gregorian::date from,
                                                 boost::gregorian::date to);

/// The move of `symbol` on `session`. Throws InvalidArgument: for an unknown symbol (suggesting
/// close matches, see MarketData::require); when `session` is not a session of the valuation's
/// calendar (naming the sessions before and after, see TradingCalendar::require_session); when
/// the security has no bar on `session` or `session` is its first bar.
[[nodiscard]] DailyMove daily_move(const Valuation& valuation, std::string_view symbol,
                                   boost::gregorian::date session);
/// The same on `data` with the NYSE calendar.
[[nodiscard]] DailyMove daily_move(const MarketData& data, std::string_view symbol,
                                   boost::gregorian::date session);

}  // namespace marketshock::records
