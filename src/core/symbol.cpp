#include <marketshock/core/symbol.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/quoted.hpp>

#include <algorithm>

namespace marketshock {

namespace {
constexpr bool is_symbol_char(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}
}  // namespace

bool Symbol::is_valid(std::string_view text) noexcept {
  return !text.empty() && text.size() <= kMaxLength &&
         std::all_of(text.begin(), text.end(), is_symbol_char);
}

Symbol::Symbol(Unchecked, std::string_view text) noexcept
    : size_(static_cast<unsigned char>(text.size())) {
  std::copy(text.begin(), text.end(), chars_.begin());
}

Symbol::Symbol(std::string_view text) {
  if (text.empty()) throw InvalidArgument("invalid symbol '': a symbol has 1 to 15 characters");
  if (text.size() > kMaxLength) {
    throw InvalidArgument(fmt::format("invalid symbol {}: {} characters, at most {} allowed",
                                      quoted_for_message(text), text.size(), kMaxLength));
  }
  const auto bad = std::find_if_not(text.begin(), text.end(), is_symbol_char);
  if (bad != text.end()) {
    throw InvalidArgument(
        fmt::format("invalid symbol {}: character {} at position {} is not one of A-Z 0-9 . -",
                    quoted_for_message(text), quoted_for_message(std::string_view(&*bad, 1)),
                    bad - text.begin() + 1));
  }
  size_ = static_cast<unsigned char>(text.size());
  std::copy(text.begin(), text.end(), chars_.begin());
}

std::optional<Symbol> Symbol::try_parse(std::string_view text) noexcept {
  if (!is_valid(text)) return std::nullopt;
  return Symbol(Unchecked{}, text);
}

}  // namespace marketshock
