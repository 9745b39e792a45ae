#include <marketshock/stats/market_correlation.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace marketshock::stats {

namespace {

std::vector<SeriesId> resolve_all(const MarketData& data, std::span<const std::string> names) {
  std::vector<SeriesId> out;
  out.reserve(names.size());
  for (const std::string& name : names) out.push_back(resolve_series(data, name));
  return out;
}

void check_range(const DateRange& r, const char* name) {
  MARKETSHOCK_REQUIRE(r.first <= r.last, "correlation: the {} window {}..{} is reversed", name,
                      format_iso_date(r.first), format_iso_date(r.last));
}

}  // namespace

MarketCorrelation market_correlation(const MarketData& data, std::span<const std::string> sources,
                                     std::span<const std::string> targets,
                                     const MarketCorrelationOptions& options,
                                     const TradingCalendar& calendar) {
  MARKETSHOCK_REQUIRE(!sources.empty(), "correlation: no source");
  MARKETSHOCK_REQUIRE(!targets.empty(), "correlation: no target");
  const DateRange& calm = options.tranquil;
  const DateRange& storm = options.turmoil;
  check_range(calm, "tranquil");
  check_range(storm, "turmoil");
  MARKETSHOCK_REQUIRE(calm.last < storm.first || storm.last < calm.first,
                      "correlation: the tranquil window {}..{} and the turmoil window {}..{} "
                      "overlap",
                      format_iso_date(calm.first), format_iso_date(calm.last),
                      format_iso_date(storm.first), format_iso_date(storm.last));
  MarketCorrelation out;
  out.sources = resolve_all(data, sources);
  out.targets = resolve_all(data, targets);
  out.tranquil = calm;
  out.turmoil = storm;
  out.min_days = options.min_days;
  std::vector<std::string> source_names;
  for (const SeriesId& s : out.sources) source_names.push_back(s.name);
  out.source_name = out.sources.size() == 1
                        ? out.sources.front().name
                        : fmt::format("basket({})", fmt::join(source_names, "+"));

  const std::vector<boost::gregorian::date> calm_sessions =
      calendar.sessions_between(calm.first, calm.last);
  const std::vector<boost::gregorian::date> storm_sessions =
      calendar.sessions_between(storm.first, storm.last);
  const auto calm_rows = static_cast<Eigen::Index>(calm_sessions.size());
  const auto storm_rows = static_cast<Eigen::Index>(storm_sessions.size());
  const bool calm_first = calm.first < storm.first;
  out.sessions = calm_first ? calm_sessions : storm_sessions;
  const auto& later = calm_first ? storm_sessions : calm_sessions;
  out.sessions.insert(out.sessions.end(), later.begin(), later.end());
  out.tranquil_rows =
      calm_first ? RowRange{0, calm_rows} : RowRange{storm_rows, storm_rows + calm_rows};
  out.turmoil_rows =
      calm_first ? RowRange{calm_rows, calm_rows + storm_rows} : RowRange{0, storm_rows};

  // The source: one series, or the equal-weighted basket (NaN unless every member has a return).
  const Eigen::VectorXd source =
      series_returns(data, out.sources, out.sessions, calendar).rowwise().mean();
  const Eigen::MatrixXd target_returns = series_returns(data, out.targets, out.sessions, calendar);
  out.results = forbes_rigobon_each(source, target_returns, out.tranquil_rows, out.turmoil_rows,
                                    options.min_days);
  return out;
}

}  // namespace marketshock::stats
