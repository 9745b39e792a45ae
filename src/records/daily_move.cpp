#include <marketshock/records/daily_move.hpp>

#include <marketshock/core/market_value.hpp>
#include <marketshock/core/require.hpp>

#include <cmath>
#include <limits>

namespace marketshock::records {

std::vector<DailyMove> daily_moves(const DailyBars& bars, const StepSeries<double>& shares,
                                   const SplitBasis& shares_basis) {
  MARKETSHOCK_REQUIRE(!bars.basis().dividend_adjusted,
                      "{}: bars are {}; market-value moves need split-only or as-traded prices",
                      bars.symbol(), bars.basis().describe());
  MARKETSHOCK_REQUIRE(bars.basis().split == shares_basis,
                      "{}: bars are {} but shares are {}", bars.symbol(),
                      bars.basis().split.describe(), shares_basis.describe());
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  std::vector<DailyMove> moves;
  if (bars.size() < 2) return moves;
  moves.reserve(bars.size() - 1);
  const auto closes = bars.close();
  for (std::size_t row = 1; row < bars.size(); ++row) {
    DailyMove m;
    m.date = bars.dates()[row];
    m.previous_close = closes[row - 1];
    m.close = closes[row];
    m.close_return = m.close / m.previous_close - 1.0;
    m.open_gap_return = bars.open()[row] / m.previous_close - 1.0;
    m.intraday_low_return = bars.low()[row] / m.previous_close - 1.0;
    m.intraday_high_return = bars.high()[row] / m.previous_close - 1.0;
    const auto now = shares.as_of(m.date);
    const auto before = shares.as_of(bars.dates()[row - 1]);
    if (now && before) {
      m.shares = *now;
      m.previous_shares = *before;
      const auto change =
          market_value_change(Price(m.previous_close, shares_basis), ShareCount(*before, shares_basis),
                              Price(m.close, shares_basis), ShareCount(*now, shares_basis));
      m.market_value_usd = change.current_usd;
      m.market_value_change_usd = change.change_usd;
      m.intraday_low_change_usd = bars.low()[row] * *now - change.previous_usd;
    } else {
      m.shares = m.previous_shares = m.market_value_usd = kNaN;
      m.market_value_change_usd = m.intraday_low_change_usd = kNaN;
    }
    moves.push_back(m);
  }
  return moves;
}

}  // namespace marketshock::records
