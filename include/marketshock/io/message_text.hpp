/// \file message_text.hpp
/// \brief quoted_for_message: input text (field values, symbols, keys, paths) made safe to echo
/// in a one-line error message.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace marketshock::io {

/// Characters of a field value, symbol or key that a message shows before truncating it.
inline constexpr std::size_t kMessageTextLimit = 80;

/// Characters of a file path that a message shows before truncating it (paths come from the
/// user's file system, not from file contents, and are only useful whole).
inline constexpr std::size_t kMessagePathLimit = 1024;

/// `text` escaped so that it prints on one line without terminal effects: each control byte
/// (0x00-0x1F, 0x7F: NUL, tab, newline, ESC, ...), each byte that is not part of valid UTF-8 and
/// each C1 control (U+0080-U+009F) as `\xNN`; a backslash as `\\` and a single quote as `\'`, so
/// that the text reads back unambiguously between single quotes. Valid UTF-8 is kept as is.
/// Beyond `max_characters` (counted in characters of the input), the rest is cut and
/// "... (N characters)" says how long the input was. Never throws except std::bad_alloc.
[[nodiscard]] std::string escaped_for_message(std::string_view text,
                                              std::size_t max_characters = kMessageTextLimit);

/// escaped_for_message() between single quotes, the form every message of the library uses for
/// text taken from its input: `invalid date '2025-02-30'`, `unknown symbol 'TS\x1b[2JLA'`,
/// `invalid symbol 'AAAA'... (300 characters)` (the first kMessageTextLimit characters shown).
[[nodiscard]] std::string quoted_for_message(std::string_view text,
                                             std::size_t max_characters = kMessageTextLimit);

/// A path as a message shows it: quoted_for_message() of its native string, with the longer
/// kMessagePathLimit.
[[nodiscard]] std::string path_for_message(const std::filesystem::path& path);

/// A path as an error position's file name shows it: escaped_for_message() of its native
/// string, unquoted, with kMessagePathLimit (the display name of readers and load reports).
[[nodiscard]] std::string display_name(const std::filesystem::path& path);

}  // namespace marketshock::io
