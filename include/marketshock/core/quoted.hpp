/// \file quoted.hpp
/// \brief Untrusted text made safe to echo in a one-line error message: escaped and truncated.
///
/// Error messages repeat what the user typed ("unknown symbol 'NVDX'"). Typed text can hold a
/// newline (a second, forged line on stderr), a terminal escape sequence (ESC [ ... that recolours
/// or clears the screen), a NUL, or megabytes. These helpers keep every byte visible and the line
/// short, so the message stays one honest line whatever the input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace marketshock {

/// Longest part of an untrusted text that quoted_for_message() shows by default: enough for any
/// symbol, date, number or ordinary path, short enough to keep an error on one screen line.
inline constexpr std::size_t kQuotedMaxChars = 64;

/// `text` with every byte outside printable ASCII (0x20 to 0x7E) written as `\xNN` (two
/// lower-case hex digits): control bytes such as newline, ESC and NUL, DEL, and every byte of
/// 0x80 and above (so neither C1 controls nor malformed UTF-8 reach the terminal; non-ASCII
/// letters show as their bytes). Printable ASCII, backslash included, is kept as it is, so
/// escaping an already escaped message adds no further escapes.
///
/// When the escaped text is longer than `max_chars`, it is cut to at most `max_chars` characters
/// (never inside an escape) and `...` is appended; the result is then at most `max_chars + 3`
/// characters. Linear in the part of `text` that is kept; never throws except std::bad_alloc.
[[nodiscard]] std::string escaped_for_message(std::string_view text,
                                              std::size_t max_chars = kQuotedMaxChars);

/// escaped_for_message(text, max_chars) between single quotes, for naming an input in an
/// error: `'NVDA'`, `'NV\x0aDA'`, `'\x1b[2J'`. When the text was cut, the quotes close after the
/// `...` and the original length follows: `'AAAA...' (10485760 bytes)`. The result never holds a
/// byte outside printable ASCII and is at most `max_chars` + 40 characters long.
[[nodiscard]] std::string quoted_for_message(std::string_view text,
                                             std::size_t max_chars = kQuotedMaxChars);

}  // namespace marketshock
