// The engine of the bulk loaders: reads a CSV file through a memory map in chunks of whole lines,
// converts the chunks on several threads, and commits them in file order.
//
// Grammar and errors are CsvReader's, by construction: the header is read by CsvReader itself,
// the trailing-blank-line rule is CsvReader's (find_data_end), and every data line the parser's
// fast path does not accept outright (quotes, CRLF oddities, short or long lines, bad values...)
// is re-read by CsvReader (ReferenceReader) and converted by the parser's slow path, which uses
// CsvRow's accessors; its ParseError or DataError is re-positioned to the line's real number.
// The fast path is therefore only an optimisation: it must accept a subset of what the slow path
// accepts, with identical values (the tests check this on generated and mutated lines).
//
// Line numbers are exact in parallel: each chunk counts its rows, and errors are stored with a
// chunk-relative row and positioned when the chunk is committed (prefix sum of earlier chunks).
#pragma once

#include "io/detail/mapped_file.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/io/bulk/bulk_load.hpp>
#include <marketshock/io/csv_reader.hpp>
#include <marketshock/io/csv_row.hpp>
#include <marketshock/io/load_policy.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace marketshock::io::detail {

// Bytes the fast path may read beyond the '\n' that ends the line it is parsing, and before the
// start of the line (both are always readable: lines near either end of the file are parsed from
// padded copies).
inline constexpr std::size_t kFastPathSlack = 64;

// Where the data lines of a CSV text are, by CsvReader's rules.
struct CsvLayout {
  std::vector<std::string> header;  // column names
  std::string header_line;          // the raw first line, without its line end
  std::size_t data_begin = 0;       // offset of the first data line
  std::size_t data_end = 0;         // end of the last data line; trailing blank lines follow
};

// Smallest line start p >= `from` (itself a line start) such that text[p..] holds only blank
// lines ("\n", "\r\n", and a lone '\r' at the very end): CsvReader ignores exactly those.
[[nodiscard]] std::size_t find_data_end(std::string_view text, std::size_t from) noexcept;

// Reads the header with CsvReader (same errors: empty file, blank or malformed or duplicated
// header) and locates the data lines.
[[nodiscard]] CsvLayout read_layout(std::string_view text, const std::string& file);

// Indices of the columns `names`; throws CsvReader's own ParseError naming every missing one
// ("prices.csv:1: missing columns 'date', 'close' (header has: ...)"), by asking it.
template <std::size_t N>
[[nodiscard]] std::array<std::size_t, N> require_columns(const CsvLayout& layout,
                                                         const std::string& file,
                                                         const std::string_view (&names)[N]) {
  return CsvReader::from_string(layout.header_line, file).require_columns(names);
}
// 0-based index of `name`, or empty.
[[nodiscard]] std::optional<std::size_t> find_column(const CsvLayout& layout,
                                                     std::string_view name);

// An error of one data row, positioned within its chunk.
struct RowError {
  std::size_t row = 0;      // 0-based data row within the chunk
  std::size_t column = 0;   // 1-based character column; 0 when unknown
  std::string reason;       // the message without its position
  bool data_error = false;  // DataError (otherwise ParseError)
};

// The error `e` without the "file:line:column: " its constructor prefixed.
[[nodiscard]] RowError row_error_from(const Error& error, const SourcePosition& position,
                                      bool data_error);

// Re-reads single data lines with CsvReader itself, as line 2 of "header\nline\nx" (the "x" keeps
// a blank line from being taken for a trailing one), so that every line the fast path declines
// is accepted, rejected and reported exactly as CsvReader and CsvRow would.
class ReferenceReader {
 public:
  ReferenceReader(const CsvLayout& layout, const std::string& file)
      : header_line_(layout.header_line), file_(file) {}

  // Reads `line` (without its '\n') and calls `convert(const CsvRow&)`. A ParseError or
  // DataError from either is returned (column and reason; the caller sets the row).
  template <class Convert>
  std::optional<RowError> read(std::string_view line, Convert&& convert) const {
    std::string text;
    text.reserve(header_line_.size() + line.size() + 3);
    text.append(header_line_).append(1, '\n').append(line).append("\nx");
    try {
      CsvReader reader = CsvReader::from_string(std::move(text), file_);
      CsvRow row;
      reader.next(row);
      convert(std::as_const(row));
    } catch (const ParseError& e) {
      return row_error_from(e, e.position(), false);
    } catch (const DataError& e) {
      return row_error_from(e, e.position(), true);
    }
    return std::nullopt;
  }

 private:
  const std::string& header_line_;
  const std::string& file_;
};

// Throws the error of `error` as the exception CsvReader would have thrown at `line`.
[[noreturn]] void throw_row_error(const RowError& error, const std::string& file, std::size_t line);

// What the engine needs from a table's row parser (one object per worker thread):
//
//   using Row = ...;        // one converted row
//   using Key = ...;        // the table's sort key (copyable)
//   // Parses the line at `p` (it ends with '\n', and kFastPathSlack bytes after that '\n' are
//   // readable); returns the byte after the '\n', or nullptr to hand the line to slow().
//   const char* fast(const char* p, Row& row);
//   // Converts a row read by CsvReader; throws ParseError or DataError like any loader.
//   void slow(const CsvRow& row, Row& out);
//   Key key(const Row& row) const;
//   static bool before(const Key& a, const Key& b);   // strict order of the table
//   static std::string describe(const Key& key);       // "(2024-03-15, NVDA)"
//   bool follows(const Row& row) const;   // row's key is after the last accepted row's
//   void accept(const Row& row);          // keeps the row in the chunk's batch; its key is last
//   Key last_key() const;                 // the last accepted row's key
//   void start_chunk();                   // empties the batch
struct OrderRule {
  std::size_t key_column = 0;  // column an order violation is reported at
  std::string description;     // "date, then symbol"
};

template <class Key>
struct ChunkOutcome {
  std::size_t rows = 0;          // data rows of the chunk (loaded or not)
  std::vector<RowError> errors;  // strict: at most one, and the chunk stopped there
  struct Violation {
    std::size_t row = 0;           // the row that is not after its predecessor
    std::size_t offset = 0;        // byte offset of its line
    std::size_t previous_row = 0;  // the predecessor, in the same chunk
    Key previous{};
    Key key{};
  };
  std::optional<Violation> violation;  // first order violation inside the chunk (fatal)
  bool has_key = false;                // some row was converted
  Key first_key{};
  Key last_key{};
  std::size_t first_key_row = 0;
  std::size_t first_key_offset = 0;
  std::size_t last_key_row = 0;
  bool done = false;
};

// Scans the data lines of `mapped` (laid out as `layout`) with one Parser per worker thread.
// `consume(chunk_index, parser)` runs on the worker right after a chunk is converted (several at
// once, any order); `commit(chunk_index)` runs in file order, never concurrently. Errors: strict
// throws the first bad row in file order; both policies throw the first order violation.
template <class Parser, class MakeParser, class Consume, class Commit>
LoadReport scan_chunks(const MappedFile& mapped, const CsvLayout& layout, const std::string& file,
                       const BulkLoadOptions& options, const OrderRule& order,
                       MakeParser&& make_parser, Consume&& consume, Commit&& commit,
                       BulkLoadStats& stats) {
  using Key = typename Parser::Key;
  using Row = typename Parser::Row;
  const auto start_time = std::chrono::steady_clock::now();
  const std::string_view text = mapped.text();
  const std::size_t begin = layout.data_begin;
  const std::size_t end = layout.data_end;
  const std::size_t chunk_bytes = std::max<std::size_t>(options.chunk_bytes, 1);
  const std::size_t chunk_count = end > begin ? (end - begin + chunk_bytes - 1) / chunk_bytes : 0;
  const auto line_start_at_or_after = [&](std::size_t offset) {
    if (offset <= begin) return begin;
    if (offset >= end) return end;
    const void* nl = std::memchr(text.data() + offset - 1, '\n', end - (offset - 1));
    return nl == nullptr ? end
                         : static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) + 1;
  };
  // Lines from tail_begin on are parsed from a padded copy, so the fast path never reads past the
  // end of the mapping; it also supplies the '\n' a last line may lack. Likewise lines that start
  // within kFastPathSlack bytes of the file's start (before head_end) are parsed from a copy with
  // room in front.
  const std::size_t tail_begin = [&] {
    if (end - begin <= 2 * kFastPathSlack) return begin;
    const std::size_t probe = std::max(begin, text.size() - kFastPathSlack);
    std::size_t p = std::min(probe, end);
    while (p > begin && text[p - 1] != '\n') --p;
    return p;
  }();
  const std::size_t head_end = std::min(
      tail_begin, begin >= kFastPathSlack ? begin : line_start_at_or_after(kFastPathSlack));
  const auto padded = [&](std::size_t from, std::size_t to) {
    std::string copy(kFastPathSlack, '\0');
    copy.append(text.substr(from, to - from));
    return copy;
  };
  std::string head = padded(begin, head_end);
  head.append(kFastPathSlack, '\0');
  std::string tail = padded(tail_begin, end);
  if (tail.size() > kFastPathSlack && tail.back() != '\n') tail.push_back('\n');
  // end, plus the '\n' added if any
  const std::size_t tail_end = tail_begin + (tail.size() - kFastPathSlack);
  tail.append(kFastPathSlack, '\0');

  LoadReport report;
  report.file = file;
  stats = BulkLoadStats{};
  stats.bytes = text.size();
  unsigned threads = options.threads != 0 ? options.threads : std::thread::hardware_concurrency();
  threads = static_cast<unsigned>(
      std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(chunk_count, 1)));
  stats.threads = threads;

  std::vector<ChunkOutcome<Key>> outcomes(chunk_count);
  std::atomic<std::size_t> next_chunk{0};
  std::atomic<std::size_t> stop_after{std::numeric_limits<std::size_t>::max()};
  std::mutex commit_mutex;
  std::size_t next_commit = 0;  // guarded by commit_mutex, like everything below
  std::size_t rows_before = 0;
  bool has_key = false;
  Key last_key{};
  std::size_t last_key_line = 0;
  std::optional<RowError> fatal;  // row = absolute line
  std::exception_ptr failure;
  const ReferenceReader reference(layout, file);

  const auto lower_stop = [&](std::size_t chunk) {
    std::size_t current = stop_after.load();
    while (chunk < current && !stop_after.compare_exchange_weak(current, chunk)) {
    }
  };
  const auto line_at = [&](std::size_t offset) {
    const char* p = text.data() + offset;
    const void* nl = std::memchr(p, '\n', end - offset);
    const std::size_t length =
        nl == nullptr ? end - offset : static_cast<std::size_t>(static_cast<const char*>(nl) - p);
    return std::string_view(p, length);
  };
  // Column of the order key in the line at `offset`, as CsvRow would report it.
  const auto key_column_at = [&](std::size_t offset) {
    std::size_t column = 0;
    (void)reference.read(line_at(offset), [&](const CsvRow& row) {
      column = row.position(order.key_column).column;
    });
    return column;
  };

  const auto process = [&](std::size_t k, Parser& parser) {
    ChunkOutcome<Key>& out = outcomes[k];
    const std::size_t chunk_begin = line_start_at_or_after(begin + k * chunk_bytes);
    const std::size_t chunk_end = line_start_at_or_after(begin + (k + 1) * chunk_bytes);
    mapped.will_need(chunk_begin, chunk_end);
    parser.start_chunk();
    std::size_t row_index = 0;
    Row row{};
    // Returns false when the chunk must stop (a fatal error).
    std::size_t last_row = 0;  // of the last accepted row (valid once out.has_key)
    const auto accept = [&](std::size_t offset) {
      if (!out.has_key) {
        out.has_key = true;
        out.first_key = parser.key(row);
        out.first_key_row = row_index;
        out.first_key_offset = offset;
      } else if (!parser.follows(row)) {
        out.violation = typename ChunkOutcome<Key>::Violation{row_index, offset, last_row,
                                                              parser.last_key(), parser.key(row)};
        return false;
      }
      parser.accept(row);
      last_row = row_index;
      return true;
    };
    const auto run = [&](const char* base, std::size_t base_offset, std::size_t from,
                         std::size_t to) {
      const char* p = base + (from - base_offset);
      const char* const stop = base + (to - base_offset);
      while (p < stop) {
        const std::size_t offset = base_offset + static_cast<std::size_t>(p - base);
        const char* next = parser.fast(p, row);
        bool ok = true;
        if (next == nullptr) {
          const auto* nl = static_cast<const char*>(std::memchr(p, '\n', stop - p));
          const std::string_view line(p, static_cast<std::size_t>(nl - p));
          auto error = reference.read(line, [&](const CsvRow& r) { parser.slow(r, row); });
          next = nl + 1;
          if (error) {
            error->row = row_index;
            out.errors.push_back(std::move(*error));
            ok = false;
            if (options.policy == LoadPolicy::strict) {
              ++row_index;
              return false;
            }
          }
        }
        if (ok && !accept(offset)) {
          ++row_index;
          return false;
        }
        ++row_index;
        p = next;
      }
      return true;
    };
    // The chunk's lines in the head copy, the mapping, then the tail copy. (A chunk in which no
    // line starts is empty: it must not read the '\n' the tail copy adds after the last line.)
    const bool has_lines = chunk_begin < chunk_end;
    bool go_on = true;
    if (has_lines && chunk_begin < head_end) {
      go_on = run(head.data() + kFastPathSlack, begin, chunk_begin, std::min(chunk_end, head_end));
    }
    const std::size_t direct_begin = std::max(chunk_begin, head_end);
    const std::size_t direct_end = std::min(chunk_end, tail_begin);
    if (has_lines && go_on && direct_begin < direct_end) {
      go_on = run(text.data(), 0, direct_begin, direct_end);
    }
    if (has_lines && go_on && chunk_end > tail_begin) {
      go_on = run(tail.data() + kFastPathSlack, tail_begin, std::max(chunk_begin, tail_begin),
                  chunk_end == end ? tail_end : chunk_end);
    }
    out.rows = row_index;
    if (out.has_key) {
      out.last_key = parser.last_key();
      out.last_key_row = last_row;
    }
    mapped.release(chunk_begin, chunk_end);
    return go_on;
  };

  // Commits every finished chunk that is next in file order. Called with commit_mutex held.
  const auto drain = [&] {
    while (next_commit < chunk_count && outcomes[next_commit].done && !fatal && !failure) {
      const std::size_t k = next_commit;
      ChunkOutcome<Key>& out = outcomes[k];
      const std::size_t first_line = rows_before + 2;  // line 1 is the header
      // The earliest fatal problem of the chunk, by row.
      std::optional<RowError> problem;
      const auto consider = [&](RowError candidate) {
        if (!problem || candidate.row < problem->row) problem = std::move(candidate);
      };
      if (out.has_key && has_key && !Parser::before(last_key, out.first_key)) {
        consider(RowError{
            out.first_key_row, key_column_at(out.first_key_offset),
            fmt::format("column {}: row {} is not after row {} of line {} (rows must be sorted "
                        "by {}, without duplicates)",
                        quoted_for_message(layout.header[order.key_column]),
                        Parser::describe(out.first_key), Parser::describe(last_key), last_key_line,
                        order.description),
            true});
      }
      if (out.violation) {
        const auto& v = *out.violation;
        consider(RowError{
            v.row, key_column_at(v.offset),
            fmt::format("column {}: row {} is not after row {} of line {} (rows must be sorted "
                        "by {}, without duplicates)",
                        quoted_for_message(layout.header[order.key_column]),
                        Parser::describe(v.key), Parser::describe(v.previous),
                        first_line + v.previous_row, order.description),
            true});
      }
      if (options.policy == LoadPolicy::strict && !out.errors.empty()) consider(out.errors.front());
      if (problem) {
        problem->row += first_line;
        fatal = std::move(problem);
        lower_stop(k);
        return;
      }
      for (RowError& e : out.errors) {
        report.add_skipped(SourcePosition{file, first_line + e.row, e.column}, std::move(e.reason));
      }
      report.rows_read += out.rows;
      report.rows_loaded += out.rows - out.errors.size();
      if (out.has_key) {
        has_key = true;
        last_key = out.last_key;
        last_key_line = first_line + out.last_key_row;
      }
      rows_before += out.rows;
      commit(k);
      out = ChunkOutcome<Key>{};
      out.done = true;
      ++next_commit;
      if (options.progress) {
        const std::size_t committed_end =
            next_commit == chunk_count ? text.size()
                                       : line_start_at_or_after(begin + next_commit * chunk_bytes);
        options.progress(LoadProgress{
            committed_end, text.size(), rows_before,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start_time).count()});
      }
    }
  };

  const auto worker = [&] {
    try {
      Parser parser = make_parser();
      for (;;) {
        const std::size_t k = next_chunk.fetch_add(1);
        if (k >= chunk_count || k > stop_after.load()) break;
        const bool clean = process(k, parser);
        if (!clean) lower_stop(k);
        if (clean && !(options.policy == LoadPolicy::strict && !outcomes[k].errors.empty())) {
          consume(k, parser);
        }
        const std::lock_guard lock(commit_mutex);
        outcomes[k].done = true;
        drain();
      }
    } catch (...) {
      const std::lock_guard lock(commit_mutex);
      if (!failure) failure = std::current_exception();
      lower_stop(0);
      next_chunk.store(chunk_count);
    }
  };
  {
    std::vector<std::jthread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
  }
  if (failure) std::rethrow_exception(failure);
  if (fatal) throw_row_error(*fatal, file, fatal->row);
  stats.rows = report.rows_read;
  stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_time).count();
  return report;
}

}  // namespace marketshock::io::detail
