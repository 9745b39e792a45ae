#include <marketshock/report/charts.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>

#include "report/detail/chart_frame.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

namespace marketshock::report {

namespace {

using boost::gregorian::date;
using detail::kAxis;
using detail::kInk;
using detail::kMargin;
using detail::kTickFont;
using detail::label;
using detail::PlotArea;

constexpr double kDateLabelSlot = 80;   // "YYYY-MM-DD" at 11 px plus a gap
constexpr double kMonthLabelSlot = 70;  // "Jan 2025" plus a gap
constexpr long kMonthModeDays = 122;    // longer spans label month starts, not days
constexpr std::size_t kMaxMarkedPoints = 60;

std::size_t index_of(const std::vector<DatedValue>& points, date day, std::string_view what) {
  const auto it = std::lower_bound(points.begin(), points.end(), day,
                                   [](const DatedValue& p, date d) { return p.date < d; });
  MARKETSHOCK_REQUIRE(it != points.end() && it->date == day, "{} {} is not a date of the series",
                      what, format_iso_date(day));
  return static_cast<std::size_t>(it - points.begin());
}

// Indices of the points that get a date label, and the label of each.
std::vector<std::pair<std::size_t, std::string>> date_ticks(const TimeSeriesChart& chart,
                                                            double plot_width) {
  const auto& points = chart.points;
  const std::size_t n = points.size();
  std::vector<std::pair<std::size_t, std::string>> ticks;
  if ((points.back().date - points.front().date).days() > kMonthModeDays) {
    std::vector<std::size_t> month_starts;
    for (std::size_t i = 0; i < n; ++i) {
      if (i == 0 ? points[0].date.day() <= 7
                 : points[i].date.month() != points[i - 1].date.month()) {
        month_starts.push_back(i);
      }
    }
    const auto slots =
        std::max<std::size_t>(1, static_cast<std::size_t>(plot_width / kMonthLabelSlot));
    std::size_t stride = 1;
    for (const std::size_t k : {1, 2, 3, 6, 12}) {
      stride = k;
      if (month_starts.size() <= slots * k) break;
    }
    if (month_starts.size() > slots * stride) stride = (month_starts.size() + slots - 1) / slots;
    for (std::size_t j = 0; j < month_starts.size(); j += stride) {
      const date d = points[month_starts[j]].date;
      ticks.emplace_back(month_starts[j],
                         fmt::format("{} {}", d.month().as_short_string(), int{d.year()}));
    }
    return ticks;
  }
  const auto slots =
      std::max<std::size_t>(1, static_cast<std::size_t>(plot_width / kDateLabelSlot));
  const std::size_t stride = (n + slots - 1) / slots;
  const std::size_t anchor = chart.highlight ? index_of(points, *chart.highlight, "highlight") : 0;
  for (std::size_t i = anchor % stride; i < n; i += stride) {
    ticks.emplace_back(i, format_iso_date(points[i].date));
  }
  return ticks;
}

std::string describe(const TimeSeriesChart& chart, std::size_t lowest, std::size_t highest,
                     int decimals) {
  const auto& p = chart.points;
  std::string text = fmt::format(
      "Line chart of {} on {} trading day{} from {} to {}; lowest {} on {}, highest {} on {}.",
      chart.value_label, p.size(), p.size() == 1 ? "" : "s", format_iso_date(p.front().date),
      format_iso_date(p.back().date), format_chart_value(p[lowest].value, decimals),
      format_iso_date(p[lowest].date), format_chart_value(p[highest].value, decimals),
      format_iso_date(p[highest].date));
  if (chart.highlight) {
    const std::size_t h = index_of(p, *chart.highlight, "highlight");
    text += fmt::format(" Highlighted: {}{} ({}).",
                        chart.highlight_label.empty() ? "" : chart.highlight_label + ", ",
                        format_iso_date(p[h].date), format_chart_value(p[h].value, decimals));
  }
  std::vector<std::string> skipped;
  for (const DatedValue& v : p) {
    if (std::isnan(v.value)) skipped.push_back(format_iso_date(v.date));
  }
  if (!skipped.empty()) {
    text += fmt::format(" {} point{} with no value skipped (drawn as a gap): {}.", skipped.size(),
                        skipped.size() == 1 ? "" : "s", detail::list_some(skipped, 10));
  }
  return text;
}

}  // namespace

svg::Document time_series_chart(const TimeSeriesChart& chart) {
  detail::require_frame(chart.frame, chart.value_label, chart.extra_decimals);
  MARKETSHOCK_REQUIRE(!chart.date_label.empty(), "chart '{}' needs a date-axis label",
                      chart.frame.title);
  const auto& points = chart.points;
  MARKETSHOCK_REQUIRE(!points.empty(), "chart '{}' has no points", chart.frame.title);
  std::size_t lowest = points.size();
  std::size_t highest = points.size();
  for (std::size_t i = 0; i < points.size(); ++i) {
    MARKETSHOCK_REQUIRE(!points[i].date.is_special(), "chart '{}': point {} has no date",
                        chart.frame.title, i);
    MARKETSHOCK_REQUIRE(i == 0 || points[i - 1].date < points[i].date,
                        "chart '{}': dates not strictly increasing at {}", chart.frame.title,
                        format_iso_date(points[i].date));
    const double v = points[i].value;
    if (std::isnan(v)) continue;
    MARKETSHOCK_REQUIRE(std::isfinite(v), "chart '{}': infinite value on {}", chart.frame.title,
                        format_iso_date(points[i].date));
    if (lowest == points.size() || v < points[lowest].value) lowest = i;
    if (highest == points.size() || v > points[highest].value) highest = i;
  }
  MARKETSHOCK_REQUIRE(lowest < points.size(), "chart '{}' has no finite value", chart.frame.title);

  const double low =
      chart.include_zero ? std::min(0.0, points[lowest].value) : points[lowest].value;
  const double high =
      chart.include_zero ? std::max(0.0, points[highest].value) : points[highest].value;
  const ChartFrame& frame = chart.frame;
  PlotArea area;
  area.top = detail::plot_top(frame, chart.highlight ? 20 : 8);
  area.bottom = frame.height - 72;
  const auto target = static_cast<std::size_t>(std::clamp(area.height() / 55, 3.0, 8.0));
  const AxisTicks ticks = nice_ticks(low, high, target);
  const int decimals = ticks.decimals + chart.extra_decimals;
  double widest = 0;
  for (const double v : ticks.values) {
    widest = std::max(widest, detail::text_width(format_chart_value(v, decimals), kTickFont));
  }
  area.left = kMargin + 18 + widest + 10;
  area.right = frame.width - kMargin - 16;
  MARKETSHOCK_REQUIRE(area.width() > 50 && area.height() > 50,
                      "chart '{}' is too small for its axes", chart.frame.title);

  const double step = area.width() / static_cast<double>(points.size());
  const auto x_of = [&](std::size_t i) {
    return area.left + (static_cast<double>(i) + 0.5) * step;
  };
  const detail::LinearScale y_of{ticks.lo, ticks.hi, area.bottom, area.top};

  svg::Document doc =
      detail::framed_document(frame, frame.height, describe(chart, lowest, highest, decimals));
  // Value axis: horizontal grid lines with labels on the left.
  svg::Element value_axis = svg::group("axis value-axis");
  for (const double v : ticks.values) {
    const double y = y_of(v);
    value_axis.add(
        svg::line(area.left, y, area.right, y).set("class", "grid").set("stroke", detail::kGrid));
    value_axis.add(
        label(area.left - 8, y + 4, format_chart_value(v, decimals), "tick-label", kTickFont, "end")
            .set("fill", kInk));
  }
  value_axis.add(
      detail::vertical_label(kMargin + 10, (area.top + area.bottom) / 2, chart.value_label));
  doc.add(std::move(value_axis));

  // Highlight band behind the line, its label above the plot.
  if (chart.highlight) {
    const std::size_t h = index_of(points, *chart.highlight, "highlight");
    const std::string text =
        chart.highlight_label.empty()
            ? format_iso_date(points[h].date)
            : fmt::format("{} ({})", chart.highlight_label, format_iso_date(points[h].date));
    const double half = detail::text_width(text, detail::kLabelFont) / 2;
    const double x = std::clamp(x_of(h), area.left + half, area.right - half);
    doc.add(svg::group("highlight")
                .add(svg::rect(x_of(h) - step / 2, area.top, step, area.height())
                         .set("fill", detail::kHighlightFill)
                         .set("fill-opacity", 0.2))
                .add(label(x, area.top - 6, text, "highlight-label", detail::kLabelFont, "middle")
                         .set("font-weight", "bold")
                         .set("fill", kInk)));
  }

  // Date axis: a baseline, a short mark per point, labels where they fit.
  svg::Element date_axis = svg::group("axis date-axis");
  date_axis.add(svg::line(area.left, area.bottom, area.right, area.bottom)
                    .set("class", "axis-line")
                    .set("stroke", kAxis));
  const auto labelled = date_ticks(chart, area.width());
  for (const auto& [i, text] : labelled) {
    date_axis.add(svg::line(x_of(i), area.bottom, x_of(i), area.bottom + 5)
                      .set("class", "tick")
                      .set("stroke", kAxis));
    date_axis.add(label(x_of(i), area.bottom + 17, text, "tick-label", kTickFont, "middle")
                      .set("fill", kInk));
  }
  date_axis.add(label((area.left + area.right) / 2, area.bottom + 36, chart.date_label,
                      "axis-label", detail::kLabelFont, "middle")
                    .set("fill", kInk));
  doc.add(std::move(date_axis));

  // The series: one subpath per run of finite values, so missing values show as gaps.
  svg::PathData d;
  svg::Element markers = svg::group("points");
  bool pen_down = false;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (std::isnan(points[i].value)) {
      pen_down = false;
      continue;
    }
    const svg::Point p{x_of(i), y_of(points[i].value)};
    pen_down ? d.line_to(p) : d.move_to(p);
    pen_down = true;
    if (points.size() <= kMaxMarkedPoints) {
      markers.add(
          svg::circle(p.x, p.y, 2.5).set("class", "point").set("fill", detail::kSeriesStroke));
    }
  }
  doc.add(svg::path(d.str())
              .set("class", "series")
              .set("fill", "none")
              .set("stroke", detail::kSeriesStroke)
              .set("stroke-width", 2)
              .set("stroke-linejoin", "round"));
  doc.add(std::move(markers));
  if (chart.highlight) {
    const std::size_t h = index_of(points, *chart.highlight, "highlight");
    if (!std::isnan(points[h].value)) {
      doc.add(svg::circle(x_of(h), y_of(points[h].value), 5)
                  .set("class", "highlight-point")
                  .set("fill", detail::kHighlightFill)
                  .set("stroke", kInk)
                  .set("stroke-width", 1.5));
    }
  }

  // Annotations above their point (below it when the point is near the top).
  for (const DateAnnotation& note : chart.annotations) {
    const std::size_t i = index_of(points, note.date, "annotation");
    MARKETSHOCK_REQUIRE(!std::isnan(points[i].value), "chart '{}': annotation on {} has no value",
                        chart.frame.title, format_iso_date(note.date));
    const double x = x_of(i);
    const double y = y_of(points[i].value);
    const double w = detail::text_width(note.text, kTickFont);
    const std::string_view anchor = x - w / 2 < area.left    ? "start"
                                    : x + w / 2 > area.right ? "end"
                                                             : "middle";
    const double text_y = y - 10 - kTickFont < area.top ? y + 18 : y - 10;
    doc.add(svg::group("annotation")
                .add(svg::circle(x, y, 4).set("fill", "none").set("stroke", kInk))
                .add(label(x, text_y, note.text, "annotation-label", kTickFont, anchor)
                         .set("fill", kInk)));
  }
  return doc;
}

}  // namespace marketshock::report
