#include <marketshock/core/security.hpp>

#include <marketshock/core/require.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace marketshock {

IssuerId::IssuerId(std::string key) : key_(std::move(key)) {
  MARKETSHOCK_REQUIRE(!key_.empty(), "an issuer id must not be empty");
}

std::string_view to_string(Exchange exchange) noexcept {
  switch (exchange) {
    case Exchange::nyse:
      return "NYSE";
    case Exchange::nasdaq:
      return "Nasdaq";
    case Exchange::nyse_american:
      return "NYSE American";
    case Exchange::cboe:
      return "Cboe";
    case Exchange::other:
      return "other";
    case Exchange::unknown:
      return "unknown";
  }
  return "other";
}

Exchange parse_exchange(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::array<std::pair<std::string_view, Exchange>, 9> kNames{{
      {"nyse", Exchange::nyse},
      {"nyse arca", Exchange::nyse},
      {"nasdaq", Exchange::nasdaq},
      {"nyse american", Exchange::nyse_american},
      {"cboe", Exchange::cboe},
      {"bats", Exchange::cboe},
      {"other", Exchange::other},
      {"unknown", Exchange::unknown},
  }};
  for (const auto& [name, exchange] : kNames) {
    if (lower == name) return exchange;
  }
  throw InvalidArgument(fmt::format(
      "unknown exchange '{}': expected NYSE, Nasdaq, NYSE American, Cboe, other or unknown", text));
}

}  // namespace marketshock
