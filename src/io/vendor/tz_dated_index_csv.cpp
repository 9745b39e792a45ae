// Index levels from yfinance's history() with timezone-suffixed dates (zjplab).
#include <marketshock/io/vendor/price_importers.hpp>

#include "io/vendor/detail/price_rows.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>

#include <utility>

namespace marketshock::io {

namespace {

constexpr bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

// True for " 00:00:00+HH:MM" or " 00:00:00-HH:MM" with an offset of at most 14:59.
constexpr bool is_local_midnight_suffix(std::string_view suffix) noexcept {
  constexpr std::string_view kMidnight = " 00:00:00";
  if (suffix.size() != kMidnight.size() + 6 || !suffix.starts_with(kMidnight)) return false;
  const std::string_view offset = suffix.substr(kMidnight.size());
  return (offset[0] == '+' || offset[0] == '-') && is_digit(offset[1]) && is_digit(offset[2]) &&
         offset[3] == ':' && is_digit(offset[4]) && is_digit(offset[5]) &&
         (offset[1] - '0') * 10 + (offset[2] - '0') <= 14 && offset[4] <= '5';
}

static_assert(is_local_midnight_suffix(" 00:00:00-05:00"));
static_assert(is_local_midnight_suffix(" 00:00:00+05:30"));
static_assert(!is_local_midnight_suffix(" 09:30:00-05:00"));
static_assert(!is_local_midnight_suffix(" 00:00:00"));
static_assert(!is_local_midnight_suffix(" 00:00:00-0500"));
static_assert(!is_local_midnight_suffix("T00:00:00-05:00"));

// The session date of a "2024-03-15 00:00:00-04:00" field: its first ten characters.
boost::gregorian::date session_date(const CsvRow& row, std::size_t column) {
  const boost::gregorian::date date = row.as_date(column, TimeSuffix::ignore);
  const std::string_view text = row.text(column);
  if (!is_local_midnight_suffix(text.substr(kIsoDateLength))) {
    throw row.error(column, fmt::format("invalid timestamp {}: expected local midnight with a "
                                        "UTC offset, 'YYYY-MM-DD 00:00:00-05:00'",
                                        quoted_for_message(text)));
  }
  return date;
}

// Throws DataError at `column` unless the field reads as 0.
void require_zero(const CsvRow& row, std::size_t column) {
  const double value = row.as_double(column);
  if (value != 0.0) {
    throw DataError(row.position(column),
                    fmt::format("column {}: {} in an index file (an index has neither "
                                "dividends nor splits; is this a stock's file?)",
                                quoted_for_message(row.column_name(column)), row.text(column)));
  }
}

}  // namespace

ImportedSeries import_tz_dated_index_csv(CsvReader reader, const PriceImportRequest& request) {
  ImportedSeries series =
      detail::start_series(reader, request, PriceBasis::as_traded(), PriceQuality::consolidated);
  detail::require_only_columns(
      reader, {"Date", "Open", "High", "Low", "Close", "Volume", "Dividends", "Stock Splits"});
  const auto [date, open, high, low, close, volume, dividends, splits] = reader.require_columns(
      {"Date", "Open", "High", "Low", "Close", "Volume", "Dividends", "Stock Splits"});
  const detail::OhlcvColumns columns{date, open, high, low, close, volume};
  // Init-captures: clang-tidy 16 misreads captured structured bindings (LLVM issue 91835).
  detail::load_bars(reader, request, columns, series,
                    [&, dividends = dividends, splits = splits](const CsvRow& row) {
                      const boost::gregorian::date session = session_date(row, columns.date);
                      Bar bar =
                          detail::read_bar(row, columns, session, detail::ZeroVolume::unknown);
                      require_zero(row, dividends);
                      require_zero(row, splits);
                      return bar;
                    });
  return series;
}

ImportedSeries import_tz_dated_index_csv(const std::filesystem::path& file,
                                         const PriceImportRequest& request) {
  return import_tz_dated_index_csv(CsvReader::from_file(file), request);
}

}  // namespace marketshock::io
