#include <marketshock/core/corporate_actions.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/require.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cmath>
#include <utility>

namespace marketshock {

using boost::gregorian::to_iso_extended_string;

CorporateActions::CorporateActions(Symbol symbol, std::vector<Split> splits,
                                   std::vector<CashDividend> dividends)
    : symbol_(symbol), splits_(std::move(splits)), dividends_(std::move(dividends)) {
  for (std::size_t i = 0; i < splits_.size(); ++i) {
    const Split& s = splits_[i];
    if (!std::isfinite(s.ratio) || s.ratio <= 0.0) {
      throw DataError(fmt::format("{}: split effective {} has ratio {}; a ratio must be positive",
                                  symbol_, to_iso_extended_string(s.effective), s.ratio));
    }
    if (i > 0 && !(splits_[i - 1].effective < s.effective)) {
      throw DataError(fmt::format("{}: splits must have strictly increasing dates ({} after {})",
                                  symbol_, to_iso_extended_string(s.effective),
                                  to_iso_extended_string(splits_[i - 1].effective)));
    }
  }
  for (std::size_t i = 0; i < dividends_.size(); ++i) {
    const CashDividend& d = dividends_[i];
    if (!std::isfinite(d.amount) || d.amount < 0.0) {
      throw DataError(fmt::format("{}: dividend with ex-date {} has amount {}", symbol_,
                                  to_iso_extended_string(d.ex_date), d.amount));
    }
    if (i > 0 && !(dividends_[i - 1].ex_date < d.ex_date)) {
      throw DataError(fmt::format(
          "{}: dividends must have strictly increasing ex-dates ({} after {})", symbol_,
          to_iso_extended_string(d.ex_date), to_iso_extended_string(dividends_[i - 1].ex_date)));
    }
  }
}

double CorporateActions::split_factor(boost::gregorian::date from,
                                      boost::gregorian::date to) const {
  double factor = 1.0;
  for (const Split& s : splits_) {
    if (from < s.effective && s.effective <= to) factor *= s.ratio;
  }
  return factor;
}

double CorporateActions::dividend_factor(boost::gregorian::date day, boost::gregorian::date as_of,
                                         std::span<const double> close_before_ex) const {
  MARKETSHOCK_REQUIRE(close_before_ex.size() == dividends_.size(),
                      "{}: {} prior closes given for {} dividends", symbol_, close_before_ex.size(),
                      dividends_.size());
  double factor = 1.0;
  for (std::size_t i = 0; i < dividends_.size(); ++i) {
    const CashDividend& d = dividends_[i];
    if (day < d.ex_date && d.ex_date <= as_of) {
      MARKETSHOCK_REQUIRE(close_before_ex[i] > d.amount,
                          "{}: close {} before ex-date {} does not exceed the dividend {}", symbol_,
                          close_before_ex[i], to_iso_extended_string(d.ex_date), d.amount);
      factor *= 1.0 - d.amount / close_before_ex[i];
    }
  }
  return factor;
}

}  // namespace marketshock
