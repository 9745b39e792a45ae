#include <marketshock/io/vendor/normalise_ticker.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace marketshock::io {

namespace {

// The dot form of `text` in `out`; false if `text` is too long to be a Symbol.
bool to_dot_form(std::string_view text, std::array<char, Symbol::kMaxLength>& out) noexcept {
  if (text.size() > out.size()) return false;
  std::transform(text.begin(), text.end(), out.begin(),
                 [](char c) { return c == '-' || c == '/' ? '.' : c; });
  return true;
}

}  // namespace

std::optional<Symbol> try_normalise_ticker(std::string_view vendor_ticker) noexcept {
  std::array<char, Symbol::kMaxLength> buffer{};
  if (!to_dot_form(vendor_ticker, buffer)) return std::nullopt;
  const std::string_view dotted(buffer.data(), vendor_ticker.size());
  if (dotted.empty() || dotted.front() == '.' || dotted.back() == '.') return std::nullopt;
  return Symbol::try_parse(dotted);
}

Symbol normalise_ticker(std::string_view vendor_ticker) {
  if (auto symbol = try_normalise_ticker(vendor_ticker)) return *symbol;
  throw InvalidArgument(fmt::format(
      "invalid ticker {}: expected 1 to {} characters of A-Z 0-9 and the class separators . - /, "
      "not first or last",
      quoted_for_message(vendor_ticker), Symbol::kMaxLength));
}

}  // namespace marketshock::io
