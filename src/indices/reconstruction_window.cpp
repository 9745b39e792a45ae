#include <marketshock/indices/reconstruction_window.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/require.hpp>

#include <algorithm>
#include <vector>

namespace marketshock::indices {

ReconstructionWindow default_window(const MarketData& data, std::string_view membership_id,
                                    const TradingCalendar& calendar, double min_bar_coverage) {
  using boost::gregorian::date;
  const IndexMembership* membership = data.membership(membership_id);
  MARKETSHOCK_REQUIRE(membership != nullptr, "the dataset has no membership '{}'", membership_id);
  MARKETSHOCK_REQUIRE(min_bar_coverage > 0.0 && min_bar_coverage <= 1.0,
                      "bar coverage {} is not in (0, 1]", min_bar_coverage);

  struct Member {
    const DailyBars* bars;
    std::vector<std::pair<date, std::optional<date>>> intervals;
  };
  std::vector<Member> members;
  date earliest(boost::gregorian::pos_infin);
  date latest(boost::gregorian::neg_infin);
  for (const Symbol& symbol : membership->all_symbols()) {
    const auto id = data.find(symbol);
    if (!id) continue;
    const DailyBars& bars = data.record(*id).bars;
    if (bars.empty()) continue;
    earliest = std::min(earliest, bars.dates().front());
    latest = std::max(latest, bars.dates().back());
    members.push_back({&bars, membership->intervals(symbol)});
  }
  if (members.empty()) {
    throw DataError(fmt::format("no member of '{}' has bars in the dataset", membership_id));
  }
  const std::vector<date> sessions = calendar.sessions_between(earliest, latest);
  const auto row_of = [&](date d) {
    return static_cast<std::size_t>(std::lower_bound(sessions.begin(), sessions.end(), d) -
                                    sessions.begin());
  };
  // Members per session by difference array; members with a bar per session by scanning bars.
  std::vector<long> member_delta(sessions.size() + 1, 0);
  std::vector<long> with_bar(sessions.size(), 0);
  for (const Member& m : members) {
    for (const auto& [start, end] : m.intervals) {
      ++member_delta[row_of(start)];
      if (end) --member_delta[row_of(*end)];
    }
    for (const date d : m.bars->dates()) {
      const bool member = std::any_of(m.intervals.begin(), m.intervals.end(), [&](const auto& iv) {
        return iv.first <= d && (!iv.second || d < *iv.second);
      });
      if (!member) continue;
      const std::size_t row = row_of(d);
      if (row < sessions.size() && sessions[row] == d) ++with_bar[row];
    }
  }
  std::optional<date> first, last;
  long member_count = 0;
  for (std::size_t row = 0; row < sessions.size(); ++row) {
    member_count += member_delta[row];
    if (member_count <= 0) continue;
    if (static_cast<double>(with_bar[row]) >=
        min_bar_coverage * static_cast<double>(member_count)) {
      if (!first) first = sessions[row];
      last = sessions[row];
    }
  }
  if (!first || *first == *last) {
    throw DataError(fmt::format("no two sessions where {:.0f}% of the '{}' members have bars",
                                100.0 * min_bar_coverage, membership_id));
  }
  return {*first, *last};
}

}  // namespace marketshock::indices
