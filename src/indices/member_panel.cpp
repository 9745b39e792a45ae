#include <marketshock/indices/member_panel.hpp>

#include <marketshock/core/market_value.hpp>
#include <marketshock/core/require.hpp>

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

/// `price` (on `basis`, of date `day`) as traded on `day`; NaN when there is no such price.
double as_traded(double price, const SplitBasis& basis, const CorporateActions& actions, date day) {
  if (!std::isfinite(price) || !(price > 0.0)) return kNaN;
  return Price(price, basis).restated(actions, day, SplitBasis::point_in_time()).usd();
}

}  // namespace

MemberPanel::MemberPanel(const MarketData& data, std::vector<date> sessions,
                         std::vector<Symbol> symbols)
    : data_(&data), closes_(std::move(sessions), std::move(symbols)) {}

MemberPanel MemberPanel::build(const Valuation& valuation, std::string_view membership_id,
                               std::string_view level_id, std::vector<date> sessions) {
  const MarketData& data = valuation.data();
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
  for (Eigen::MatrixXd* m :
       {&panel.market_values_, &panel.price_returns_, &panel.previous_market_values_,
        &panel.market_value_changes_, &panel.traded_closes_, &panel.previous_traded_closes_}) {
    m->setConstant(rows, cols, kNaN);
  }
  panel.statuses_.assign(sessions.size() * panel.member_count(), ValuationStatus::no_bar);
  panel.ids_.reserve(panel.member_count());

  std::map<IssuerId, std::size_t> issuer_dense;
  for (Eigen::Index j = 0; j < cols; ++j) {
    const Symbol& symbol = panel.symbols()[static_cast<std::size_t>(j)];
    const SecurityId id = *data.find(symbol);
    panel.ids_.push_back(id);
    const SecurityRecord& rec = data.record(id);
    const auto [it, inserted] = issuer_dense.emplace(rec.security.issuer, issuer_dense.size());
    panel.issuer_index_.push_back(it->second);

    const SplitBasis& basis = rec.bars.basis().split;
    const bool traded_prices = !rec.bars.basis().dividend_adjusted;
    // As-traded bars are restated onto the last session's split footing; adjusted bars already
    // stand on one footing.
    const auto split_to_last = [&](date d) {
      return basis.is_point_in_time() ? rec.actions.split_factor(d, last) : 1.0;
    };
    const auto intervals = membership->intervals(symbol);
    for (Eigen::Index i = 0; i < rows; ++i) {
      const date day = sessions[static_cast<std::size_t>(i)];
      for (const auto& [start, end] : intervals) {
        if (start <= day && (!end || day < *end)) panel.members_(i, j) = true;
      }
      const ValueChange c = valuation.on_session(id, day);
      panel.statuses_[static_cast<std::size_t>(j * rows + i)] = c.status;
      panel.price_returns_(i, j) = c.price_return;
      if (c.status == ValuationStatus::available) {
        panel.previous_market_values_(i, j) = c.previous_market_value_usd;
        panel.market_value_changes_(i, j) = c.change_usd;
      }
      if (const auto row = rec.bars.find(day)) {
        panel.closes_.values()(i, j) = rec.bars.close()[*row] / split_to_last(day);
        if (const auto value = valuation.market_value_at(id, *row)) {
          panel.market_values_(i, j) = *value;
        }
      }
      if (traded_prices) {
        panel.traded_closes_(i, j) = as_traded(c.close, basis, rec.actions, day);
        panel.previous_traded_closes_(i, j) = as_traded(c.previous_close, basis, rec.actions, day);
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

ValuationStatus MemberPanel::status(std::size_t row, std::size_t column) const {
  MARKETSHOCK_REQUIRE(row < session_count() && column < member_count(),
                      "member panel cell ({}, {}) out of range", row, column);
  return statuses_[column * session_count() + row];
}

}  // namespace marketshock::indices
