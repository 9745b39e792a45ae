#include <marketshock/io/bulk/share_count_table.hpp>

#include "io/detail/chunked_csv.hpp"
#include "io/detail/fast_fields.hpp"
#include "io/detail/mapped_file.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/log.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>
#include <spdlog/logger.h>

#include <algorithm>
#include <map>
#include <mutex>

namespace marketshock::io {

namespace {

using boost::gregorian::date;
using detail::SymbolKey;

enum class Role : std::uint8_t { other, symbol, effective_date, shares };

struct ShareColumns {
  std::size_t symbol = 0;
  std::size_t effective_date = 0;
  std::size_t shares = 0;
  std::vector<Role> roles;
};

struct ShareRow {
  SymbolKey symbol;
  date effective;
  std::int64_t shares = 0;
};

struct ShareKey {
  SymbolKey symbol;
  date effective;
};

struct ShareChunk {
  std::vector<SymbolKey> symbols;
  std::vector<date> dates;
  std::vector<std::int64_t> shares;
};

class ShareParser {
 public:
  using Row = ShareRow;
  using Key = ShareKey;

  explicit ShareParser(const ShareColumns& columns) : columns_(columns) {}

  const char* fast(const char* p, Row& row) {
    const std::size_t count = columns_.roles.size();
    for (std::size_t c = 0; c < count; ++c) {
      switch (columns_.roles[c]) {
        case Role::symbol: {
          const char* const start = p;
          while (!detail::at_field_end(p)) {
            if (++p - start > static_cast<std::ptrdiff_t>(Symbol::kMaxLength)) return nullptr;
          }
          const auto length = static_cast<std::size_t>(p - start);
          if (length == 0) return nullptr;
          const SymbolKey key = SymbolKey::load(start, length);
          // Rows of a symbol are adjacent: validate each new text once.
          if (!(key == symbol_)) {
            if (!Symbol::is_valid(key.view())) return nullptr;
            symbol_ = key;
          }
          row.symbol = key;
          break;
        }
        case Role::effective_date: {
          const auto parsed = try_parse_iso_date(std::string_view(p, kIsoDateLength));
          if (!parsed) return nullptr;
          row.effective = *parsed;
          p += kIsoDateLength;
          break;
        }
        case Role::shares:
          p = detail::parse_plain_integer(p, row.shares);
          if (p == nullptr || row.shares == 0) return nullptr;
          break;
        case Role::other:
          if (*p == '"') return nullptr;
          while (!detail::at_field_end(p)) ++p;
          break;
      }
      if (c + 1 < count) {
        if (*p != ',') return nullptr;
        ++p;
      }
    }
    if (*p == '\n') return p + 1;
    if (*p == '\r' && p[1] == '\n') return p + 2;
    return nullptr;
  }

  void slow(const CsvRow& row, Row& out) {
    const std::string_view symbol = row.text(columns_.symbol);
    if (!Symbol::is_valid(symbol)) {
      throw row.error(columns_.symbol,
                      fmt::format("invalid symbol {}", quoted_for_message(symbol)));
    }
    out.effective = row.as_date(columns_.effective_date);
    out.shares = row.as_int64(columns_.shares);
    if (out.shares <= 0) throw row.error(columns_.shares, "shares must be positive");
    out.symbol = SymbolKey::of(symbol);
  }

  [[nodiscard]] Key key(const Row& row) const noexcept { return {row.symbol, row.effective}; }

  static bool before(const Key& a, const Key& b) noexcept {
    if (!(a.symbol == b.symbol)) return SymbolKey::before(a.symbol, b.symbol);
    return a.effective < b.effective;
  }

  static std::string describe(const Key& key) {
    return fmt::format("({}, {})", key.symbol.view(), format_iso_date(key.effective));
  }

  void start_chunk() noexcept {
    chunk_.symbols.clear();
    chunk_.dates.clear();
    chunk_.shares.clear();
  }

  [[nodiscard]] bool follows(const Row& row) const noexcept { return before(last_, key(row)); }

  void accept(const Row& row) {
    last_ = key(row);
    chunk_.symbols.push_back(row.symbol);
    chunk_.dates.push_back(row.effective);
    chunk_.shares.push_back(row.shares);
  }

  [[nodiscard]] Key last_key() const noexcept { return last_; }

  [[nodiscard]] const ShareChunk& chunk() const noexcept { return chunk_; }

 private:
  const ShareColumns& columns_;
  SymbolKey symbol_;
  Key last_{};
  ShareChunk chunk_;
};

}  // namespace

std::optional<std::size_t> ShareCountTable::find(const Symbol& symbol) const noexcept {
  const auto it = std::lower_bound(symbols_.begin(), symbols_.end(), symbol);
  if (it == symbols_.end() || *it != symbol) return std::nullopt;
  return static_cast<std::size_t>(it - symbols_.begin());
}

std::span<const date> ShareCountTable::effective_dates(std::size_t index) const {
  MARKETSHOCK_REQUIRE(index < symbols_.size(), "symbol index {} out of range ({} symbols)", index,
                      symbols_.size());
  return std::span(effective_dates_)
      .subspan(offsets_[index], offsets_[index + 1] - offsets_[index]);
}

std::span<const std::int64_t> ShareCountTable::shares(std::size_t index) const {
  MARKETSHOCK_REQUIRE(index < symbols_.size(), "symbol index {} out of range ({} symbols)", index,
                      symbols_.size());
  return std::span(shares_).subspan(offsets_[index], offsets_[index + 1] - offsets_[index]);
}

std::optional<std::int64_t> ShareCountTable::shares_on(std::size_t index, date day) const {
  const auto dates = effective_dates(index);
  const auto it = std::upper_bound(dates.begin(), dates.end(), day);
  if (it == dates.begin()) return std::nullopt;
  return shares(index)[static_cast<std::size_t>(it - dates.begin()) - 1];
}

ShareCountTable load_share_count_table(const std::filesystem::path& path,
                                       const ShareCountOptions& options) {
  const std::string file = path.string();
  const detail::MappedFile mapped(path);
  const detail::CsvLayout layout = detail::read_layout(mapped.text(), file);
  const auto [s, e, n] =
      detail::require_columns(layout, file,
                              {std::string_view(options.columns.symbol),
                               options.columns.effective_date, options.columns.shares});
  ShareColumns columns{s, e, n, std::vector<Role>(layout.header.size(), Role::other)};
  columns.roles[n] = Role::shares;
  columns.roles[e] = Role::effective_date;
  columns.roles[s] = Role::symbol;

  ShareCountTable table;
  std::mutex mutex;
  std::map<std::size_t, ShareChunk> pending;
  SymbolKey last;
  const detail::OrderRule order{s, "symbol, then effective date"};
  table.report_ = detail::scan_chunks<ShareParser>(
      mapped, layout, file, options.load, order, [&] { return ShareParser(columns); },
      [&](std::size_t k, const ShareParser& parser) {
        ShareChunk copy = parser.chunk();
        const std::lock_guard lock(mutex);
        pending.emplace(k, std::move(copy));
      },
      [&](std::size_t k) {
        ShareChunk chunk;
        {
          const std::lock_guard lock(mutex);
          const auto it = pending.find(k);
          if (it == pending.end()) return;
          chunk = std::move(it->second);
          pending.erase(it);
        }
        for (std::size_t i = 0; i < chunk.symbols.size(); ++i) {
          if (table.symbols_.empty() || !(chunk.symbols[i] == last)) {
            if (!table.symbols_.empty()) {
              table.offsets_.push_back(static_cast<std::uint32_t>(table.shares_.size()));
            }
            table.symbols_.emplace_back(chunk.symbols[i].view());
            last = chunk.symbols[i];
          }
          table.effective_dates_.push_back(chunk.dates[i]);
          table.shares_.push_back(chunk.shares[i]);
        }
      },
      table.stats_);
  if (!table.symbols_.empty()) {
    table.offsets_.push_back(static_cast<std::uint32_t>(table.shares_.size()));
  }
  logger()->info("{}: {} share counts of {} symbols in {:.3f} s ({:.0f} MB/s)", file,
                 table.shares_.size(), table.symbols_.size(), table.stats_.seconds,
                 table.stats_.mb_per_second());
  return table;
}

}  // namespace marketshock::io
