/// \file share_count_table.hpp
/// \brief Bulk loading of share counts outstanding as steps per symbol (symbol, effective date,
/// shares), for as-of joins against a price panel.
#pragma once

#include <marketshock/core/symbol.hpp>
#include <marketshock/io/bulk/bulk_load.hpp>
#include <marketshock/io/load_policy.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace marketshock::io {

/// Header names of a share-count table's columns (all required; other columns are allowed and
/// checked only as CSV).
struct ShareCountColumns {
  std::string symbol = "symbol";
  std::string effective_date = "effective_date";
  std::string shares = "shares";
};

/// Options of load_share_count_table().
struct ShareCountOptions {
  /// Policy, threads, chunk size, progress.
  BulkLoadOptions load;
  /// Column names.
  ShareCountColumns columns;
};

/// Share counts outstanding per symbol as steps: a count is in force from its effective date
/// (inclusive) until the next one. Stored as compressed rows: symbol i's steps are
/// [offsets()[i], offsets()[i + 1]) of effective_dates() and shares().
class ShareCountTable {
 public:
  /// Every symbol with at least one step, sorted bytewise (the file's order).
  [[nodiscard]] std::span<const Symbol> symbols() const noexcept { return symbols_; }
  /// Number of symbols.
  [[nodiscard]] std::size_t symbol_count() const noexcept { return symbols_.size(); }
  /// Index of `symbol` in symbols(), or empty. O(log n).
  [[nodiscard]] std::optional<std::size_t> find(const Symbol& symbol) const noexcept;
  /// symbol_count() + 1 offsets into effective_dates() and shares(); the first is 0.
  [[nodiscard]] std::span<const std::uint32_t> offsets() const noexcept { return offsets_; }
  /// Effective dates of every step, by symbol, strictly increasing within a symbol.
  [[nodiscard]] std::span<const boost::gregorian::date> effective_dates() const noexcept {
    return effective_dates_;
  }
  /// Share count of every step (positive).
  [[nodiscard]] std::span<const std::int64_t> shares() const noexcept { return shares_; }
  /// Effective dates of symbol `index`'s steps. \pre index < symbol_count().
  [[nodiscard]] std::span<const boost::gregorian::date> effective_dates(std::size_t index) const;
  /// Share counts of symbol `index`'s steps. \pre index < symbol_count().
  [[nodiscard]] std::span<const std::int64_t> shares(std::size_t index) const;
  /// The count of symbol `index` in force on `day` (the step with the greatest effective date
  /// <= day), or empty before its first step. O(log steps). \pre index < symbol_count().
  [[nodiscard]] std::optional<std::int64_t> shares_on(std::size_t index,
                                                      boost::gregorian::date day) const;
  /// Rows read, loaded and skipped.
  [[nodiscard]] const LoadReport& report() const noexcept { return report_; }
  /// Throughput of the load.
  [[nodiscard]] const BulkLoadStats& stats() const noexcept { return stats_; }

 private:
  friend ShareCountTable load_share_count_table(const std::filesystem::path&,
                                                const ShareCountOptions&);
  std::vector<Symbol> symbols_;
  std::vector<std::uint32_t> offsets_{0};
  std::vector<boost::gregorian::date> effective_dates_;
  std::vector<std::int64_t> shares_;
  LoadReport report_;
  BulkLoadStats stats_;
};

/// Reads a share-count table: a CSV file (CsvReader's format) sorted by symbol, then effective
/// date, without duplicates. Each row: symbol a valid Symbol ("invalid symbol"); effective date by
/// CsvRow::as_date(); shares by CsvRow::as_int64() and positive ("shares must be positive").
/// Chunks are converted on several threads like scan_price_panel(); errors carry exact
/// file:line:column. Lenient loads skip and list bad rows; rows out of order are a DataError
/// under both policies.
/// \throws IoError, ParseError, DataError.
[[nodiscard]] ShareCountTable load_share_count_table(const std::filesystem::path& path,
                                                     const ShareCountOptions& options = {});

}  // namespace marketshock::io
