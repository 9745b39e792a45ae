#include <marketshock/io/vendor/share_series_checks.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace marketshock::io {

namespace {

// |a / b - 1|
double relative_difference(double a, double b) {
  return std::abs(a / b - 1.0);
}

void check_options(const ShareSeriesCheckOptions& o) {
  MARKETSHOCK_REQUIRE(o.outlier_threshold > 0.0 && o.neighbour_agreement >= 0.0 &&
                          o.split_tolerance >= 0.0 && o.max_run >= 1,
                      "invalid share-series check options: threshold {}, agreement {}, split "
                      "tolerance {}, max run {}",
                      o.outlier_threshold, o.neighbour_agreement, o.split_tolerance, o.max_run);
  for (const double ratio : o.split_ratios) {
    MARKETSHOCK_REQUIRE(std::isfinite(ratio) && ratio > 1.0,
                        "invalid split ratio {}: ratios are new shares per old share, > 1", ratio);
  }
}

void check_series(std::span<const ShareObservation> series) {
  for (std::size_t i = 0; i < series.size(); ++i) {
    const ShareObservation& o = series[i];
    MARKETSHOCK_REQUIRE(std::isfinite(o.shares) && o.shares > 0.0,
                        "share series of {}: count {} on {} is not positive", o.symbol, o.shares,
                        format_iso_date(o.as_of));
    if (i == 0) continue;
    MARKETSHOCK_REQUIRE(o.symbol == series[0].symbol, "share series mixes symbols {} and {}",
                        series[0].symbol, o.symbol);
    MARKETSHOCK_REQUIRE(series[i - 1].as_of < o.as_of,
                        "share series of {}: dates not strictly increasing ({} then {})", o.symbol,
                        format_iso_date(series[i - 1].as_of), format_iso_date(o.as_of));
  }
}

// The split ratio nearest to `observed`, options already checked.
std::optional<double> nearest_ratio(double observed, const ShareSeriesCheckOptions& o) {
  std::optional<double> best;
  double best_difference = o.split_tolerance;
  for (const double ratio : o.split_ratios) {
    for (const double k : {ratio, 1.0 / ratio}) {
      const double difference = relative_difference(observed, k);
      if (difference <= best_difference) {
        best = k;
        best_difference = difference;
      }
    }
  }
  return best;
}

// Whether x[start..end] looks like a split that x[end + 1] missed: its first value at a split
// ratio from x[start - 1], and that level back within the window after x[end + 1].
bool looks_like_split(std::span<const ShareObservation> x, std::size_t start, std::size_t end,
                      const ShareSeriesCheckOptions& o) {
  if (!nearest_ratio(x[start].shares / x[start - 1].shares, o)) return false;
  const std::size_t last = std::min(x.size() - 1, end + 1 + o.persistence_window);
  for (std::size_t j = end + 2; j <= last; ++j) {
    if (relative_difference(x[j].shares, x[start].shares) <= o.split_tolerance) return true;
  }
  return false;
}

ShareOutlier make_outlier(std::span<const ShareObservation> x, std::size_t i, std::size_t start,
                          std::size_t end, OutlierKind kind) {
  const ShareObservation& prev = x[start - 1];
  const ShareObservation& next = x[end + 1];
  ShareOutlier outlier{.observation = x[i],
                       .kind = kind,
                       .previous_as_of = prev.as_of,
                       .next_as_of = next.as_of,
                       .change_from_previous = x[i].shares / prev.shares - 1.0,
                       .change_from_next = x[i].shares / next.shares - 1.0,
                       .reason = {}};
  outlier.reason = fmt::format(
      "{} on {}{}: {:+.1f}% against {} on {} and {:+.1f}% against {} on {}, which {} by {:.1f}%",
      x[i].shares, format_iso_date(x[i].as_of),
      end > start ? fmt::format(" (one of {} consecutive outliers)", end - start + 1) : "",
      100.0 * outlier.change_from_previous, prev.shares, format_iso_date(prev.as_of),
      100.0 * outlier.change_from_next, next.shares, format_iso_date(next.as_of),
      kind == OutlierKind::isolated ? "agree" : "differ",
      100.0 * relative_difference(next.shares, prev.shares));
  return outlier;
}

// The isolated-run outlier containing x[i], if any.
std::optional<ShareOutlier> isolated(std::span<const ShareObservation> x, std::size_t i,
                                     const ShareSeriesCheckOptions& o) {
  for (std::size_t length = 1; length <= o.max_run; ++length) {
    for (std::size_t start = i + 1 > length ? i + 1 - length : 1; start <= i; ++start) {
      const std::size_t end = start + length - 1;
      if (start < 1 || end + 1 >= x.size()) continue;
      const double prev = x[start - 1].shares;
      const double next = x[end + 1].shares;
      if (relative_difference(next, prev) > o.neighbour_agreement) continue;
      const bool all_off =
          std::all_of(x.begin() + static_cast<std::ptrdiff_t>(start),
                      x.begin() + static_cast<std::ptrdiff_t>(end + 1), [&](const auto& v) {
                        return relative_difference(v.shares, prev) > o.outlier_threshold &&
                               relative_difference(v.shares, next) > o.outlier_threshold;
                      });
      if (all_off && !looks_like_split(x, start, end, o)) {
        return make_outlier(x, i, start, end, OutlierKind::isolated);
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<double> default_split_ratios() {
  return {1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0};
}

std::optional<double> nearest_split_ratio(double observed_ratio,
                                          const ShareSeriesCheckOptions& options) {
  check_options(options);
  MARKETSHOCK_REQUIRE(std::isfinite(observed_ratio) && observed_ratio > 0.0,
                      "invalid observed ratio {}", observed_ratio);
  return nearest_ratio(observed_ratio, options);
}

std::string_view to_string(OutlierKind kind) noexcept {
  return kind == OutlierKind::isolated ? "isolated" : "beyond_both";
}

std::vector<ShareOutlier> flag_share_outliers(std::span<const ShareObservation> series,
                                              const ShareSeriesCheckOptions& options) {
  check_options(options);
  check_series(series);
  // First the isolated runs, then spikes across a step, judged only against neighbours that are
  // not outliers themselves and not a split step apart.
  std::vector<std::optional<ShareOutlier>> flags(series.size());
  for (std::size_t i = 1; i + 1 < series.size(); ++i) flags[i] = isolated(series, i, options);
  for (std::size_t i = 1; i + 1 < series.size(); ++i) {
    if (flags[i - 1] || flags[i] || flags[i + 1]) continue;
    const double x = series[i].shares;
    const double prev = series[i - 1].shares;
    const double next = series[i + 1].shares;
    const bool beyond = (x > prev && x > next) || (x < prev && x < next);
    if (beyond && relative_difference(x, prev) > options.outlier_threshold &&
        relative_difference(x, next) > options.outlier_threshold &&
        !nearest_ratio(next / prev, options) && !looks_like_split(series, i, i, options)) {
      flags[i] = make_outlier(series, i, i, i, OutlierKind::beyond_both);
    }
  }
  std::vector<ShareOutlier> flagged;
  for (auto& flag : flags) {
    if (flag) flagged.push_back(std::move(*flag));
  }
  return flagged;
}

std::vector<DetectedSplit> detect_splits(std::span<const ShareObservation> series,
                                         const ShareSeriesCheckOptions& options) {
  check_options(options);
  check_series(series);
  std::vector<DetectedSplit> splits;
  for (std::size_t i = 0; i + 1 < series.size(); ++i) {
    const double before = series[i].shares;
    const double observed = series[i + 1].shares / before;
    const auto ratio = nearest_ratio(observed, options);
    if (!ratio) continue;
    const bool last_pair = i + 2 == series.size();
    if (!last_pair &&
        relative_difference(series[i + 2].shares, before * *ratio) > options.split_tolerance) {
      continue;  // the next count is off the new level: a glitch, not a split
    }
    splits.push_back(DetectedSplit{.symbol = series[i].symbol,
                                   .last_before = series[i].as_of,
                                   .first_after = series[i + 1].as_of,
                                   .ratio = *ratio,
                                   .observed_ratio = observed,
                                   .confirmed = !last_pair});
  }
  return splits;
}

std::map<Symbol, std::vector<ShareObservation>> share_series_by_symbol(
    std::span<const ShareObservation> observations) {
  std::map<Symbol, std::vector<ShareObservation>> groups;
  for (const ShareObservation& o : observations)
    groups.try_emplace(o.symbol).first->second.push_back(o);
  for (auto& [symbol, series] : groups) {
    std::stable_sort(series.begin(), series.end(),
                     [](const auto& a, const auto& b) { return a.as_of < b.as_of; });
  }
  return groups;
}

}  // namespace marketshock::io
