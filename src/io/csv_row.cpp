#include <marketshock/io/csv_row.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace marketshock::io {

std::string_view CsvRow::column_name(std::size_t column) const noexcept {
  if (header_ == nullptr || column >= header_->size()) return {};
  return (*header_)[column];
}

void CsvRow::throw_column_out_of_range(std::size_t column) const {
  throw InvalidArgument(fmt::format("column index {} out of range: the row at {} has {} fields",
                                    column, position().to_string(), fields_.size()));
}

SourcePosition CsvRow::position_at(std::size_t offset) const {
  // Columns count UTF-8 code points, i.e. the bytes that are not continuation bytes 10xxxxxx.
  const std::string_view prefix = line_.substr(0, offset);
  const auto characters = std::count_if(prefix.begin(), prefix.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  });
  return SourcePosition{file_ != nullptr ? *file_ : std::string(), line_number_,
                        static_cast<std::size_t>(characters) + 1};
}

SourcePosition CsvRow::position(std::size_t column) const {
  if (column >= fields_.size()) throw_column_out_of_range(column);
  return position_at(fields_[column].offset);
}

SourcePosition CsvRow::position() const {
  return SourcePosition{file_ != nullptr ? *file_ : std::string(), line_number_, 0};
}

ParseError CsvRow::error(std::size_t column, std::string_view message) const {
  return ParseError(position(column),
                    fmt::format("column {}: {}", quoted_for_message(column_name(column)), message));
}

DataError CsvRow::data_error(std::size_t column, std::string_view message) const {
  return DataError(position(column),
                   fmt::format("column {}: {}", quoted_for_message(column_name(column)), message));
}

double CsvRow::as_double(std::size_t column, EmptyField empty) const {
  const std::string_view text = this->text(column);
  if (text.empty()) {
    if (empty == EmptyField::nan) return std::numeric_limits<double>::quiet_NaN();
    throw error(column, "empty field, expected a number");
  }
  const char* const last = text.data() + text.size();
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), last, value);
  if (ec == std::errc::result_out_of_range) {
    throw error(column,
                fmt::format("number {} is out of the double range", quoted_for_message(text)));
  }
  if (ec != std::errc() || end != last) {
    throw error(column, fmt::format("invalid number {}", quoted_for_message(text)));
  }
  if (!std::isfinite(value)) {
    throw error(column, fmt::format("non-finite number {} (NaN and infinity are not accepted)",
                                    quoted_for_message(text)));
  }
  return value;
}

std::int64_t CsvRow::as_int64(std::size_t column, IntegralFloat integral_float) const {
  const std::string_view text = this->text(column);
  if (text.empty()) throw error(column, "empty field, expected an integer");
  const char* const last = text.data() + text.size();
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), last, value);
  if (ec == std::errc::result_out_of_range) {
    throw error(column,
                fmt::format("integer {} is out of the int64 range", quoted_for_message(text)));
  }
  if (ec == std::errc() && end == last) return value;
  if (ec == std::errc() && integral_float == IntegralFloat::accept && *end == '.') {
    if (std::all_of(end + 1, last, [](char c) { return c == '0'; })) return value;
    throw error(column, fmt::format("number {} is not an integer", quoted_for_message(text)));
  }
  throw error(column, fmt::format("invalid integer {}", quoted_for_message(text)));
}

boost::gregorian::date CsvRow::as_date(std::size_t column, TimeSuffix suffix) const {
  const std::string_view text = this->text(column);
  std::string_view date_text = text;
  if (suffix == TimeSuffix::ignore && text.size() > kIsoDateLength + 1 &&
      (text[kIsoDateLength] == ' ' || text[kIsoDateLength] == 'T')) {
    date_text = text.substr(0, kIsoDateLength);
  }
  if (const auto date = try_parse_iso_date(date_text)) return *date;
  if (text.empty()) throw error(column, "empty field, expected a date (YYYY-MM-DD)");
  throw error(column, fmt::format("invalid date {}", quoted_for_message(text)));
}

}  // namespace marketshock::io
