// Yahoo-style daily CSVs with columns found by name, in any of the vendors' column orders.
#include <marketshock/io/vendor/price_importers.hpp>

#include "io/vendor/detail/price_rows.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>

#include <optional>
#include <utility>

namespace marketshock::io {

namespace {

constexpr std::string_view kAdjClose = "Adj Close";

// Whether the `Adj Close` column must be there (Close is then split-only), must not be (Close is
// the only, fully adjusted, close) or may be either (the caller's basis says which).
enum class AdjCloseColumn { optional, required, forbidden };

ImportedSeries import_yahoo(CsvReader reader, const PriceImportRequest& request, PriceBasis basis,
                            AdjCloseColumn adj_close) {
  ImportedSeries series = detail::start_series(reader, request, basis, PriceQuality::consolidated);
  detail::require_only_columns(
      reader, {"Date", "Symbol", "Open", "High", "Low", "Close", kAdjClose, "Volume"});
  const auto [date, open, high, low, close, volume] =
      reader.require_columns({"Date", "Open", "High", "Low", "Close", "Volume"});
  const bool has_adj_close = reader.find_column(kAdjClose).has_value();
  if (adj_close == AdjCloseColumn::required && !has_adj_close) {
    throw ParseError(SourcePosition{reader.file(), 1},
                     "no 'Adj Close' column: without it 'Close' may be adjusted for dividends "
                     "too, not for splits only (import it as adjusted OHLCV)");
  }
  if (adj_close == AdjCloseColumn::forbidden && has_adj_close) {
    throw ParseError(SourcePosition{reader.file(), 1},
                     "an 'Adj Close' column: 'Close' is then adjusted for splits only, not for "
                     "dividends (import it as split-adjusted)");
  }
  const std::optional<std::size_t> symbol = reader.find_column("Symbol");
  const detail::OhlcvColumns columns{date, open, high, low, close, volume};
  const detail::ZeroVolume zero_volume = detail::zero_volume_for(request.instrument);
  detail::load_bars(reader, request, columns, series, [&](const CsvRow& row) {
    if (symbol && row.text(*symbol) != request.instrument) {
      throw DataError(row.position(*symbol),
                      fmt::format("column 'Symbol': symbol {} where the file should hold only "
                                  "{} (a file mixing securities cannot be imported)",
                                  quoted_for_message(row.text(*symbol)),
                                  quoted_for_message(request.instrument)));
    }
    return detail::read_bar(row, columns, row.as_date(columns.date), zero_volume);
  });
  return series;
}

}  // namespace

ImportedSeries import_yahoo_csv(const std::filesystem::path& file,
                                const PriceImportRequest& request, PriceBasis basis) {
  return import_yahoo(CsvReader::from_file(file), request, basis, AdjCloseColumn::optional);
}

ImportedSeries import_yahoo_csv(CsvReader reader, const PriceImportRequest& request,
                                PriceBasis basis) {
  return import_yahoo(std::move(reader), request, basis, AdjCloseColumn::optional);
}

ImportedSeries import_yahoo_split_adjusted_csv(const std::filesystem::path& file,
                                               const PriceImportRequest& request,
                                               boost::gregorian::date as_of) {
  MARKETSHOCK_REQUIRE(!as_of.is_special(), "importing '{}': as-of date is not a date",
                      file.string());
  return import_yahoo(CsvReader::from_file(file), request, PriceBasis::split_adjusted(as_of),
                      AdjCloseColumn::required);
}

ImportedSeries import_adjusted_ohlcv_csv(const std::filesystem::path& file,
                                         const PriceImportRequest& request,
                                         boost::gregorian::date as_of) {
  MARKETSHOCK_REQUIRE(!as_of.is_special(), "importing '{}': as-of date is not a date",
                      file.string());
  return import_yahoo(CsvReader::from_file(file), request,
                      PriceBasis::split_and_dividend_adjusted(as_of), AdjCloseColumn::forbidden);
}

}  // namespace marketshock::io
