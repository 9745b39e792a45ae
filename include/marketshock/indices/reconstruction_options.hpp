/// \file reconstruction_options.hpp
/// \brief ReconstructionOptions: the choices of an index rebuild that the published methodologies
/// leave to the data (which closes price the Nasdaq-100 capping).
#pragma once

#include <string_view>

namespace marketshock::indices {

/// Which closes set the Nasdaq-100 capped weights at a rebalance. Share counts are always those
/// in force on the reference session (the prior month's last session).
enum class CappingPrices {
  /// Closes of the reference session (prior month end), as the share counts.
  reference_month_end,
  /// Closes of the rebalance eve (the third Friday): the weights hold at the last closes before
  /// they take effect, as index shares computed from pre-effective prices do.
  rebalance_eve,
};

/// "reference_month_end" or "rebalance_eve".
[[nodiscard]] std::string_view to_string(CappingPrices prices) noexcept;

/// Choices of a reconstruction that the published methodologies leave to the data. A weighting
/// strategy reads the options that concern it and ignores the others.
struct ReconstructionOptions {
  CappingPrices capping_prices = CappingPrices::rebalance_eve;
};

}  // namespace marketshock::indices
