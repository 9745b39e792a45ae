/// \file imported.hpp
/// \brief What the vendor importers return: price series, share observations, membership and
/// reference rows, each with its source and load report, before the dataset build settles them.
#pragma once

#include <marketshock/core/daily_bars.hpp>
#include <marketshock/core/price_basis.hpp>
#include <marketshock/core/symbol.hpp>
#include <marketshock/io/load_policy.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <string>
#include <vector>

namespace marketshock::io {

/// How far a source can be trusted for prices. Lower-quality series are used only where no
/// consolidated series exists, and the dataset flags them.
enum class PriceQuality {
  consolidated,  ///< consolidated-tape daily bars (Yahoo)
  single_venue,  ///< one venue's trades only (Alpaca IEX): closes near, not equal, volume partial
};

/// One vendor file's daily bars for one instrument, as read: dates strictly increasing,
/// prices on `basis`. `instrument` is the vendor's ticker text (e.g. "NVDA", "^GSPC").
struct ImportedSeries {
  std::string instrument;
  PriceBasis basis;
  PriceQuality quality = PriceQuality::consolidated;
  std::vector<Bar> bars;
  /// Where it came from: a source id of the dataset manifest and the file path.
  std::string source;
  std::string file;
  LoadReport report;
  /// Bars whose high or low missed the open or close by a floating-point rounding difference
  /// (at most 1e-9 of the price, as in vendor files adjusted by multiplication) and was set to
  /// it. Reported, not hidden: the dataset build lists every series where this is not 0.
  std::size_t rounding_adjusted_bars = 0;
};

/// One shares-outstanding figure for one security.
struct ShareObservation {
  Symbol symbol;
  /// The date the count refers to (cover-page "as of" date, month end, quarter end).
  boost::gregorian::date as_of;
  double shares = 0.0;
  /// Point in time (as reported) or split-adjusted as of a date (FMP).
  SplitBasis basis = SplitBasis::point_in_time();
  /// What was measured: "cover-page count", "month-end count", "quarterly weighted average",
  /// "market cap / price".
  std::string measure;
  /// Source id and a precise reference (file:line, filing accession number).
  std::string source;
  std::string reference;
};

/// One membership interval of an index: member from `start` (inclusive) to `end` (exclusive:
/// the first session it is no longer a member), or open-ended.
struct MembershipInterval {
  std::string index;  ///< "sp500" or "ndx100"
  Symbol symbol;
  boost::gregorian::date start;
  std::optional<boost::gregorian::date> end;
  std::string source;
};

/// A reference row naming a security: from an index constituents table.
struct ReferenceSecurity {
  Symbol symbol;
  std::string name;
  std::string gics_sector;
  std::string gics_industry;
  std::optional<std::string> cik;
  /// When the company joined the index (S&P 500 table's "Date added": the company's date, kept
  /// across ticker changes, so it predates a renamed ticker's own interval).
  std::optional<boost::gregorian::date> date_added;
  std::string source;
};

/// A point-in-time quote from a snapshot table (price and market cap on one date).
struct SnapshotQuote {
  Symbol symbol;
  /// The session whose close the snapshot shows (the last session before the snapshot date).
  boost::gregorian::date session;
  double price = 0.0;
  double market_cap = 0.0;
  std::string source;
};

}  // namespace marketshock::io
