// Field kernels of the bulk loaders' fast paths, and the exact decimal-to-cents conversion their
// slow paths share. The fast kernels accept a strict subset of what CsvRow's accessors accept and
// return the same values; anything else makes them fail, and the line goes to the slow path.
#pragma once

#include <marketshock/core/symbol.hpp>

#include <emmintrin.h>
#include <bit>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace marketshock::io::detail {

// Value of an ASCII digit, or a number above 9 for any other character.
[[nodiscard]] constexpr unsigned digit(char c) noexcept {
  return static_cast<unsigned>(static_cast<unsigned char>(c)) - unsigned{'0'};
}

// True at the end of an unquoted field: ',' or the line end ("\n" or "\r\n").
[[nodiscard]] inline bool at_field_end(const char* p) noexcept {
  return *p == ',' || *p == '\n' || (*p == '\r' && p[1] == '\n');
}

// Mask with a non-zero high nibble in each byte of `word` that is not an ASCII digit. (A carry
// out of a byte >= 0xFA can only spoil the bytes after the first non-digit.)
[[nodiscard]] constexpr std::uint64_t non_digit_bytes(std::uint64_t word) noexcept {
  constexpr std::uint64_t kHigh = 0xF0F0F0F0F0F0F0F0ULL;
  constexpr std::uint64_t kThrees = 0x3030303030303030ULL;
  return ((word & kHigh) ^ kThrees) | (((word + 0x0606060606060606ULL) & kHigh) ^ kThrees);
}

// Reads [0-9]{1,13}(\.[0-9]{1,2})? as integer cents, one digit at a time; returns the end, or
// nullptr when the text is anything else (a sign, an exponent, more digits: the slow path
// decides). At most 15 significant digits, so distinct values stay distinct as doubles and
// compare alike.
[[nodiscard]] inline const char* parse_plain_cents_scalar(const char* p,
                                                          std::int64_t& cents) noexcept {
  const char* const start = p;
  std::uint64_t value = 0;
  for (unsigned d = digit(*p); d <= 9; d = digit(*++p)) value = value * 10 + d;
  const auto integer_digits = p - start;
  if (integer_digits == 0 || integer_digits > 13) return nullptr;
  if (*p == '.') {
    const unsigned d1 = digit(p[1]);
    if (d1 > 9) return nullptr;
    const unsigned d2 = digit(p[2]);
    if (d2 <= 9) {
      value = value * 100 + d1 * 10 + d2;
      p += 3;
    } else {
      value = value * 100 + d1 * 10;
      p += 2;
    }
  } else {
    value *= 100;
  }
  cents = static_cast<std::int64_t>(value);
  return p;
}

static_assert(std::endian::native == std::endian::little, "the word-at-a-time kernels");

// Where the structural characters of the 64 bytes at `p` are: bit i stands for p[i].
struct LineMasks {
  std::uint64_t commas = 0;
  std::uint64_t newlines = 0;
  std::uint64_t quotes = 0;
};

// Classifies 64 bytes at once (SSE2, which every x86-64 has; a plain loop elsewhere); 64 bytes at
// `p` must be readable.
[[nodiscard]] [[gnu::always_inline]] inline LineMasks line_masks(const char* p) noexcept {
  LineMasks masks;
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i quote = _mm_set1_epi8('"');
  for (int block = 0; block < 4; ++block) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * block));
    const auto bits = [&](__m128i what) {
      return static_cast<std::uint64_t>(
                 static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, what))))
             << (16 * block);
    };
    masks.commas |= bits(comma);
    masks.newlines |= bits(newline);
    masks.quotes |= bits(quote);
  }
#else
  for (unsigned i = 0; i < 64; ++i) {
    masks.commas |= std::uint64_t{p[i] == ','} << i;
    masks.newlines |= std::uint64_t{p[i] == '\n'} << i;
    masks.quotes |= std::uint64_t{p[i] == '"'} << i;
  }
#endif
  return masks;
}

// Length of the unquoted field at `p`: the index of the first ',', '\n' or '\r' among the next 16
// bytes (which must be readable), or 16 when there is none.
[[nodiscard]] [[gnu::always_inline]] inline unsigned short_field_length(const char* p) noexcept {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  const auto delimiters = [](std::uint64_t w) {
    const auto zero_bytes = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighBits; };
    return zero_bytes(w ^ (kOnes * ',')) | zero_bytes(w ^ (kOnes * '\n')) |
           zero_bytes(w ^ (kOnes * '\r'));
  };
  std::uint64_t word = 0;
  std::memcpy(&word, p, 8);
  if (const std::uint64_t found = delimiters(word); found != 0) {
    return static_cast<unsigned>(__builtin_ctzll(found)) / 8;
  }
  std::memcpy(&word, p + 8, 8);
  const std::uint64_t found = delimiters(word);
  return found != 0 ? 8 + static_cast<unsigned>(__builtin_ctzll(found)) / 8 : 16;
}

// Eight digit values (0..9, one per byte, the first in the lowest byte) as a number.
[[nodiscard]] [[gnu::always_inline]] constexpr std::uint64_t eight_digits_value(
    std::uint64_t v) noexcept {
  v = v * 10 + (v >> 8);
  return (((v & 0x000000FF000000FFULL) * (100 + (1000000ULL << 32))) +
          (((v >> 16) & 0x000000FF000000FFULL) * (1 + (10000ULL << 32)))) >>
         32;
}

// Same contract and results as parse_plain_cents_scalar(), without a branch per digit: the
// usual "123.45" is read from one 8-byte word (8 bytes at `p` must be readable). Longer numbers
// take the scalar path.
[[nodiscard]] [[gnu::always_inline]] inline const char* parse_plain_cents(
    const char* p, std::int64_t& cents) noexcept {
  std::uint64_t word = 0;
  std::memcpy(&word, p, 8);
  const std::uint64_t non_digit = non_digit_bytes(word);
  if (non_digit == 0) return parse_plain_cents_scalar(p, cents);
  const unsigned integer_digits = static_cast<unsigned>(__builtin_ctzll(non_digit)) / 8;
  if (integer_digits == 0) return nullptr;
  // Digit values: an ASCII digit's low nibble (other bytes are masked off below).
  const std::uint64_t values = word & 0x0F0F0F0F0F0F0F0FULL;
  if (p[integer_digits] != '.') {
    cents =
        static_cast<std::int64_t>(eight_digits_value(values << (8 * (8 - integer_digits))) * 100);
    return p + integer_digits;
  }
  if (integer_digits > 5) return parse_plain_cents_scalar(p, cents);
  const std::uint64_t after_point = non_digit >> (8 * (integer_digits + 1));
  unsigned decimals = after_point == 0 ? 7 - integer_digits
                                       : static_cast<unsigned>(__builtin_ctzll(after_point)) / 8;
  if (decimals == 0) return nullptr;
  if (decimals > 2) decimals = 2;  // a third decimal is left for the caller to reject
  const std::uint64_t integer_part = values & ((std::uint64_t{1} << (8 * integer_digits)) - 1);
  const std::uint64_t decimal_part =
      (values >> (8 * (integer_digits + 1))) & ((std::uint64_t{1} << (8 * decimals)) - 1);
  const unsigned digits = integer_digits + decimals;
  const std::uint64_t value = eight_digits_value(
      (integer_part | (decimal_part << (8 * integer_digits))) << (8 * (8 - digits)));
  cents = static_cast<std::int64_t>(decimals == 1 ? value * 10 : value);
  return p + integer_digits + 1 + decimals;
}

// The field [p, p + length) as [0-9]{1,13}(\.[0-9]{1,2})? in integer cents; false for anything
// else. The usual "d.dd" to "ddddd.dd" is one 8-byte word ending at the field's end (8 bytes
// before p + length and 8 after p must be readable); other shapes go through parse_plain_cents().
[[nodiscard]] [[gnu::always_inline]] inline bool parse_cents_field(const char* p, unsigned length,
                                                                   std::int64_t& cents) noexcept {
  if (length >= 4 && length <= 8 && p[length - 3] == '.') {
    std::uint64_t word = 0;
    std::memcpy(&word, p + length - 8, 8);
    const std::uint64_t field = ~std::uint64_t{0} << (8 * (8 - length));  // the field's bytes
    const std::uint64_t digits = field & ~(std::uint64_t{0xFF} << 40);    // all but the '.'
    // Bytes before the field read as '0', so that nothing outside it can carry into it.
    const std::uint64_t own = (word & field) | (0x3030303030303030ULL & ~field);
    if ((non_digit_bytes(own) & digits) != 0) return false;
    const std::uint64_t values = word & digits & 0x0F0F0F0F0F0F0F0FULL;
    // Close the gap of the '.': integer digits (bytes up to 4) move next to the decimals (6, 7).
    cents = static_cast<std::int64_t>(eight_digits_value(((values & 0x000000FFFFFFFFFFULL) << 8) |
                                                         (values & ~0xFFFFFFFFFFFFULL)));
    return true;
  }
  return parse_plain_cents(p, cents) == p + length;
}

// Reads [0-9]{1,18}; returns the end or nullptr. Numbers of up to 15 digits are read from two
// 8-byte words without a branch per digit (16 bytes at `p` must be readable).
[[nodiscard]] [[gnu::always_inline]] inline const char* parse_plain_integer(
    const char* p, std::int64_t& out) noexcept {
  std::uint64_t word = 0;
  std::memcpy(&word, p, 8);
  const std::uint64_t stop = non_digit_bytes(word);
  if (stop != 0) {
    const unsigned digits = static_cast<unsigned>(__builtin_ctzll(stop)) / 8;
    if (digits == 0) return nullptr;
    out = static_cast<std::int64_t>(
        eight_digits_value((word & 0x0F0F0F0F0F0F0F0FULL) << (8 * (8 - digits))));
    return p + digits;
  }
  std::uint64_t high = 0;
  std::memcpy(&high, p + 8, 8);
  const std::uint64_t high_stop = non_digit_bytes(high);
  if (high_stop == 0) {  // 16 digits or more: one at a time
    const char* const start = p;
    std::uint64_t value = 0;
    for (unsigned d = digit(*p); d <= 9; d = digit(*++p)) value = value * 10 + d;
    if (p - start > 18) return nullptr;
    out = static_cast<std::int64_t>(value);
    return p;
  }
  const unsigned digits = static_cast<unsigned>(__builtin_ctzll(high_stop)) / 8;  // 0..7 more
  const std::uint64_t first = eight_digits_value(word & 0x0F0F0F0F0F0F0F0FULL);
  if (digits == 0) {
    out = static_cast<std::int64_t>(first);
    return p + 8;
  }
  constexpr std::uint64_t kPowers[8] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000};
  out = static_cast<std::int64_t>(
      first * kPowers[digits] +
      eight_digits_value((high & 0x0F0F0F0F0F0F0F0FULL) << (8 * (8 - digits))));
  return p + 8 + digits;
}

// How a decimal text converts to whole cents.
enum class CentsStatus { ok, fraction_of_cent, out_of_range, not_a_number };

// The exact value of a decimal number text ("12.3", "1.2e3", "-0.50", "12.340") in integer
// cents, without going through a double: ok only when it is a whole number of cents within
// int64. Accepts what std::from_chars accepts for a finite double (no '+', no hex).
[[nodiscard]] CentsStatus exact_cents(std::string_view text, std::int64_t& cents) noexcept;

// A symbol of at most 15 characters packed into 16 bytes: the characters, zero padding, and the
// length in the last byte. Equal keys are equal texts; `before` is bytewise text order.
struct SymbolKey {
  std::uint64_t lo = 0;
  std::uint64_t hi = 0;

  friend bool operator==(const SymbolKey&, const SymbolKey&) = default;

  [[nodiscard]] static bool before(const SymbolKey& a, const SymbolKey& b) noexcept {
    static_assert(std::endian::native == std::endian::little);
    if (a.lo != b.lo) return __builtin_bswap64(a.lo) < __builtin_bswap64(b.lo);
    return __builtin_bswap64(a.hi) < __builtin_bswap64(b.hi);
  }

  // From `length` (1..15) bytes at `p`, reading 16 bytes (the caller guarantees they exist).
  [[nodiscard]] static SymbolKey load(const char* p, std::size_t length) noexcept {
    SymbolKey key;
    std::memcpy(&key.lo, p, 8);
    std::memcpy(&key.hi, p + 8, 8);
    if (length < 8) {
      key.lo &= (std::uint64_t{1} << (8 * length)) - 1;
      key.hi = 0;
    } else {
      key.hi &= (std::uint64_t{1} << (8 * (length - 8))) - 1;
    }
    key.hi |= std::uint64_t{length} << 56;
    return key;
  }

  // Writes the key to `out` with one 16-byte store, so that a later 16-byte load of it is
  // forwarded from the store buffer (two 8-byte stores read back as one would stall the load).
  void store_to(SymbolKey& out) const noexcept {
#if defined(__SSE2__)
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&out),
                     _mm_set_epi64x(static_cast<long long>(hi), static_cast<long long>(lo)));
#else
    out = *this;
#endif
  }

  // From a text of 1..15 bytes, reading only the text.
  [[nodiscard]] static SymbolKey of(std::string_view text) noexcept {
    char buffer[16] = {};
    std::memcpy(buffer, text.data(), text.size());
    return load(buffer, text.size());
  }

  [[nodiscard]] std::string_view view() const noexcept {
    return {reinterpret_cast<const char*>(this), static_cast<std::size_t>(hi >> 56)};
  }

  [[nodiscard]] std::size_t hash() const noexcept {
    const std::uint64_t h = (lo * 0x9E3779B97F4A7C15ULL) ^ (hi * 0xC2B2AE3D27D4EB4FULL);
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

// Dense ids of symbols, shared by the worker threads of one load: the known symbols first, then
// others in the order they are first met. Thread-safe.
class SharedSymbolIds {
 public:
  // Throws InvalidArgument if `known` repeats a symbol.
  explicit SharedSymbolIds(std::span<const Symbol> known);

  // The id of `key`, added if new. Precondition: the key's text is a valid Symbol.
  [[nodiscard]] std::uint32_t find_or_add(const SymbolKey& key);

  [[nodiscard]] std::size_t known_count() const noexcept { return known_count_; }

  // Every symbol by id (call when no thread adds any more).
  [[nodiscard]] std::vector<Symbol> symbols() const;

 private:
  struct Hash {
    std::size_t operator()(const SymbolKey& key) const noexcept { return key.hash(); }
  };
  mutable std::mutex mutex_;
  std::unordered_map<SymbolKey, std::uint32_t, Hash> ids_;
  std::vector<Symbol> symbols_;
  std::size_t known_count_ = 0;
};

// A worker thread's lock-free view of SharedSymbolIds: an open-addressing table of the symbols the
// thread has met, and the key of each id so that "the next id" can be guessed in one compare
// (panels sorted by date then symbol list the same symbols in the same order every day).
class SymbolIdCache {
 public:
  explicit SymbolIdCache(SharedSymbolIds& shared);

  // Returned for a text that is not a valid symbol.
  static constexpr std::uint32_t kInvalid = 0xFFFFFFFF;

  // The id of the symbol whose text is the `length` bytes at `p` (16 bytes readable), or
  // kInvalid. The guess is the id that followed the previous lookup's id last time.
  [[nodiscard]] std::uint32_t id(const char* p, std::size_t length, SymbolKey& key) {
    const SymbolKey loaded = SymbolKey::load(p, length);
    loaded.store_to(key);
    const std::uint32_t guess = next_[last_];
    if (key_of_id_[guess] == loaded) return last_ = guess;
    return slow_id(loaded);
  }

  // Same for a key made from a CsvRow field.
  [[nodiscard]] std::uint32_t id(const SymbolKey& key) { return slow_id(key); }

 private:
  struct Slot {
    SymbolKey key;
    std::uint32_t id = 0;
  };
  std::uint32_t slow_id(const SymbolKey& key);
  void insert(const SymbolKey& key, std::uint32_t id);

  SharedSymbolIds& shared_;
  std::vector<Slot> slots_;  // size a power of two, at most half full; key.lo == 0 is empty
  std::size_t used_ = 0;
  std::vector<SymbolKey> key_of_id_{
      SymbolKey{}};                     // by id; never empty (a zero key matches nothing)
  std::vector<std::uint32_t> next_{0};  // by id: the id that followed it last time
  std::uint32_t last_ = 0;
};

}  // namespace marketshock::io::detail
