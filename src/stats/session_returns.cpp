#include <marketshock/stats/session_returns.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>

#include <cstdint>
#include <limits>

namespace marketshock::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

double session_return(const DailyBars& bars, boost::gregorian::date session,
                      const TradingCalendar& calendar) {
  const auto today = bars.find(session);
  if (!today) return kNaN;
  const auto yesterday = bars.find(calendar.previous_session(session));
  if (!yesterday) return kNaN;
  return bars.close()[*today] / bars.close()[*yesterday] - 1.0;
}

Eigen::VectorXd session_returns(const DailyBars& bars,
                                std::span<const boost::gregorian::date> sessions,
                                const TradingCalendar& calendar) {
  Eigen::VectorXd out(static_cast<Eigen::Index>(sessions.size()));
  for (std::size_t t = 0; t < sessions.size(); ++t) {
    out(static_cast<Eigen::Index>(t)) = session_return(bars, sessions[t], calendar);
  }
  return out;
}

Panel security_returns(const MarketData& data, std::span<const Symbol> symbols,
                       std::span<const boost::gregorian::date> sessions,
                       const TradingCalendar& calendar) {
  Panel panel(std::vector<boost::gregorian::date>(sessions.begin(), sessions.end()),
              std::vector<Symbol>(symbols.begin(), symbols.end()));
  for (std::size_t j = 0; j < symbols.size(); ++j) {
    const SecurityRecord& record = data.record(data.require(symbols[j].view()));
    panel.values().col(static_cast<Eigen::Index>(j)) =
        session_returns(record.bars, sessions, calendar);
  }
  return panel;
}

std::vector<boost::gregorian::date> sessions_around(boost::gregorian::date anchor, int first_offset,
                                                    int last_offset,
                                                    const TradingCalendar& calendar) {
  MARKETSHOCK_REQUIRE(first_offset <= last_offset, "session offsets {}..{} are reversed",
                      first_offset, last_offset);
  const SessionIndex index = calendar.require_session(anchor);
  const auto count = static_cast<std::int32_t>(calendar.sessions().size());
  MARKETSHOCK_REQUIRE(index.value() + first_offset >= 0 && index.value() + last_offset < count,
                      "sessions {}..{} around {} leave the calendar", first_offset, last_offset,
                      format_iso_date(anchor));
  std::vector<boost::gregorian::date> out;
  // Widened before subtracting: the offsets are int, their difference need not fit one.
  out.reserve(static_cast<std::size_t>(static_cast<std::int64_t>(last_offset) - first_offset + 1));
  for (int k = first_offset; k <= last_offset; ++k) out.push_back(calendar.session_at(index + k));
  return out;
}

}  // namespace marketshock::stats
