/// \file charts.hpp
/// \brief SVG charts of a market event: a dated line chart, labelled bars and grouped bars.
///
/// Inputs are plain values in display units (the caller converts USD to $B once and says so in
/// the axis label); charts never read the dataset. Every chart has a title, axis labels with
/// units, a source line at the bottom, and a `<desc>` that states what is drawn and what was
/// skipped. Charts are drawn with svg::Document; call render() or write() on the result.
#pragma once

#include <marketshock/report/svg.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace marketshock::report {

/// Ticks of a value axis: the axis runs from `lo` to `hi` (both ticks) in steps of `step`.
struct AxisTicks {
  double lo = 0;
  double hi = 0;
  double step = 0;
  /// Tick values from lo to hi inclusive, each an integer multiple of `step`.
  std::vector<double> values;
  /// Decimals that write every tick exactly (0 for a step of 200, 1 for 2.5, 2 for 0.25).
  int decimals = 0;
};

/// "Nice" ticks covering [min, max]: the step is 1, 2, 2.5 or 5 times a power of ten, the
/// smallest such step that splits max - min into at most `target` intervals, and lo/hi are the
/// multiples of the step at or beyond min/max (so the axis may have one interval more).
/// E.g. (-600, 100, 5) -> -600..200 step 200; (0, 1, 4) -> 0..1 step 0.25; (2903, 3490, 5) ->
/// 2800..3600 step 200. When min == max the step is the nice step at least |min| / 10 (1 when
/// min is 0), and a min that is a multiple of it gets one step either side. O(target).
/// \throws InvalidArgument if min or max is not finite, min > max, or `target` is not 1..1000.
[[nodiscard]] AxisTicks nice_ticks(double min, double max, std::size_t target = 5);

/// `value` with `decimals` decimals and ',' between thousands: 2903.25 -> "2,903.3" (1 decimal),
/// -600 -> "-600". Locale-independent; NaN -> "n/a".
[[nodiscard]] std::string format_chart_value(double value, int decimals);

/// A value on a date, in the unit of the chart's value axis. NaN means missing.
struct DatedValue {
  boost::gregorian::date date;
  double value = 0;
};

/// A note drawn next to the point of `date`, e.g. "DeepSeek R1 paper" or "record loss".
struct DateAnnotation {
  boost::gregorian::date date;
  std::string text;
};

/// Overall size and text shared by every chart.
struct ChartFrame {
  /// Shown at the top and used as the SVG `<title>`; required.
  std::string title;
  /// Optional second line under the title (e.g. the basis: "close to close, 2025-01-17..31").
  std::string subtitle;
  /// The line at the bottom, e.g. "Source: marketshock embedded dataset (Yahoo Finance prices,
  /// SEC share counts); close to close"; required.
  std::string source;
  /// Size in CSS pixels.
  double width = 960;
  double height = 540;
};

/// A line chart of one series over sessions. The x axis spaces the points evenly, one step per
/// point, as trading charts do (weekends and holidays take no room), and labels dates
/// YYYY-MM-DD, or "Jan 2025" at month starts when the series spans more than about four months.
struct TimeSeriesChart {
  ChartFrame frame;
  /// Value-axis label with its unit, e.g. "market value, $B"; required.
  std::string value_label;
  /// Date-axis label.
  std::string date_label = "trading day";
  /// The points in strictly increasing date order; NaN values are drawn as gaps.
  std::vector<DatedValue> points;
  /// A date to mark with a band and a marker (the event day); must be one of the points' dates.
  std::optional<boost::gregorian::date> highlight;
  /// Text of the highlight band, e.g. "DeepSeek selloff"; the date is shown when empty.
  std::string highlight_label;
  /// Notes at points; each date must be one of the points' dates with a finite value.
  std::vector<DateAnnotation> annotations;
  /// Stretch the value axis to include zero (levels such as market value read honestly then).
  bool include_zero = false;
  /// Decimals of the value-axis labels beyond what the tick step needs (usually 0).
  int extra_decimals = 0;
};

/// Draws `chart` as SVG. Classes: "series" (the line), "point", "highlight", "annotation",
/// "axis", "tick", "grid", "title", "source".
/// \throws InvalidArgument if there are no points, no finite value, an infinite value, dates
/// not strictly increasing, a highlight or annotation date that is not a point, or a required
/// text (title, source, value label) empty.
[[nodiscard]] svg::Document time_series_chart(const TimeSeriesChart& chart);

/// A labelled value, e.g. {"NVDA", -356.9} (index points) or {"NVDA 2024-03-15", -120.0} ($B).
/// NaN means missing.
struct LabelledValue {
  std::string label;
  double value = 0;
};

/// Horizontal bars around a zero line, one row per value, drawn top to bottom in input order:
/// negative bars extend left of zero, positive ones right; each has its value at its end.
struct BarChart {
  ChartFrame frame;
  /// Value-axis label with its unit, e.g. "contribution, index points"; required.
  std::string value_label;
  /// Label of the category axis (e.g. "constituent"); optional.
  std::string category_label;
  /// The bars; NaN values are left out (and said so in the `<desc>`).
  std::vector<LabelledValue> bars;
  /// Index into `bars` of the bar to highlight (class "highlight", amber fill).
  std::optional<std::size_t> highlight;
  /// Decimals of the value written at each bar's end.
  int value_decimals = 1;
};

/// Draws `chart` as SVG. Bars have class "bar negative" or "bar positive", plus "highlight";
/// value labels class "value", category labels class "category".
/// \throws InvalidArgument if there are no bars, no finite value, an infinite value, the
/// highlight index is out of range, or a required text is empty.
[[nodiscard]] svg::Document bar_chart(const BarChart& chart);

/// A group of bars, one value per series (NaN: that series has no bar in this group).
struct BarGroup {
  std::string label;
  std::vector<double> values;
};

/// Horizontal grouped bars, e.g. sector contributions with one bar per index; a legend names
/// the series and gives their colours.
struct GroupedBarChart {
  ChartFrame frame;
  /// Value-axis label with its unit; required.
  std::string value_label;
  /// Label of the category axis; optional.
  std::string category_label;
  /// Series names, e.g. {"S&P 500", "Nasdaq-100"}; 1 to 6 of them.
  std::vector<std::string> series;
  /// The groups, top to bottom; each has exactly one value per series.
  std::vector<BarGroup> groups;
  /// Decimals of the value written at each bar's end.
  int value_decimals = 1;
};

/// Draws `chart` as SVG. Bars have class "bar series-<i>", legend entries class "legend".
/// \throws InvalidArgument if there are no groups or series, more than 6 series, a group with
/// the wrong number of values, no finite value, an infinite value, or a required text empty.
[[nodiscard]] svg::Document grouped_bar_chart(const GroupedBarChart& chart);

}  // namespace marketshock::report
