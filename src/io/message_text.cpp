#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <utility>

namespace marketshock::io {

namespace {

// Length of the valid UTF-8 sequence that starts `text` (2 to 4 bytes, no overlong forms, no
// surrogates, at most U+10FFFF), or 0 if it does not start one. ASCII is handled by the caller.
std::size_t utf8_sequence_length(std::string_view text, char32_t& code_point) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0U) == 0xC0U) {
    length = 2;
    value = lead & 0x1FU;
    minimum = 0x80;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3;
    value = lead & 0x0FU;
    minimum = 0x800;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4;
    value = lead & 0x07U;
    minimum = 0x10000;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0U) != 0x80U) return 0;
    value = (value << 6U) | (byte(i) & 0x3FU);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  code_point = value;
  return length;
}

void append_hex(std::string& out, unsigned char byte) {
  fmt::format_to(std::back_inserter(out), "\\x{:02x}", byte);
}

// The text escaped up to `max_characters` characters, and how many characters it has in all.
struct Escaped {
  std::string shown;
  std::size_t characters = 0;
  bool truncated = false;
};

// Appends the character of `length` bytes at the start of `text` (`code_point` when it is a
// valid multi-byte UTF-8 sequence) to `to`, escaped.
void append_escaped(std::string& to, std::string_view text, std::size_t length,
                    char32_t code_point) {
  const auto c = static_cast<unsigned char>(text[0]);
  if (c >= 0x80U) {
    if (code_point >= 0xA0) {
      to += text.substr(0, length);
    } else {  // a byte outside valid UTF-8, or a C1 control: each byte escaped
      for (std::size_t i = 0; i < length; ++i) append_hex(to, static_cast<unsigned char>(text[i]));
    }
  } else if (c < 0x20U || c == 0x7FU) {
    append_hex(to, c);
  } else if (c == '\\' || c == '\'') {
    to += '\\';
    to += static_cast<char>(c);
  } else {
    to += static_cast<char>(c);
  }
}

Escaped escape(std::string_view text, std::size_t max_characters) {
  Escaped out;
  out.shown.reserve(text.size() < max_characters ? text.size() : max_characters);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t length = 1;
    char32_t code_point = 0;
    if (static_cast<unsigned char>(text[pos]) >= 0x80U) {
      length = std::max<std::size_t>(1, utf8_sequence_length(text.substr(pos), code_point));
    }
    if (out.characters < max_characters) {
      append_escaped(out.shown, text.substr(pos), length, code_point);
    } else {
      out.truncated = true;
    }
    ++out.characters;
    pos += length;
  }
  return out;
}

}  // namespace

std::string escaped_for_message(std::string_view text, std::size_t max_characters) {
  Escaped e = escape(text, max_characters);
  if (e.truncated) fmt::format_to(std::back_inserter(e.shown), "... ({} characters)", e.characters);
  return std::move(e.shown);
}

std::string quoted_for_message(std::string_view text, std::size_t max_characters) {
  const Escaped e = escape(text, max_characters);
  if (!e.truncated) return fmt::format("'{}'", e.shown);
  return fmt::format("'{}'... ({} characters)", e.shown, e.characters);
}

std::string path_for_message(const std::filesystem::path& path) {
  return quoted_for_message(path.native(), kMessagePathLimit);
}

std::string display_name(const std::filesystem::path& path) {
  return escaped_for_message(path.native(), kMessagePathLimit);
}

}  // namespace marketshock::io
