// Choosing each security's price series among the vendor files, by the rule of data/README.md.
#pragma once

#include "build_context.hpp"

#include <marketshock/core/daily_bars.hpp>
#include <marketshock/core/market_data.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace marketshock::recipe {

/// The chosen series for one security, trimmed to the requested range.
struct PriceChoice {
  DailyBars bars;
  PriceProvenance provenance;
  /// Split factor measured at each Yahoo snapshot session: traded close / dataset close,
  /// rounded to a split ratio (the splits between that session and the series' as-of date).
  std::map<boost::gregorian::date, double> split_factor_at;
};

/// Tries, in order: growwanalysis (split-only Close), dane-anderson (split-only), CarlosG
/// (split- and dividend-adjusted, dividend adjustment undone against Yahoo snapshot closes),
/// dsci560 (likewise), Spooky-Labs Alpaca IEX (single venue, flagged). A file that does not load
/// strictly, or whose level disagrees with the snapshot closes by more than a split ratio
/// explains, is rejected with a note and the next source is tried. nullopt when none is usable.
[[nodiscard]] std::optional<PriceChoice> select_prices(const Symbol& symbol,
                                                       boost::gregorian::date from,
                                                       boost::gregorian::date to,
                                                       BuildContext& context);

/// A vendor file of one security's prices, named by the vendor's source id.
struct VendorPriceFile {
  std::string source;
  std::filesystem::path path;
};

/// The split-only-adjusted price files of `symbol` that exist (growwanalysis, then
/// dane-anderson: the order of the price rule), whether or not they load. Their OHLC are traded
/// prices divided by the later splits, which is what dates a split (split_dates.hpp).
[[nodiscard]] std::vector<VendorPriceFile> split_only_price_files(const Symbol& symbol,
                                                                  const BuildContext& context);

}  // namespace marketshock::recipe
