#include <marketshock/core/market_data.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/quoted.hpp>
#include <marketshock/core/require.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <numeric>
#include <utility>

namespace marketshock {

namespace {

// Levenshtein distance, for "did you mean" suggestions on a few hundred symbols.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

const SecurityRecord& MarketData::record(SecurityId id) const {
  MARKETSHOCK_REQUIRE(id.value() < records_.size(), "security id {} out of range ({} securities)",
                      id.value(), records_.size());
  return records_[id.value()];
}

std::optional<SecurityId> MarketData::find(const Symbol& symbol) const noexcept {
  const auto it = by_symbol_.find(symbol);
  if (it == by_symbol_.end()) return std::nullopt;
  return SecurityId(it->second);
}

std::vector<Symbol> MarketData::similar_symbols(std::string_view text,
                                                std::size_t max_count) const {
  const std::string wanted = upper(text);
  std::vector<std::pair<std::size_t, Symbol>> scored;
  for (const SecurityRecord& r : records_) {
    const std::string_view candidate = r.security.symbol.view();
    std::size_t distance = edit_distance(wanted, candidate);
    // A prefix match ("NVD" for "NVDA", "BRK" for "BRK.B") is as good as one edit.
    if (candidate.starts_with(wanted) || std::string_view(wanted).starts_with(candidate)) {
      distance = std::min<std::size_t>(distance, 1);
    }
    if (distance <= 2) scored.emplace_back(distance, r.security.symbol);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<Symbol> out;
  for (std::size_t i = 0; i < scored.size() && i < max_count; ++i) out.push_back(scored[i].second);
  return out;
}

SecurityId MarketData::require(std::string_view symbol) const {
  if (const auto parsed = Symbol::try_parse(symbol)) {
    if (const auto id = find(*parsed)) return *id;
  }
  // No symbol is within two edits of a text this long; skip the O(length) scan of every record.
  const auto similar =
      symbol.size() <= Symbol::kMaxLength + 2 ? similar_symbols(symbol, 3) : std::vector<Symbol>{};
  if (similar.empty()) {
    throw InvalidArgument(fmt::format("unknown symbol {} (not in dataset {})",
                                      quoted_for_message(symbol), quoted_for_message(name_)));
  }
  throw InvalidArgument(fmt::format("unknown symbol {}; did you mean {}?",
                                    quoted_for_message(symbol), fmt::join(similar, ", ")));
}

const Issuer* MarketData::issuer(const IssuerId& id) const noexcept {
  const auto it = issuers_.find(id);
  return it == issuers_.end() ? nullptr : &it->second;
}

std::vector<SecurityId> MarketData::securities_of(const IssuerId& id) const {
  std::vector<SecurityId> out;
  for (std::uint32_t i = 0; i < records_.size(); ++i) {
    if (records_[i].security.issuer == id) out.emplace_back(i);
  }
  return out;
}

const IndexMembership* MarketData::membership(std::string_view index) const noexcept {
  const auto it = memberships_.find(index);
  return it == memberships_.end() ? nullptr : &it->second;
}

const DailyBars* MarketData::index_levels(std::string_view id) const noexcept {
  const auto it = index_levels_.find(id);
  return it == index_levels_.end() ? nullptr : &it->second;
}

MarketDataBuilder::MarketDataBuilder(std::string name) {
  data_.name_ = std::move(name);
}

void MarketDataBuilder::add_issuer(Issuer issuer) {
  const IssuerId id = issuer.id;
  if (!data_.issuers_.emplace(id, std::move(issuer)).second) {
    throw DataError(fmt::format("issuer '{}' appears twice", id.key()));
  }
}

void MarketDataBuilder::add_security(Security security, DailyBars bars,
                                     PriceProvenance provenance) {
  if (bars.symbol() != security.symbol) {
    throw DataError(
        fmt::format("bars of {} given for security {}", bars.symbol(), security.symbol));
  }
  const Symbol symbol = security.symbol;
  const auto index = static_cast<std::uint32_t>(data_.records_.size());
  if (!data_.by_symbol_.emplace(symbol, index).second) {
    throw DataError(fmt::format("security {} appears twice", symbol));
  }
  data_.records_.push_back(SecurityRecord{std::move(security),
                                          std::move(bars),
                                          {},
                                          CorporateActions(symbol, {}, {}),
                                          std::move(provenance)});
}

void MarketDataBuilder::set_shares(const Symbol& symbol, StepSeries<SharesRecord> shares) {
  const auto id = data_.find(symbol);
  if (!id) throw DataError(fmt::format("shares given for unknown security {}", symbol));
  data_.records_[id->value()].shares = std::move(shares);
}

void MarketDataBuilder::set_actions(const Symbol& symbol, CorporateActions actions) {
  const auto id = data_.find(symbol);
  if (!id) throw DataError(fmt::format("corporate actions given for unknown security {}", symbol));
  data_.records_[id->value()].actions = std::move(actions);
}

void MarketDataBuilder::add_membership(IndexMembership membership) {
  std::string id = membership.id();
  if (!data_.memberships_.emplace(id, std::move(membership)).second) {
    throw DataError(fmt::format("index membership '{}' appears twice", id));
  }
}

void MarketDataBuilder::add_index_levels(std::string id, DailyBars levels) {
  if (!data_.index_levels_.emplace(id, std::move(levels)).second) {
    throw DataError(fmt::format("index levels '{}' appear twice", id));
  }
}

MarketData MarketDataBuilder::build() && {
  for (const SecurityRecord& r : data_.records_) {
    if (data_.issuer(r.security.issuer) == nullptr) {
      throw DataError(
          fmt::format("security {} names issuer '{}', which is not in the issuers table",
                      r.security.symbol, r.security.issuer.key()));
    }
  }
  std::sort(data_.records_.begin(), data_.records_.end(),
            [](const SecurityRecord& a, const SecurityRecord& b) {
              return a.security.symbol < b.security.symbol;
            });
  data_.by_symbol_.clear();
  for (std::uint32_t i = 0; i < data_.records_.size(); ++i) {
    data_.by_symbol_.emplace(data_.records_[i].security.symbol, i);
  }
  return std::move(data_);
}

}  // namespace marketshock
