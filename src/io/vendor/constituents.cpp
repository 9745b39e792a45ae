#include <marketshock/io/vendor/constituents.hpp>

#include <marketshock/io/message_text.hpp>

#include "io/vendor/detail/vendor_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace marketshock::io {

namespace {

// Column indices of one table layout; `cik` is empty when the table has none.
struct Layout {
  std::size_t symbol, name, sector, industry;
  std::optional<std::size_t> cik;
  std::optional<std::size_t> date_added;
};

std::string required_text(const CsvRow& row, std::size_t column) {
  if (row.is_empty(column)) throw row.error(column, "empty field");
  return std::string(row.text(column));
}

std::string cik_at(const CsvRow& row, std::size_t column) {
  const std::string_view text = row.text(column);
  const bool digits =
      !text.empty() && text.size() <= 10 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits)
    throw row.error(
        column, fmt::format("invalid CIK {}, expected 1 to 10 digits", quoted_for_message(text)));
  return std::string(text);
}

ImportedReferenceSecurities import_table(CsvReader& reader, LoadPolicy policy,
                                         const Layout& layout) {
  ImportedReferenceSecurities result;
  std::map<Symbol, std::size_t> line_of;  // symbol -> line of its first row
  result.report = for_each_row(reader, policy, [&](const CsvRow& row) {
    ReferenceSecurity security{
        .symbol = detail::ticker_at(row, layout.symbol),
        .name = required_text(row, layout.name),
        .gics_sector = required_text(row, layout.sector),
        .gics_industry = required_text(row, layout.industry),
        .cik = layout.cik ? std::optional(cik_at(row, *layout.cik)) : std::nullopt,
        .date_added =
            layout.date_added ? std::optional(row.as_date(*layout.date_added)) : std::nullopt,
        .source = detail::file_line(reader.file(), row.line())};
    if (const auto [it, inserted] = line_of.emplace(security.symbol, row.line()); !inserted) {
      throw detail::data_error(
          row, layout.symbol,
          fmt::format("{} is listed twice (first on line {})", security.symbol, it->second));
    }
    result.securities.push_back(std::move(security));
  });
  return result;
}

}  // namespace

ImportedReferenceSecurities import_sp500_constituents(CsvReader& reader, LoadPolicy policy) {
  const auto [symbol, name, sector, industry, cik, added] = reader.require_columns(
      {"Symbol", "Security", "GICS Sector", "GICS Sub-Industry", "CIK", "Date added"});
  return import_table(reader, policy, Layout{symbol, name, sector, industry, cik, added});
}

ImportedReferenceSecurities import_sp500_constituents(const std::filesystem::path& path,
                                                      LoadPolicy policy) {
  auto reader = CsvReader::from_file(path);
  return import_sp500_constituents(reader, policy);
}

ImportedReferenceSecurities import_ndx_constituents(CsvReader& reader, LoadPolicy policy) {
  const auto [symbol, name, sector, industry] =
      reader.require_columns({"Ticker", "Company", "GICS_Sector", "GICS_Sub_Industry"});
  return import_table(reader, policy,
                      Layout{symbol, name, sector, industry, std::nullopt, std::nullopt});
}

ImportedReferenceSecurities import_ndx_constituents(const std::filesystem::path& path,
                                                    LoadPolicy policy) {
  auto reader = CsvReader::from_file(path);
  return import_ndx_constituents(reader, policy);
}

}  // namespace marketshock::io
