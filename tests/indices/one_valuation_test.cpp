// One valuation for every analysis (issue #13): on every security-day of the embedded dataset the
// records (MoveTable, daily_moves) and the S&P 500 rebuild carry the same market-value change, to
// the bit, with the same status, because each takes it from the core Valuation.
#include "support/embedded_dataset.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/valuation.hpp>
#include <marketshock/indices/index_reconstruction.hpp>
#include <marketshock/indices/index_registry.hpp>
#include <marketshock/records/daily_move.hpp>
#include <marketshock/records/move_table.hpp>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace marketshock::indices {
namespace {

using boost::gregorian::date;

const MarketData& data() {
  return testing_support::embedded_dataset().data;
}

// Equal to the bit, or both NaN (a missing value on both sides).
bool same(double a, double b) {
  return std::isnan(a) ? std::isnan(b) : a == b;
}

// Counts disagreements and keeps the first few, so a failure names its security-days without
// printing a hundred thousand lines.
struct Mismatches {
  std::size_t compared = 0;
  std::size_t count = 0;
  std::string first;

  void check(bool agree, const std::string& what) {
    ++compared;
    if (agree) return;
    if (++count <= 5) first += what + "\n";
  }
};

TEST(OneValuation, MoveTableAndDailyMovesAgreeOnEverySecurityDay) {
  const Valuation valuation(data());
  const records::MoveTable table(data());
  const records::SecurityMoveColumns& rows = table.securities();
  Mismatches m;
  for (std::uint32_t i = 0; i < data().security_count(); ++i) {
    const SecurityId id(i);
    const auto moves = records::daily_moves(valuation, id);
    const std::uint32_t begin = rows.begin[i];
    const std::uint32_t end = rows.begin[i + 1];
    ASSERT_EQ(end - begin, moves.empty() ? end - begin : moves.size() + 1)
        << data().record(id).security.symbol.view();
    // Row `begin` is the first bar: no previous bar, so no move and no value.
    if (end > begin) {
      m.check(rows.status[begin] == ValuationStatus::no_previous_bar &&
                  std::isnan(rows.change_usd[begin]),
              fmt::format("{} first bar", data().record(id).security.symbol));
    }
    for (std::size_t k = 0; k < moves.size(); ++k) {
      const std::uint32_t r = begin + 1 + static_cast<std::uint32_t>(k);
      const records::DailyMove& d = moves[k];
      m.check(
          rows.date[r] == d.date && rows.status[r] == d.market_value_status &&
              same(rows.change_usd[r], d.market_value_change_usd) &&
              same(rows.previous_value_usd[r], d.previous_market_value_usd) &&
              same(rows.close_return[r], d.close_return),
          fmt::format("{} {}: table {} {} vs daily_moves {} {}", data().record(id).security.symbol,
                      format_iso_date(d.date), to_string(rows.status[r]), rows.change_usd[r],
                      to_string(d.market_value_status), d.market_value_change_usd));
    }
  }
  EXPECT_EQ(m.count, 0u) << m.first;
  EXPECT_GT(m.compared, 150000u);  // every bar of the dataset (150,959 rows)
}

TEST(OneValuation, Sp500RebuildCarriesTheRecordsFigures) {
  const records::MoveTable table(data());
  const records::SecurityMoveColumns& rows = table.securities();
  const IndexReconstruction index = IndexReconstruction::build(
      data(), IndexRegistry::standard().require("sp500"), TradingCalendar::nyse());
  const MemberPanel& panel = index.panel();
  Mismatches m;
  std::size_t valued = 0;
  for (std::size_t t = 1; t < panel.session_count(); ++t) {
    const date day = panel.sessions()[t];
    for (const MemberWeight& w : index.session(day).members) {
      const std::uint32_t i = panel.security_id(w.column).value();
      const auto first = rows.date.begin() + rows.begin[i];
      const auto last = rows.date.begin() + rows.begin[i + 1];
      const auto at = std::lower_bound(first, last, day);
      const std::string where = fmt::format("{} {}", w.symbol, format_iso_date(day));
      if (at == last || *at != day) {
        m.check(w.valuation == ValuationStatus::no_bar,
                where + ": no bar, index says " + std::string(to_string(w.valuation)));
        continue;
      }
      const auto r = static_cast<std::size_t>(at - rows.date.begin());
      if (rows.sessions_spanned[r] != 1) {
        // The previous bar is not the previous session's (a first bar, a gap): records keep the
        // row out of one-day rankings; the index has no previous close to weight.
        m.check(w.valuation == ValuationStatus::no_previous_bar,
                where + ": gap, index says " + std::string(to_string(w.valuation)));
        continue;
      }
      valued += w.valuation == ValuationStatus::available;
      m.check(
          w.valuation == rows.status[r] && same(w.market_value_change_usd, rows.change_usd[r]) &&
              same(w.previous_market_value_usd, rows.previous_value_usd[r]) &&
              same(w.price_return, rows.close_return[r]),
          fmt::format("{}: index {} {} vs table {} {}", where, to_string(w.valuation),
                      w.market_value_change_usd, to_string(rows.status[r]), rows.change_usd[r]));
    }
  }
  EXPECT_EQ(m.count, 0u) << m.first;
  EXPECT_GT(m.compared, 90000u);  // 186 sessions x ~503 members
  EXPECT_GT(valued, 85000u);
}

}  // namespace
}  // namespace marketshock::indices
