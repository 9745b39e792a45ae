#include "io/vendor/detail/vendor_fields.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/io/message_text.hpp>
#include <marketshock/io/vendor/normalise_ticker.hpp>

#include <fmt/format.h>

#include <cmath>
#include <filesystem>

namespace marketshock::io::detail {

Symbol ticker_at(const CsvRow& row, std::size_t column) {
  const std::string_view text = row.text(column);
  if (auto symbol = try_normalise_ticker(text)) return *symbol;
  throw row.error(column, fmt::format("invalid ticker {}", quoted_for_message(text)));
}

DataError data_error(const CsvRow& row, std::size_t column, std::string_view message) {
  return DataError(
      row.position(column),
      fmt::format("column {}: {}", quoted_for_message(row.column_name(column)), message));
}

double share_count_at(const CsvRow& row, std::size_t column) {
  const double shares = row.as_double(column);
  if (!(shares > 0.0)) {
    throw data_error(row, column, fmt::format("share count {} is not positive", row.text(column)));
  }
  return shares;
}

boost::gregorian::date session_on_or_after(boost::gregorian::date day,
                                           const SourcePosition& where) {
  if (day < TradingCalendar::first_supported_date() ||
      day > TradingCalendar::last_supported_date()) {
    throw DataError(
        where, fmt::format("date {} is outside the NYSE calendar ({} to {})", format_iso_date(day),
                           format_iso_date(TradingCalendar::first_supported_date()),
                           format_iso_date(TradingCalendar::last_supported_date())));
  }
  const TradingCalendar& nyse = TradingCalendar::nyse();
  return nyse.is_session(day) ? day : nyse.next_session(day);
}

std::string file_line(std::string_view file, std::size_t line) {
  return fmt::format("{}:{}", std::filesystem::path(file).filename().string(), line);
}

}  // namespace marketshock::io::detail
