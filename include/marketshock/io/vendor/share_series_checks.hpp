/// \file share_series_checks.hpp
/// \brief Checks of one security's share-count series: outliers against their neighbours
/// (vendor glitches) and steps at split ratios (splits in as-reported counts).
#pragma once

#include <marketshock/core/symbol.hpp>
#include <marketshock/io/vendor/imported.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace marketshock::io {

/// The split ratios (new shares per old share, > 1) a series is tested against by default:
/// 1.5, 2, 3, 4, 5, 6, 7, 8, 10, 15, 20, 25, 30, 40, 50. Their reciprocals (reverse splits) are
/// always tested too.
[[nodiscard]] std::vector<double> default_split_ratios();

/// Thresholds of flag_share_outliers() and detect_splits(). Relative differences are
/// |a / b - 1|.
struct ShareSeriesCheckOptions {
  /// An outlier differs from each neighbour by more than this (0.10 = 10%).
  double outlier_threshold = 0.10;
  /// Two neighbours agree when they differ by at most this (0.03 = 3%).
  double neighbour_agreement = 0.03;
  /// Longest run of consecutive outliers between two agreeing neighbours (FMP's RVTY has two).
  std::size_t max_run = 2;
  /// An observed ratio matches a split ratio k when |observed / k - 1| is at most this; counts
  /// drift between observations (AVGO's Yahoo count steps by 10.46 at its 10-for-1 split).
  double split_tolerance = 0.05;
  /// How many observations after an outlier run's right neighbour are searched for the run's level
  /// (see flag_share_outliers()).
  std::size_t persistence_window = 3;
  /// Split ratios tested, each > 1 (reciprocals are added).
  std::vector<double> split_ratios = default_split_ratios();
};

/// The split ratio (or reverse ratio 1/k) nearest to `observed_ratio` within
/// `options.split_tolerance`, or empty if none is close. E.g. 9.97 -> 10, 3.97 -> 4, 0.502 -> 0.5.
/// \throws InvalidArgument for a non-positive or non-finite ratio or invalid options.
[[nodiscard]] std::optional<double> nearest_split_ratio(
    double observed_ratio, const ShareSeriesCheckOptions& options = {});

/// Why an observation was flagged.
enum class OutlierKind {
  /// In a run of at most `max_run` observations that each differ from both neighbours of the
  /// run by more than the threshold, while those neighbours agree (AMZN 2022-04, RVTY 2023 Q1).
  isolated,
  /// Alone, above both neighbours or below both by more than the threshold, although the
  /// neighbours disagree: a spike across a real step (AVGO 2023-11 between two VMware-deal
  /// counts, MET 2023 Q1 between two buyback quarters). Only judged when neither neighbour is
  /// flagged itself and the neighbours are not a split ratio apart (a count just before a split
  /// step next to a glitch is not a spike).
  beyond_both,
};

/// "isolated" or "beyond_both".
[[nodiscard]] std::string_view to_string(OutlierKind kind) noexcept;

/// One flagged observation, with the neighbours it was judged against.
struct ShareOutlier {
  ShareObservation observation;
  OutlierKind kind = OutlierKind::isolated;
  /// The neighbours: the observations just before and just after the run.
  boost::gregorian::date previous_as_of;
  boost::gregorian::date next_as_of;
  double change_from_previous = 0.0;  ///< observation / previous - 1
  double change_from_next = 0.0;      ///< observation / next - 1
  std::string reason;                 ///< one line with the numbers, for reports
};

/// Flags observations of one security's series that deviate from their neighbours (see
/// OutlierKind), in series order. Nothing is removed: the caller decides. A series that
/// alternates between two levels (FMP's V and ERIE switch between one class and all classes)
/// gets every switch flagged: read the flags of a symbol together.
///
/// A run is not flagged when it looks like a split that the right neighbour missed: its first
/// value is at a split ratio from the left neighbour and the same level comes back within the
/// `persistence_window` observations after the right neighbour. A step that persists (the
/// right neighbour agrees with it) is never an outlier. The first and last observations have one
/// neighbour only and are never flagged. O(n * max_run^2).
/// \pre `series` is one symbol's, as_of strictly increasing, shares finite and > 0.
/// \throws InvalidArgument if the precondition or the options are violated.
[[nodiscard]] std::vector<ShareOutlier> flag_share_outliers(
    std::span<const ShareObservation> series, const ShareSeriesCheckOptions& options = {});

/// A step between two consecutive counts at a split ratio.
struct DetectedSplit {
  Symbol symbol;
  boost::gregorian::date last_before;  ///< as_of of the last count on the old basis
  /// as_of of the first count on the new basis: the split took effect after `last_before` and
  /// on or before `first_after`.
  boost::gregorian::date first_after;
  double ratio = 1.0;           ///< nominal new shares per old share: 10, 4, 1.5, 0.1
  double observed_ratio = 1.0;  ///< first_after count / last_before count
  /// True when the next count stays on the new level (within split_tolerance of before x ratio);
  /// false when the step is the last pair of the series and cannot be confirmed.
  bool confirmed = false;
};

/// Finds the steps of a point-in-time (as-reported) series whose ratio is a split ratio and whose
/// new level persists in the next count; a step followed by a count off the new level is a glitch,
/// not a split, and is not reported. Use it to restate as-reported counts onto a split-adjusted
/// price basis (multiply counts before the step by `ratio`). Run flag_share_outliers() first and
/// drop what it flags: the step back from a glitch can look like a reverse split (FMP's MET
/// 2023 Q1 -> Q2 is 0.173, near 1/6). A share issuance of a split size (a merger paid in stock:
/// Merck 2009 x1.9, a 3-for-2 look from many mergers) is indistinguishable from a split here;
/// check candidates against a corporate-actions source. A split-adjusted series should have
/// none.
/// In series order. O(n * number of ratios).
/// \pre as for flag_share_outliers().
/// \throws InvalidArgument if the precondition or the options are violated.
[[nodiscard]] std::vector<DetectedSplit> detect_splits(std::span<const ShareObservation> series,
                                                       const ShareSeriesCheckOptions& options = {});

/// Groups observations by symbol, each group sorted by as_of (stable: equal dates keep their
/// input order). Nothing is dropped, so a group may repeat a date (POINTS.csv repeats four counts
/// from a second source) and then fails the checks' precondition until the caller resolves it.
[[nodiscard]] std::map<Symbol, std::vector<ShareObservation>> share_series_by_symbol(
    std::span<const ShareObservation> observations);

}  // namespace marketshock::io
