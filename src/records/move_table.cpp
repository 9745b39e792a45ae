#include <marketshock/records/move_table.hpp>

#include <marketshock/records/daily_move.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

namespace marketshock::records {

namespace {

using boost::gregorian::date;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void append_security_rows(const Valuation& valuation, std::uint32_t id, SecurityMoveColumns& out) {
  const std::size_t n = valuation.data().record(SecurityId(id)).bars.size();
  for (std::size_t row = 0; row < n; ++row) {
    const ValueChange c = valuation.at_row(SecurityId(id), row);
    out.security.push_back(id);
    out.date.push_back(c.session);
    out.close_return.push_back(row == 0 ? kNaN : c.price_return);
    // A valued change across a gap keeps its figures (for a reader) but not its place in a
    // one-day ranking: its status says so.
    out.previous_value_usd.push_back(c.previous_market_value_usd);
    out.change_usd.push_back(c.change_usd);
    out.status.push_back(c.status);
    out.sessions_spanned.push_back(row == 0 ? 0 : c.sessions_spanned);
  }
}

// Merges the rows of one issuer's classes (each sorted by date) into issuer-day rows.
void append_issuer_rows(std::uint32_t issuer, std::span<const std::uint32_t> classes,
                        const SecurityMoveColumns& rows, IssuerMoveColumns& out) {
  std::vector<std::uint32_t> cursor(classes.size());
  for (std::size_t k = 0; k < classes.size(); ++k) cursor[k] = rows.begin[classes[k]];
  for (;;) {
    std::optional<date> day;
    for (std::size_t k = 0; k < classes.size(); ++k) {
      if (cursor[k] < rows.begin[classes[k] + 1] && (!day || rows.date[cursor[k]] < *day)) {
        day = rows.date[cursor[k]];
      }
    }
    if (!day) return;
    const boost::gregorian::date session = *day;
    double previous_value = 0.0;
    double change = 0.0;
    ValuationStatus status = ValuationStatus::available;
    std::size_t valued_classes = 0;
    for (std::size_t k = 0; k < classes.size(); ++k) {
      const std::uint32_t r = cursor[k];
      if (r >= rows.begin[classes[k] + 1] || rows.date[r] != session) continue;
      out.part_row.push_back(r);
      ++cursor[k];
      // The issuer's value is counted once, on the class that carries its all-class count.
      if (rows.status[r] == ValuationStatus::value_on_other_class) continue;
      if (status == ValuationStatus::available) status = rows.status[r];
      ++valued_classes;
      previous_value += rows.previous_value_usd[r];
      change += rows.change_usd[r];
    }
    // Only the class without a count traded that day: the carrying class has no bar.
    if (valued_classes == 0) status = ValuationStatus::value_on_other_class;
    if (status != ValuationStatus::available) previous_value = change = kNaN;
    out.issuer.push_back(issuer);
    out.date.push_back(session);
    out.previous_value_usd.push_back(previous_value);
    out.change_usd.push_back(change);
    out.status.push_back(status);
    out.part_begin.push_back(static_cast<std::uint32_t>(out.part_row.size()));
  }
}

}  // namespace

MoveTable::MoveTable(const MarketData& data) : data_(&data) {
  const Valuation valuation(data);
  const auto& records = data.securities();
  std::size_t total = 0;
  for (const SecurityRecord& r : records) total += r.bars.size();
  securities_.security.reserve(total);
  securities_.date.reserve(total);
  securities_.close_return.reserve(total);
  securities_.previous_value_usd.reserve(total);
  securities_.change_usd.reserve(total);
  securities_.status.reserve(total);
  securities_.sessions_spanned.reserve(total);
  securities_.begin.reserve(records.size() + 1);
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    securities_.begin.push_back(static_cast<std::uint32_t>(securities_.date.size()));
    append_security_rows(valuation, i, securities_);
    if (!records[i].bars.empty()) {
      const date first = records[i].bars.dates().front();
      const date last = records[i].bars.dates().back();
      if (!first_date_ || first < *first_date_) first_date_ = first;
      if (!last_date_ || last > *last_date_) last_date_ = last;
    }
  }
  securities_.begin.push_back(static_cast<std::uint32_t>(securities_.date.size()));

  // Issuers in key order, each with its classes in symbol order.
  for (const auto& entry : data.issuers()) issuers_.issuers.push_back(entry.first);
  std::vector<std::vector<std::uint32_t>> classes(issuers_.issuers.size());
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    const auto it = std::lower_bound(issuers_.issuers.begin(), issuers_.issuers.end(),
                                     records[i].security.issuer);
    if (it != issuers_.issuers.end() && *it == records[i].security.issuer) {
      classes[static_cast<std::size_t>(it - issuers_.issuers.begin())].push_back(i);
    }
  }
  issuers_.part_begin.push_back(0);
  for (std::uint32_t j = 0; j < issuers_.issuers.size(); ++j) {
    issuers_.begin.push_back(static_cast<std::uint32_t>(issuers_.date.size()));
    append_issuer_rows(j, classes[j], securities_, issuers_);
  }
  issuers_.begin.push_back(static_cast<std::uint32_t>(issuers_.date.size()));
}

}  // namespace marketshock::records
