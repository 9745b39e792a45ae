#include <marketshock/stats/return_series.hpp>

#include <marketshock/core/require.hpp>
#include <marketshock/stats/session_returns.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace marketshock::stats {

std::string_view to_string(SeriesKind kind) noexcept {
  switch (kind) {
    case SeriesKind::security:
      return "security";
    case SeriesKind::index_level:
      return "index_level";
  }
  return "unknown";
}

std::optional<SeriesId> try_resolve_series(const MarketData& data, std::string_view name) {
  if (const auto symbol = Symbol::try_parse(name)) {
    if (const auto id = data.find(*symbol)) {
      return SeriesId{data.record(*id).security.symbol.str(), SeriesKind::security};
    }
  }
  if (data.index_levels(name) != nullptr)
    return SeriesId{std::string(name), SeriesKind::index_level};
  return std::nullopt;
}

SeriesId resolve_series(const MarketData& data, std::string_view name) {
  if (auto found = try_resolve_series(data, name)) return *std::move(found);
  std::string wanted(name);
  std::transform(wanted.begin(), wanted.end(), wanted.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  // Suggestions: index series the name contains or abbreviates ("SPXX", "spx"), then close
  // symbols; three at most.
  std::vector<std::string> indices;
  std::vector<std::string> similar;
  for (const auto& [id, bars] : data.all_index_levels()) {
    indices.push_back(id);
    if (!wanted.empty() && (wanted.starts_with(id) || std::string_view(id).starts_with(wanted))) {
      similar.push_back(id);
    }
  }
  for (const Symbol& s : data.similar_symbols(name, 3)) {
    if (similar.size() < 3) similar.push_back(s.str());
  }
  const std::string index_list = indices.empty() ? std::string("the dataset has none")
                                                 : fmt::format("{}", fmt::join(indices, ", "));
  if (similar.empty()) {
    throw InvalidArgument(
        fmt::format("unknown symbol or index series '{}' (index series: {})", name, index_list));
  }
  throw InvalidArgument(
      fmt::format("unknown symbol or index series '{}'; did you mean {}? (index series: {})", name,
                  fmt::join(similar, ", "), index_list));
}

const DailyBars& series_bars(const MarketData& data, const SeriesId& series) {
  if (series.kind == SeriesKind::security) return data.record(data.require(series.name)).bars;
  const DailyBars* levels = data.index_levels(series.name);
  MARKETSHOCK_REQUIRE(levels != nullptr, "no index series '{}' in dataset '{}'", series.name,
                      data.name());
  return *levels;
}

Eigen::MatrixXd series_returns(const MarketData& data, std::span<const SeriesId> series,
                               std::span<const boost::gregorian::date> sessions,
                               const TradingCalendar& calendar) {
  for (std::size_t j = 0; j < series.size(); ++j) {
    MARKETSHOCK_REQUIRE(std::find(series.begin(), series.begin() + static_cast<std::ptrdiff_t>(j),
                                  series[j]) == series.begin() + static_cast<std::ptrdiff_t>(j),
                        "'{}' is given twice", series[j].name);
  }
  Eigen::MatrixXd out(static_cast<Eigen::Index>(sessions.size()),
                      static_cast<Eigen::Index>(series.size()));
  for (std::size_t j = 0; j < series.size(); ++j) {
    out.col(static_cast<Eigen::Index>(j)) =
        session_returns(series_bars(data, series[j]), sessions, calendar);
  }
  return out;
}

}  // namespace marketshock::stats
