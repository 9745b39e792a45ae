/// \file price_panel.hpp
/// \brief Bulk loading of a long-format daily price panel (one row per symbol and day) into
/// compact columns, streamed chunk by chunk on several threads or loaded whole.
#pragma once

#include <marketshock/core/symbol.hpp>
#include <marketshock/io/bulk/bulk_load.hpp>
#include <marketshock/io/load_policy.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace marketshock::io {

/// Header names of a price panel's columns. date, symbol and close are required; open, high,
/// low and volume are optional (validated when the header has them); any other column is
/// allowed and checked only as CSV (quoting, field count).
struct PricePanelColumns {
  std::string date = "date";
  std::string symbol = "symbol";
  std::string close = "close";
  std::string open = "open";
  std::string high = "high";
  std::string low = "low";
  std::string volume = "volume";
};

/// Options of scan_price_panel() and load_price_panel().
struct PricePanelOptions {
  /// Policy, threads, chunk size, progress.
  BulkLoadOptions load;
  /// Column names.
  PricePanelColumns columns;
  /// Symbols that take ids 0..n-1 in this order (e.g. a ShareCountTable's, so that a price row's
  /// id indexes the share table directly); symbols not listed get the following ids. Must not
  /// repeat a symbol (InvalidArgument).
  std::vector<Symbol> known_symbols;
};

/// One chunk of a price panel's rows, converted, in file order (three columns of equal length).
/// The spans are valid only during the PriceChunkConsumer::consume() call that receives them.
struct PriceChunk {
  /// 0-based number of the chunk in file order.
  std::size_t index = 0;
  /// Dense symbol id of each row (see PricePanelScan::symbols).
  std::span<const std::uint32_t> symbol_ids;
  /// Session date of each row.
  std::span<const boost::gregorian::date> dates;
  /// Close of each row in integer US cents (exact: the text has at most two decimals).
  std::span<const std::int64_t> close_cents;

  /// Number of rows.
  [[nodiscard]] std::size_t size() const noexcept { return dates.size(); }
};

/// Receives a panel's chunks from scan_price_panel().
class PriceChunkConsumer {
 public:
  virtual ~PriceChunkConsumer() = default;
  /// Called once per converted chunk, on worker threads, several chunks at once and in any
  /// order. Chunks of a strict load that fails may be consumed but are never committed.
  virtual void consume(const PriceChunk& chunk) = 0;
  /// Called once per chunk in file order, never concurrently, after consume() of that chunk and
  /// after every earlier chunk's commit(): the place to combine per-chunk results.
  virtual void commit(std::size_t chunk_index) = 0;
};

/// What scan_price_panel() read besides the rows.
struct PricePanelScan {
  /// Symbol of each id: PricePanelOptions::known_symbols first, then the others in the order the
  /// worker threads first met them (which can vary between runs when threads > 1).
  std::vector<Symbol> symbols;
  /// Rows read, loaded and skipped.
  LoadReport report;
  /// Bytes, rows, seconds, threads; MB/s and rows/s.
  BulkLoadStats stats;
};

/// Reads a long-format daily price panel: a CSV file (CsvReader's format: header row, RFC 4180
/// quoting on one line, "\n" or "\r\n", trailing blank lines ignored) whose rows are sorted by
/// date, then symbol (bytewise), without duplicates: the layout of a vendor's daily dump.
///
/// The file is memory-mapped and split into chunks of whole lines that several threads convert
/// at once; each row is validated as the other loaders validate a price row:
/// - date: CsvRow::as_date() (strict `YYYY-MM-DD`); symbol: a valid Symbol ("invalid symbol");
/// - close: CsvRow::as_double() (finite, non-empty), positive ("close must be positive"), and a
///   whole number of cents ("price '12.345' is not a whole number of cents");
/// - open, high, low when present: CsvRow::as_double() with empty read as missing, positive,
///   and low <= min(open, close) <= max(open, close) <= high where present (DailyBars'
///   invariants, same messages as the vendor importers);
/// - volume when present: empty, or CsvRow::as_int64() and not negative;
/// - table: each row's (date, symbol) strictly after the previous converted row's.
/// Errors carry file:line:column exactly as CsvReader and CsvRow report them (line numbers are
/// exact whatever the number of threads). Under LoadPolicy::lenient bad rows are skipped and
/// listed in the report; rows out of order are a DataError under both policies.
///
/// Only date, symbol and close are handed to `consumer`, one chunk at a time: memory stays
/// bounded (about BulkLoadOptions::threads x chunk_bytes) however large the file.
///
/// \throws IoError if the file cannot be read; ParseError or DataError as described;
/// InvalidArgument if known_symbols repeats a symbol; whatever `consumer` throws.
[[nodiscard]] PricePanelScan scan_price_panel(const std::filesystem::path& path,
                                              const PricePanelOptions& options,
                                              PriceChunkConsumer& consumer);

/// A whole price panel in memory: the rows in file order as three columns (16 bytes a row).
class PricePanel {
 public:
  /// Every symbol of the panel, sorted bytewise; a row's symbol id indexes this.
  [[nodiscard]] std::span<const Symbol> symbols() const noexcept { return symbols_; }
  /// Symbol id of each row.
  [[nodiscard]] std::span<const std::uint32_t> symbol_ids() const noexcept { return symbol_ids_; }
  /// Date of each row.
  [[nodiscard]] std::span<const boost::gregorian::date> dates() const noexcept { return dates_; }
  /// Close of each row in integer cents.
  [[nodiscard]] std::span<const std::int64_t> close_cents() const noexcept { return close_cents_; }
  /// Number of rows.
  [[nodiscard]] std::size_t size() const noexcept { return dates_.size(); }
  /// Rows read, loaded and skipped.
  [[nodiscard]] const LoadReport& report() const noexcept { return report_; }
  /// Throughput of the load.
  [[nodiscard]] const BulkLoadStats& stats() const noexcept { return stats_; }

 private:
  friend PricePanel load_price_panel(const std::filesystem::path&, const PricePanelOptions&);
  std::vector<Symbol> symbols_;
  std::vector<std::uint32_t> symbol_ids_;
  std::vector<boost::gregorian::date> dates_;
  std::vector<std::int64_t> close_cents_;
  LoadReport report_;
  BulkLoadStats stats_;
};

/// Loads a whole price panel (scan_price_panel() collecting every chunk); symbol ids are then
/// renumbered so that symbols() is sorted, whatever known_symbols says.
/// \throws as scan_price_panel().
[[nodiscard]] PricePanel load_price_panel(const std::filesystem::path& path,
                                          const PricePanelOptions& options = {});

}  // namespace marketshock::io
