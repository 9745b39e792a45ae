#include <marketshock/records/ranking.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <tuple>

namespace marketshock::records {

namespace {

using boost::gregorian::date;

// A rankable row, compact so that nth_element moves 24 bytes. `key` is the value signed so that
// smaller is "larger in the direction"; entity is the SecurityId or issuer index, whose order is
// the bytewise order of symbols (MarketData sorts them) or issuer keys (IssuerMoveColumns).
struct Candidate {
  double key;
  std::uint32_t entity;
  std::uint32_t day;  // days since the data's first bar
  std::uint32_t row;
};

bool ranks_before(const Candidate& a, const Candidate& b) {
  return std::tie(a.key, a.entity, a.day) < std::tie(b.key, b.entity, b.day);
}

// Runs of excluded rows per security, extended while rows stay consecutive with one reason.
class ExclusionRuns {
 public:
  ExclusionRuns(const MarketData& data, const SecurityMoveColumns& rows)
      : data_(data), rows_(rows), open_(data.security_count()) {}

  void add(std::uint32_t row, ValuationStatus reason) {
    const std::uint32_t security = rows_.security[row];
    auto& open = open_[security];
    if (open && open->last_row + 1 == row && runs_[open->run].reason == reason) {
      ExcludedMoves& run = runs_[open->run];
      run.last = rows_.date[row];
      ++run.sessions;
      run.sessions_spanned = std::max(run.sessions_spanned, rows_.sessions_spanned[row]);
      open->last_row = row;
      return;
    }
    const Security& s = data_.record(SecurityId(security)).security;
    runs_.push_back(ExcludedMoves{s.symbol, s.issuer, reason, rows_.date[row], rows_.date[row], 1,
                                  rows_.sessions_spanned[row]});
    open = Open{runs_.size() - 1, row};
  }

  std::vector<ExcludedMoves> take() && {
    std::sort(runs_.begin(), runs_.end(), [](const ExcludedMoves& a, const ExcludedMoves& b) {
      return std::tie(a.symbol, a.first) < std::tie(b.symbol, b.first);
    });
    return std::move(runs_);
  }

 private:
  struct Open {
    std::size_t run;
    std::uint32_t last_row;
  };
  const MarketData& data_;
  const SecurityMoveColumns& rows_;
  std::vector<std::optional<Open>> open_;
  std::vector<ExcludedMoves> runs_;
};

// Point-in-time membership of every security row dated up to `to` (1 = member that day).
std::vector<std::uint8_t> membership_flags(const MarketData& data, const SecurityMoveColumns& rows,
                                           const IndexMembership& index) {
  std::vector<std::uint8_t> member(rows.date.size(), 0);
  for (std::uint32_t i = 0; i < data.security_count(); ++i) {
    const auto intervals = index.intervals(data.record(SecurityId(i)).security.symbol);
    std::size_t k = 0;
    for (std::uint32_t r = rows.begin[i]; r < rows.begin[i + 1] && k < intervals.size(); ++r) {
      // Intervals are [start, end), in order; skip those that ended on or before this row.
      while (k < intervals.size() && intervals[k].second && *intervals[k].second <= rows.date[r]) {
        ++k;
      }
      if (k < intervals.size() && intervals[k].first <= rows.date[r]) member[r] = 1;
    }
  }
  return member;
}

struct Resolved {
  date first, from, to, as_of;
};

Resolved resolve_range(const MoveTable& table, const RankingQuery& query) {
  MARKETSHOCK_REQUIRE(query.top >= 1, "top N must be at least 1, got {}", query.top);
  MARKETSHOCK_REQUIRE(table.first_date().has_value(), "dataset '{}' has no bars to rank",
                      table.data().name());
  Resolved r;
  r.first = *table.first_date();
  r.as_of = query.as_of.value_or(*table.last_date());
  MARKETSHOCK_REQUIRE(r.as_of >= r.first, "as-of date {} is before the data starts (first bar {})",
                      format_iso_date(r.as_of), format_iso_date(r.first));
  r.to = std::min(query.to.value_or(r.as_of), r.as_of);
  r.from = query.from.value_or(r.first);
  MARKETSHOCK_REQUIRE(r.from <= r.to,
                      "empty range: from {} is after {} (the earlier of to and as-of)",
                      format_iso_date(r.from), format_iso_date(r.to));
  return r;
}

}  // namespace

Ranking rank_moves(const MoveTable& table, const RankingQuery& query) {
  const MarketData& data = table.data();
  const Resolved range = resolve_range(table, query);
  const IndexMembership* index = nullptr;
  if (query.universe) {
    index = data.membership(*query.universe);
    if (index == nullptr) {
      std::vector<std::string> known;
      for (const auto& entry : data.memberships()) known.push_back(entry.first);
      throw InvalidArgument(fmt::format("unknown universe '{}'; the dataset has: all{}{}",
                                        *query.universe, known.empty() ? "" : ", ",
                                        fmt::join(known, ", ")));
    }
  }
  MARKETSHOCK_REQUIRE(!query.issuer || data.issuer(*query.issuer) != nullptr, "unknown issuer '{}'",
                      query.issuer ? query.issuer->key() : "");

  const SecurityMoveColumns& srows = table.securities();
  const IssuerMoveColumns& irows = table.issuers();
  const std::vector<std::uint8_t> member =
      index != nullptr ? membership_flags(data, srows, *index) : std::vector<std::uint8_t>();
  const auto is_member = [&](std::uint32_t row) { return index == nullptr || member[row] != 0; };
  const bool losses = query.direction == Direction::losses;
  const bool usd = query.measure == Measure::usd;
  const auto first_day = range.first.day_number();
  const auto day_of = [&](date d) {
    return static_cast<std::uint32_t>(d.day_number() - first_day);
  };

  // One pass: candidates in [from, to], each day's best move back to the first bar (for records
  // at the time), and the runs of rows that could not be measured.
  const std::size_t span = day_of(range.to) + 1;
  std::vector<std::optional<Candidate>> best_of_day(span);
  std::vector<Candidate> candidates;
  candidates.reserve(query.per == Grouping::security ? srows.date.size() : irows.date.size());
  ExclusionRuns excluded(data, srows);
  // A measured move that is not in the direction (a gain in a losses ranking, or no change) is
  // no candidate and no exclusion.
  const auto consider = [&](double value, std::uint32_t entity, std::uint32_t row, date d) {
    if (!(losses ? value < 0.0 : value > 0.0)) return;
    const Candidate c{losses ? value : -value, entity, day_of(d), row};
    auto& best = best_of_day[c.day];
    if (!best || ranks_before(c, *best)) best = c;
    if (d >= range.from) candidates.push_back(c);
  };

  if (query.per == Grouping::security) {
    for (std::uint32_t i = 0; i < data.security_count(); ++i) {
      if (query.issuer && data.record(SecurityId(i)).security.issuer != *query.issuer) continue;
      for (std::uint32_t r = srows.begin[i]; r < srows.begin[i + 1] && srows.date[r] <= range.to;
           ++r) {
        if (!is_member(r)) continue;
        // Only one-session moves rank: a change across a gap (or from or to a bar off the
        // calendar) is listed as excluded with the sessions it spans, in dollars and percent.
        const ValuationStatus status = srows.status[r];
        const bool first_bar = r == srows.begin[i];
        const std::size_t spanned = srows.sessions_spanned[r];
        const ValuationStatus price_status = first_bar      ? ValuationStatus::no_previous_bar
                                             : spanned == 0 ? ValuationStatus::not_a_session
                                             : spanned > 1 ? ValuationStatus::spans_several_sessions
                                                           : ValuationStatus::available;
        const bool ranks =
            usd ? status == ValuationStatus::available
                : price_status == ValuationStatus::available && !std::isnan(srows.close_return[r]);
        if (ranks) {
          consider(usd ? srows.change_usd[r] : srows.close_return[r], i, r, srows.date[r]);
        } else if (srows.date[r] >= range.from) {
          excluded.add(r, usd ? status : price_status);
        }
      }
    }
  } else {
    for (std::uint32_t j = 0; j < irows.issuers.size(); ++j) {
      if (query.issuer && irows.issuers[j] != *query.issuer) continue;
      for (std::uint32_t r = irows.begin[j]; r < irows.begin[j + 1] && irows.date[r] <= range.to;
           ++r) {
        const auto parts_begin = irows.part_row.begin() + irows.part_begin[r];
        const auto parts_end = irows.part_row.begin() + irows.part_begin[r + 1];
        if (index != nullptr && std::none_of(parts_begin, parts_end, is_member)) continue;
        if (irows.status[r] == ValuationStatus::available) {
          const double value =
              usd ? irows.change_usd[r] : irows.change_usd[r] / irows.previous_value_usd[r];
          consider(value, j, r, irows.date[r]);
        } else if (irows.date[r] >= range.from) {
          for (auto p = parts_begin; p != parts_end; ++p) {
            if (srows.status[*p] != ValuationStatus::available) excluded.add(*p, srows.status[*p]);
          }
        }
      }
    }
  }

  // Top N: linear selection, then sort only the N.
  const std::size_t n = std::min(query.top, candidates.size());
  if (n < candidates.size()) {
    std::nth_element(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(n),
                     candidates.end(), ranks_before);
  }
  std::sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(n), ranks_before);

  // The standing record at each day's close.
  std::vector<std::optional<Candidate>> record_at(span);
  for (std::size_t d = 0; d < span; ++d) {
    record_at[d] = d > 0 ? record_at[d - 1] : std::nullopt;
    if (best_of_day[d] && (!record_at[d] || ranks_before(*best_of_day[d], *record_at[d]))) {
      record_at[d] = best_of_day[d];
    }
  }

  const auto entry_of = [&](const Candidate& c) {
    if (query.per == Grouping::security) {
      const Security& s = data.record(SecurityId(c.entity)).security;
      return MoveEntry{{s.symbol},
                       s.issuer,
                       srows.date[c.row],
                       losses ? c.key : -c.key,
                       srows.close_return[c.row],
                       srows.change_usd[c.row],
                       srows.previous_value_usd[c.row]};
    }
    std::vector<Symbol> symbols;
    for (std::uint32_t p = irows.part_begin[c.row]; p < irows.part_begin[c.row + 1]; ++p) {
      symbols.push_back(data.record(SecurityId(srows.security[irows.part_row[p]])).security.symbol);
    }
    const double change = irows.change_usd[c.row];
    const double previous = irows.previous_value_usd[c.row];
    return MoveEntry{std::move(symbols),
                     irows.issuers[c.entity],
                     irows.date[c.row],
                     losses ? c.key : -c.key,
                     change / previous,
                     change,
                     previous};
  };

  Ranking out{query, range.from, range.to, range.as_of, candidates.size(), {}, {}, {}};
  out.moves.reserve(n);
  std::map<std::string, std::size_t> counts;
  for (std::size_t k = 0; k < n; ++k) {
    const Candidate& c = candidates[k];
    // A record beats every earlier day's best strictly (a tie breaks nothing) and is the best of
    // its own day.
    const std::optional<Candidate>& standing = c.day > 0 ? record_at[c.day - 1] : std::nullopt;
    const bool record = best_of_day[c.day]->row == c.row && (!standing || c.key < standing->key);
    RankedMove ranked{k + 1, entry_of(c), record, std::nullopt};
    if (standing) ranked.previous_record = entry_of(*standing);
    ++counts[query.per == Grouping::security ? ranked.move.symbols.front().str()
                                             : ranked.move.issuer.key()];
    out.moves.push_back(std::move(ranked));
  }
  for (auto& [key, count] : counts) out.holders.push_back({key, count});
  std::stable_sort(out.holders.begin(), out.holders.end(),
                   [](const HolderCount& a, const HolderCount& b) { return a.count > b.count; });
  out.excluded = std::move(excluded).take();
  return out;
}

Ranking rank_moves(const MarketData& data, const RankingQuery& query) {
  const MoveTable table(data);
  return rank_moves(table, query);
}

}  // namespace marketshock::records
