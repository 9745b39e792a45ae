/// \file index_spec.hpp
/// \brief IndexSpec: which index a reconstruction rebuilds, from which membership, against which
/// level series, and with which weighting method.
#pragma once

#include <string>
#include <string_view>

namespace marketshock::indices {

/// How members are weighted in a rebuilt index.
enum class IndexWeighting {
  /// Weight = total market value at the prior close (close x shares outstanding). The S&P 500
  /// weights by float-adjusted value; no float factors are in the dataset, so this approximates it.
  total_market_value,
  /// The Nasdaq-100's modified market-capitalisation weighting: issuer-level market values,
  /// capped at each quarterly rebalance (nasdaq100_capping.hpp) and left to drift in between.
  nasdaq100_modified,
};

/// "total_market_value" or "nasdaq100_modified" (for JSON).
[[nodiscard]] std::string_view to_string(IndexWeighting weighting) noexcept;

/// The basis line of a weighting, e.g. "weights = close(t-1) x shares(t-1), total market value
/// (float adjustment unavailable)".
[[nodiscard]] std::string_view describe(IndexWeighting weighting) noexcept;

/// One index the contagion layer can rebuild.
struct IndexSpec {
  /// Membership key in MarketData ("sp500", "ndx100").
  std::string id;
  /// Level series key in MarketData ("SPX", "NDX"): the actual index the rebuild is judged by.
  std::string level_id;
  /// Display name ("S&P 500").
  std::string name;
  IndexWeighting weighting = IndexWeighting::total_market_value;
};

/// The S&P 500: membership "sp500", levels "SPX", total market value weights.
[[nodiscard]] const IndexSpec& sp500_spec() noexcept;
/// The Nasdaq-100: membership "ndx100", levels "NDX", modified market-cap weights.
[[nodiscard]] const IndexSpec& nasdaq100_spec() noexcept;

/// The spec of "sp500" or "ndx100". Throws InvalidArgument naming the known ids otherwise.
[[nodiscard]] const IndexSpec& index_spec(std::string_view id);

}  // namespace marketshock::indices
