/// \file bulk_load.hpp
/// \brief Options, progress and throughput of the bulk (multi-threaded, chunked) CSV loaders.
#pragma once

#include <marketshock/io/load_policy.hpp>

#include <cstddef>
#include <functional>
#include <string>

namespace marketshock::io {

/// How far a bulk load has got; passed to BulkLoadOptions::progress.
struct LoadProgress {
  /// Bytes of the file whose rows have been converted and committed, in file order.
  std::size_t bytes_done = 0;
  /// Size of the file in bytes.
  std::size_t bytes_total = 0;
  /// Data rows committed so far (each data line counts, loaded or skipped).
  std::size_t rows_done = 0;
  /// Seconds since the load started.
  double seconds = 0.0;
};

/// What a bulk load measured: the numbers `dataset check` reports for its own loads.
struct BulkLoadStats {
  /// Bytes of the file (header and trailing blank lines included).
  std::size_t bytes = 0;
  /// Data rows read (LoadReport::rows_read).
  std::size_t rows = 0;
  /// Wall-clock seconds from opening the file to the last committed row.
  double seconds = 0.0;
  /// Worker threads used.
  unsigned threads = 1;

  /// Throughput in MB/s (10^6 bytes per second); 0 when nothing was timed.
  [[nodiscard]] double mb_per_second() const noexcept {
    return seconds > 0.0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0;
  }
  /// Throughput in rows per second; 0 when nothing was timed.
  [[nodiscard]] double rows_per_second() const noexcept {
    return seconds > 0.0 ? static_cast<double>(rows) / seconds : 0.0;
  }
};

/// Options shared by the bulk loaders. The defaults are strict and use every core.
struct BulkLoadOptions {
  /// Strict: the first bad row (in file order) throws. Lenient: bad rows are listed in the
  /// LoadReport and skipped. An unsorted table is a DataError under both policies.
  LoadPolicy policy = LoadPolicy::strict;
  /// Worker threads; 0 means std::thread::hardware_concurrency().
  unsigned threads = 0;
  /// Bytes of text per work unit (rounded to whole lines). Memory held at once is about
  /// threads x chunk_bytes of mapped text plus the chunks' converted rows.
  std::size_t chunk_bytes = std::size_t{16} << 20;
  /// Called after each chunk is committed, never concurrently, from a worker thread; empty for
  /// none. The library never prints: see terminal_progress() for a ready-made reporter.
  std::function<void(const LoadProgress&)> progress;
};

/// A progress reporter for command-line programs: when stderr is a terminal it redraws one line
/// ("prices.csv: 41% 840 MB 17.8M rows 812 MB/s") at most ten times a second and clears it at
/// the end; when stderr is not a terminal it returns an empty function (no output at all).
/// \param label shown before the numbers, e.g. the file name.
[[nodiscard]] std::function<void(const LoadProgress&)> terminal_progress(std::string label);

}  // namespace marketshock::io
