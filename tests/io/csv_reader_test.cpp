#include <marketshock/io/csv_reader.hpp>

#include <marketshock/core/error.hpp>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace marketshock::io {
namespace {

using testing::ElementsAre;
using testing::HasSubstr;
using testing::ThrowsMessage;

static_assert(std::is_move_constructible_v<CsvReader>);
static_assert(!std::is_copy_constructible_v<CsvRow> && !std::is_move_constructible_v<CsvRow>);

std::filesystem::path csv_dir() {
  return std::filesystem::path(MARKETSHOCK_TEST_DATA_DIR) / "csv";
}

CsvReader csv(std::string text, CsvOptions options = {}) {
  return CsvReader::from_string(std::move(text), "prices.csv", options);
}

// Every remaining row's fields, as strings.
std::vector<std::vector<std::string>> all_rows(CsvReader& reader) {
  std::vector<std::vector<std::string>> rows;
  CsvRow row;
  while (reader.next(row)) {
    auto& fields = rows.emplace_back();
    for (std::size_t i = 0; i < row.size(); ++i) fields.emplace_back(row.text(i));
  }
  return rows;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReader, ReadsHeaderAndRowsWithLineNumbers) {
  auto reader =
      csv("Date,Close,Volume\n2025-01-24,142.62,234657600\n2025-01-27,118.42,818830900\n");
  EXPECT_THAT(reader.header(), ElementsAre("Date", "Close", "Volume"));
  EXPECT_EQ(reader.file(), "prices.csv");
  EXPECT_EQ(reader.line(), 1U);
  CsvRow row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.line(), 2U);
  EXPECT_EQ(row.size(), 3U);
  EXPECT_EQ(row.text(0), "2025-01-24");
  EXPECT_EQ(row.text(2), "234657600");
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.line(), 3U);
  EXPECT_EQ(row.text(1), "118.42");
  EXPECT_TRUE(reader.at_end());
  EXPECT_FALSE(reader.next(row));
  EXPECT_EQ(row.text(1), "118.42");  // unchanged at the end
}

TEST(CsvReader, StripsUtf8BomAndCrlf) {
  // As in growwanalysis/nasdaq100_symbols.csv: BOM, CRLF line ends.
  auto reader = csv("\xEF\xBB\xBFSymbol,Weight\r\nNVDA,8.1\r\nAAPL,7.9\r\n");
  EXPECT_THAT(reader.header(), ElementsAre("Symbol", "Weight"));
  EXPECT_EQ(all_rows(reader), (Rows{{"NVDA", "8.1"}, {"AAPL", "7.9"}}));
}

TEST(CsvReader, ABomAnywhereButTheStartIsData) {
  auto reader = csv("Symbol\n\xEF\xBB\xBFNVDA\n");
  EXPECT_EQ(all_rows(reader), (Rows{{"\xEF\xBB\xBFNVDA"}}));
}

TEST(CsvReader, AcceptsMixedLineEndsAndATruncatedLastLine) {
  auto reader = csv("a,b\r\n1,2\n3,4\r\n5,6");
  EXPECT_EQ(all_rows(reader), (Rows{{"1", "2"}, {"3", "4"}, {"5", "6"}}));
  auto crlf_truncated = csv("a,b\r\n1,2\r");
  EXPECT_EQ(all_rows(crlf_truncated), (Rows{{"1", "2"}}));
}

TEST(CsvReader, HeaderWithoutRows) {
  auto with_newline = csv("Date,Close\n");
  EXPECT_TRUE(with_newline.at_end());
  EXPECT_TRUE(all_rows(with_newline).empty());
  auto without_newline = csv("Date,Close");
  EXPECT_THAT(without_newline.header(), ElementsAre("Date", "Close"));
  EXPECT_TRUE(all_rows(without_newline).empty());
}

TEST(CsvReader, QuotedFieldsWithCommasAndDoubledQuotes) {
  // As in fja05680/sp500.csv, plus doubled quotes and an empty quoted field.
  auto reader =
      csv("Symbol,\"Security, name\",Headquarters\n"
          "MMM,3M,\"Saint Paul, Minnesota\"\n"
          "X,\"He said \"\"hi\"\"\",\"\"\n"
          "Y,\"\"\"\",\"a\"\"b,c\"\"d\"\n");
  EXPECT_THAT(reader.header(), ElementsAre("Symbol", "Security, name", "Headquarters"));
  EXPECT_EQ(all_rows(reader), (Rows{{"MMM", "3M", "Saint Paul, Minnesota"},
                                    {"X", "He said \"hi\"", ""},
                                    {"Y", "\"", "a\"b,c\"d"}}));
}

TEST(CsvReader, SeveralEscapedFieldsInOneRowStayValid) {
  // Each unescaped field lives in the row's scratch buffer; earlier views must survive later ones.
  auto reader = csv("a,b,c,d\n\"1\"\"\",\"x\",\"2\"\"2\",\"\"\"3\"\n\"p\"\"\",q,r,s\n");
  CsvRow row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.text(0), "1\"");
  EXPECT_EQ(row.text(1), "x");
  EXPECT_EQ(row.text(2), "2\"2");
  EXPECT_EQ(row.text(3), "\"3");
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.text(0), "p\"");
  EXPECT_EQ(row.text(3), "s");
}

TEST(CsvReader, AQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter) {
  auto reader = csv("name,size\n5\" disk,1\n");
  EXPECT_EQ(all_rows(reader), (Rows{{"5\" disk", "1"}}));
}

TEST(CsvReader, EmptyFieldsAndTrailingComma) {
  auto reader = csv("a,b,c\n,,\n1,,\n");
  EXPECT_EQ(all_rows(reader), (Rows{{"", "", ""}, {"1", "", ""}}));
  auto unnamed_last = csv("a,b,\n1,2,\n");
  EXPECT_THAT(unnamed_last.header(), ElementsAre("a", "b", ""));
}

TEST(CsvReader, UnclosedQuoteIsAParseErrorConfinedToItsLine) {
  auto reader = csv("Symbol,Name\nAAPL,\"Apple\nMSFT,Microsoft\n");
  CsvRow row;
  EXPECT_THAT([&] { reader.next(row); },
              ThrowsMessage<ParseError>(
                  HasSubstr("prices.csv:2:6: column 'Name': unclosed quote (a quoted field must "
                            "end on its own line)")));
  ASSERT_TRUE(reader.next(row));  // the next line reads normally
  EXPECT_EQ(row.text(0), "MSFT");
  EXPECT_EQ(row.line(), 3U);
  auto last_line = csv("a,b\n1,\"x\"\"");
  EXPECT_THAT([&] { last_line.next(row); },
              ThrowsMessage<ParseError>(HasSubstr("prices.csv:2:3: column 'b': unclosed quote")));
  EXPECT_THAT([] { (void)csv("a,\"b\n1,2\n"); },
              ThrowsMessage<ParseError>(HasSubstr("prices.csv:1:3: unclosed quote")));
}

TEST(CsvReader, TextAfterAClosingQuoteIsAParseError) {
  auto reader = csv("a,b\n\"x\"y,1\n");
  CsvRow row;
  EXPECT_THAT(
      [&] { reader.next(row); },
      ThrowsMessage<ParseError>(HasSubstr(
          "prices.csv:2:4: column 'a': unexpected 'y' after the closing quote of a field")));
}

TEST(CsvReader, RejectsDuplicatedColumnNames) {
  // Stocks pasted side by side.
  EXPECT_THAT([] { (void)csv("Date,Open,Open,Close,Close\n2025-01-27,1,2,3,4\n"); },
              ThrowsMessage<ParseError>(
                  HasSubstr("[marketshock.parse_error] prices.csv:1:11: duplicated column 'Open' "
                            "(columns 2 and 3)")));
  EXPECT_THAT(
      [] {
        (void)csv(
            "\xEF\xBB\xBF"
            "Close,Date,Close\n");
      },
      ThrowsMessage<ParseError>(
          HasSubstr("prices.csv:1:12: duplicated column 'Close' (columns 1 and 3)")));
}

TEST(CsvReader, DuplicatedColumnsOnRequestAreReachableByIndexOnly) {
  // yfinance multi-ticker layout: the second line says which ticker each column belongs to.
  auto reader = csv("Price,Close,Close\nTicker,AAPL,MSFT\n2025-01-27,229.86,434.56\n",
                    CsvOptions{.allow_duplicate_columns = true});
  EXPECT_EQ(reader.require_column("Price"), 0U);
  EXPECT_THAT([&] { (void)reader.require_column("Close"); },
              ThrowsMessage<ParseError>(
                  HasSubstr("prices.csv:1: column 'Close' is ambiguous (columns 2 and 3)")));
  EXPECT_THAT([&] { (void)reader.find_column("Close"); },
              ThrowsMessage<ParseError>(HasSubstr("ambiguous")));
  EXPECT_EQ(all_rows(reader),
            (Rows{{"Ticker", "AAPL", "MSFT"}, {"2025-01-27", "229.86", "434.56"}}));
}

TEST(CsvReader, RejectsAnEmptyFile) {
  for (const std::string text : {"", "\xEF\xBB\xBF", "\n", "\r\n\r\n", "\n\n\n"}) {
    EXPECT_THAT([&] { (void)csv(text); },
                ThrowsMessage<ParseError>(HasSubstr(
                    "[marketshock.parse_error] prices.csv: empty file, expected a header row")))
        << '\'' << text << '\'';
  }
}

TEST(CsvReader, RejectsABlankLineBeforeTheHeader) {
  EXPECT_THAT([] { (void)csv("\nDate,Close\n2025-01-27,1\n"); },
              ThrowsMessage<ParseError>(
                  HasSubstr("prices.csv:1: blank line where the header row was expected")));
}

TEST(CsvReader, IgnoresTrailingBlankLines) {
  auto reader = csv("a,b\n1,2\n\n\r\n\n");
  CsvRow row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_TRUE(reader.at_end());
  EXPECT_FALSE(reader.next(row));
}

TEST(CsvReader, ABlankLineInsideTheDataIsAMalformedRow) {
  auto reader = csv("a,b\n1,2\n\n\r\n3,4\n\n");
  CsvRow row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_THAT([&] { reader.next(row); },
              ThrowsMessage<ParseError>(HasSubstr("prices.csv:3: blank line inside the data")));
  EXPECT_THAT([&] { reader.next(row); },
              ThrowsMessage<ParseError>(HasSubstr("prices.csv:4: blank line inside the data")));
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.text(0), "3");
  EXPECT_EQ(row.line(), 5U);
  EXPECT_FALSE(reader.next(row));
}

TEST(CsvReader, RejectsWrongFieldCounts) {
  auto reader =
      csv("Date,Open,High,Low,Close,Adj Close,Volume,Symbol\n"
          "2025-01-27,1,2,3,4,5,6,NVDA\n"
          "2025-01-27,1,2,3,4,5,6,NVDA,2025-01-27,1,2,3,4,5\n"
          "2025-01-27,1,2\n"
          "2025-01-28,1,2,3,4,5,6,NVDA\n");
  CsvRow row;
  ASSERT_TRUE(reader.next(row));
  // Too many: the column of the first surplus field.
  EXPECT_THAT([&] { reader.next(row); },
              ThrowsMessage<ParseError>(HasSubstr("prices.csv:3:29: expected 8 fields, found 14")));
  // Too few: the end of the line.
  EXPECT_THAT([&] { reader.next(row); },
              ThrowsMessage<ParseError>(HasSubstr("prices.csv:4:15: expected 8 fields, found 3")));
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.text(0), "2025-01-28");
}

TEST(CsvReader, OneColumnFiles) {
  auto reader = csv("Symbol\nNVDA\n\"\"\nAAPL");
  EXPECT_EQ(all_rows(reader), (Rows{{"NVDA"}, {""}, {"AAPL"}}));
}

TEST(CsvReader, RequireColumnNamesTheHeader) {
  auto reader = csv("Date,Open,High\n");
  EXPECT_EQ(reader.require_column("High"), 2U);
  EXPECT_EQ(reader.find_column("Open"), 1U);
  EXPECT_EQ(reader.find_column("open"), std::nullopt);  // case-sensitive
  EXPECT_THAT([&] { (void)reader.require_column("Close"); },
              ThrowsMessage<ParseError>(
                  HasSubstr("prices.csv:1: missing column 'Close' (header has: Date,Open,High)")));
}

TEST(CsvReader, RequireColumnsForStructuredBindings) {
  auto reader = csv("Date,Open,High,Low,Close\n");
  const auto [close, date] = reader.require_columns({"Close", "Date"});
  EXPECT_EQ(close, 4U);
  EXPECT_EQ(date, 0U);
  EXPECT_THAT(
      [&] {
        (void)reader.require_columns({"Date", "Volume", "Adj Close"});
      },
      ThrowsMessage<ParseError>(HasSubstr(
          "missing columns 'Volume', 'Adj Close' (header has: Date,Open,High,Low,Close)")));
}

TEST(CsvReader, ReadsAFile) {
  auto reader = CsvReader::from_file(csv_dir() / "bom_crlf_quoted.csv");
  EXPECT_EQ(reader.file(), (csv_dir() / "bom_crlf_quoted.csv").string());
  EXPECT_THAT(reader.header(), ElementsAre("Symbol", "Security", "Headquarters Location"));
  EXPECT_EQ(all_rows(reader), (Rows{{"MMM", "3M", "Saint Paul, Minnesota"},
                                    {"BRK.B", "Berkshire \"B\"", "Omaha, Nebraska"}}));
}

TEST(CsvReader, FileErrorsNameThePath) {
  const auto missing = csv_dir() / "no_such_file.csv";
  EXPECT_THAT([&] { (void)CsvReader::from_file(missing); },
              ThrowsMessage<IoError>(HasSubstr(
                  fmt::format("cannot open '{}': No such file or directory", missing.string()))));
  EXPECT_THAT(
      [&] { (void)CsvReader::from_file(csv_dir()); },
      ThrowsMessage<IoError>(HasSubstr(fmt::format("cannot read '{}'", csv_dir().string()))));
  EXPECT_THAT([&] { (void)CsvReader::from_file(csv_dir() / "duplicate_header.csv"); },
              ThrowsMessage<ParseError>(HasSubstr("duplicate_header.csv:1:17: duplicated column")));
}

TEST(CsvReader, ManyRowsKeepExactLineNumbers) {
  std::string text = "Date,Close\n";
  for (int i = 0; i < 10000; ++i) text += fmt::format("2025-01-27,{}\r\n", i);
  text += "2025-01-27,1,extra\n";
  auto reader = csv(std::move(text));
  CsvRow row;
  std::size_t rows = 0;
  while (rows < 10000 && reader.next(row)) ++rows;
  EXPECT_EQ(rows, 10000U);
  EXPECT_EQ(row.text(1), "9999");
  EXPECT_THAT([&] { reader.next(row); },
              ThrowsMessage<ParseError>(HasSubstr("prices.csv:10002:14: expected 2 fields")));
}

}  // namespace
}  // namespace marketshock::io
