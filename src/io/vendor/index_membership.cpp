#include <marketshock/io/vendor/index_membership.hpp>

#include <marketshock/core/iso_date.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <tuple>
#include <utility>

namespace marketshock::io {

namespace {

using boost::gregorian::date;

bool contains(const MembershipInterval& interval, date day) {
  return interval.start <= day && (!interval.end || day < *interval.end);
}

std::string describe(const MembershipInterval& interval) {
  return fmt::format("[{}, {}) ({})", format_iso_date(interval.start),
                     interval.end ? format_iso_date(*interval.end) : std::string("open"),
                     interval.source);
}

// Where each symbol's intervals start and end, and where changes add and remove it.
struct Boundaries {
  std::map<std::pair<Symbol, date>, const MembershipInterval*> starts;
  std::map<std::pair<Symbol, date>, const MembershipInterval*> ends;
  std::map<std::pair<Symbol, date>, const IndexChange*> added;
  std::map<std::pair<Symbol, date>, const IndexChange*> removed;
  std::multimap<Symbol, const MembershipInterval*> intervals_of;
};

Boundaries boundaries_of(std::span<const MembershipInterval> intervals,
                         std::span<const IndexChange> changes) {
  Boundaries b;
  for (const MembershipInterval& interval : intervals) {
    b.starts.emplace(std::pair(interval.symbol, interval.start), &interval);
    if (interval.end) b.ends.emplace(std::pair(interval.symbol, *interval.end), &interval);
    b.intervals_of.emplace(interval.symbol, &interval);
  }
  for (const IndexChange& change : changes) {
    for (const Symbol& s : change.added) b.added.emplace(std::pair(s, change.effective), &change);
    for (const Symbol& s : change.removed) {
      b.removed.emplace(std::pair(s, change.effective), &change);
    }
  }
  return b;
}

// What the interval table says about `symbol` around `day`.
std::string intervals_around(const Boundaries& b, const Symbol& symbol, date day) {
  const auto [first, last] = b.intervals_of.equal_range(symbol);
  if (first == last) return fmt::format("the interval table has no interval of {}", symbol);
  for (auto it = first; it != last; ++it) {
    if (contains(*it->second, day)) {
      return fmt::format("{} is a member on that day in interval {}", symbol,
                         describe(*it->second));
    }
  }
  const MembershipInterval* nearest = first->second;
  const auto distance = [day](date d) { return std::abs((d - day).days()); };
  for (auto it = first; it != last; ++it) {
    if (distance(it->second->start) < distance(nearest->start)) nearest = it->second;
  }
  return fmt::format("{} is not a member on that day; nearest interval {}", symbol,
                     describe(*nearest));
}

// What the change list says about `symbol` (the changes adding or removing it, by date).
std::string changes_about(const Boundaries& b, const Symbol& symbol) {
  std::string text;
  for (const auto* table : {&b.added, &b.removed}) {
    for (const auto& [key, change] : *table) {
      if (key.first != symbol) continue;
      text += fmt::format("{}{} {} ({})", text.empty() ? "" : "; ",
                          table == &b.added ? "added" : "removed", format_iso_date(key.second),
                          change->source);
    }
  }
  if (text.empty()) return fmt::format("the change list never mentions {}", symbol);
  return "the change list has " + text;
}

}  // namespace

std::vector<Symbol> members_on(std::span<const MembershipInterval> intervals, date day) {
  std::vector<Symbol> members;
  for (const MembershipInterval& interval : intervals) {
    if (contains(interval, day)) members.push_back(interval.symbol);
  }
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  return members;
}

std::vector<MembershipDisagreement> compare_intervals_with_changes(
    std::span<const MembershipInterval> intervals, std::span<const IndexChange> changes) {
  using Kind = MembershipDisagreement::Kind;
  std::vector<MembershipDisagreement> found;
  if (changes.empty()) return found;
  const Boundaries b = boundaries_of(intervals, changes);
  for (const auto& [key, change] : b.added) {
    if (b.starts.contains(key)) continue;
    found.push_back({Kind::added_without_interval, key.first, key.second,
                     fmt::format("{} adds it; {}", change->source,
                                 intervals_around(b, key.first, key.second))});
  }
  for (const auto& [key, change] : b.removed) {
    if (b.ends.contains(key)) continue;
    found.push_back({Kind::removed_without_interval, key.first, key.second,
                     fmt::format("{} removes it; {}", change->source,
                                 intervals_around(b, key.first, key.second))});
  }
  const auto first_change =
      std::min_element(changes.begin(), changes.end(), [](const auto& x, const auto& y) {
        return x.effective < y.effective;
      })->effective;
  for (const auto& [key, interval] : b.starts) {
    if (key.second < first_change || b.added.contains(key)) continue;
    found.push_back(
        {Kind::interval_start_not_listed, key.first, key.second,
         fmt::format("interval {} starts; {}", describe(*interval), changes_about(b, key.first))});
  }
  for (const auto& [key, interval] : b.ends) {
    if (key.second < first_change || b.removed.contains(key)) continue;
    found.push_back(
        {Kind::interval_end_not_listed, key.first, key.second,
         fmt::format("interval {} ends; {}", describe(*interval), changes_about(b, key.first))});
  }
  std::sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
    return std::tie(x.date, x.kind, x.symbol) < std::tie(y.date, y.kind, y.symbol);
  });
  return found;
}

std::string_view to_string(MembershipDisagreement::Kind kind) noexcept {
  switch (kind) {
    case MembershipDisagreement::Kind::added_without_interval:
      return "added_without_interval";
    case MembershipDisagreement::Kind::removed_without_interval:
      return "removed_without_interval";
    case MembershipDisagreement::Kind::interval_start_not_listed:
      return "interval_start_not_listed";
    case MembershipDisagreement::Kind::interval_end_not_listed:
      return "interval_end_not_listed";
  }
  return "unknown";
}

}  // namespace marketshock::io
