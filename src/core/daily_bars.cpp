#include <marketshock/core/daily_bars.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/require.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>
#include <cmath>

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

DailyBars::DailyBars(Symbol symbol, PriceBasis basis, std::span<const Bar> bars)
    : symbol_(symbol), basis_(basis) {
  dates_.reserve(bars.size());
  open_.reserve(bars.size());
  high_.reserve(bars.size());
  low_.reserve(bars.size());
  close_.reserve(bars.size());
  volume_.reserve(bars.size());
  for (const Bar& bar : bars) {
    check_bar_impl(symbol_, bar);
    if (!dates_.empty() && !(dates_.back() < bar.date)) {
      throw DataError(fmt::format("{}: bar dates must strictly increase ({} after {})", symbol_,
                                  boost::gregorian::to_iso_extended_string(bar.date),
                                  boost::gregorian::to_iso_extended_string(dates_.back())));
    }
    dates_.push_back(bar.date);
    open_.push_back(bar.open);
    high_.push_back(bar.high);
    low_.push_back(bar.low);
    close_.push_back(bar.close);
    volume_.push_back(bar.volume);
  }
}

std::optional<std::size_t> DailyBars::find(boost::gregorian::date day) const noexcept {
  const auto it = std::lower_bound(dates_.begin(), dates_.end(), day);
  if (it == dates_.end() || *it != day) return std::nullopt;
  return static_cast<std::size_t>(it - dates_.begin());
}

std::optional<std::size_t> DailyBars::find_on_or_before(boost::gregorian::date day) const noexcept {
  const auto it = std::upper_bound(dates_.begin(), dates_.end(), day);
  if (it == dates_.begin()) return std::nullopt;
  return static_cast<std::size_t>(it - dates_.begin()) - 1;
}

Bar DailyBars::at(std::size_t row) const {
  MARKETSHOCK_REQUIRE(row < size(), "{}: bar row {} out of range ({} bars)", symbol_, row, size());
  return Bar{dates_[row], open_[row], high_[row], low_[row], close_[row], volume_[row]};
}

}  // namespace marketshock
