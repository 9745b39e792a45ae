// Private: what every chart shares (margins, palette, text metrics, the frame, value axes).
#pragma once

#include <marketshock/report/charts.hpp>
#include <marketshock/report/svg.hpp>

#include <string>
#include <string_view>

namespace marketshock::report::detail {

// Palette (Tableau 10): distinguishable for the common colour-vision deficiencies, and the
// highlight is also marked by an outline and bold text, not by colour alone.
inline constexpr std::string_view kNegativeFill = "#e15759";
inline constexpr std::string_view kPositiveFill = "#4e79a7";
inline constexpr std::string_view kHighlightFill = "#f28e2b";
inline constexpr std::string_view kSeriesStroke = "#4e79a7";
inline constexpr std::string_view kInk = "#222222";
inline constexpr std::string_view kMutedInk = "#555555";
inline constexpr std::string_view kGrid = "#dddddd";
inline constexpr std::string_view kAxis = "#444444";

inline constexpr double kMargin = 24;
inline constexpr double kTickFont = 11;
inline constexpr double kLabelFont = 12;
inline constexpr double kTitleFont = 18;
inline constexpr double kSubtitleFont = 13;
inline constexpr double kSourceFont = 11;

// The rectangle data are drawn in, in user units.
struct PlotArea {
  double left = 0;
  double top = 0;
  double right = 0;
  double bottom = 0;
  [[nodiscard]] double width() const { return right - left; }
  [[nodiscard]] double height() const { return bottom - top; }
};

// Maps [d0, d1] linearly onto [r0, r1].
struct LinearScale {
  double d0 = 0;
  double d1 = 1;
  double r0 = 0;
  double r1 = 1;
  [[nodiscard]] double operator()(double v) const { return r0 + (v - d0) / (d1 - d0) * (r1 - r0); }
};

// An estimate of the rendered width of `text` in a sans-serif font of `font_size` pixels
// (0.6 em a character: DejaVu Sans digits are 0.64 em, lower-case letters about 0.55 em).
[[nodiscard]] double text_width(std::string_view text, double font_size);

// Throws InvalidArgument when the title, source or value label is empty, a size is not
// positive, or `value_decimals` is outside 0..6.
void require_frame(const ChartFrame& frame, std::string_view value_label, int value_decimals);

// Top of the plot area below the title (and subtitle), leaving `extra` pixels free above it.
[[nodiscard]] double plot_top(const ChartFrame& frame, double extra);

// The document with background, title, subtitle and source line, sized width x height.
[[nodiscard]] svg::Document framed_document(const ChartFrame& frame, double height,
                                            std::string description);

// A `<text>` in the given class, size and anchor ("start", "middle", "end").
[[nodiscard]] svg::Element label(double x, double y, std::string_view content,
                                 std::string_view css_class, double font_size,
                                 std::string_view anchor);

// A label rotated a quarter turn anticlockwise about its anchor, for a vertical axis.
[[nodiscard]] svg::Element vertical_label(double x, double y, std::string_view content);

// Vertical grid lines, tick marks and labels of a horizontal value axis along the bottom of
// `area`, with `scale` mapping values to x, and `axis_label` centred beneath.
[[nodiscard]] svg::Element bottom_value_axis(const PlotArea& area, const LinearScale& scale,
                                             const AxisTicks& ticks, std::string_view axis_label);

// "a, b, c and 2 more" from at most `shown` items of `items`.
[[nodiscard]] std::string list_some(const std::vector<std::string>& items, std::size_t shown);

}  // namespace marketshock::report::detail
