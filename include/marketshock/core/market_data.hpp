/// \file market_data.hpp
/// \brief MarketData: the in-memory dataset (securities, issuers, bars, shares, corporate
/// actions, index membership and levels) that every analysis reads.
#pragma once

#include <marketshock/core/corporate_actions.hpp>
#include <marketshock/core/daily_bars.hpp>
#include <marketshock/core/index_membership.hpp>
#include <marketshock/core/security.hpp>
#include <marketshock/core/shares_outstanding.hpp>
#include <marketshock/core/step_series.hpp>
#include <marketshock/core/symbol.hpp>

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace marketshock {

/// How a security's prices were obtained, for the basis line of every figure built on them.
struct PriceProvenance {
  /// Source id of the dataset manifest, e.g. "vendor-daily-prices".
  std::string source;
  /// Free text a reader needs: "single-venue IEX bars", "dividend adjustment undone with factors
  /// measured against Yahoo snapshots", ...; empty when there is nothing to add.
  std::string note;
  /// True when prices are of lower quality (single venue) or levels approximate.
  bool flagged = false;
};

/// Everything known about one security.
struct SecurityRecord {
  Security security;
  DailyBars bars;
  /// Shares outstanding on the bars' split basis; empty when no source has them.
  StepSeries<SharesRecord> shares;
  CorporateActions actions;
  PriceProvenance provenance;
};

/// The dataset in memory. Built once (MarketDataBuilder), then read-only: analyses take it by
/// const reference and never modify it.
class MarketData {
 public:
  [[nodiscard]] const std::string& name() const noexcept { return name_; }

  [[nodiscard]] std::size_t security_count() const noexcept { return records_.size(); }
  /// All securities, sorted by symbol; SecurityId(i) is the i-th.
  [[nodiscard]] const std::vector<SecurityRecord>& securities() const noexcept { return records_; }
  [[nodiscard]] const SecurityRecord& record(SecurityId id) const;
  /// The security with `symbol`, or nullopt.
  [[nodiscard]] std::optional<SecurityId> find(const Symbol& symbol) const noexcept;
  /// Like find, but throws InvalidArgument naming up to three close matches ("did you mean").
  [[nodiscard]] SecurityId require(std::string_view symbol) const;
  /// Symbols close to `text` by edit distance, best first (for error messages).
  [[nodiscard]] std::vector<Symbol> similar_symbols(std::string_view text,
                                                    std::size_t max_count) const;

  [[nodiscard]] const Issuer* issuer(const IssuerId& id) const noexcept;
  [[nodiscard]] const std::map<IssuerId, Issuer>& issuers() const noexcept { return issuers_; }
  /// The securities of one issuer (GOOG and GOOGL for Alphabet), sorted by symbol.
  [[nodiscard]] std::vector<SecurityId> securities_of(const IssuerId& id) const;

  /// Membership of "sp500" or "ndx100"; nullptr when the dataset has none.
  [[nodiscard]] const IndexMembership* membership(std::string_view index) const noexcept;
  [[nodiscard]] const std::map<std::string, IndexMembership, std::less<>>& memberships()
      const noexcept {
    return memberships_;
  }
  /// Daily levels of an index or fund ("SPX", "NDX", "COMP", "DJI", "SPY", "QQQ"); nullptr if none.
  [[nodiscard]] const DailyBars* index_levels(std::string_view id) const noexcept;
  [[nodiscard]] const std::map<std::string, DailyBars, std::less<>>& all_index_levels()
      const noexcept {
    return index_levels_;
  }

 private:
  friend class MarketDataBuilder;
  std::string name_;
  std::vector<SecurityRecord> records_;
  std::unordered_map<Symbol, std::uint32_t> by_symbol_;
  std::map<IssuerId, Issuer> issuers_;
  std::map<std::string, IndexMembership, std::less<>> memberships_;
  std::map<std::string, DailyBars, std::less<>> index_levels_;
};

/// Assembles a MarketData and checks its cross references once, in build().
class MarketDataBuilder {
 public:
  explicit MarketDataBuilder(std::string name);

  void add_issuer(Issuer issuer);
  /// Adds a security with its bars; throws DataError if the symbol is already there or the
  /// bars belong to another symbol.
  void add_security(Security security, DailyBars bars, PriceProvenance provenance);
  /// Sets the shares of a security added before; throws DataError for an unknown symbol.
  void set_shares(const Symbol& symbol, StepSeries<SharesRecord> shares);
  void set_actions(const Symbol& symbol, CorporateActions actions);
  void add_membership(IndexMembership membership);
  void add_index_levels(std::string id, DailyBars levels);

  /// Checks that every security's issuer was added; throws DataError naming the security
  /// otherwise. Sorts securities by symbol.
  [[nodiscard]] MarketData build() &&;

 private:
  MarketData data_;
};

}  // namespace marketshock
