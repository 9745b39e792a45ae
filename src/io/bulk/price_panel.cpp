#include <marketshock/io/bulk/price_panel.hpp>

#include "io/detail/chunked_csv.hpp"
#include "io/detail/fast_fields.hpp"
#include "io/detail/mapped_file.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/log.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>
#include <spdlog/logger.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <optional>

namespace marketshock::io {

namespace {

using boost::gregorian::date;
using detail::SymbolKey;

// The role of each header column.
enum class Role : std::uint8_t { other, date, symbol, open, high, low, close, volume };
static_assert(static_cast<int>(Role::close) - static_cast<int>(Role::open) == 3);

struct PriceColumns {
  std::size_t date = 0;
  std::size_t symbol = 0;
  std::size_t close = 0;
  std::optional<std::size_t> open, high, low, volume;
  std::vector<Role> roles;
};

PriceColumns price_columns(const detail::CsvLayout& layout, const std::string& file,
                           const PricePanelColumns& names) {
  const auto [d, s, c] = detail::require_columns(
      layout, file, {std::string_view(names.date), names.symbol, names.close});
  PriceColumns columns{d,
                       s,
                       c,
                       detail::find_column(layout, names.open),
                       detail::find_column(layout, names.high),
                       detail::find_column(layout, names.low),
                       detail::find_column(layout, names.volume),
                       {}};
  columns.roles.assign(layout.header.size(), Role::other);
  const auto set = [&](std::optional<std::size_t> index, Role role) {
    if (index) columns.roles[*index] = role;
  };
  set(columns.open, Role::open);
  set(columns.high, Role::high);
  set(columns.low, Role::low);
  set(columns.volume, Role::volume);
  set(columns.close, Role::close);
  set(columns.symbol, Role::symbol);
  set(columns.date, Role::date);
  return columns;
}

struct PriceRow {
  date day;
  SymbolKey symbol;
  std::uint32_t id = 0;
  std::int64_t close_cents = 0;
};

struct PriceKey {
  date day;
  SymbolKey symbol;
};

// Converts the lines of one worker thread's chunks; keeps the current chunk's columns.
class PriceParser {
 public:
  using Row = PriceRow;
  using Key = PriceKey;

  PriceParser(const PriceColumns& columns, detail::SharedSymbolIds& ids)
      : columns_(columns), ids_(ids) {}

  // Lines of up to 63 characters: the structure of the whole line from one classification of 64
  // bytes, then each field from its known bounds. Anything unusual goes to fast_sequential() (a
  // long line) or to the slow path (quotes, wrong field count, values off the plain shapes).
  // Reads up to detail::kFastPathSlack bytes before and after the line.
  const char* fast(const char* p, Row& row) {
    const detail::LineMasks masks = detail::line_masks(p);
    if (masks.newlines == 0) return fast_sequential(p, row);
    const auto line_length = static_cast<unsigned>(__builtin_ctzll(masks.newlines));
    const std::uint64_t in_line = (std::uint64_t{1} << line_length) - 1;
    if ((masks.quotes & in_line) != 0) return nullptr;
    // CsvReader strips one '\r' before the '\n'.
    const unsigned content_length =
        line_length > 0 && p[line_length - 1] == '\r' ? line_length - 1 : line_length;
    std::uint64_t commas = masks.commas & in_line;
    const std::size_t count = columns_.roles.size();
    constexpr std::int64_t kMissing = -1;
    std::int64_t prices[4] = {kMissing, kMissing, kMissing, kMissing};  // open, high, low, close
    unsigned begin = 0;
    for (std::size_t c = 0; c < count; ++c) {
      unsigned end = content_length;
      if (c + 1 < count) {
        if (commas == 0) return nullptr;  // too few fields
        end = static_cast<unsigned>(__builtin_ctzll(commas));
        commas &= commas - 1;
      } else if (commas != 0) {
        return nullptr;  // too many fields
      }
      const char* const field = p + begin;
      const unsigned length = end - begin;
      begin = end + 1;
      const Role role = columns_.roles[c];
      switch (role) {
        case Role::date:
          if (length != kIsoDateLength) return nullptr;
          if (std::memcmp(field, date_text_, kIsoDateLength) != 0) {
            const auto parsed = try_parse_iso_date(std::string_view(field, kIsoDateLength));
            if (!parsed) return nullptr;
            std::memcpy(date_text_, field, kIsoDateLength);
            date_ = *parsed;
          }
          row.day = date_;
          break;
        case Role::symbol:
          if (length == 0 || length > Symbol::kMaxLength) return nullptr;
          row.id = cache_.id(field, length, row.symbol);
          if (row.id == detail::SymbolIdCache::kInvalid) return nullptr;
          break;
        case Role::open:
        case Role::high:
        case Role::low:
        case Role::close: {
          if (length == 0 && role != Role::close) break;  // missing, as CsvRow reads it (NaN)
          std::int64_t& price = prices[static_cast<int>(role) - static_cast<int>(Role::open)];
          if (!detail::parse_cents_field(field, length, price) || price == 0) return nullptr;
          break;
        }
        case Role::volume: {
          if (length == 0) break;
          std::int64_t volume = 0;
          if (detail::parse_plain_integer(field, volume) != field + length) return nullptr;
          break;
        }
        case Role::other:
          break;
      }
    }
    if (!consistent(prices[0], prices[1], prices[2], prices[3])) return nullptr;
    row.close_cents = prices[3];
    return p + line_length + 1;
  }

  // DailyBars' invariants in cents (kMissing = -1 for an absent price); any doubt goes to the slow
  // path, which has the messages.
  static bool consistent(std::int64_t open, std::int64_t high, std::int64_t low,
                         std::int64_t close) noexcept {
    constexpr std::int64_t kMissing = -1;
    if (high != kMissing) {
      if (high < close || (open != kMissing && high < open) || (low != kMissing && high < low)) {
        return false;
      }
    }
    return !(low != kMissing && (low > close || (open != kMissing && low > open)));
  }

  // The same conversion one field after another, for lines too long for fast().
  const char* fast_sequential(const char* p, Row& row) {
    constexpr std::int64_t kMissing = -1;
    std::int64_t open = kMissing;
    std::int64_t high = kMissing;
    std::int64_t low = kMissing;
    std::int64_t close = kMissing;
    const std::size_t count = columns_.roles.size();
    for (std::size_t c = 0; c < count; ++c) {
      switch (columns_.roles[c]) {
        case Role::date:
          if (std::memcmp(p, date_text_, kIsoDateLength) != 0) {
            const auto parsed = try_parse_iso_date(std::string_view(p, kIsoDateLength));
            if (!parsed) return nullptr;
            std::memcpy(date_text_, p, kIsoDateLength);
            date_ = *parsed;
          }
          row.day = date_;
          p += kIsoDateLength;
          break;
        case Role::symbol: {
          const unsigned length = detail::short_field_length(p);
          if (length == 0 || length > Symbol::kMaxLength) return nullptr;
          row.id = cache_.id(p, length, row.symbol);
          if (row.id == detail::SymbolIdCache::kInvalid) return nullptr;
          p += length;
          break;
        }
        case Role::close:
          p = detail::parse_plain_cents(p, close);
          if (p == nullptr || close == 0) return nullptr;
          break;
        case Role::open:
        case Role::high:
        case Role::low: {
          if (detail::at_field_end(p)) break;  // empty: missing, as CsvRow reads it (NaN)
          std::int64_t value = 0;
          p = detail::parse_plain_cents(p, value);
          if (p == nullptr || value == 0) return nullptr;
          (columns_.roles[c] == Role::open   ? open
           : columns_.roles[c] == Role::high ? high
                                             : low) = value;
          break;
        }
        case Role::volume: {
          if (detail::at_field_end(p)) break;
          std::int64_t volume = 0;
          p = detail::parse_plain_integer(p, volume);
          if (p == nullptr) return nullptr;
          break;
        }
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
    if (*p == '\n') {
      ++p;
    } else if (*p == '\r' && p[1] == '\n') {
      p += 2;
    } else {
      return nullptr;
    }
    if (!consistent(open, high, low, close)) return nullptr;
    row.close_cents = close;
    return p;
  }

  void slow(const CsvRow& row, Row& out) {
    out.day = row.as_date(columns_.date);
    const std::string_view symbol = row.text(columns_.symbol);
    if (!Symbol::is_valid(symbol)) {
      throw row.error(columns_.symbol,
                      fmt::format("invalid symbol {}", quoted_for_message(symbol)));
    }
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    const double close = row.as_double(columns_.close);
    const auto optional_price = [&](const std::optional<std::size_t>& column) {
      return column ? row.as_double(*column, EmptyField::nan) : kNaN;
    };
    const double open = optional_price(columns_.open);
    const double high = optional_price(columns_.high);
    const double low = optional_price(columns_.low);
    if (columns_.volume && !row.is_empty(*columns_.volume)) {
      const std::int64_t volume = row.as_int64(*columns_.volume);
      if (volume < 0) {
        throw row.error(*columns_.volume, fmt::format("negative volume {}", volume));
      }
    }
    const auto fail = [&](std::size_t column, std::string_view what) {
      return DataError(
          row.position(column),
          fmt::format("column {}: {} (open {}, high {}, low {}, close {})",
                      quoted_for_message(row.column_name(column)), what, open, high, low, close));
    };
    // The checks of DailyBars, at the field that breaks them; NaN (missing) compares false.
    if (!(close > 0.0)) throw fail(columns_.close, "close must be positive");
    if (open <= 0.0) throw fail(*columns_.open, "open must be positive");
    if (high <= 0.0) throw fail(*columns_.high, "high must be positive");
    if (low <= 0.0) throw fail(*columns_.low, "low must be positive");
    if (high < low) throw fail(*columns_.high, "high below low");
    if (high < open) throw fail(*columns_.high, "high below open");
    if (high < close) throw fail(*columns_.high, "high below close");
    if (low > open) throw fail(*columns_.low, "low above open");
    if (low > close) throw fail(*columns_.low, "low above close");
    const std::string_view close_text = row.text(columns_.close);
    std::int64_t cents = 0;
    switch (detail::exact_cents(close_text, cents)) {
      case detail::CentsStatus::ok:
        break;
      case detail::CentsStatus::out_of_range:
        throw row.error(columns_.close, fmt::format("price {} is too large for integer cents",
                                                    quoted_for_message(close_text)));
      default:
        throw row.error(columns_.close, fmt::format("price {} is not a whole number of cents",
                                                    quoted_for_message(close_text)));
    }
    out.symbol = SymbolKey::of(symbol);
    out.id = cache_.id(out.symbol);
    out.close_cents = cents;
  }

  [[nodiscard]] Key key(const Row& row) const noexcept { return {row.day, row.symbol}; }

  static bool before(const Key& a, const Key& b) noexcept {
    return a.day < b.day || (a.day == b.day && SymbolKey::before(a.symbol, b.symbol));
  }

  static std::string describe(const Key& key) {
    return fmt::format("({}, {})", format_iso_date(key.day), key.symbol.view());
  }

  void start_chunk() noexcept {
    ids_column_.clear();
    dates_column_.clear();
    cents_column_.clear();
  }

  // Order within a chunk, tracked here field by field (cheaper than copying keys around).
  [[nodiscard]] bool follows(const Row& row) const noexcept {
    return last_day_ < row.day ||
           (last_day_ == row.day && SymbolKey::before(last_symbol_, row.symbol));
  }

  void accept(const Row& row) {
    last_day_ = row.day;
    last_symbol_ = row.symbol;
    ids_column_.push_back(row.id);
    dates_column_.push_back(row.day);
    cents_column_.push_back(row.close_cents);
  }

  [[nodiscard]] Key last_key() const noexcept { return {last_day_, last_symbol_}; }

  [[nodiscard]] PriceChunk chunk(std::size_t index) const noexcept {
    return PriceChunk{index, ids_column_, dates_column_, cents_column_};
  }

 private:
  const PriceColumns& columns_;
  detail::SharedSymbolIds& ids_;
  detail::SymbolIdCache cache_{ids_};
  // The last date read and its text: rows of a day share it, so most rows compare ten bytes.
  char date_text_[kIsoDateLength] = {'1', '9', '7', '0', '-', '0', '1', '-', '0', '1'};
  date date_{1970, 1, 1};
  date last_day_;
  SymbolKey last_symbol_;
  std::vector<std::uint32_t> ids_column_;
  std::vector<date> dates_column_;
  std::vector<std::int64_t> cents_column_;
};

}  // namespace

PricePanelScan scan_price_panel(const std::filesystem::path& path, const PricePanelOptions& options,
                                PriceChunkConsumer& consumer) {
  const std::string file = path.string();
  const detail::MappedFile mapped(path);
  const detail::CsvLayout layout = detail::read_layout(mapped.text(), file);
  const PriceColumns columns = price_columns(layout, file, options.columns);
  detail::SharedSymbolIds ids(options.known_symbols);
  PricePanelScan scan;
  const detail::OrderRule order{columns.date, "date, then symbol"};
  scan.report = detail::scan_chunks<PriceParser>(
      mapped, layout, file, options.load, order, [&] { return PriceParser(columns, ids); },
      [&](std::size_t k, const PriceParser& parser) { consumer.consume(parser.chunk(k)); },
      [&](std::size_t k) { consumer.commit(k); }, scan.stats);
  scan.symbols = ids.symbols();
  logger()->info(
      "{}: {} rows, {} symbols, {:.1f} MB in {:.3f} s ({:.0f} MB/s, {:.0f} rows/s, {} "
      "threads)",
      file, scan.stats.rows, scan.symbols.size(), static_cast<double>(scan.stats.bytes) / 1e6,
      scan.stats.seconds, scan.stats.mb_per_second(), scan.stats.rows_per_second(),
      scan.stats.threads);
  return scan;
}

namespace {

// Keeps each consumed chunk until its commit appends it to the panel's columns.
class CollectingConsumer final : public PriceChunkConsumer {
 public:
  struct Columns {
    std::vector<std::uint32_t> ids;
    std::vector<date> dates;
    std::vector<std::int64_t> cents;
  };

  explicit CollectingConsumer(Columns& out) : out_(out) {}

  void consume(const PriceChunk& chunk) override {
    Columns copy{{chunk.symbol_ids.begin(), chunk.symbol_ids.end()},
                 {chunk.dates.begin(), chunk.dates.end()},
                 {chunk.close_cents.begin(), chunk.close_cents.end()}};
    const std::lock_guard lock(mutex_);
    pending_.emplace(chunk.index, std::move(copy));
  }

  void commit(std::size_t chunk_index) override {
    Columns chunk;
    {
      const std::lock_guard lock(mutex_);
      const auto it = pending_.find(chunk_index);
      if (it == pending_.end()) return;  // a chunk with no rows is consumed too; defensive
      chunk = std::move(it->second);
      pending_.erase(it);
    }
    out_.ids.insert(out_.ids.end(), chunk.ids.begin(), chunk.ids.end());
    out_.dates.insert(out_.dates.end(), chunk.dates.begin(), chunk.dates.end());
    out_.cents.insert(out_.cents.end(), chunk.cents.begin(), chunk.cents.end());
  }

 private:
  Columns& out_;
  std::mutex mutex_;
  std::map<std::size_t, Columns> pending_;
};

}  // namespace

PricePanel load_price_panel(const std::filesystem::path& path, const PricePanelOptions& options) {
  CollectingConsumer::Columns columns;
  CollectingConsumer consumer(columns);
  PricePanelScan scan = scan_price_panel(path, options, consumer);
  // Renumber the ids into bytewise symbol order.
  std::vector<std::uint32_t> order(scan.symbols.size());
  std::iota(order.begin(), order.end(), 0U);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return scan.symbols[a] < scan.symbols[b]; });
  std::vector<std::uint32_t> new_id(order.size());
  PricePanel panel;
  panel.symbols_.reserve(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    new_id[order[i]] = static_cast<std::uint32_t>(i);
    panel.symbols_.push_back(scan.symbols[order[i]]);
  }
  for (std::uint32_t& id : columns.ids) id = new_id[id];
  panel.symbol_ids_ = std::move(columns.ids);
  panel.dates_ = std::move(columns.dates);
  panel.close_cents_ = std::move(columns.cents);
  panel.report_ = std::move(scan.report);
  panel.stats_ = scan.stats;
  return panel;
}

}  // namespace marketshock::io
