#include <marketshock/indices/index_spec.hpp>

#include <marketshock/core/require.hpp>

namespace marketshock::indices {

std::string_view to_string(IndexWeighting weighting) noexcept {
  switch (weighting) {
    case IndexWeighting::total_market_value:
      return "total_market_value";
    case IndexWeighting::nasdaq100_modified:
      return "nasdaq100_modified";
  }
  return "unknown";
}

std::string_view describe(IndexWeighting weighting) noexcept {
  switch (weighting) {
    case IndexWeighting::total_market_value:
      return "weights = close(t-1) x shares outstanding(t-1), total market value (float "
             "adjustment unavailable: no float factors in the dataset)";
    case IndexWeighting::nasdaq100_modified:
      return "weights = issuer market value close(t-1) x shares(t-1) x a capping factor set at "
             "each quarterly rebalance on prior-month-end share counts (an issuer above 24% set "
             "to 20%; issuers above 4.5% scaled to 40% together when above 48%; the others at "
             "most 4.4%)";
  }
  return "unknown weighting";
}

const IndexSpec& sp500_spec() noexcept {
  static const IndexSpec spec{"sp500", "SPX", "S&P 500", IndexWeighting::total_market_value};
  return spec;
}

const IndexSpec& nasdaq100_spec() noexcept {
  static const IndexSpec spec{"ndx100", "NDX", "Nasdaq-100", IndexWeighting::nasdaq100_modified};
  return spec;
}

const IndexSpec& index_spec(std::string_view id) {
  if (id == sp500_spec().id) return sp500_spec();
  if (id == nasdaq100_spec().id) return nasdaq100_spec();
  throw InvalidArgument(fmt::format("unknown index '{}' (known: sp500, ndx100)", id));
}

}  // namespace marketshock::indices
