// yfinance downloads with three header lines (hjyssg): "Price,...", "Ticker,...", "Date,,,".
#include <marketshock/io/vendor/price_importers.hpp>

#include "io/vendor/detail/price_rows.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>

#include <utility>

namespace marketshock::io {

namespace {

// Reads the next line of `reader` into `row` as header line `line`, whose first field must be
// `label`. Malformed lines throw the reader's ParseError.
void read_header_line(CsvReader& reader, CsvRow& row, std::size_t line, std::string_view label) {
  if (!reader.next(row)) {
    throw ParseError(SourcePosition{reader.file(), line},
                     fmt::format("the file ends before its yfinance '{}' header line", label));
  }
  if (row.text(0) != label) {
    throw row.error(0, fmt::format("expected the yfinance '{}' header line, found {}", label,
                                   quoted_for_message(row.text(0))));
  }
}

}  // namespace

ImportedSeries import_yfinance_csv(CsvReader reader, const PriceImportRequest& request,
                                   PriceBasis basis) {
  ImportedSeries series = detail::start_series(reader, request, basis, PriceQuality::consolidated);
  if (reader.header().front() != "Price") {
    throw ParseError(SourcePosition{reader.file(), 1, 1},
                     fmt::format("expected the yfinance 'Price' header line, found {}",
                                 quoted_for_message(reader.header().front())));
  }
  detail::require_only_columns(reader,
                               {"Price", "Adj Close", "Close", "High", "Low", "Open", "Volume"});
  const auto [open, high, low, close, volume] =
      reader.require_columns({"Open", "High", "Low", "Close", "Volume"});

  CsvRow row;
  read_header_line(reader, row, 2, "Ticker");
  for (std::size_t i = 1; i < row.size(); ++i) {
    if (row.text(i) != request.instrument) {
      throw row.error(
          i, fmt::format("ticker {} where the file should hold only {}",
                         quoted_for_message(row.text(i)), quoted_for_message(request.instrument)));
    }
  }
  read_header_line(reader, row, 3, "Date");
  for (std::size_t i = 1; i < row.size(); ++i) {
    if (!row.is_empty(i)) {
      throw row.error(i, fmt::format("expected an empty field on the 'Date' header line, found "
                                     "{}",
                                     quoted_for_message(row.text(i))));
    }
  }

  // The dates sit in the first column, named "Price" on line 1.
  const detail::OhlcvColumns columns{0, open, high, low, close, volume};
  const detail::ZeroVolume zero_volume = detail::zero_volume_for(request.instrument);
  detail::load_bars(reader, request, columns, series, [&](const CsvRow& data) {
    return detail::read_bar(data, columns, data.as_date(0), zero_volume);
  });
  return series;
}

ImportedSeries import_yfinance_csv(const std::filesystem::path& file,
                                   const PriceImportRequest& request, PriceBasis basis) {
  return import_yfinance_csv(CsvReader::from_file(file), request, basis);
}

}  // namespace marketshock::io
