#include <marketshock/core/quoted.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace marketshock {

namespace {

constexpr bool is_printable_ascii(unsigned char byte) noexcept {
  return byte >= 0x20 && byte <= 0x7e;
}

constexpr std::size_t kEscapeLength = 4;  // "\xNN"

struct Escaped {
  std::string text;
  bool cut = false;
};

Escaped escape(std::string_view text, std::size_t max_chars) {
  Escaped out;
  // Reserve for the common case (all printable) without trusting the input's size.
  out.text.reserve(std::min(text.size(), max_chars));
  constexpr char kHex[] = "0123456789abcdef";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const std::size_t width = is_printable_ascii(byte) ? 1 : kEscapeLength;
    if (out.text.size() + width > max_chars) {
      out.cut = true;
      break;
    }
    if (width == 1) {
      out.text.push_back(c);
    } else {
      out.text += "\\x";
      out.text.push_back(kHex[byte >> 4U]);
      out.text.push_back(kHex[byte & 0x0fU]);
    }
  }
  return out;
}

}  // namespace

std::string escaped_for_message(std::string_view text, std::size_t max_chars) {
  Escaped e = escape(text, max_chars);
  if (e.cut) e.text += "...";
  return std::move(e.text);
}

std::string quoted_for_message(std::string_view text, std::size_t max_chars) {
  const Escaped e = escape(text, max_chars);
  if (!e.cut) return fmt::format("'{}'", e.text);
  return fmt::format("'{}...' ({} bytes)", e.text, text.size());
}

}  // namespace marketshock
