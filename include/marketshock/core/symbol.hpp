/// \file symbol.hpp
/// \brief Symbol: a validated exchange ticker such as `NVDA` or `BRK.B`.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace marketshock {

/// A ticker of 1 to 15 characters from `A-Z 0-9 . -` (e.g. `NVDA`, `BRK.B`, `BF-B`).
/// Stored inline (16 bytes, trivially copyable), so a Symbol never allocates and compares fast.
/// Ordering is bytewise, which is also the deterministic tie-break of every ranking.
class Symbol {
 public:
  static constexpr std::size_t kMaxLength = 15;

  /// Validates `text`; throws InvalidArgument naming the text and the rule it breaks.
  explicit Symbol(std::string_view text);

  /// The non-throwing twin of the constructor: nullopt when `text` is not a valid symbol.
  [[nodiscard]] static std::optional<Symbol> try_parse(std::string_view text) noexcept;

  /// True when `text` is a valid symbol.
  [[nodiscard]] static bool is_valid(std::string_view text) noexcept;

  [[nodiscard]] std::string_view view() const noexcept { return {chars_.data(), size_}; }
  [[nodiscard]] std::string str() const { return std::string(view()); }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  friend bool operator==(const Symbol& a, const Symbol& b) noexcept { return a.view() == b.view(); }
  friend std::strong_ordering operator<=>(const Symbol& a, const Symbol& b) noexcept {
    return a.view() <=> b.view();
  }

 private:
  struct Unchecked {};
  Symbol(Unchecked, std::string_view text) noexcept;

  std::array<char, kMaxLength> chars_{};
  unsigned char size_ = 0;
};

}  // namespace marketshock

template <>
struct std::hash<marketshock::Symbol> {
  std::size_t operator()(const marketshock::Symbol& s) const noexcept {
    return std::hash<std::string_view>{}(s.view());
  }
};

template <>
struct fmt::formatter<marketshock::Symbol> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const marketshock::Symbol& s, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(s.view(), ctx);
  }
};
