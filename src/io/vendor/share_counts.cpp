#include <marketshock/io/vendor/share_counts.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/message_text.hpp>
#include <marketshock/io/vendor/normalise_ticker.hpp>

#include "io/vendor/detail/vendor_fields.hpp"

#include <fmt/format.h>

#include <string>
#include <utility>

namespace marketshock::io {

namespace {

using boost::gregorian::date;

std::string points_measure(const CsvRow& row, std::size_t measure, std::size_t note) {
  if (row.is_empty(measure)) throw row.error(measure, "empty measure");
  std::string text(row.text(measure));
  if (!row.is_empty(note)) text += fmt::format("; {}", row.text(note));
  return text;
}

SplitBasis points_basis(const CsvRow& row, std::size_t basis) {
  if (row.text(basis) == kSecPointsAsReported) return SplitBasis::point_in_time();
  throw row.error(basis, fmt::format("unknown basis {}, expected '{}'",
                                     quoted_for_message(row.text(basis)), kSecPointsAsReported));
}

}  // namespace

ImportedShares import_sec_share_points(CsvReader& reader, LoadPolicy policy) {
  const auto [ticker, as_of, shares, basis, measure, form, filed, accn, source, note] =
      reader.require_columns({"ticker", "as_of", "shares", "basis", "measure", "form", "filed",
                              "accn", "source", "note"});
  ImportedShares result;
  // Init-captures, not the bindings themselves: clang-tidy 16's analyzer misreads a captured
  // structured binding as an undefined pointer (LLVM issue 91835, fixed in LLVM 21).
  result.report = for_each_row(
      reader, policy,
      [&, ticker = ticker, as_of = as_of, shares = shares, basis = basis, measure = measure,
       form = form, filed = filed, accn = accn, source = source, note = note](const CsvRow& row) {
        const Symbol symbol = detail::ticker_at(row, ticker);
        const date day = row.as_date(as_of);
        const double count = detail::share_count_at(row, shares);
        const SplitBasis split_basis = points_basis(row, basis);
        std::string what = points_measure(row, measure, note);
        if (!row.is_empty(filed)) (void)row.as_date(filed);  // validated; kept as text below
        result.observations.push_back(ShareObservation{
            .symbol = symbol,
            .as_of = day,
            .shares = count,
            .basis = split_basis,
            .measure = std::move(what),
            .source = std::string(kSecPointsSource),
            .reference = fmt::format("{} {} filed {} accn {} | {}",
                                     detail::file_line(reader.file(), row.line()), row.text(form),
                                     row.text(filed), row.text(accn), row.text(source))});
      });
  return result;
}

ImportedShares import_sec_share_points(const std::filesystem::path& path, LoadPolicy policy) {
  auto reader = CsvReader::from_file(path);
  return import_sec_share_points(reader, policy);
}

ImportedShares import_yahoo_monthly_shares(CsvReader& reader, LoadPolicy policy) {
  const auto [day, ticker, shares, source] =
      reader.require_columns({"date", "ticker", "shares_outstanding", "source"});
  ImportedShares result;
  result.report = for_each_row(
      reader, policy,
      [&, day = day, ticker = ticker, shares = shares,
       source = source](const CsvRow& row) {  // (init-captures: see above)
        const date as_of = row.as_date(day);
        const Symbol symbol = detail::ticker_at(row, ticker);
        const double count = detail::share_count_at(row, shares);
        result.observations.push_back(ShareObservation{
            .symbol = symbol,
            .as_of = as_of,
            .shares = count,
            .basis = SplitBasis::point_in_time(),
            .measure = "month-end count",
            .source = std::string(kYahooMonthlySharesSource),
            .reference = fmt::format("{} ({})", detail::file_line(reader.file(), row.line()),
                                     row.text(source))});
      });
  return result;
}

ImportedShares import_yahoo_monthly_shares(const std::filesystem::path& path, LoadPolicy policy) {
  auto reader = CsvReader::from_file(path);
  return import_yahoo_monthly_shares(reader, policy);
}

ImportedShares import_fmp_quarterly_shares(CsvReader& reader, date adjusted_as_of,
                                           LoadPolicy policy) {
  const auto [period_end, symbol_column, filing, shares] =
      reader.require_columns({"date", "symbol", "fillingDate", "weightedAverageShsOut"});
  const std::string stem = std::filesystem::path(reader.file()).stem().string();
  const auto file_symbol = try_normalise_ticker(stem);
  if (!file_symbol) {
    throw ParseError(SourcePosition{reader.file()},
                     fmt::format("file name {} is not a ticker", quoted_for_message(stem)));
  }
  const SplitBasis basis = SplitBasis::adjusted_as_of(adjusted_as_of);
  ImportedShares result;
  result.report = for_each_row(
      reader, policy,
      [&, period_end = period_end, symbol_column = symbol_column, filing = filing,
       shares = shares](const CsvRow& row) {  // (init-captures: see above)
        const date as_of = row.as_date(period_end);
        const Symbol symbol = detail::ticker_at(row, symbol_column);
        if (symbol != *file_symbol) {
          throw detail::data_error(
              row, symbol_column,
              fmt::format("symbol {} differs from the file's, {}", symbol, *file_symbol));
        }
        const date filed = row.as_date(filing);
        const double count = detail::share_count_at(row, shares);
        result.observations.push_back(ShareObservation{
            .symbol = symbol,
            .as_of = as_of,
            .shares = count,
            .basis = basis,
            .measure = "quarterly weighted average",
            .source = std::string(kFmpQuarterlySource),
            .reference = fmt::format("{} (period end {}, filed {})",
                                     detail::file_line(reader.file(), row.line()),
                                     format_iso_date(as_of), format_iso_date(filed))});
      });
  return result;
}

ImportedShares import_fmp_quarterly_shares(const std::filesystem::path& path, date adjusted_as_of,
                                           LoadPolicy policy) {
  auto reader = CsvReader::from_file(path);
  return import_fmp_quarterly_shares(reader, adjusted_as_of, policy);
}

}  // namespace marketshock::io
