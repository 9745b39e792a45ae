#include <marketshock/indices/index_registry.hpp>

#include <marketshock/core/require.hpp>
#include <marketshock/indices/nasdaq100_modified_weighting.hpp>
#include <marketshock/indices/price_weighting.hpp>
#include <marketshock/indices/total_market_value_weighting.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace marketshock::indices {

IndexRegistry::IndexRegistry(std::vector<IndexSpec> indices) : indices_(std::move(indices)) {
  for (std::size_t k = 0; k < indices_.size(); ++k) {
    const IndexSpec& spec = indices_[k];
    MARKETSHOCK_REQUIRE(!spec.id.empty() && spec.id != kAll,
                        "index #{} has the id '{}': ids must be non-empty and not '{}'", k, spec.id,
                        kAll);
    MARKETSHOCK_REQUIRE(!spec.level_id.empty() && !spec.membership_id.empty(),
                        "index '{}' needs a level series and a membership", spec.id);
    MARKETSHOCK_REQUIRE(spec.weighting != nullptr, "index '{}' has no weighting strategy", spec.id);
    for (std::size_t earlier = 0; earlier < k; ++earlier) {
      MARKETSHOCK_REQUIRE(indices_[earlier].id != spec.id, "index id '{}' registered twice",
                          spec.id);
    }
  }
}

const IndexRegistry& IndexRegistry::standard() {
  // The one place the indices are spelled. A new index is one entry here (and, for a new
  // methodology, one WeightingStrategy); no command or analysis changes.
  static const IndexRegistry registry({
      {"sp500", "S&P 500", "SPX", "sp500", "GICS",
       std::make_shared<const TotalMarketValueWeighting>()},
      {"ndx100", "Nasdaq-100", "NDX", "ndx100", "GICS",
       std::make_shared<const Nasdaq100ModifiedWeighting>()},
      {"djia", "Dow Jones Industrial Average", "DJI", "djia", "GICS",
       std::make_shared<const PriceWeighting>()},
  });
  return registry;
}

const IndexSpec* IndexRegistry::find(std::string_view id) const noexcept {
  const auto it = std::find_if(indices_.begin(), indices_.end(),
                               [&](const IndexSpec& spec) { return spec.id == id; });
  return it == indices_.end() ? nullptr : &*it;
}

const IndexSpec& IndexRegistry::require(std::string_view id) const {
  const IndexSpec* spec = find(id);
  MARKETSHOCK_REQUIRE(spec != nullptr, "unknown index '{}' (known: {})", id,
                      fmt::join(ids(), ", "));
  return *spec;
}

std::vector<std::string> IndexRegistry::ids() const {
  std::vector<std::string> out;
  out.reserve(indices_.size());
  for (const IndexSpec& spec : indices_) out.push_back(spec.id);
  return out;
}

std::vector<const IndexSpec*> IndexRegistry::select(std::string_view choice) const {
  std::vector<const IndexSpec*> out;
  if (choice == kAll) {
    for (const IndexSpec& spec : indices_) out.push_back(&spec);
    return out;
  }
  const IndexSpec* spec = find(choice);
  MARKETSHOCK_REQUIRE(spec != nullptr, "unknown index '{}' ({} or {})", choice,
                      fmt::join(ids(), ", "), kAll);
  out.push_back(spec);
  return out;
}

}  // namespace marketshock::indices
