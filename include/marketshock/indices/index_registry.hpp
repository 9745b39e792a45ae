/// \file index_registry.hpp
/// \brief IndexRegistry: every index the library can rebuild, registered once; lookups by id and
/// the "all" selection of the command line.
#pragma once

#include <marketshock/indices/index_spec.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace marketshock::indices {

/// Indices by id, in registration order. Immutable after construction.
class IndexRegistry {
 public:
  /// The selection that means every registered index.
  static constexpr std::string_view kAll = "all";

  /// Throws InvalidArgument for an empty or repeated id, the id "all", an empty level or
  /// membership id, or a spec without a weighting strategy.
  explicit IndexRegistry(std::vector<IndexSpec> indices);

  /// The indices marketshock knows, in this order:
  /// - "sp500": S&P 500, levels "SPX", membership "sp500", GICS, total market value;
  /// - "ndx100": Nasdaq-100, levels "NDX", membership "ndx100", GICS, Nasdaq-100 modified;
  /// - "djia": Dow Jones Industrial Average, levels "DJI", membership "djia", GICS,
  ///   price-weighted with a divisor.
  [[nodiscard]] static const IndexRegistry& standard();

  [[nodiscard]] std::span<const IndexSpec> indices() const noexcept { return indices_; }
  /// The spec of `id`, or nullptr.
  [[nodiscard]] const IndexSpec* find(std::string_view id) const noexcept;
  /// The spec of `id`. Throws InvalidArgument naming the registered ids otherwise.
  [[nodiscard]] const IndexSpec& require(std::string_view id) const;
  /// Registered ids in order ("sp500", "ndx100", "djia").
  [[nodiscard]] std::vector<std::string> ids() const;
  /// The indices a choice names: every one for "all", else the one of that id. Throws
  /// InvalidArgument naming the choices otherwise.
  [[nodiscard]] std::vector<const IndexSpec*> select(std::string_view choice) const;

 private:
  std::vector<IndexSpec> indices_;
};

}  // namespace marketshock::indices
