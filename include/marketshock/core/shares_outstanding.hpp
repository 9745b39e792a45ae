/// \file shares_outstanding.hpp
/// \brief SharesRecord: one effective-dated share count with where it came from.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <string>

namespace marketshock {

/// A share count in force from its step's effective date, already restated onto its security's
/// price basis, with the figure as reported and the provenance needed to trace it.
struct SharesRecord {
  /// Shares on the security's price split basis (the value market value uses).
  double shares = 0.0;
  /// The count as the source reported it, and the factor that restated it (shares =
  /// reported_shares x split_factor; 1 when the source is already on the price basis).
  double reported_shares = 0.0;
  double split_factor = 1.0;
  /// "cover-page count", "month-end count", "quarterly weighted average", ...
  std::string measure;
  /// Source id from the dataset manifest ("sec-points", "yahoo-monthly", "fmp-quarterly") and a
  /// precise reference (accession number, file and line).
  std::string source;
  std::string reference;

  friend bool operator==(const SharesRecord&, const SharesRecord&) = default;
};

}  // namespace marketshock
