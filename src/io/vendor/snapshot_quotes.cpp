#include <marketshock/io/vendor/snapshot_quotes.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/io/message_text.hpp>

#include "io/vendor/detail/vendor_fields.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <string>
#include <utility>

namespace marketshock::io {

namespace {

using boost::gregorian::date;

// A positive amount, or NaN for an empty field.
double optional_amount(const CsvRow& row, std::size_t column) {
  const double value = row.as_double(column, EmptyField::nan);
  if (value <= 0.0) {
    throw detail::data_error(row, column, fmt::format("{} is not positive", row.text(column)));
  }
  return value;
}

ImportedSnapshot import_quotes(CsvReader& reader, LoadPolicy policy, date session,
                               std::size_t symbol, std::size_t price, std::size_t cap) {
  ImportedSnapshot result;
  std::map<Symbol, std::size_t> line_of;  // symbol -> line of its first row
  result.report = for_each_row(reader, policy, [&](const CsvRow& row) {
    SnapshotQuote quote{.symbol = detail::ticker_at(row, symbol),
                        .session = session,
                        .price = optional_amount(row, price),
                        .market_cap = optional_amount(row, cap),
                        .source = detail::file_line(reader.file(), row.line())};
    if (const auto [it, inserted] = line_of.emplace(quote.symbol, row.line()); !inserted) {
      throw detail::data_error(
          row, symbol,
          fmt::format("{} is listed twice (first on line {})", quote.symbol, it->second));
    }
    result.quotes.push_back(std::move(quote));
  });
  return result;
}

}  // namespace

date snapshot_folder_date(std::string_view folder_name) {
  const auto day = folder_name.size() > kIsoDateLength && folder_name[kIsoDateLength] == '_'
                       ? try_parse_iso_date(folder_name.substr(0, kIsoDateLength))
                       : std::nullopt;
  MARKETSHOCK_REQUIRE(day.has_value(), "snapshot folder {} is not named <YYYY-MM-DD>_<commit>",
                      quoted_for_message(folder_name));
  return *day;
}

ImportedSnapshot import_yahoo_financials_snapshot(CsvReader& reader, date snapshot_date,
                                                  LoadPolicy policy) {
  const date session = TradingCalendar::nyse().previous_session(snapshot_date);
  const auto [symbol, price, cap] = reader.require_columns({"Symbol", "Price", "Market Cap"});
  return import_quotes(reader, policy, session, symbol, price, cap);
}

ImportedSnapshot import_yahoo_financials_snapshot(const std::filesystem::path& path,
                                                  date snapshot_date, LoadPolicy policy) {
  auto reader = CsvReader::from_file(path);
  return import_yahoo_financials_snapshot(reader, snapshot_date, policy);
}

ImportedSnapshot import_kaggle_sp500_snapshot(CsvReader& reader, date session, LoadPolicy policy) {
  TradingCalendar::nyse().require_session(session);
  const auto [symbol, price, cap] = reader.require_columns({"Symbol", "Currentprice", "Marketcap"});
  return import_quotes(reader, policy, session, symbol, price, cap);
}

ImportedSnapshot import_kaggle_sp500_snapshot(const std::filesystem::path& path, date session,
                                              LoadPolicy policy) {
  auto reader = CsvReader::from_file(path);
  return import_kaggle_sp500_snapshot(reader, session, policy);
}

std::optional<ShareObservation> implied_share_count(const SnapshotQuote& quote) {
  if (std::isnan(quote.price) || std::isnan(quote.market_cap)) return std::nullopt;
  return ShareObservation{
      .symbol = quote.symbol,
      .as_of = quote.session,
      .shares = quote.market_cap / quote.price,
      .basis = SplitBasis::point_in_time(),
      .measure = "market cap / price",
      .source = "snapshot_quote",
      .reference = fmt::format("{} (close of {})", quote.source, format_iso_date(quote.session))};
}

}  // namespace marketshock::io
