#include <marketshock/indices/member_panel.hpp>

#include <marketshock/core/require.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace marketshock::indices {

namespace {

using boost::gregorian::date;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Symbols of the membership that are in the dataset and members on some session of [from, to].
std::vector<Symbol> members_in_range(const MarketData& data, const IndexMembership& membership,
                                     date from, date to) {
  std::vector<Symbol> out;
  for (const Symbol& symbol : membership.all_symbols()) {
    if (!data.find(symbol)) continue;
    for (const auto& [start, end] : membership.intervals(symbol)) {
      if (start <= to && (!end || from < *end)) {
        out.push_back(symbol);
        break;
      }
    }
  }
  return out;
}

}  // namespace

MemberPanel::MemberPanel(const MarketData& data, std::vector<date> sessions,
                         std::vector<Symbol> symbols)
    : data_(&data), closes_(sessions, symbols), shares_(std::move(sessions), std::move(symbols)) {}

MemberPanel MemberPanel::build(const MarketData& data, std::string_view membership_id,
                               std::string_view level_id, std::vector<date> sessions) {
  const IndexMembership* membership = data.membership(membership_id);
  MARKETSHOCK_REQUIRE(membership != nullptr, "the dataset has no membership '{}'", membership_id);
  MARKETSHOCK_REQUIRE(sessions.size() >= 2, "a member panel needs at least two sessions, got {}",
                      sessions.size());
  const date first = sessions.front();
  const date last = sessions.back();
  MemberPanel panel(data, sessions, members_in_range(data, *membership, first, last));
  const auto rows = static_cast<Eigen::Index>(sessions.size());
  const auto cols = static_cast<Eigen::Index>(panel.member_count());
  panel.members_.setConstant(rows, cols, false);
  panel.ids_.reserve(panel.member_count());

  std::map<IssuerId, std::size_t> issuer_dense;
  for (Eigen::Index j = 0; j < cols; ++j) {
    const Symbol& symbol = panel.symbols()[static_cast<std::size_t>(j)];
    const SecurityId id = *data.find(symbol);
    panel.ids_.push_back(id);
    const SecurityRecord& rec = data.record(id);
    const auto [it, inserted] = issuer_dense.emplace(rec.security.issuer, issuer_dense.size());
    panel.issuer_index_.push_back(it->second);
    panel.dividend_adjusted_.push_back(rec.bars.basis().dividend_adjusted);
    bool other_class_carries = false;
    if (rec.shares.empty()) {
      for (const SecurityId sibling : data.securities_of(rec.security.issuer)) {
        if (sibling != id && !data.record(sibling).shares.empty()) other_class_carries = true;
      }
    }
    panel.value_on_other_class_.push_back(other_class_carries);

    // As-traded bars are restated onto the last session's split footing; adjusted bars already
    // share one footing with their counts.
    const bool as_traded = rec.bars.basis().split.is_point_in_time();
    const auto split_to_last = [&](date d) {
      return as_traded ? rec.actions.split_factor(d, last) : 1.0;
    };

    const auto bar_dates = rec.bars.dates();
    const auto closes = rec.bars.close();
    std::size_t b = static_cast<std::size_t>(
        std::lower_bound(bar_dates.begin(), bar_dates.end(), first) - bar_dates.begin());
    const auto steps = rec.shares.steps();
    std::size_t s = 0;  // steps[s - 1] is the step in force
    const auto intervals = membership->intervals(symbol);
    for (Eigen::Index i = 0; i < rows; ++i) {
      const date day = sessions[static_cast<std::size_t>(i)];
      while (b < bar_dates.size() && bar_dates[b] < day) ++b;
      if (b < bar_dates.size() && bar_dates[b] == day) {
        panel.closes_.values()(i, j) = closes[b] / split_to_last(day);
      }
      while (s < steps.size() && steps[s].effective <= day) ++s;
      if (s > 0) panel.shares_.values()(i, j) = steps[s - 1].value.shares * split_to_last(day);
      for (const auto& [start, end] : intervals) {
        if (start <= day && (!end || day < *end)) panel.members_(i, j) = true;
      }
    }
  }
  panel.issuer_count_ = issuer_dense.size();

  panel.level_close_.setConstant(rows, kNaN);
  panel.level_open_.setConstant(rows, kNaN);
  panel.level_high_.setConstant(rows, kNaN);
  panel.level_low_.setConstant(rows, kNaN);
  if (const DailyBars* levels = data.index_levels(level_id)) {
    for (Eigen::Index i = 0; i < rows; ++i) {
      const auto row = levels->find(sessions[static_cast<std::size_t>(i)]);
      if (!row) continue;
      panel.level_close_[i] = levels->close()[*row];
      panel.level_open_[i] = levels->open()[*row];
      panel.level_high_[i] = levels->high()[*row];
      panel.level_low_[i] = levels->low()[*row];
    }
  }
  return panel;
}

MemberStatus MemberPanel::status(std::size_t row, std::size_t column) const {
  MARKETSHOCK_REQUIRE(row >= 1 && row < session_count() && column < member_count(),
                      "member panel cell ({}, {}) out of range", row, column);
  const auto i = static_cast<Eigen::Index>(row);
  const auto j = static_cast<Eigen::Index>(column);
  if (dividend_adjusted_[column]) return MemberStatus::dividend_adjusted_prices;
  if (value_on_other_class_[column]) return MemberStatus::value_on_other_class;
  if (std::isnan(closes_.values()(i, j))) return MemberStatus::no_bar;
  if (std::isnan(closes_.values()(i - 1, j))) return MemberStatus::no_previous_bar;
  if (std::isnan(shares_.values()(i - 1, j))) return MemberStatus::no_shares;
  return MemberStatus::included;
}

}  // namespace marketshock::indices
