#include <marketshock/core/quoted.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace marketshock {
namespace {

using namespace std::string_literals;

// True when every byte is printable ASCII: nothing a terminal could act on, no second line.
bool printable(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte <= 0x7e;
  });
}

TEST(QuotedForMessage, PrintableTextIsQuotedUnchanged) {
  EXPECT_EQ(quoted_for_message("NVDA"), "'NVDA'");
  EXPECT_EQ(quoted_for_message(""), "''");
  EXPECT_EQ(quoted_for_message("2025-02-30"), "'2025-02-30'");
  EXPECT_EQ(quoted_for_message("a b\\c'd"), "'a b\\c'd'") << "backslash and quote kept";
}

TEST(QuotedForMessage, ControlBytesAreEscaped) {
  EXPECT_EQ(quoted_for_message("NV\nDA"), "'NV\\x0aDA'");
  EXPECT_EQ(quoted_for_message("\r\t"), "'\\x0d\\x09'");
  EXPECT_EQ(quoted_for_message("\x1b[2J\x1b[31mNVDA"), "'\\x1b[2J\\x1b[31mNVDA'");
  EXPECT_EQ(quoted_for_message("NV\0DA"s), "'NV\\x00DA'") << "an embedded NUL is shown, not cut";
  EXPECT_EQ(quoted_for_message("\x7f"), "'\\x7f'");
}

TEST(QuotedForMessage, BytesAboveAsciiAreEscaped) {
  EXPECT_EQ(quoted_for_message("\xc3\xa9"), "'\\xc3\\xa9'") << "UTF-8 e-acute, byte by byte";
  EXPECT_EQ(quoted_for_message("\x9b"
                               "31m"),
            "'\\x9b31m'")
      << "the C1 CSI byte";
  EXPECT_EQ(quoted_for_message("\xff\xfe"), "'\\xff\\xfe'") << "not UTF-8 at all";
}

TEST(QuotedForMessage, LongTextIsCutWithItsLength) {
  const std::string ten_megabytes(10 * 1024 * 1024, 'A');
  const std::string quoted = quoted_for_message(ten_megabytes);
  EXPECT_EQ(quoted, "'" + std::string(kQuotedMaxChars, 'A') + "...' (10485760 bytes)");
  EXPECT_EQ(quoted_for_message("ABCDEFGH", 4), "'ABCD...' (8 bytes)");
  EXPECT_EQ(quoted_for_message("ABCD", 4), "'ABCD'") << "exactly max_chars: not cut";
}

TEST(QuotedForMessage, CutsNeverSplitAnEscape) {
  // "AB" then a newline: "AB\x0a" is 6 characters; with max 5 the escape does not fit whole.
  EXPECT_EQ(quoted_for_message("AB\nC", 5), "'AB...' (4 bytes)");
  EXPECT_EQ(quoted_for_message("AB\nC", 6), "'AB\\x0a...' (4 bytes)");
  EXPECT_EQ(quoted_for_message("\n\n\n", 3), "'...' (3 bytes)");
}

TEST(QuotedForMessage, OutputIsAlwaysOnePrintableBoundedLine) {
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte.push_back(static_cast<char>(b));
  for (const std::string& text : {every_byte, every_byte + every_byte, std::string(1000, '\n')}) {
    const std::string quoted = quoted_for_message(text);
    EXPECT_TRUE(printable(quoted)) << quoted;
    EXPECT_LE(quoted.size(), kQuotedMaxChars + 40);
  }
}

TEST(EscapedForMessage, EscapesWithoutQuotesAndAddsNothingOnASecondPass) {
  EXPECT_EQ(escaped_for_message("unknown symbol 'NV\nDA'"), "unknown symbol 'NV\\x0aDA'");
  const std::string once = escaped_for_message("a\x1b[0m\nb\x01", 100);
  EXPECT_EQ(once, "a\\x1b[0m\\x0ab\\x01");
  EXPECT_EQ(escaped_for_message(once, 100), once);
  EXPECT_EQ(escaped_for_message(std::string(100, 'x'), 10), "xxxxxxxxxx...");
}

}  // namespace
}  // namespace marketshock
