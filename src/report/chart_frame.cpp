#include "report/detail/chart_frame.hpp"

#include <marketshock/core/require.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace marketshock::report {

namespace {

constexpr std::array<double, 5> kNiceMultipliers = {1, 2, 2.5, 5, 10};
constexpr double kTolerance = 1e-9;

// A step of `multiplier` times 10^`exponent`, kept apart so that tick values are computed as
// (i * multiplier) scaled by a power of ten: 3 * 0.05 is then 15 / 100 = 0.15, not 0.150...02.
struct NiceStep {
  double multiplier = 1;
  int exponent = 0;
  [[nodiscard]] double scaled(double x) const {
    const double power = std::pow(10.0, std::abs(exponent));
    return exponent >= 0 ? x * power : x / power;
  }
  [[nodiscard]] double value() const { return scaled(multiplier); }
};

// The smallest 1, 2, 2.5 or 5 times a power of ten that is at least `raw` (> 0).
NiceStep nice_step_at_least(double raw) {
  const int exponent = static_cast<int>(std::floor(std::log10(raw)));
  for (const double m : kNiceMultipliers) {
    const NiceStep step{m, exponent};
    if (step.value() >= raw * (1 - kTolerance)) return step;
  }
  return NiceStep{1, exponent + 1};
}

int decimals_of(double step) {
  for (int d = 0; d <= 9; ++d) {
    const double scaled = step * std::pow(10.0, d);
    if (std::abs(scaled - std::round(scaled)) <= 1e-6 * scaled) return d;
  }
  return 9;
}

}  // namespace

AxisTicks nice_ticks(double min, double max, std::size_t target) {
  MARKETSHOCK_REQUIRE(std::isfinite(min) && std::isfinite(max) && min <= max,
                      "axis range [{}, {}] is not a finite interval", min, max);
  MARKETSHOCK_REQUIRE(target >= 1 && target <= 1000, "axis tick target {} is not 1..1000", target);
  AxisTicks ticks;
  const double raw =
      min < max ? (max - min) / static_cast<double>(target) : (min == 0 ? 1.0 : std::abs(min) / 10);
  const NiceStep step = nice_step_at_least(raw);
  ticks.step = step.value();
  auto lo_index = static_cast<long long>(std::floor(min / ticks.step + kTolerance));
  auto hi_index = static_cast<long long>(std::ceil(max / ticks.step - kTolerance));
  if (lo_index == hi_index) {
    --lo_index;
    ++hi_index;
  }
  for (long long i = lo_index; i <= hi_index; ++i) {
    ticks.values.push_back(step.scaled(static_cast<double>(i) * step.multiplier));
  }
  ticks.lo = ticks.values.front();
  ticks.hi = ticks.values.back();
  ticks.decimals = decimals_of(ticks.step);
  return ticks;
}

std::string format_chart_value(double value, int decimals) {
  if (std::isnan(value)) return "n/a";
  std::string digits = fmt::format("{:.{}f}", std::abs(value), std::clamp(decimals, 0, 9));
  const bool zero = digits.find_first_not_of("0.") == std::string::npos;
  const std::size_t point = std::min(digits.find('.'), digits.size());
  std::string out = value < 0 && !zero ? "-" : "";
  for (std::size_t i = 0; i < point; ++i) {
    if (i > 0 && (point - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  out += digits.substr(point);
  return out;
}

namespace detail {

double text_width(std::string_view text, double font_size) {
  const auto code_points = std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
  return static_cast<double>(code_points) * 0.6 * font_size;
}

void require_frame(const ChartFrame& frame, std::string_view value_label, int value_decimals) {
  MARKETSHOCK_REQUIRE(!frame.title.empty(), "a chart needs a title");
  MARKETSHOCK_REQUIRE(!frame.source.empty(), "chart '{}' needs a source line", frame.title);
  MARKETSHOCK_REQUIRE(!value_label.empty(), "chart '{}' needs a value-axis label with its unit",
                      frame.title);
  MARKETSHOCK_REQUIRE(frame.width >= 200 && frame.height >= 150 && std::isfinite(frame.width) &&
                          std::isfinite(frame.height),
                      "chart '{}' of {} x {} px is smaller than 200 x 150", frame.title,
                      frame.width, frame.height);
  MARKETSHOCK_REQUIRE(value_decimals >= 0 && value_decimals <= 6,
                      "chart '{}': {} value decimals is not 0..6", frame.title, value_decimals);
}

double plot_top(const ChartFrame& frame, double extra) {
  return (frame.subtitle.empty() ? 48.0 : 70.0) + extra;
}

svg::Element label(double x, double y, std::string_view content, std::string_view css_class,
                   double font_size, std::string_view anchor) {
  svg::Element e = svg::text(x, y, content);
  if (!css_class.empty()) e.set("class", css_class);
  e.set("font-size", font_size);
  e.set("text-anchor", anchor);
  return e;
}

svg::Element vertical_label(double x, double y, std::string_view content) {
  svg::Element e = label(x, y, content, "axis-label", kLabelFont, "middle");
  e.set("transform", std::string_view(fmt::format("rotate(-90 {} {})", svg::format_number(x),
                                                  svg::format_number(y))));
  e.set("fill", kInk);
  return e;
}

svg::Document framed_document(const ChartFrame& frame, double height, std::string description) {
  svg::Document doc(frame.width, height, frame.title, std::move(description));
  doc.set_root_attribute("font-family", "DejaVu Sans, Liberation Sans, Arial, sans-serif");
  doc.add(svg::rect(0, 0, frame.width, height).set("class", "background").set("fill", "#ffffff"));
  doc.add(label(kMargin, 30, frame.title, "title", kTitleFont, "start")
              .set("font-weight", "bold")
              .set("fill", kInk));
  if (!frame.subtitle.empty()) {
    doc.add(label(kMargin, 52, frame.subtitle, "subtitle", kSubtitleFont, "start")
                .set("fill", kMutedInk));
  }
  doc.add(label(kMargin, height - 12, frame.source, "source", kSourceFont, "start")
              .set("fill", kMutedInk));
  return doc;
}

svg::Element bottom_value_axis(const PlotArea& area, const LinearScale& scale,
                               const AxisTicks& ticks, std::string_view axis_label) {
  svg::Element axis = svg::group("axis value-axis");
  for (const double v : ticks.values) {
    const double x = scale(v);
    axis.add(svg::line(x, area.top, x, area.bottom).set("class", "grid").set("stroke", kGrid));
    axis.add(
        svg::line(x, area.bottom, x, area.bottom + 4).set("class", "tick").set("stroke", kAxis));
    axis.add(label(x, area.bottom + 17, format_chart_value(v, ticks.decimals), "tick-label",
                   kTickFont, "middle")
                 .set("fill", kInk));
  }
  axis.add(svg::line(scale(ticks.lo), area.bottom, scale(ticks.hi), area.bottom)
               .set("class", "axis-line")
               .set("stroke", kAxis));
  axis.add(label((scale(ticks.lo) + scale(ticks.hi)) / 2, area.bottom + 36, axis_label,
                 "axis-label", kLabelFont, "middle")
               .set("fill", kInk));
  return axis;
}

std::string list_some(const std::vector<std::string>& items, std::size_t shown) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < shown; ++i) {
    if (i > 0) out += ", ";
    out += items[i];
  }
  if (items.size() > shown) out += fmt::format(" and {} more", items.size() - shown);
  return out;
}

}  // namespace detail

}  // namespace marketshock::report
