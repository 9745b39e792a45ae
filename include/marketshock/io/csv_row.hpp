/// \file csv_row.hpp
/// \brief CsvRow: one data row of a CsvReader, with typed field accessors that throw positioned
/// errors.
#pragma once

#include <marketshock/core/error.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace marketshock::io {

/// How CsvRow::as_double() treats an empty field.
enum class EmptyField {
  reject,  ///< An empty field is a ParseError (the default: a price must be there).
  nan,     ///< An empty field reads as quiet NaN, for columns where missing is legitimate.
};

/// How CsvRow::as_int64() treats an integer written as a float, e.g. volume "88937.0".
enum class IntegralFloat {
  reject,  ///< Only `[-]digits` (the default).
  accept,  ///< Also `[-]digits.` followed by zeros only; "1.5" and "1e3" stay errors.
};

/// How CsvRow::as_date() treats text after the `YYYY-MM-DD` date.
enum class TimeSuffix {
  reject,  ///< Exactly `YYYY-MM-DD` (the default).
  ignore,  ///< Also `YYYY-MM-DD` followed by ' ' or 'T' and a time or timezone, as in
           ///< "2024-03-15 00:00:00-04:00": the date is the first ten characters as written, with
           ///< no timezone conversion (vendors write the exchange-local session date there).
};

/// One data row read by CsvReader::next(): the fields of one line as `std::string_view`s, plus
/// what is needed to report an error at a field: file name, 1-based line, 1-based character
/// column of each field (counted in UTF-8 code points from the start of the line), header names.
///
/// Fields are views into the reader's buffer (or, for quoted fields with doubled quotes, into this
/// row's own scratch buffer): they stay valid until the next call of CsvReader::next() with this
/// row, or until the reader is moved or destroyed. Reusing one CsvRow for every line keeps the
/// loop free of allocations. Columns are addressed by 0-based index (CsvReader::require_column()).
/// Not copyable or movable, since its views may point into itself.
class CsvRow {
 public:
  /// An empty row; fill it with CsvReader::next().
  CsvRow() = default;
  CsvRow(const CsvRow&) = delete;
  CsvRow& operator=(const CsvRow&) = delete;
  ~CsvRow() = default;

  /// Number of fields (equal to the header's, once CsvReader::next() has returned true).
  [[nodiscard]] std::size_t size() const noexcept { return fields_.size(); }

  /// 1-based line number of this row in the input.
  [[nodiscard]] std::size_t line() const noexcept { return line_number_; }

  /// The header name of `column` ("" if the row has no reader or the column is past the header).
  [[nodiscard]] std::string_view column_name(std::size_t column) const noexcept;

  /// The field's text, quotes removed and `""` unescaped; no whitespace trimming.
  /// \throws InvalidArgument if `column >= size()`.
  [[nodiscard]] std::string_view text(std::size_t column) const {
    if (column >= fields_.size()) throw_column_out_of_range(column);
    return fields_[column].value;
  }

  /// True if the field's text is empty (`` or `""`).
  /// \throws InvalidArgument if `column >= size()`.
  [[nodiscard]] bool is_empty(std::size_t column) const { return text(column).empty(); }

  /// The field as a finite double, read with `std::from_chars` (plain or scientific decimal, no
  /// leading '+', no surrounding spaces). Rejects "nan", "inf" and any non-finite or
  /// out-of-range value; rejects an empty field unless `empty == EmptyField::nan`.
  /// \throws ParseError at the field, e.g. "prices.csv:3:12: column 'Close': invalid number 'abc'".
  [[nodiscard]] double as_double(std::size_t column, EmptyField empty = EmptyField::reject) const;

  /// The field as a signed 64-bit integer (`[-]digits`; with IntegralFloat::accept also
  /// "1234.0"). Rejects values outside [-2^63, 2^63) rather than wrapping or saturating.
  /// \throws ParseError at the field, e.g. "column 'Volume': integer '9223372036854775808' is
  /// out of the int64 range".
  [[nodiscard]] std::int64_t as_int64(std::size_t column,
                                      IntegralFloat integral_float = IntegralFloat::reject) const;

  /// The field as a date, read with try_parse_iso_date() (strict `YYYY-MM-DD`; see TimeSuffix for
  /// "2024-03-15 00:00:00-04:00").
  /// \throws ParseError at the field, e.g. "column 'Date': invalid date '2020-02-30'".
  [[nodiscard]] boost::gregorian::date as_date(std::size_t column,
                                               TimeSuffix suffix = TimeSuffix::reject) const;

  /// file:line:column of the start of the field (its opening quote, if quoted).
  /// \throws InvalidArgument if `column >= size()`.
  [[nodiscard]] SourcePosition position(std::size_t column) const;

  /// file:line of the row (column 0, i.e. unknown).
  [[nodiscard]] SourcePosition position() const;

  /// A ParseError at the field whose message names the column, for checks of the caller's own:
  /// `throw row.error(close, "negative price")` reads
  /// "[marketshock.parse_error] prices.csv:3:12: column 'Close': negative price".
  /// \throws InvalidArgument if `column >= size()`.
  [[nodiscard]] ParseError error(std::size_t column, std::string_view message) const;

  /// A DataError at the field whose message names the column, like error(), for text that reads
  /// but is inconsistent: `throw row.data_error(close, "close 0 is not positive")`.
  /// \throws InvalidArgument if `column >= size()`.
  [[nodiscard]] DataError data_error(std::size_t column, std::string_view message) const;

 private:
  friend class CsvReader;

  struct Field {
    std::string_view value;  // unquoted, unescaped text
    std::size_t offset = 0;  // byte offset of the field's first character in line_
  };

  [[noreturn]] void throw_column_out_of_range(std::size_t column) const;
  // Position of the byte at `offset` of line_, with a 1-based UTF-8 character column.
  [[nodiscard]] SourcePosition position_at(std::size_t offset) const;

  const std::string* file_ = nullptr;                 // the reader's display name
  const std::vector<std::string>* header_ = nullptr;  // the reader's header names
  std::string_view line_;                             // the line without its line end
  std::size_t line_number_ = 0;
  std::vector<Field> fields_;
  std::string scratch_;  // unescaped text of quoted fields that contain ""
};

}  // namespace marketshock::io
