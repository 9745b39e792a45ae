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

// Walks a share series forward in date order: O(1) amortised per lookup instead of O(log s).
class SharesCursor {
 public:
  explicit SharesCursor(const StepSeries<SharesRecord>& series) : steps_(series.steps()) {}

  // The finite, positive count in force on `day` (non-decreasing across calls), or NaN.
  double on(date day) {
    while (next_ < steps_.size() && steps_[next_].effective <= day) ++next_;
    if (next_ == 0) return kNaN;
    const double shares = steps_[next_ - 1].value.shares;
    return std::isfinite(shares) && shares > 0.0 ? shares : kNaN;
  }

 private:
  std::span<const Step<SharesRecord>> steps_;
  std::size_t next_ = 0;
};

void append_security_rows(const SecurityRecord& record, std::uint32_t id,
                          SecurityMoveColumns& out) {
  const DailyBars& bars = record.bars;
  const auto dates = bars.dates();
  const auto closes = bars.close();
  const bool dividend_adjusted = bars.basis().dividend_adjusted;
  SharesCursor cursor(record.shares);
  double previous_shares = kNaN;
  for (std::size_t row = 0; row < bars.size(); ++row) {
    const double shares = cursor.on(dates[row]);
    out.security.push_back(id);
    out.date.push_back(dates[row]);
    double close_return = kNaN;
    double previous_value = kNaN;
    double change = kNaN;
    MarketValueStatus status = MarketValueStatus::available;
    if (row == 0) {
      status = MarketValueStatus::no_previous_bar;
    } else {
      const double ratio = split_ratio_between(record, dates[row - 1], dates[row]);
      close_return = closes[row] / (closes[row - 1] / ratio) - 1.0;
      if (dividend_adjusted) {
        status = MarketValueStatus::dividend_adjusted_prices;
      } else if (std::isnan(shares)) {
        status = MarketValueStatus::no_shares;
      } else if (std::isnan(previous_shares)) {
        status = MarketValueStatus::no_previous_shares;
      } else {
        previous_value = closes[row - 1] * previous_shares;
        change = closes[row] * shares - previous_value;
      }
    }
    out.close_return.push_back(close_return);
    out.previous_value_usd.push_back(previous_value);
    out.change_usd.push_back(change);
    out.status.push_back(status);
    previous_shares = shares;
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
    MarketValueStatus status = MarketValueStatus::available;
    for (std::size_t k = 0; k < classes.size(); ++k) {
      const std::uint32_t r = cursor[k];
      if (r >= rows.begin[classes[k] + 1] || rows.date[r] != session) continue;
      out.part_row.push_back(r);
      if (status == MarketValueStatus::available) status = rows.status[r];
      previous_value += rows.previous_value_usd[r];
      change += rows.change_usd[r];
      ++cursor[k];
    }
    if (status != MarketValueStatus::available) previous_value = change = kNaN;
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
  const auto& records = data.securities();
  std::size_t total = 0;
  for (const SecurityRecord& r : records) total += r.bars.size();
  securities_.security.reserve(total);
  securities_.date.reserve(total);
  securities_.close_return.reserve(total);
  securities_.previous_value_usd.reserve(total);
  securities_.change_usd.reserve(total);
  securities_.status.reserve(total);
  securities_.begin.reserve(records.size() + 1);
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    securities_.begin.push_back(static_cast<std::uint32_t>(securities_.date.size()));
    append_security_rows(records[i], i, securities_);
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
