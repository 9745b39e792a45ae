/// \file explain.hpp
/// \brief explain_figure: which basis (prices, window, share count) produces a published figure.
#pragma once

#include <marketshock/core/market_data.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace marketshock::records {

/// A published figure for one security and session: a market-value change in USD or a price
/// change as a fraction. Losses and gains are compared by magnitude ("lost $560B" is 560e9).
struct PublishedFigure {
  std::optional<double> usd;
  std::optional<double> fraction;
};

/// One way of computing a move: from a start price to an end price, times a share count.
struct CandidateBasis {
  /// "prior close -> close", "52-week high (intraday) -> low", ...
  std::string description;
  boost::gregorian::date start_date;
  double start_price = 0.0;
  std::string start_kind;  ///< "close" or "high"
  boost::gregorian::date end_date;
  double end_price = 0.0;
  std::string end_kind;  ///< "close" or "low"
  /// The share count (on the price basis), the date it refers to and its source and measure.
  double shares = 0.0;
  boost::gregorian::date shares_as_of;
  std::string shares_source;
  std::string shares_measure;
  /// True for the count in force on the session (the latest one dated on or before it).
  bool shares_in_force = false;
  double change_usd = 0.0;       ///< (end - start) x shares
  double change_fraction = 0.0;  ///< end / start - 1
  /// Relative distance to the figure: | |change_usd| / |usd| - 1 | for a USD figure, and
  /// | |change_fraction| - |fraction| | (in fraction points) for a percent figure.
  double distance = 0.0;
};

/// For a USD figure: the price on `session` at which the prior close minus that price, times a
/// share count, gives the figure; and whether the day's range contains it (then the figure fits
/// a moment of the session, as figures written while markets are open do).
struct ImpliedPrice {
  double shares = 0.0;
  boost::gregorian::date shares_as_of;
  std::string shares_source;
  double price = 0.0;
  bool within_day_range = false;
  bool shares_in_force = false;  ///< the count in force on the session
};

/// What explain_figure found.
struct Explanation {
  Symbol symbol{"UNKNOWN"};
  boost::gregorian::date session;
  PublishedFigure figure;
  double previous_close = 0.0, open = 0.0, high = 0.0, low = 0.0, close = 0.0;
  /// Every candidate, nearest first (ties by description, then share date).
  std::vector<CandidateBasis> candidates;
  /// For a USD figure, one per share count, the count in force on the session first.
  std::vector<ImpliedPrice> implied_prices;
};

/// Enumerates the bases that could have produced `figure` for `symbol` on `session`: start at the
/// prior close, or at the highest close or intraday high of the week (5 sessions), month (21),
/// 52 weeks (252) or all the data before the session; end at the session's close or low; times
/// each share count of the dataset dated within 400 days before to 120 days after the session
/// (later filings included: a reporter may have used one). Ranked by distance to the figure.
/// Throws InvalidArgument for an unknown symbol, a date that is not a session, a session
/// without a bar, a figure with neither or both of usd and fraction, or one that is zero or not
/// finite (or a fraction below -1).
[[nodiscard]] Explanation explain_figure(const MarketData& data, std::string_view symbol,
                                         boost::gregorian::date session,
                                         const PublishedFigure& figure);

}  // namespace marketshock::records
