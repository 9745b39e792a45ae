#include <marketshock/core/daily_bars.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/require.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>
#include <vector>

namespace marketshock {

namespace {

bool positive_or_missing(double price) {
  return std::isnan(price) || price > 0.0;
}

void check_bar_impl(const Symbol& symbol, const Bar& bar) {
  const auto fail = [&](std::string_view what) {
    throw DataError(fmt::format("{} {}: {} (open {}, high {}, low {}, close {})", symbol,
                                boost::gregorian::to_iso_extended_string(bar.date), what, bar.open,
                                bar.high, bar.low, bar.close));
  };
  if (!std::isfinite(bar.close) || bar.close <= 0.0) fail("close must be finite and positive");
  if (std::isinf(bar.open) || std::isinf(bar.high) || std::isinf(bar.low)) fail("infinite price");
  if (!positive_or_missing(bar.open) || !positive_or_missing(bar.high) ||
      !positive_or_missing(bar.low)) {
    fail("prices must be positive");
  }
  // Comparisons with NaN are false, so a missing field never fails these checks.
  if (bar.low > bar.high) fail("low above high");
  if (bar.low > bar.close || bar.low > bar.open) fail("low above open or close");
  if (bar.high < bar.close || bar.high < bar.open) fail("high below open or close");
  if (bar.volume < -1) fail("negative volume");
}

}  // namespace

void validate_bar(const Symbol& symbol, const Bar& bar) {
  check_bar_impl(symbol, bar);
}

namespace {

// The storage of bars built row by row.
struct OwnedColumns {
  std::vector<boost::gregorian::date> dates;
  std::vector<double> open, high, low, close;
  std::vector<std::int64_t> volume;
};

void require_increasing(const Symbol& symbol, boost::gregorian::date previous,
                        boost::gregorian::date next) {
  if (!(previous < next)) {
    throw DataError(fmt::format("{}: bar dates must strictly increase ({} after {})", symbol,
                                boost::gregorian::to_iso_extended_string(next),
                                boost::gregorian::to_iso_extended_string(previous)));
  }
}

}  // namespace

DailyBars::DailyBars(Symbol symbol, PriceBasis basis, BarColumns columns,
                     std::shared_ptr<const void> owner)
    : symbol_(symbol), basis_(basis), owner_(std::move(owner)), columns_(columns) {}

DailyBars::DailyBars(Symbol symbol, PriceBasis basis, std::span<const Bar> bars)
    : symbol_(symbol), basis_(basis) {
  auto owned = std::make_shared<OwnedColumns>();
  owned->dates.reserve(bars.size());
  owned->open.reserve(bars.size());
  owned->high.reserve(bars.size());
  owned->low.reserve(bars.size());
  owned->close.reserve(bars.size());
  owned->volume.reserve(bars.size());
  for (const Bar& bar : bars) {
    check_bar_impl(symbol_, bar);
    if (!owned->dates.empty()) require_increasing(symbol_, owned->dates.back(), bar.date);
    owned->dates.push_back(bar.date);
    owned->open.push_back(bar.open);
    owned->high.push_back(bar.high);
    owned->low.push_back(bar.low);
    owned->close.push_back(bar.close);
    owned->volume.push_back(bar.volume);
  }
  columns_ =
      BarColumns{owned->dates, owned->open, owned->high, owned->low, owned->close, owned->volume};
  owner_ = std::move(owned);
}

DailyBars DailyBars::over_columns(Symbol symbol, PriceBasis basis, BarColumns columns,
                                  std::shared_ptr<const void> owner, ColumnCheck check) {
  const std::size_t n = columns.dates.size();
  MARKETSHOCK_REQUIRE(columns.open.size() == n && columns.high.size() == n &&
                          columns.low.size() == n && columns.close.size() == n &&
                          columns.volume.size() == n,
                      "{}: bar columns differ in length ({} dates, {} open, {} high, {} low, {} "
                      "close, {} volume)",
                      symbol, n, columns.open.size(), columns.high.size(), columns.low.size(),
                      columns.close.size(), columns.volume.size());
  for (std::size_t row = 0; row < n; ++row) {
    if (row > 0) require_increasing(symbol, columns.dates[row - 1], columns.dates[row]);
    if (check == ColumnCheck::every_invariant) {
      check_bar_impl(symbol, Bar{columns.dates[row], columns.open[row], columns.high[row],
                                 columns.low[row], columns.close[row], columns.volume[row]});
    } else if (const double close = columns.close[row]; !std::isfinite(close) || close <= 0.0) {
      throw DataError(fmt::format("{} {}: close must be finite and positive (close {})", symbol,
                                  boost::gregorian::to_iso_extended_string(columns.dates[row]),
                                  close));
    }
  }
  return DailyBars(symbol, basis, columns, std::move(owner));
}

std::optional<std::size_t> DailyBars::find(boost::gregorian::date day) const noexcept {
  const auto dates = columns_.dates;
  const auto it = std::lower_bound(dates.begin(), dates.end(), day);
  if (it == dates.end() || *it != day) return std::nullopt;
  return static_cast<std::size_t>(it - dates.begin());
}

std::optional<std::size_t> DailyBars::find_on_or_before(boost::gregorian::date day) const noexcept {
  const auto dates = columns_.dates;
  const auto it = std::upper_bound(dates.begin(), dates.end(), day);
  if (it == dates.begin()) return std::nullopt;
  return static_cast<std::size_t>(it - dates.begin()) - 1;
}

Bar DailyBars::at(std::size_t row) const {
  MARKETSHOCK_REQUIRE(row < size(), "{}: bar row {} out of range ({} bars)", symbol_, row, size());
  const BarColumns& c = columns_;
  return Bar{c.dates[row], c.open[row], c.high[row], c.low[row], c.close[row], c.volume[row]};
}

}  // namespace marketshock
