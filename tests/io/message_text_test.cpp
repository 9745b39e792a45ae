#include <marketshock/io/message_text.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace marketshock::io {
namespace {

TEST(QuotedForMessage, PlainTextIsQuotedAsIs) {
  EXPECT_EQ(quoted_for_message("2025-02-30"), "'2025-02-30'");
  EXPECT_EQ(quoted_for_message(""), "''");
  EXPECT_EQ(quoted_for_message(" 147.79"), "' 147.79'");
  EXPECT_EQ(quoted_for_message("T. Rowe Price Group, Inc."), "'T. Rowe Price Group, Inc.'");
}

TEST(QuotedForMessage, ControlCharactersAreEscaped) {
  EXPECT_EQ(quoted_for_message("NV\x1b[2JDA"), "'NV\\x1b[2JDA'");
  EXPECT_EQ(quoted_for_message("a\nb\rc\td"), "'a\\x0ab\\x0dc\\x09d'");
  EXPECT_EQ(quoted_for_message(std::string("a\0b", 3)), "'a\\x00b'");
  EXPECT_EQ(quoted_for_message("\x7f"), "'\\x7f'");
}

TEST(QuotedForMessage, QuotesAndBackslashesReadBackUnambiguously) {
  EXPECT_EQ(quoted_for_message("it's"), "'it\\'s'");
  EXPECT_EQ(quoted_for_message("C:\\data"), "'C:\\\\data'");
  EXPECT_EQ(quoted_for_message("\"quoted\""), "'\"quoted\"'");
}

TEST(QuotedForMessage, ValidUtf8IsKeptInvalidBytesAndC1ControlsAreEscaped) {
  EXPECT_EQ(quoted_for_message("Soci\xc3\xa9t\xc3\xa9 G\xc3\xa9n\xc3\xa9rale"),
            "'Soci\xc3\xa9t\xc3\xa9 G\xc3\xa9n\xc3\xa9rale'");
  EXPECT_EQ(quoted_for_message("\xe2\x80\xa6"), "'\xe2\x80\xa6'");          // U+2026
  EXPECT_EQ(quoted_for_message("\xf0\x9f\x93\x88"), "'\xf0\x9f\x93\x88'");  // U+1F4C8
  EXPECT_EQ(quoted_for_message("\xff\xfe"), "'\\xff\\xfe'");                // not UTF-8
  EXPECT_EQ(quoted_for_message("\xc3"), "'\\xc3'");                         // cut sequence
  EXPECT_EQ(quoted_for_message("\xc0\xaf"), "'\\xc0\\xaf'");                // overlong '/'
  EXPECT_EQ(quoted_for_message("\xed\xa0\x80"), "'\\xed\\xa0\\x80'");       // a surrogate
  EXPECT_EQ(quoted_for_message("\xc2\x9b"), "'\\xc2\\x9b'");                // C1 CSI
}

TEST(QuotedForMessage, LongTextIsCutAfterItsLimitWithItsLength) {
  const std::string long_text(300, '9');
  EXPECT_EQ(quoted_for_message(long_text), "'" + std::string(80, '9') + "'... (300 characters)");
  EXPECT_EQ(quoted_for_message(std::string(80, 'x')), "'" + std::string(80, 'x') + "'");
  EXPECT_EQ(quoted_for_message("abcdef", 3), "'abc'... (6 characters)");
  // Characters, not bytes: a multi-byte character is never cut, an escape never split.
  EXPECT_EQ(quoted_for_message("\xc3\xa9\xc3\xa9\xc3\xa9", 2),
            "'\xc3\xa9\xc3\xa9'... (3 characters)");
  EXPECT_EQ(quoted_for_message("\x1b\x1b\x1b", 2), "'\\x1b\\x1b'... (3 characters)");
}

TEST(QuotedForMessage, EscapedTextHasNoQuotes) {
  EXPECT_EQ(escaped_for_message("a\nb"), "a\\x0ab");
  EXPECT_EQ(escaped_for_message("abcdef", 3), "abc... (6 characters)");
}

TEST(QuotedForMessage, PathsKeepTheirLength) {
  const std::filesystem::path path = "/tmp/" + std::string(200, 'd') + "/two\nlines/bars.csv";
  EXPECT_EQ(path_for_message(path), "'/tmp/" + std::string(200, 'd') + "/two\\x0alines/bars.csv'");
  EXPECT_EQ(display_name(path), "/tmp/" + std::string(200, 'd') + "/two\\x0alines/bars.csv");
}

}  // namespace
}  // namespace marketshock::io
