/// \file valuation.hpp
/// \brief Valuation: the one place that turns bars and share counts into market value and its
/// change between two bars, with one status that says why there is none.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/security.hpp>
#include <marketshock/core/shares_outstanding.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace marketshock {

/// Whether a change in market value is known, and if not, why. Every analysis (records, moves,
/// index rebuilds, benchmarks) reports its excluded security-days with one of these.
enum class ValuationStatus : std::uint8_t {
  /// Close x shares is known on both bars, and they are consecutive sessions: a one-session move.
  available,
  /// Known on both bars, but the bars are more than one session apart (a missing bar, a halt): a
  /// multi-session change, never a one-day move. `sessions_spanned` says how many.
  spans_several_sessions,
  /// The bar's date is not a session of the calendar (or lies outside the calendar's range).
  not_a_session,
  /// No bar on the session asked for (halted, not yet listed, delisted, the file ends earlier).
  no_bar,
  /// No previous bar to move from (the first bar, or no bar on the previous session).
  no_previous_bar,
  /// No share count in force on the session.
  no_shares,
  /// A share count on the session, but none on the previous bar's date.
  no_previous_shares,
  /// A second share class whose issuer's all-class count is carried by another class (GOOG by
  /// GOOGL, FOX by FOXA, NWS by NWSA): the issuer's value is counted once, on that class.
  value_on_other_class,
  /// Dividend-adjusted prices: returns are total returns, but close x shares is no market value.
  dividend_adjusted_prices,
};

/// Stable identifier for JSON and tables ("available", "spans_several_sessions", ...).
[[nodiscard]] std::string_view to_string(ValuationStatus status) noexcept;
/// A phrase for text output, e.g. "no share count in force".
[[nodiscard]] std::string_view describe(ValuationStatus status) noexcept;

/// The share count a market value was computed with and the date from which it is in force: the
/// basis line of every USD figure ("24.49B shares, cover-page count, in force from 2024-11-15").
struct SharesInForce {
  /// Effective date of the step in force (inclusive): the "as of" of the count.
  boost::gregorian::date effective;
  /// The count on the bars' split basis (`record.shares`), with its measure, source, reference.
  SharesRecord record;

  friend bool operator==(const SharesInForce&, const SharesInForce&) = default;
};

/// The change of one security from an earlier bar to a later one. Prices are the bars' own
/// (split-adjusted or as traded), the earlier close restated onto the later bar's split footing;
/// each market value uses the count in force on its own date, so a split moves price and count
/// together and is never a loss. Returns are fractions; money is USD. Fields derived from open,
/// high or low are NaN when the vendor gave none; every market-value field is NaN unless
/// has_value().
struct ValueChange {
  boost::gregorian::date session;
  boost::gregorian::date previous_session;
  /// Sessions of the calendar after `previous_session` up to `session`: 1 for consecutive
  /// sessions, 0 when unknown (a date off the calendar).
  std::size_t sessions_spanned = 0;
  /// New shares per old share from splits after `previous_session` up to `session`, for as-traded
  /// bars; 1 for split-adjusted bars.
  double split_ratio = 1.0;
  /// The earlier close on the later bar's split footing (raw close / split_ratio).
  double previous_close = 0.0;
  double open = 0.0;
  double high = 0.0;
  double low = 0.0;
  double close = 0.0;
  /// close / previous_close - 1 (a total return on an ex-date of dividend-adjusted bars).
  double price_return = 0.0;

  ValuationStatus status = ValuationStatus::available;
  /// The counts in force on `session` and on `previous_session`; empty when missing.
  std::optional<SharesInForce> shares;
  std::optional<SharesInForce> previous_shares;
  /// Earlier close x its count, and close x count.
  double previous_market_value_usd = 0.0;
  double market_value_usd = 0.0;
  /// market_value_usd - previous_market_value_usd, and that over previous_market_value_usd.
  double change_usd = 0.0;
  double change_fraction = 0.0;
  /// (open, low, high) x count - previous market value: lost or gained at the open, at the low
  /// ("wiped out as much as") and at the high.
  double open_change_usd = 0.0;
  double low_change_usd = 0.0;
  double high_change_usd = 0.0;

  /// True when the market-value fields are numbers (over one session or several).
  [[nodiscard]] bool has_value() const noexcept {
    return status == ValuationStatus::available ||
           status == ValuationStatus::spans_several_sessions;
  }
  /// True for a one-session change with a market value: the only kind a one-day ranking counts.
  [[nodiscard]] bool is_one_session_move() const noexcept {
    return status == ValuationStatus::available;
  }
  /// True when the price return is a number (both bars exist, whatever the market value).
  [[nodiscard]] bool has_price_return() const noexcept;
};

/// The valuation of every security of a MarketData on one calendar. It refers to `data` and
/// `calendar`, which must outlive it; it is immutable, hence safe to share between threads.
class Valuation {
 public:
  /// O(securities). Notes which securities have their value carried by another share class.
  explicit Valuation(const MarketData& data,
                     const TradingCalendar& calendar = TradingCalendar::nyse());
  explicit Valuation(const MarketData&& data, const TradingCalendar& calendar) = delete;

  [[nodiscard]] const MarketData& data() const noexcept { return *data_; }
  [[nodiscard]] const TradingCalendar& calendar() const noexcept { return *calendar_; }

  /// The change of `id` from bar `earlier_row` to bar `later_row` (earlier_row < later_row).
  /// Throws InvalidArgument for rows out of range or out of order. O(log s) for s share steps.
  [[nodiscard]] ValueChange between_rows(SecurityId id, std::size_t earlier_row,
                                         std::size_t later_row) const;
  /// The change of bar `row` against the bar before it; `no_previous_bar` for row 0.
  [[nodiscard]] ValueChange at_row(SecurityId id, std::size_t row) const;
  /// The change of `id` on `session` against the calendar's previous session: `no_bar` or
  /// `no_previous_bar` when either bar is missing (never a move across a gap). Throws
  /// InvalidArgument when `session` is not a session of the calendar.
  [[nodiscard]] ValueChange on_session(SecurityId id, boost::gregorian::date session) const;
  /// Market value of `id` at bar `row` (close x count in force), or nullopt with the reason in
  /// `why` when there is none.
  [[nodiscard]] std::optional<double> market_value_at(SecurityId id, std::size_t row,
                                                      ValuationStatus* why = nullptr) const;

  /// True when `id` has no share count and another class of its issuer has one.
  [[nodiscard]] bool value_on_other_class(SecurityId id) const;

 private:
  const MarketData* data_;
  const TradingCalendar* calendar_;
  std::vector<bool> value_on_other_class_;
};

}  // namespace marketshock
