#include <marketshock/core/index_membership.hpp>

#include <marketshock/core/error.hpp>

#include <fmt/format.h>
#include <boost/date_time/gregorian/gregorian.hpp>

#include <utility>

namespace marketshock {

using boost::gregorian::to_iso_extended_string;

IndexMembership::IndexMembership(std::string id, std::string name)
    : id_(std::move(id)), name_(std::move(name)) {}

void IndexMembership::add_interval(const Symbol& symbol, boost::gregorian::date start,
                                   std::optional<boost::gregorian::date> end) {
  if (end && !(start < *end)) {
    throw DataError(fmt::format("{} membership of {}: interval start {} is not before its end {}",
                                id_, symbol, to_iso_extended_string(start),
                                to_iso_extended_string(*end)));
  }
  std::vector<Step<bool>> steps;
  if (const auto it = membership_.find(symbol); it != membership_.end()) {
    const auto existing = it->second.steps();
    steps.assign(existing.begin(), existing.end());
  }
  // Intervals must arrive in order and leave a gap: the last step of an earlier interval is a
  // `false` step strictly before this start.
  if (!steps.empty() && (steps.back().value || !(steps.back().effective < start))) {
    throw DataError(
        fmt::format("{} membership of {}: interval from {} overlaps or touches an "
                    "earlier one (add intervals in date order)",
                    id_, symbol, to_iso_extended_string(start)));
  }
  steps.push_back({start, true});
  if (end) steps.push_back({*end, false});
  membership_[symbol] = StepSeries<bool>(std::move(steps));
}

bool IndexMembership::is_member(const Symbol& symbol, boost::gregorian::date day) const {
  const auto it = membership_.find(symbol);
  return it != membership_.end() && it->second.as_of(day).value_or(false);
}

std::vector<Symbol> IndexMembership::members_on(boost::gregorian::date day) const {
  std::vector<Symbol> members;
  for (const auto& [symbol, series] : membership_) {
    if (series.as_of(day).value_or(false)) members.push_back(symbol);
  }
  return members;
}

std::vector<Symbol> IndexMembership::all_symbols() const {
  std::vector<Symbol> symbols;
  symbols.reserve(membership_.size());
  for (const auto& entry : membership_) symbols.push_back(entry.first);
  return symbols;
}

std::vector<std::pair<boost::gregorian::date, std::optional<boost::gregorian::date>>>
IndexMembership::intervals(const Symbol& symbol) const {
  std::vector<std::pair<boost::gregorian::date, std::optional<boost::gregorian::date>>> out;
  const auto it = membership_.find(symbol);
  if (it == membership_.end()) return out;
  for (const Step<bool>& step : it->second.steps()) {
    if (step.value) {
      out.emplace_back(step.effective, std::nullopt);
    } else if (!out.empty()) {
      out.back().second = step.effective;
    }
  }
  return out;
}

}  // namespace marketshock
