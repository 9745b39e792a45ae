#include "io/detail/fast_fields.hpp"

#include <marketshock/core/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace marketshock::io::detail {

CentsStatus exact_cents(std::string_view text, std::int64_t& cents) noexcept {
  std::size_t i = 0;
  const bool negative = i < text.size() && text[i] == '-';
  if (negative) ++i;
  // Significant digits of the mantissa (leading zeros dropped) and the power of ten they scale.
  std::string_view digits_before_point;
  std::string_view digits_after_point;
  const std::size_t int_start = i;
  while (i < text.size() && digit(text[i]) <= 9) ++i;
  digits_before_point = text.substr(int_start, i - int_start);
  if (i < text.size() && text[i] == '.') {
    const std::size_t frac_start = ++i;
    while (i < text.size() && digit(text[i]) <= 9) ++i;
    digits_after_point = text.substr(frac_start, i - frac_start);
  }
  if (digits_before_point.empty() && digits_after_point.empty()) return CentsStatus::not_a_number;
  long long exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) exponent_negative = text[i++] == '-';
    if (i == text.size()) return CentsStatus::not_a_number;
    while (i < text.size() && digit(text[i]) <= 9) {
      if (exponent < 1'000'000) exponent = exponent * 10 + digit(text[i]);
      ++i;
    }
    if (exponent_negative) exponent = -exponent;
  }
  if (i != text.size()) return CentsStatus::not_a_number;
  // value = D x 10^(exponent - |after|), D the digits before and after the point; in cents
  // the power is raised by 2.
  long long shift = exponent - static_cast<long long>(digits_after_point.size()) + 2;
  // Walk the digits once: those that land at or above the cents position build the value, the
  // ones below it must be zeros.
  constexpr std::uint64_t kMax = std::numeric_limits<std::int64_t>::max();
  std::uint64_t value = 0;
  const auto times_ten_plus = [&](unsigned d) {
    if (value > (kMax - d) / 10) return false;
    value = value * 10 + d;
    return true;
  };
  const std::size_t total = digits_before_point.size() + digits_after_point.size();
  const auto digit_at = [&](std::size_t k) {
    return k < digits_before_point.size() ? digits_before_point[k]
                                          : digits_after_point[k - digits_before_point.size()];
  };
  // Digit k (0-based from the left) has weight 10^(total - 1 - k + shift) in cents.
  for (std::size_t k = 0; k < total; ++k) {
    const unsigned d = digit(digit_at(k));
    const long long weight = static_cast<long long>(total - 1 - k) + shift;
    if (weight < 0) {
      if (d != 0) return CentsStatus::fraction_of_cent;
      continue;
    }
    if (!times_ten_plus(d)) return CentsStatus::out_of_range;
  }
  // Trailing powers of ten beyond the last digit.
  if (value != 0) {
    for (long long w = shift; w > 0; --w) {
      if (!times_ten_plus(0)) return CentsStatus::out_of_range;
    }
  }
  cents = static_cast<std::int64_t>(value);
  if (negative) cents = -cents;
  return CentsStatus::ok;
}

SharedSymbolIds::SharedSymbolIds(std::span<const Symbol> known) : known_count_(known.size()) {
  ids_.reserve(known.size() * 2);
  symbols_.reserve(known.size());
  for (const Symbol& symbol : known) {
    const auto [it, inserted] =
        ids_.emplace(SymbolKey::of(symbol.view()), static_cast<std::uint32_t>(symbols_.size()));
    if (!inserted) {
      throw InvalidArgument(fmt::format("known symbols repeat '{}' (ids {} and {})", symbol,
                                        it->second, symbols_.size()));
    }
    symbols_.push_back(symbol);
  }
}

std::uint32_t SharedSymbolIds::find_or_add(const SymbolKey& key) {
  const std::lock_guard lock(mutex_);
  const auto [it, inserted] = ids_.emplace(key, static_cast<std::uint32_t>(symbols_.size()));
  if (inserted) symbols_.emplace_back(key.view());
  return it->second;
}

std::vector<Symbol> SharedSymbolIds::symbols() const {
  const std::lock_guard lock(mutex_);
  return symbols_;
}

SymbolIdCache::SymbolIdCache(SharedSymbolIds& shared) : shared_(shared) {
  std::size_t capacity = 64;
  while (capacity < 2 * shared.known_count() + 2) capacity *= 2;
  slots_.resize(capacity);
  // The known symbols keep their ids for the whole load: learn them now.
  const std::vector<Symbol> known = shared.symbols();
  for (std::size_t i = 0; i < shared.known_count(); ++i) {
    insert(SymbolKey::of(known[i].view()), static_cast<std::uint32_t>(i));
  }
  // Until the file says otherwise, guess that each known symbol follows the one before it.
  for (std::size_t i = 0; i + 1 < shared.known_count(); ++i)
    next_[i] = static_cast<std::uint32_t>(i + 1);
}

std::uint32_t SymbolIdCache::slow_id(const SymbolKey& key) {
  const std::size_t mask = slots_.size() - 1;
  std::uint32_t id = kInvalid;
  for (std::size_t i = key.hash() & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.key == key) {
      id = slot.id;
      break;
    }
    if (slot.key.lo == 0) break;
  }
  if (id == kInvalid) {
    if (!Symbol::is_valid(key.view())) return kInvalid;
    id = shared_.find_or_add(key);
    insert(key, id);
  }
  next_[last_] = id;
  return last_ = id;
}

void SymbolIdCache::insert(const SymbolKey& key, std::uint32_t id) {
  if (2 * (used_ + 1) > slots_.size()) {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    used_ = 0;
    for (const Slot& slot : old) {
      if (slot.key.lo != 0) insert(slot.key, slot.id);
    }
  }
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = key.hash() & mask;
  while (slots_[i].key.lo != 0) i = (i + 1) & mask;
  slots_[i] = Slot{key, id};
  ++used_;
  if (id >= key_of_id_.size()) {
    key_of_id_.resize(id + 1);
    const std::size_t old = next_.size();
    next_.resize(id + 1);
    for (std::size_t k = old; k <= id; ++k) {
      next_[k] = static_cast<std::uint32_t>(std::min(k + 1, std::size_t{id}));
    }
  }
  key_of_id_[id] = key;
}

}  // namespace marketshock::io::detail
