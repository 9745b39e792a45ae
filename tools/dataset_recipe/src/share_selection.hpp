// Choosing and restating each security's share counts, by the rule of data/README.md:
// SEC cover-page counts first, then Yahoo month-end counts, then FMP quarterly averages, then
// counts implied by Yahoo snapshot market caps; every count restated onto the price basis.
#pragma once

#include "build_context.hpp"
#include "price_selection.hpp"

#include <marketshock/core/corporate_actions.hpp>
#include <marketshock/core/shares_outstanding.hpp>
#include <marketshock/core/step_series.hpp>
#include <marketshock/io/vendor/imported.hpp>

#include <vector>

namespace marketshock::recipe {

/// Every observation available for one security, by source, unsorted.
struct ShareCandidates {
  std::vector<io::ShareObservation> sec;
  std::vector<io::ShareObservation> yahoo_monthly;
  std::vector<io::ShareObservation> fmp;
  /// True for a class whose counts in every source are the issuer's all-class total (GOOGL and
  /// GOOG, FOXA and FOX, NWSA and NWS) and which is not the issuer's primary class: it gets no
  /// count, so the issuer's value is not counted twice.
  bool secondary_class = false;
  /// True for the primary class of such an issuer: its count is the all-class total.
  bool primary_of_several = false;
};

/// Restates and merges the candidates onto `prices`' split basis (see the file comment). Returns
/// the step series, possibly empty; every choice, rejection and approximation is noted.
/// Splits found on the way (jumps between consecutive point-in-time counts) are appended to
/// `detected`, with the bracket of dates they fall in.
[[nodiscard]] StepSeries<SharesRecord> select_shares(const Symbol& symbol,
                                                     ShareCandidates candidates,
                                                     const PriceChoice& prices,
                                                     BuildContext& context,
                                                     std::vector<Split>& detected);

}  // namespace marketshock::recipe
