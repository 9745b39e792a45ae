/// \file security.hpp
/// \brief Security and Issuer: what is listed, and which company stands behind it.
#pragma once

#include <marketshock/core/symbol.hpp>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace marketshock {

/// Dense index of a security inside one SecurityMaster (0..n-1). Not meaningful across masters.
class SecurityId {
 public:
  constexpr explicit SecurityId(std::uint32_t value) noexcept : value_(value) {}
  [[nodiscard]] constexpr std::uint32_t value() const noexcept { return value_; }
  friend constexpr auto operator<=>(SecurityId, SecurityId) noexcept = default;

 private:
  std::uint32_t value_;
};

/// Stable key of an issuer, e.g. "alphabet" (lower-case, as in the dataset's issuers table).
class IssuerId {
 public:
  explicit IssuerId(std::string key);
  [[nodiscard]] const std::string& key() const noexcept { return key_; }
  friend auto operator<=>(const IssuerId&, const IssuerId&) = default;

 private:
  std::string key_;
};

/// The listing venue. Index membership and weighting rules depend on it.
/// `unknown` when no source says where it is listed.
enum class Exchange { nyse, nasdaq, nyse_american, cboe, other, unknown };

/// "NYSE", "Nasdaq", ...; the inverse of parse_exchange.
[[nodiscard]] std::string_view to_string(Exchange exchange) noexcept;
/// Accepts the names to_string produces (case-insensitive) plus "NYSE Arca", "BATS";
/// throws InvalidArgument otherwise.
[[nodiscard]] Exchange parse_exchange(std::string_view text);

/// One company, which may list several share classes (GOOG and GOOGL are one Alphabet).
struct Issuer {
  IssuerId id;
  std::string name;
  /// SEC Central Index Key, when known.
  std::optional<std::string> cik;
};

/// One listed line of stock.
struct Security {
  Symbol symbol;
  IssuerId issuer;
  /// "A", "B", "C" for companies with several classes; empty when the issuer has one class.
  std::string share_class;
  Exchange exchange = Exchange::unknown;
  /// GICS sector and sub-industry ("Information Technology", "Semiconductors"); empty if unknown.
  std::string gics_sector;
  std::string gics_industry;
  /// Display name, e.g. "NVIDIA Corporation".
  std::string name;
};

}  // namespace marketshock
