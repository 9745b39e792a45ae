#include <marketshock/io/csv_row.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/io/csv_reader.hpp>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>

namespace marketshock::io {
namespace {

namespace greg = boost::gregorian;
using testing::HasSubstr;
using testing::ThrowsMessage;

// A reader over "Date,Symbol,Close,Volume" plus one data line, positioned on that line.
class OneRow {
 public:
  explicit OneRow(std::string_view data_line)
      : reader_(CsvReader::from_string(fmt::format("Date,Symbol,Close,Volume\n{}\n", data_line),
                                       "prices.csv")) {
    EXPECT_TRUE(reader_.next(row_));
  }
  const CsvRow& operator*() const { return row_; }
  const CsvRow* operator->() const { return &row_; }

 private:
  CsvReader reader_;
  CsvRow row_;
};

constexpr std::size_t kDate = 0;
constexpr std::size_t kSymbol = 1;
constexpr std::size_t kClose = 2;
constexpr std::size_t kVolume = 3;

TEST(CsvRow, AsDoubleReadsDecimalAndScientificExactly) {
  for (const char* text : {"35.082183837890625", "239.91", "-2", "0", "1e3", "1.5E-7", ".5", "5.",
                           "0.000001", "1.7976931348623157e308"}) {
    const OneRow row(fmt::format("2025-01-27,NVDA,{},1", text));
    EXPECT_EQ(row->as_double(kClose), std::strtod(text, nullptr)) << text;
  }
}

TEST(CsvRow, AsDoubleRejectsNonNumbersWithPositionedErrors) {
  const OneRow row("2025-01-27,NVDA,abc,1");
  EXPECT_THAT(
      [&] { (void)row->as_double(kClose); },
      ThrowsMessage<ParseError>(HasSubstr(
          "[marketshock.parse_error] prices.csv:2:17: column 'Close': invalid number 'abc'")));
  for (const char* text : {"1.5x", " 1.5", "1.5 ", "+1.5", "1,5", "--1", "0x10", "1e", "e5"}) {
    const OneRow bad(fmt::format("2025-01-27,NVDA,\"{}\",1", text));
    EXPECT_THAT([&] { (void)bad->as_double(kClose); },
                ThrowsMessage<ParseError>(HasSubstr(fmt::format("invalid number '{}'", text))))
        << text;
  }
}

TEST(CsvRow, AsDoubleRejectsNanInfinityAndOutOfRange) {
  for (const char* text : {"nan", "NaN", "-nan", "inf", "-inf", "Infinity", "INF"}) {
    const OneRow row(fmt::format("2025-01-27,NVDA,{},1", text));
    EXPECT_THAT([&] { (void)row->as_double(kClose); },
                ThrowsMessage<ParseError>(HasSubstr(fmt::format(
                    "prices.csv:2:17: column 'Close': non-finite number '{}' (NaN and infinity "
                    "are not accepted)",
                    text))))
        << text;
    EXPECT_THROW((void)row->as_double(kClose, EmptyField::nan), ParseError) << text;
  }
  const OneRow huge("2025-01-27,NVDA,1e400,1");
  EXPECT_THAT([&] { (void)huge->as_double(kClose); },
              ThrowsMessage<ParseError>(HasSubstr("number '1e400' is out of the double range")));
}

TEST(CsvRow, AsDoubleEmptyFieldIsAnErrorUnlessNanIsAsked) {
  const OneRow row("2025-01-27,NVDA,,1");
  EXPECT_THAT([&] { (void)row->as_double(kClose); },
              ThrowsMessage<ParseError>(
                  HasSubstr("prices.csv:2:17: column 'Close': empty field, expected a number")));
  EXPECT_TRUE(std::isnan(row->as_double(kClose, EmptyField::nan)));
  const OneRow quoted_empty("2025-01-27,NVDA,\"\",1");
  EXPECT_TRUE(std::isnan(quoted_empty->as_double(kClose, EmptyField::nan)));
  EXPECT_EQ(row->as_double(kVolume, EmptyField::nan), 1.0);
}

TEST(CsvRow, AsInt64ReadsTheFullRange) {
  const OneRow row("2025-01-27,NVDA,1,818830900");
  EXPECT_EQ(row->as_int64(kVolume), 818830900);
  const OneRow max("2025-01-27,NVDA,1,9223372036854775807");
  EXPECT_EQ(max->as_int64(kVolume), std::numeric_limits<std::int64_t>::max());
  const OneRow min("2025-01-27,NVDA,1,-9223372036854775808");
  EXPECT_EQ(min->as_int64(kVolume), std::numeric_limits<std::int64_t>::min());
}

TEST(CsvRow, AsInt64RejectsOverflowInsteadOfWrapping) {
  for (const char* text : {"9223372036854775808", "18446744073709551616", "-9223372036854775809",
                           "99999999999999999999999"}) {
    const OneRow row(fmt::format("2025-01-27,NVDA,1,{}", text));
    EXPECT_THAT(
        [&] { (void)row->as_int64(kVolume); },
        ThrowsMessage<ParseError>(HasSubstr(fmt::format(
            "prices.csv:2:19: column 'Volume': integer '{}' is out of the int64 range", text))))
        << text;
    EXPECT_THROW((void)row->as_int64(kVolume, IntegralFloat::accept), ParseError) << text;
  }
}

TEST(CsvRow, AsInt64RejectsNonIntegers) {
  for (const char* text : {"", "12a", "1e3", "1.5", " 12", "+12", "0x1F", "nan", "1234.0"}) {
    const OneRow row(fmt::format("2025-01-27,NVDA,1,\"{}\"", text));
    EXPECT_THAT([&] { (void)row->as_int64(kVolume); },
                ThrowsMessage<ParseError>(HasSubstr("prices.csv:2:19: column 'Volume': ")))
        << text;
  }
  const OneRow float_volume("2025-01-27,NVDA,1,88937.0");
  EXPECT_THAT([&] { (void)float_volume->as_int64(kVolume); },
              ThrowsMessage<ParseError>(HasSubstr("invalid integer '88937.0'")));
}

TEST(CsvRow, AsInt64AcceptsIntegralFloatsOnlyWhenAsked) {
  // Spooky-Labs files write volumes as "88937.0".
  const OneRow row("2025-01-27,NVDA,1,88937.0");
  EXPECT_EQ(row->as_int64(kVolume, IntegralFloat::accept), 88937);
  const OneRow zeros("2025-01-27,NVDA,1,-12.000");
  EXPECT_EQ(zeros->as_int64(kVolume, IntegralFloat::accept), -12);
  const OneRow fraction("2025-01-27,NVDA,1,88937.5");
  EXPECT_THAT(
      [&] { (void)fraction->as_int64(kVolume, IntegralFloat::accept); },
      ThrowsMessage<ParseError>(HasSubstr("column 'Volume': number '88937.5' is not an integer")));
  const OneRow exponent("2025-01-27,NVDA,1,8.8937e4");
  EXPECT_THROW((void)exponent->as_int64(kVolume, IntegralFloat::accept), ParseError);
}

TEST(CsvRow, AsDateUsesTheStrictIsoParser) {
  const OneRow row("2025-01-27,NVDA,1,1");
  EXPECT_EQ(row->as_date(kDate), greg::date(2025, 1, 27));
  for (const char* text : {"2020-02-30", "2025-1-27", "2025/01/27", "27.01.2025", "2025-01-27 "}) {
    const OneRow bad(fmt::format("\"{}\",NVDA,1,1", text));
    EXPECT_THAT([&] { (void)bad->as_date(kDate); },
                ThrowsMessage<ParseError>(HasSubstr(
                    fmt::format("prices.csv:2:1: column 'Date': invalid date '{}'", text))))
        << text;
  }
  const OneRow empty(",NVDA,1,1");
  EXPECT_THAT([&] { (void)empty->as_date(kDate); },
              ThrowsMessage<ParseError>(HasSubstr("column 'Date': empty field, expected a date")));
}

TEST(CsvRow, AsDateIgnoresATimeSuffixOnlyWhenAsked) {
  for (const char* text : {"2025-01-27 00:00:00-05:00", "2025-01-27 04:00:00+00:00",
                           "2025-01-27T00:00:00Z", "2025-01-27"}) {
    const OneRow row(fmt::format("{},NVDA,1,1", text));
    EXPECT_EQ(row->as_date(kDate, TimeSuffix::ignore), greg::date(2025, 1, 27)) << text;
  }
  const OneRow suffixed("2025-01-27 00:00:00-05:00,NVDA,1,1");
  EXPECT_THAT([&] { (void)suffixed->as_date(kDate); },
              ThrowsMessage<ParseError>(HasSubstr("invalid date '2025-01-27 00:00:00-05:00'")));
  for (const char* text : {"2025-01-27x00:00", "2025-01-27 ", "2025-02-30 00:00:00", "2025-01-2"}) {
    const OneRow bad(fmt::format("{},NVDA,1,1", text));
    EXPECT_THROW((void)bad->as_date(kDate, TimeSuffix::ignore), ParseError) << text;
  }
}

TEST(CsvRow, TheDesignDocumentsExampleError) {
  std::string text = "Symbol,Mic,Date\n";
  for (int line = 2; line < 123; ++line) text += "GOOGL,XNAS,2020-02-28\n";
  text += "GOOGL,XNAS,2020-02-30\n";
  auto reader = CsvReader::from_string(std::move(text), "prices.csv");
  const std::size_t date = reader.require_column("Date");
  CsvRow row;
  while (reader.next(row) && row.line() < 123)
    EXPECT_EQ(row.as_date(date), greg::date(2020, 2, 28));
  EXPECT_THAT([&] { (void)row.as_date(date); },
              ThrowsMessage<ParseError>(testing::StrEq(
                  "[marketshock.parse_error] prices.csv:123:12: column 'Date': invalid date "
                  "'2020-02-30'")));
}

TEST(CsvRow, PositionsCountCharactersNotBytes) {
  // "Nestlé" is 6 characters, 7 bytes; a quoted field's column is that of its opening quote.
  auto reader = CsvReader::from_string("Name,Country,Close\nNestlé,\"Suisse, CH\",abc\n", "q.csv");
  CsvRow row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.position(0).to_string(), "q.csv:2:1");
  EXPECT_EQ(row.position(1).to_string(), "q.csv:2:8");
  EXPECT_EQ(row.position(2).to_string(), "q.csv:2:21");
  EXPECT_EQ(row.position().to_string(), "q.csv:2");
  EXPECT_THAT([&] { (void)row.as_double(2); },
              ThrowsMessage<ParseError>(HasSubstr("q.csv:2:21: column 'Close': invalid number")));
}

TEST(CsvRow, TextIsEmptyAndColumnNames) {
  const OneRow row("2025-01-27,\"NV,DA\",,1");
  EXPECT_EQ(row->text(kSymbol), "NV,DA");
  EXPECT_TRUE(row->is_empty(kClose));
  EXPECT_FALSE(row->is_empty(kVolume));
  EXPECT_EQ(row->column_name(kVolume), "Volume");
  EXPECT_EQ(row->column_name(9), "");
  EXPECT_THAT([&] { (void)row->text(4); },
              ThrowsMessage<InvalidArgument>(
                  HasSubstr("column index 4 out of range: the row at prices.csv:2 has 4 fields")));
  EXPECT_THROW((void)row->as_double(17), InvalidArgument);
  EXPECT_THROW((void)row->position(4), InvalidArgument);
}

TEST(CsvRow, ErrorBuildsACallersOwnPositionedError) {
  const OneRow row("2025-01-27,NVDA,-3,1");
  const ParseError error = row->error(kClose, "negative price -3");
  EXPECT_STREQ(error.what(),
               "[marketshock.parse_error] prices.csv:2:17: column 'Close': negative price -3");
  EXPECT_EQ(error.position().line, 2U);
  EXPECT_EQ(error.position().column, 17U);
}

TEST(CsvRow, LongFieldsAreShortenedInMessages) {
  const std::string long_text(200, '7');
  const OneRow row(fmt::format("2025-01-27,NVDA,{}x,1", long_text));
  // The first 80 characters, then the field's length (quoted_for_message()).
  EXPECT_THAT(
      [&] { (void)row->as_double(kClose); },
      ThrowsMessage<ParseError>(HasSubstr(fmt::format(
          "column 'Close': invalid number '{}'... (201 characters)", long_text.substr(0, 80)))));
}

TEST(CsvRow, ControlCharactersInFieldsAreEscapedInMessages) {
  const OneRow row("2025-01-27,NVDA,1\x1b[2J\x7f,1");
  EXPECT_THAT([&] { (void)row->as_double(kClose); },
              ThrowsMessage<ParseError>(
                  HasSubstr("prices.csv:2:17: column 'Close': invalid number '1\\x1b[2J\\x7f'")));
}

}  // namespace
}  // namespace marketshock::io
