#include <marketshock/records/panel_records.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace marketshock::records {

namespace {

using boost::gregorian::date;

// Rank order: change ascending, then symbol bytewise, then date.
bool ranks_before(const MarketValueLoss& a, const MarketValueLoss& b) noexcept {
  if (a.change_cents != b.change_cents) return a.change_cents < b.change_cents;
  if (a.symbol != b.symbol) return a.symbol < b.symbol;
  return a.date < b.date;
}

// A bounded set of the K best candidates: a max-heap in rank order (the worst kept on top).
class TopK {
 public:
  TopK(std::vector<MarketValueLoss>& heap, std::size_t k) : heap_(heap), k_(k) { update(); }

  // Changes above this cannot enter (equal ones are decided by the full order).
  [[nodiscard]] std::int64_t threshold() const noexcept { return threshold_; }

  void offer(const MarketValueLoss& loss) {
    if (heap_.size() < k_) {
      heap_.push_back(loss);
      std::push_heap(heap_.begin(), heap_.end(), ranks_before);
    } else if (ranks_before(loss, heap_.front())) {
      std::pop_heap(heap_.begin(), heap_.end(), ranks_before);
      heap_.back() = loss;
      std::push_heap(heap_.begin(), heap_.end(), ranks_before);
    } else {
      return;
    }
    update();
  }

 private:
  void update() noexcept {
    threshold_ =
        heap_.size() < k_ ? std::numeric_limits<std::int64_t>::max() : heap_.front().change_cents;
  }
  std::vector<MarketValueLoss>& heap_;
  std::size_t k_;
  std::int64_t threshold_ = 0;
};

std::int64_t value_cents(std::int64_t close_cents, std::int64_t shares, const Symbol& symbol,
                         date day) {
  std::int64_t value = 0;
  if (__builtin_mul_overflow(close_cents, shares, &value)) {
    throw DataError(
        fmt::format("market value of {} on {} overflows int64 cents ({} cents x {} "
                    "shares)",
                    symbol, format_iso_date(day), close_cents, shares));
  }
  return value;
}

[[noreturn]] void throw_out_of_order(const Symbol& symbol, date day, date previous) {
  throw InvalidArgument(
      fmt::format("rows of {} are not in date order: {} after {} (a panel's "
                  "rows of each security must have increasing dates)",
                  symbol, format_iso_date(day), format_iso_date(previous)));
}

}  // namespace

MarketValueLossRanking::MarketValueLossRanking(std::span<const Symbol> symbols,
                                               ShareStepsView shares, std::size_t k)
    : symbols_(symbols), shares_(shares), k_(k), last_(symbols.size()) {
  MARKETSHOCK_REQUIRE(k >= 1, "a ranking keeps at least one loss (k = 0)");
  MARKETSHOCK_REQUIRE(shares.offsets.size() == symbols.size() + 1,
                      "share steps have {} offsets for {} securities (expected {})",
                      shares.offsets.size(), symbols.size(), symbols.size() + 1);
  MARKETSHOCK_REQUIRE(shares.effective_dates.size() == shares.shares.size() &&
                          shares.offsets.front() == 0 &&
                          shares.offsets.back() == shares.shares.size() &&
                          std::is_sorted(shares.offsets.begin(), shares.offsets.end()),
                      "share step offsets do not describe the step columns");
  top_.reserve(k);
}

MarketValueLossRanking::Part MarketValueLossRanking::scan(const PanelRowsView& rows) const {
  const std::size_t n = rows.dates.size();
  MARKETSHOCK_REQUIRE(rows.security.size() == n && rows.close_cents.size() == n,
                      "panel columns differ in length ({} securities, {} dates, {} closes)",
                      rows.security.size(), n, rows.close_cents.size());
  const std::size_t securities = symbols_.size();
  struct State {
    std::uint32_t day = 0;   // day number of the last row
    std::uint32_t step = 0;  // first step effective after it
    std::int64_t close_cents = 0;
    std::int64_t shares = 0;
    std::int64_t value_cents = 0;
    bool seen = false;
  };
  std::vector<State> state(securities);
  Part part;
  part.top_.reserve(k_);
  TopK top(part.top_, k_);
  const std::uint32_t* const offsets = shares_.offsets.data();
  const date* const effective = shares_.effective_dates.data();
  const std::int64_t* const counts = shares_.shares.data();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t s = rows.security[i];
    const date day = rows.dates[i];
    if (s >= securities) {
      ++part.summary_.rows_without_shares;
      continue;
    }
    const auto day_number = static_cast<std::uint32_t>(day.day_number());
    const std::int64_t close = rows.close_cents[i];
    State& st = state[s];
    const std::uint32_t end = offsets[s + 1];
    std::uint32_t step = st.step;
    if (!st.seen) {
      const date* const it = std::upper_bound(effective + offsets[s], effective + end, day);
      step = static_cast<std::uint32_t>(it - effective);
    } else {
      if (day_number <= st.day) throw_out_of_order(symbols_[s], day, date(st.day));
      while (step < end && static_cast<std::uint32_t>(effective[step].day_number()) <= day_number) {
        ++step;
      }
    }
    const std::int64_t shares = step > offsets[s] ? counts[step - 1] : 0;
    std::int64_t value = 0;
    if (shares == 0) {
      ++part.summary_.rows_without_shares;
    } else {
      value = value_cents(close, shares, symbols_[s], day);
    }
    if (!st.seen) {
      part.first_rows_.push_back({s, day, close, shares});
      st.seen = true;
    } else if (shares != 0) {
      if (st.shares == 0) {
        ++part.summary_.rows_without_previous_shares;
      } else {
        ++part.summary_.candidates;
        const std::int64_t change = value - st.value_cents;
        if (change <= top.threshold()) {
          top.offer(MarketValueLoss{symbols_[s], s, day, date(st.day), st.close_cents, close,
                                    st.shares, shares, st.value_cents, change});
        }
      }
    }
    st.day = day_number;
    st.step = step;
    st.close_cents = close;
    st.shares = shares;
    st.value_cents = value;
  }
  part.summary_.rows = n;
  part.last_rows_.reserve(part.first_rows_.size());
  for (const Part::Row& first : part.first_rows_) {
    const State& st = state[first.security];
    part.last_rows_.push_back({first.security, date(st.day), st.close_cents, st.shares});
  }
  return part;
}

void MarketValueLossRanking::merge(const Part& part) {
  TopK top(top_, k_);
  for (const Part::Row& row : part.first_rows_) {
    const Part::Row& last = last_[row.security];
    if (last.date.is_not_a_date()) continue;
    if (!(last.date < row.date)) throw_out_of_order(symbols_[row.security], row.date, last.date);
    if (row.shares == 0) continue;  // counted by scan()
    if (last.shares == 0) {
      ++summary_.rows_without_previous_shares;
      continue;
    }
    ++summary_.candidates;
    const Symbol& symbol = symbols_[row.security];
    const std::int64_t previous_value =
        value_cents(last.close_cents, last.shares, symbol, last.date);
    const std::int64_t value = value_cents(row.close_cents, row.shares, symbol, row.date);
    top.offer(MarketValueLoss{symbol, row.security, row.date, last.date, last.close_cents,
                              row.close_cents, last.shares, row.shares, previous_value,
                              value - previous_value});
  }
  for (const Part::Row& row : part.last_rows_) last_[row.security] = row;
  for (const MarketValueLoss& loss : part.top_) top.offer(loss);
  summary_.rows += part.summary_.rows;
  summary_.candidates += part.summary_.candidates;
  summary_.rows_without_shares += part.summary_.rows_without_shares;
  summary_.rows_without_previous_shares += part.summary_.rows_without_previous_shares;
}

std::vector<MarketValueLoss> MarketValueLossRanking::losses() const {
  std::vector<MarketValueLoss> sorted = top_;
  std::sort(sorted.begin(), sorted.end(), ranks_before);
  return sorted;
}

std::vector<MarketValueLoss> largest_market_value_losses(std::span<const Symbol> symbols,
                                                         ShareStepsView shares,
                                                         const PanelRowsView& rows, std::size_t k) {
  MarketValueLossRanking ranking(symbols, shares, k);
  ranking.merge(ranking.scan(rows));
  return ranking.losses();
}

}  // namespace marketshock::records
