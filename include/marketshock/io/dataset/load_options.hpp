/// \file load_options.hpp
/// \brief DatasetLoadOptions: the policy, plausibility bounds, calendar and size limits of
/// load_dataset().
#pragma once

#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/io/file_reading.hpp>
#include <marketshock/io/load_policy.hpp>

#include <cstdint>

namespace marketshock::io {

/// What a loaded value must lie within to be believed. A value outside is refused at its field
/// (file:line:column) like a malformed one: a strict load throws DataError, a lenient one skips
/// the row and reports it. Every bound is inclusive. The defaults are about a thousand times
/// wider than anything in the embedded dataset (data/README.md, "Plausibility bounds"), so they
/// catch a unit mistake (cents for dollars, thousands of shares), a sign, a lost decimal point
/// and garbage, not a real extreme.
struct PlausibilityBounds {
  /// Highest price of a bar or index level, USD (every price must also be > 0). Berkshire
  /// Hathaway class A traded near 7e5 USD in 2024-2025; the embedded dataset's highest are the
  /// Dow's 45,073.63 and, among stocks, NVR's 9,964.77.
  double max_price = 1e7;
  /// Highest volume of a session, shares (volume must also be >= 0; an unknown volume is an empty
  /// field). The embedded dataset's highest: 1.35e10 (Nasdaq Composite, 2025-04-09).
  std::int64_t max_volume = 10'000'000'000'000;
  /// Lowest share count (shares and reported_shares of shares.csv).
  double min_shares = 1.0;
  /// Highest share count. The embedded dataset's highest: 2.51e10 (NVIDIA's count of 2022-03-11
  /// restated for its 2024 10:1 split).
  double max_shares = 1e13;
  /// Lowest split ratio (new shares per old share: 0.01 is a 1-for-100 reverse split), also the
  /// lowest split_factor of shares.csv.
  double min_split_ratio = 1e-4;
  /// Highest split ratio, also the highest split_factor of shares.csv (a product of ratios; the
  /// embedded dataset's highest is 40, NVIDIA's 4 x 10).
  double max_split_ratio = 1e4;
  /// Highest cash dividend per share, USD (must also be >= 0).
  double max_dividend = 1e5;
};

/// How load_dataset() reads a dataset directory.
struct DatasetLoadOptions {
  /// Strict: the first bad row throws. Lenient: bad rows are skipped and reported, and so are
  /// rows that depend on a skipped one (the bars and share counts of a skipped security).
  LoadPolicy policy = LoadPolicy::strict;
  /// Bounds on prices, volumes, share counts, split ratios and dividends.
  PlausibilityBounds bounds;
  /// The calendar every bar of bars.csv and index_levels.csv must be a session of; nullptr
  /// accepts any date. A date outside the calendar's range (1990-2030 for the NYSE's) is refused.
  const TradingCalendar* calendar = &TradingCalendar::nyse();
  /// Largest manifest.json read, bytes.
  std::uintmax_t max_manifest_bytes = kSmallFileLimit;
  /// Largest issuers.csv, securities.csv, corporate_actions.csv and index_membership.csv read,
  /// bytes (one row per company, security, split or membership interval: 16 MiB holds a hundred
  /// thousand securities).
  std::uintmax_t max_small_table_bytes = kSmallFileLimit;
  /// Largest bars.csv, shares.csv and index_levels.csv read, bytes (no limit by default: the
  /// whole US market's daily bars since 1990 are about 4 GB).
  std::uintmax_t max_table_bytes = kNoFileSizeLimit;
};

}  // namespace marketshock::io
