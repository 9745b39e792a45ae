// The reference inputs of a dataset build: index membership, constituent names and sectors,
// Yahoo snapshots, and every share-count source, each read once.
#pragma once

#include "build_context.hpp"

#include <marketshock/core/security.hpp>
#include <marketshock/io/vendor/imported.hpp>

#include <map>
#include <vector>

namespace marketshock::recipe {

struct ReferenceData {
  std::vector<io::MembershipInterval> sp500;
  std::vector<io::MembershipInterval> ndx100;
  /// Names, GICS and CIK by symbol: the S&P 500 table first, the Nasdaq-100 table for the rest.
  std::map<Symbol, io::ReferenceSecurity> securities;
  /// Listing venue by symbol, from the Kaggle snapshot's Yahoo exchange codes.
  std::map<Symbol, Exchange> exchanges;
  std::map<Symbol, std::vector<io::ShareObservation>> sec_counts;
  std::map<Symbol, std::vector<io::ShareObservation>> yahoo_monthly_counts;
};

/// Reads the reference files (strict, except where a file is known to hold rows to skip, which
/// is then read leniently and its skipped rows reported); fills context.snapshots too.
[[nodiscard]] ReferenceData read_reference_data(BuildContext& context);

/// FMP quarterly counts of one ticker (lenient: FMP writes 0 for a missing count), empty when
/// there is no file.
[[nodiscard]] std::vector<io::ShareObservation> read_fmp_counts(const Symbol& symbol,
                                                                BuildContext& context);

/// Symbols that were among the `top_n` largest US-reporting companies (FMP quarterly market
/// value, reportedCurrency USD) at some quarter end on or after `from`.
[[nodiscard]] std::vector<Symbol> largest_companies_since(BuildContext& context);

}  // namespace marketshock::recipe
