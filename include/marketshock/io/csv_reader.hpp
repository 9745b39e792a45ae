/// \file csv_reader.hpp
/// \brief CsvReader: the project's one CSV reader, with file:line:column in every error.
#pragma once

#include <marketshock/core/error.hpp>
#include <marketshock/io/csv_row.hpp>
#include <marketshock/io/load_policy.hpp>

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marketshock::io {

/// Options of a CsvReader; the defaults are the strict ones.
struct CsvOptions {
  /// Accept a header that repeats a name (yfinance multi-ticker files: "Price,Close,Close" over a
  /// "Ticker,AAPL,MSFT" row). Lookups of a repeated name by name then throw; use indices.
  /// Off by default: files pasted side by side ("Open,Open,Close,Close") are rejected.
  bool allow_duplicate_columns = false;
};

/// Reads a comma-separated file with a header row, one line at a time, into a reused CsvRow.
///
/// Format (RFC 4180, restricted so that every record is exactly one line):
/// - separator ','; lines end in "\n" or "\r\n" (the '\r' is stripped); the last line may lack
///   its line end; a UTF-8 byte order mark at the start of the input is skipped;
/// - a field that starts with '"' is quoted: it runs to the next lone '"', may contain ',' and
///   `""` (read as one '"'), and must be followed by ',' or the line end. A quoted field cannot
///   span lines: an unclosed quote is a ParseError confined to its line, so that a lenient load
///   can skip it. A '"' inside an unquoted field is an ordinary character;
/// - the first line is the header: non-empty input, names unique unless
///   CsvOptions::allow_duplicate_columns; no trimming of names or fields;
/// - every data line has exactly as many fields as the header; blank lines at the end of the
///   input are ignored, a blank line before more data is a malformed row.
///
/// The whole input is held in memory and fields are views into it, so reading a row allocates
/// nothing once the CsvRow has grown to the widest line. Errors are ParseError with the display
/// name, 1-based line and 1-based character column, e.g.
/// "[marketshock.parse_error] prices.csv:7:1: expected 8 fields, found 14".
///
/// \code
///   auto reader = io::CsvReader::from_file(path);
///   const auto [date, close] = reader.require_columns({"Date", "Close"});
///   io::CsvRow row;
///   while (reader.next(row)) use(row.as_date(date), row.as_double(close));
/// \endcode
class CsvReader {
 public:
  /// Reads the whole file at `path` (read_file(): a regular file only, checked before opening, so
  /// that a FIFO or /dev/zero is refused at once) and its header; errors name the file as
  /// display_name(path), the path with control characters escaped.
  /// \throws IoError naming the path if it cannot be opened or read (missing, a directory, a FIFO
  /// or device).
  /// \throws ParseError for an empty file or a malformed or duplicated header.
  [[nodiscard]] static CsvReader from_file(const std::filesystem::path& path,
                                           CsvOptions options = {});

  /// Takes `text` as the whole input and reads its header; errors name it `display_name`.
  /// \throws ParseError for an empty input or a malformed or duplicated header.
  [[nodiscard]] static CsvReader from_string(std::string text, std::string display_name,
                                             CsvOptions options = {});

  /// Display name used in errors and load reports.
  [[nodiscard]] const std::string& file() const noexcept { return file_; }

  /// Header names in file order.
  [[nodiscard]] const std::vector<std::string>& header() const noexcept { return header_; }

  /// 0-based index of the column named exactly `name` (case-sensitive), or empty if none.
  /// \throws ParseError if duplicates are allowed and `name` appears more than once.
  [[nodiscard]] std::optional<std::size_t> find_column(std::string_view name) const;

  /// 0-based index of the column named exactly `name`.
  /// \throws ParseError "prices.csv:1: missing column 'Close' (header has: Date,Open,...)", or if
  /// the name is ambiguous (see find_column()).
  [[nodiscard]] std::size_t require_column(std::string_view name) const;

  /// Indices of several required columns at once, in the order asked, for structured bindings:
  /// `const auto [date, close] = reader.require_columns({"Date", "Close"});`.
  /// \throws ParseError naming every missing column, e.g. "missing columns 'Close', 'Volume'
  /// (header has: Date,Open)".
  template <std::size_t N>
  [[nodiscard]] std::array<std::size_t, N> require_columns(
      const std::string_view (&names)[N]) const {
    std::array<std::size_t, N> indices{};
    require_columns_into(names, indices);
    return indices;
  }

  /// True when no data row is left (only trailing blank lines, if any).
  [[nodiscard]] bool at_end() const noexcept { return pos_ >= text_.size(); }

  /// 1-based number of the last line consumed (the header's is 1); the next row, if any, is on
  /// line `line() + 1`.
  [[nodiscard]] std::size_t line() const noexcept { return line_; }

  /// Reads the next data row into `row`; returns false, leaving `row` unchanged, at the end.
  /// A malformed line (wrong field count, unclosed quote, text after a closing quote, blank line
  /// before more data) throws after the reader has moved past it, so reading may continue with
  /// the next line; `row`'s content is then unspecified.
  /// \throws ParseError e.g. "prices.csv:7:40: expected 8 fields, found 14".
  bool next(CsvRow& row);

 private:
  CsvReader(std::string text, std::string file, CsvOptions options);

  // Consumes the next line (pos_ < text_.size()) and returns it without its line end.
  std::string_view take_line() noexcept;
  // Moves pos_ to the end if only blank lines are left; remembers where a blank run ends.
  void skip_trailing_blank_lines() noexcept;
  // Splits row.line_ into row.fields_; throws ParseError for malformed quoting.
  void split_fields(CsvRow& row) const;
  void read_header();
  void require_columns_into(std::span<const std::string_view> names,
                            std::span<std::size_t> indices) const;

  std::string file_;
  std::string text_;
  CsvOptions options_;
  std::vector<std::string> header_;
  std::size_t pos_ = 0;            // offset of the first unread byte of text_
  std::size_t line_ = 0;           // number of lines consumed
  std::size_t blank_run_end_ = 0;  // end of the last blank run found to be followed by data
};

/// Converts every remaining row of `reader` under `policy`, calling `convert(row)` with a
/// `const CsvRow&` for each, through load_row(): a ParseError or DataError, whether from a
/// malformed line or from `convert`, aborts a strict load and is recorded in the report by a
/// lenient one. Returns the report (its `file` is `reader.file()`).
///
/// \code
///   const auto report = io::for_each_row(reader, LoadPolicy::lenient, [&](const io::CsvRow& row) {
///     dates.push_back(row.as_date(date));
///   });
/// \endcode
template <class Convert>
LoadReport for_each_row(CsvReader& reader, LoadPolicy policy, Convert&& convert) {
  LoadReport report;
  report.file = reader.file();
  CsvRow row;
  while (!reader.at_end()) {
    load_row(policy, report, reader.line() + 1, [&] {
      reader.next(row);
      convert(std::as_const(row));
    });
  }
  return report;
}

}  // namespace marketshock::io
