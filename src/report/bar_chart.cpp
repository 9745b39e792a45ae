#include <marketshock/report/charts.hpp>

#include <marketshock/core/require.hpp>

#include "report/detail/chart_frame.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace marketshock::report {

namespace {

using detail::kInk;
using detail::kLabelFont;
using detail::kMargin;
using detail::kTickFont;
using detail::label;
using detail::PlotArea;

constexpr std::array<std::string_view, 6> kSeriesFills = {"#4e79a7", "#f28e2b", "#59a14f",
                                                          "#b07aa1", "#76b7b2", "#edc948"};
constexpr double kMinBarThickness = 9;
constexpr double kMaxBarThickness = 26;
constexpr double kRowGap = 8;

struct Bar {
  double value = 0;  // NaN: an empty slot
  std::string css_class;
  std::string_view fill;
  bool highlight = false;
};

struct Row {
  std::string label;
  std::vector<Bar> bars;
  bool highlight = false;
};

struct Legend {
  std::vector<std::string> names;
};

void require_value(double v, std::string_view title, std::string_view what) {
  MARKETSHOCK_REQUIRE(!std::isinf(v), "chart '{}': infinite value for '{}'", title, what);
}

svg::Element legend_group(const Legend& legend, double y) {
  svg::Element g = svg::group("legend");
  double x = kMargin;
  for (std::size_t i = 0; i < legend.names.size(); ++i) {
    g.add(svg::rect(x, y - 10, 12, 12)
              .set("class", fmt::format("swatch series-{}", i))
              .set("fill", kSeriesFills[i]));
    g.add(label(x + 17, y, legend.names[i], "legend-label", kLabelFont, "start").set("fill", kInk));
    x += 17 + detail::text_width(legend.names[i], kLabelFont) + 22;
  }
  return g;
}

// Lays out and draws horizontal bars, `rows` top to bottom, each row's bars side by side.
svg::Document draw_bars(const ChartFrame& frame, std::string_view value_label,
                        std::string_view category_label, const std::vector<Row>& rows,
                        int value_decimals, const Legend* legend, std::string description) {
  const std::size_t per_row = rows.front().bars.size();
  double low = 0;
  double high = 0;
  double negative_label = 0;
  double positive_label = 0;
  double widest_category = 0;
  for (const Row& row : rows) {
    // Bold (highlighted) labels run about a tenth wider.
    widest_category = std::max(
        widest_category, detail::text_width(row.label, kLabelFont) * (row.highlight ? 1.12 : 1.0));
    for (const Bar& bar : row.bars) {
      if (std::isnan(bar.value)) continue;
      low = std::min(low, bar.value);
      high = std::max(high, bar.value);
      double& room = bar.value < 0 ? negative_label : positive_label;
      room = std::max(
          room, detail::text_width(format_chart_value(bar.value, value_decimals), kTickFont) + 8);
    }
  }
  PlotArea area;
  area.top = detail::plot_top(frame, legend != nullptr ? 30 : 10);
  const double row_min = static_cast<double>(per_row) * kMinBarThickness + kRowGap;
  const double height =
      std::max(frame.height, area.top + static_cast<double>(rows.size()) * row_min + 72);
  area.bottom = height - 72;
  area.left = kMargin + (category_label.empty() ? 0 : 22) + widest_category + 12;
  area.right = frame.width - kMargin;
  MARKETSHOCK_REQUIRE(area.width() - negative_label - positive_label > 50,
                      "chart '{}' is too narrow for its labels", frame.title);
  const auto target = static_cast<std::size_t>(
      std::clamp((area.width() - negative_label - positive_label) / 90, 3.0, 10.0));
  const AxisTicks ticks = nice_ticks(low, high, target);
  const detail::LinearScale x_of{ticks.lo, ticks.hi, area.left + negative_label,
                                 area.right - positive_label};

  svg::Document doc = detail::framed_document(frame, height, std::move(description));
  if (legend != nullptr) doc.add(legend_group(*legend, area.top - 18));
  doc.add(detail::bottom_value_axis(area, x_of, ticks, value_label));
  if (!category_label.empty()) {
    doc.add(detail::vertical_label(kMargin + 10, (area.top + area.bottom) / 2, category_label));
  }

  const double row_height = area.height() / static_cast<double>(rows.size());
  const double thickness =
      std::min(kMaxBarThickness, (row_height - kRowGap) / static_cast<double>(per_row));
  const double zero = x_of(0);
  svg::Element bars = svg::group("bars");
  svg::Element labels = svg::group("labels");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Row& row = rows[r];
    const double row_top = area.top + static_cast<double>(r) * row_height;
    const double first = row_top + (row_height - thickness * static_cast<double>(per_row)) / 2;
    labels.add(label(area.left - 10, row_top + row_height / 2 + 4, row.label, "category",
                     kLabelFont, "end")
                   .set("fill", kInk)
                   .set("font-weight", row.highlight ? "bold" : "normal"));
    for (std::size_t j = 0; j < row.bars.size(); ++j) {
      const Bar& bar = row.bars[j];
      if (std::isnan(bar.value)) continue;
      const double end = x_of(bar.value);
      const double y = first + static_cast<double>(j) * thickness;
      const std::string value_text = format_chart_value(bar.value, value_decimals);
      svg::Element rect =
          svg::rect(std::min(zero, end), y + 1, std::abs(end - zero), thickness - 2);
      rect.set("class", bar.highlight ? bar.css_class + " highlight" : bar.css_class)
          .set("fill", bar.highlight ? detail::kHighlightFill : bar.fill);
      if (bar.highlight) rect.set("stroke", kInk).set("stroke-width", 1.5);
      rect.add(svg::Element("title").set_text(fmt::format("{}: {}", row.label, value_text)));
      bars.add(std::move(rect));
      labels.add(label(bar.value < 0 ? end - 4 : end + 4, y + thickness / 2 + 4, value_text,
                       "value", kTickFont, bar.value < 0 ? "end" : "start")
                     .set("fill", kInk)
                     .set("font-weight", bar.highlight ? "bold" : "normal"));
    }
  }
  doc.add(std::move(bars));
  doc.add(
      svg::line(zero, area.top, zero, area.bottom).set("class", "zero-line").set("stroke", kInk));
  doc.add(std::move(labels));
  return doc;
}

}  // namespace

svg::Document bar_chart(const BarChart& chart) {
  detail::require_frame(chart.frame, chart.value_label, chart.value_decimals);
  const std::string& title = chart.frame.title;
  MARKETSHOCK_REQUIRE(!chart.bars.empty(), "chart '{}' has no bars", title);
  MARKETSHOCK_REQUIRE(!chart.highlight || *chart.highlight < chart.bars.size(),
                      "chart '{}': highlighted bar {} of {}", title, chart.highlight.value_or(0),
                      chart.bars.size());
  std::vector<Row> rows;
  std::vector<std::string> drawn;
  std::vector<std::string> skipped;
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const LabelledValue& b = chart.bars[i];
    require_value(b.value, title, b.label);
    if (std::isnan(b.value)) {
      skipped.push_back(b.label);
      continue;
    }
    const bool highlight = chart.highlight == i;
    drawn.push_back(
        fmt::format("{} {}", b.label, format_chart_value(b.value, chart.value_decimals)));
    rows.push_back(
        Row{b.label,
            {Bar{b.value, b.value < 0 ? "bar negative" : "bar positive",
                 b.value < 0 ? detail::kNegativeFill : detail::kPositiveFill, highlight}},
            highlight});
  }
  MARKETSHOCK_REQUIRE(!rows.empty(), "chart '{}' has no finite value", title);
  std::string description =
      fmt::format("Horizontal bar chart of {}, {} bar{}: {}.", chart.value_label, rows.size(),
                  rows.size() == 1 ? "" : "s", detail::list_some(drawn, 20));
  if (chart.highlight && !std::isnan(chart.bars[*chart.highlight].value)) {
    description += fmt::format(" Highlighted: {}.", chart.bars[*chart.highlight].label);
  }
  if (!skipped.empty()) {
    description += fmt::format(" {} bar{} with no value skipped: {}.", skipped.size(),
                               skipped.size() == 1 ? "" : "s", detail::list_some(skipped, 10));
  }
  return draw_bars(chart.frame, chart.value_label, chart.category_label, rows, chart.value_decimals,
                   nullptr, std::move(description));
}

svg::Document grouped_bar_chart(const GroupedBarChart& chart) {
  detail::require_frame(chart.frame, chart.value_label, chart.value_decimals);
  const std::string& title = chart.frame.title;
  MARKETSHOCK_REQUIRE(!chart.groups.empty(), "chart '{}' has no groups", title);
  MARKETSHOCK_REQUIRE(!chart.series.empty() && chart.series.size() <= kSeriesFills.size(),
                      "chart '{}' has {} series, not 1..{}", title, chart.series.size(),
                      kSeriesFills.size());
  std::vector<Row> rows;
  std::vector<std::string> drawn;
  std::vector<std::string> skipped;
  for (const BarGroup& g : chart.groups) {
    MARKETSHOCK_REQUIRE(g.values.size() == chart.series.size(),
                        "chart '{}': group '{}' has {} values for {} series", title, g.label,
                        g.values.size(), chart.series.size());
    Row row{g.label, {}, false};
    std::vector<std::string> parts;
    for (std::size_t s = 0; s < g.values.size(); ++s) {
      require_value(g.values[s], title, g.label);
      row.bars.push_back(Bar{g.values[s], fmt::format("bar series-{}", s), kSeriesFills[s], false});
      if (std::isnan(g.values[s])) {
        skipped.push_back(fmt::format("{} ({})", g.label, chart.series[s]));
      } else {
        parts.push_back(fmt::format("{} {}", chart.series[s],
                                    format_chart_value(g.values[s], chart.value_decimals)));
      }
    }
    if (!parts.empty())
      drawn.push_back(fmt::format("{}: {}", g.label, detail::list_some(parts, parts.size())));
    rows.push_back(std::move(row));
  }
  MARKETSHOCK_REQUIRE(!drawn.empty(), "chart '{}' has no finite value", title);
  std::string description = fmt::format(
      "Grouped horizontal bar chart of {} for {}, {} groups: {}.", chart.value_label,
      detail::list_some(chart.series, chart.series.size()), rows.size(), fmt::join(drawn, "; "));
  if (!skipped.empty()) {
    description += fmt::format(" {} bar{} with no value skipped: {}.", skipped.size(),
                               skipped.size() == 1 ? "" : "s", detail::list_some(skipped, 10));
  }
  const Legend legend{chart.series};
  return draw_bars(chart.frame, chart.value_label, chart.category_label, rows, chart.value_decimals,
                   &legend, std::move(description));
}

}  // namespace marketshock::report
