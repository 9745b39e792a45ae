#include <marketshock/report/charts.hpp>

#include <marketshock/core/error.hpp>

#include "report/svg_tree.hpp"
#include "report/xml_check.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace marketshock::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::ThrowsMessage;
using testing_svg::find_by_class;
using testing_svg::has_class;
using testing_svg::number;
using testing_svg::texts_of;

constexpr const char* kSource =
    "Source: marketshock embedded dataset (Yahoo Finance prices, SEC share counts); close to close";

BarChart three_bars() {
  BarChart chart;
  chart.frame.title = "Top contributors, Nasdaq-100, 2025-01-27";
  chart.frame.source = kSource;
  chart.value_label = "contribution, index points";
  chart.category_label = "constituent";
  chart.bars = {{"NVDA", -600}, {"AVGO", -280}, {"AAPL", 100}};
  chart.highlight = 0;
  return chart;
}

double tick_x(const svg::Document& doc, const std::string& label) {
  for (const svg::Element* e : find_by_class(doc, "tick-label")) {
    if (e->text() == label) return number(*e, "x");
  }
  ADD_FAILURE() << "no tick labelled " << label;
  return 0;
}

TEST(BarChart, GeometryIsProportionalAroundTheZeroLine) {
  const svg::Document doc = bar_chart(three_bars());
  const auto bars = find_by_class(doc, "bar");
  ASSERT_EQ(bars.size(), 3U);
  // Plot 90.3..936 px (bold "NVDA" is wider); less the room for the value labels "-600.0"
  // (47.6 px) and "100.0" (41 px), 757.1 px: 8 intervals of 90 px, (100 - -600) / 8 = 87.5 ->
  // step 100, ticks -600..100.
  EXPECT_THAT(texts_of(doc, "tick-label"),
              ElementsAre("-600", "-500", "-400", "-300", "-200", "-100", "0", "100"));
  const double x0 = tick_x(doc, "0");
  const double px_per_unit = (tick_x(doc, "100") - x0) / 100;
  // Coordinates are written with two decimals; scaling px_per_unit by 600 amplifies that.
  constexpr double kScaled = 0.1;
  EXPECT_NEAR(tick_x(doc, "-600"), x0 - 600 * px_per_unit, kScaled);
  ASSERT_GT(px_per_unit, 0);
  const auto zero_line = find_by_class(doc, "zero-line");
  ASSERT_EQ(zero_line.size(), 1U);
  EXPECT_NEAR(number(*zero_line[0], "x1"), x0, 0.01);

  // Negative bars end at zero and extend 600 and 280 units left; the positive one starts at zero.
  EXPECT_NEAR(number(*bars[0], "x") + number(*bars[0], "width"), x0, 0.02);
  EXPECT_NEAR(number(*bars[0], "width"), 600 * px_per_unit, kScaled);
  EXPECT_NEAR(number(*bars[1], "x") + number(*bars[1], "width"), x0, 0.02);
  EXPECT_NEAR(number(*bars[1], "width"), 280 * px_per_unit, kScaled);
  EXPECT_NEAR(number(*bars[2], "x"), x0, 0.02);
  EXPECT_NEAR(number(*bars[2], "width"), 100 * px_per_unit, kScaled);
  EXPECT_NEAR(number(*bars[0], "width") / number(*bars[2], "width"), 6.0, 0.001);

  // Rows top to bottom in input order, equally thick.
  EXPECT_LT(number(*bars[0], "y"), number(*bars[1], "y"));
  EXPECT_LT(number(*bars[1], "y"), number(*bars[2], "y"));
  EXPECT_EQ(number(*bars[0], "height"), number(*bars[2], "height"));
}

TEST(BarChart, ValueLabelsSitAtTheBarEnds) {
  const svg::Document doc = bar_chart(three_bars());
  const auto bars = find_by_class(doc, "bar");
  const auto values = find_by_class(doc, "value");
  ASSERT_EQ(values.size(), 3U);
  EXPECT_EQ(values[0]->text(), "-600.0");
  EXPECT_EQ(values[2]->text(), "100.0");
  // Negative: right-aligned just left of the bar's left end; positive: just right of its end.
  EXPECT_EQ(values[0]->attribute("text-anchor"), "end");
  EXPECT_NEAR(number(*values[0], "x"), number(*bars[0], "x") - 4, 0.02);
  EXPECT_EQ(values[2]->attribute("text-anchor"), "start");
  EXPECT_NEAR(number(*values[2], "x"), number(*bars[2], "x") + number(*bars[2], "width") + 4, 0.02);
  // The label of the longest negative bar stays right of the category labels.
  const auto categories = find_by_class(doc, "category");
  ASSERT_EQ(categories.size(), 3U);
  EXPECT_GT(number(*values[0], "x") - 6.0 * 0.6 * 11, number(*categories[0], "x"));
}

TEST(BarChart, HighlightedBarHasItsClassColourOutlineAndBoldLabels) {
  const svg::Document doc = bar_chart(three_bars());
  const auto bars = find_by_class(doc, "bar");
  ASSERT_EQ(bars.size(), 3U);
  EXPECT_TRUE(has_class(*bars[0], "highlight"));
  EXPECT_TRUE(has_class(*bars[0], "negative"));
  EXPECT_EQ(bars[0]->attribute("fill"), "#f28e2b");
  EXPECT_EQ(bars[0]->attribute("stroke"), "#222222");
  EXPECT_FALSE(has_class(*bars[1], "highlight"));
  EXPECT_EQ(bars[1]->attribute("fill"), "#e15759");
  EXPECT_TRUE(has_class(*bars[2], "positive"));
  EXPECT_EQ(bars[2]->attribute("fill"), "#4e79a7");
  EXPECT_EQ(find_by_class(doc, "category")[0]->attribute("font-weight"), "bold");
  EXPECT_EQ(find_by_class(doc, "category")[1]->attribute("font-weight"), "normal");
  EXPECT_THAT(doc.description(), HasSubstr("Highlighted: NVDA."));
}

TEST(BarChart, EscapesLabelsAndStaysWellFormed) {
  BarChart chart = three_bars();
  chart.frame.title = "R&D <leaders> \"Q1\" 'top'";
  chart.bars[1].label = "AT&T <\"T\">";
  const svg::Document doc = bar_chart(chart);
  const std::string svg = doc.render();
  EXPECT_EQ(testing_xml::well_formedness_error(svg), "");
  EXPECT_THAT(svg, HasSubstr("AT&amp;T &lt;&quot;T&quot;&gt;"));
  EXPECT_THAT(svg, HasSubstr("R&amp;D &lt;leaders&gt; &quot;Q1&quot; &apos;top&apos;"));
  EXPECT_THAT(svg, Not(HasSubstr("AT&T")));
  EXPECT_THAT(texts_of(doc, "category"), ElementsAre("NVDA", "AT&T <\"T\">", "AAPL"));
}

TEST(BarChart, HasTitleAxisLabelsAndSourceLine) {
  const svg::Document doc = bar_chart(three_bars());
  EXPECT_THAT(texts_of(doc, "title"), ElementsAre("Top contributors, Nasdaq-100, 2025-01-27"));
  EXPECT_THAT(texts_of(doc, "axis-label"),
              ElementsAre("contribution, index points", "constituent"));
  const auto source = find_by_class(doc, "source");
  ASSERT_EQ(source.size(), 1U);
  EXPECT_EQ(source[0]->text(), kSource);
  EXPECT_EQ(number(*source[0], "y"), doc.height() - 12);
  EXPECT_THAT(doc.description(),
              HasSubstr("Horizontal bar chart of contribution, index points, 3 bars: NVDA -600.0, "
                        "AVGO -280.0, AAPL 100.0."));
}

TEST(BarChart, SkipsMissingValuesAndSaysSo) {
  BarChart chart = three_bars();
  chart.bars.insert(chart.bars.begin() + 1, {"TSLA", std::nan("")});
  const svg::Document doc = bar_chart(chart);
  EXPECT_EQ(find_by_class(doc, "bar").size(), 3U);
  EXPECT_THAT(texts_of(doc, "category"), ElementsAre("NVDA", "AVGO", "AAPL"));
  EXPECT_THAT(doc.description(), HasSubstr("1 bar with no value skipped: TSLA."));
}

TEST(BarChart, ManyBarsGrowTheChart) {
  BarChart chart = three_bars();
  chart.bars.clear();
  for (int i = 0; i < 40; ++i) chart.bars.push_back({"S" + std::to_string(i), -10.0 * i});
  const svg::Document doc = bar_chart(chart);
  EXPECT_GT(doc.height(), 540);
  const auto bars = find_by_class(doc, "bar");
  EXPECT_GE(number(*bars[1], "height"), 7);
  EXPECT_EQ(testing_xml::well_formedness_error(doc.render()), "");
}

TEST(BarChart, RejectsUnusableInput) {
  BarChart empty = three_bars();
  empty.bars.clear();
  empty.highlight.reset();
  EXPECT_THAT([&] { (void)bar_chart(empty); },
              ThrowsMessage<InvalidArgument>(
                  HasSubstr("chart 'Top contributors, Nasdaq-100, 2025-01-27' has no bars")));
  BarChart all_nan = three_bars();
  for (auto& b : all_nan.bars) b.value = std::nan("");
  EXPECT_THAT([&] { (void)bar_chart(all_nan); },
              ThrowsMessage<InvalidArgument>(HasSubstr("has no finite value")));
  BarChart out_of_range = three_bars();
  out_of_range.highlight = 3;
  EXPECT_THAT([&] { (void)bar_chart(out_of_range); },
              ThrowsMessage<InvalidArgument>(HasSubstr("highlighted bar 3 of 3")));
  BarChart infinite = three_bars();
  infinite.bars[1].value = -INFINITY;
  EXPECT_THAT([&] { (void)bar_chart(infinite); },
              ThrowsMessage<InvalidArgument>(HasSubstr("infinite value for 'AVGO'")));
  BarChart no_title = three_bars();
  no_title.frame.title.clear();
  EXPECT_THAT([&] { (void)bar_chart(no_title); },
              ThrowsMessage<InvalidArgument>(HasSubstr("a chart needs a title")));
}

GroupedBarChart sectors() {
  GroupedBarChart chart;
  chart.frame.title = "Sector contributions, 2025-01-27";
  chart.frame.source = kSource;
  chart.value_label = "contribution, % of index";
  chart.series = {"S&P 500", "Nasdaq-100"};
  chart.groups = {{"Information Technology", {-1.9, -2.8}},
                  {"Utilities", {-0.1, std::nan("")}},
                  {"Consumer Staples", {0.2, 0.1}}};
  return chart;
}

TEST(GroupedBarChart, OneBarPerSeriesWithLegendAndGaps) {
  const svg::Document doc = grouped_bar_chart(sectors());
  EXPECT_EQ(testing_xml::well_formedness_error(doc.render()), "");
  EXPECT_EQ(find_by_class(doc, "series-0").size(), 4U);  // 3 bars and the legend swatch
  EXPECT_EQ(find_by_class(doc, "series-1").size(), 3U);  // one missing
  EXPECT_THAT(texts_of(doc, "legend-label"), ElementsAre("S&P 500", "Nasdaq-100"));
  EXPECT_THAT(doc.render(), HasSubstr("S&amp;P 500"));
  EXPECT_THAT(doc.description(), HasSubstr("1 bar with no value skipped: Utilities (Nasdaq-100)."));
  EXPECT_THAT(doc.description(),
              HasSubstr("Information Technology: S&P 500 -1.9, Nasdaq-100 -2.8"));
  // Within a group the series are stacked top to bottom in series order.
  const auto bars = find_by_class(doc, "bar");
  ASSERT_EQ(bars.size(), 5U);
  EXPECT_LT(number(*bars[0], "y"), number(*bars[1], "y"));
  EXPECT_NEAR(number(*bars[0], "y") + number(*bars[0], "height") + 2, number(*bars[1], "y"), 0.02);
}

TEST(GroupedBarChart, RejectsMismatchedGroups) {
  GroupedBarChart chart = sectors();
  chart.groups[1].values.pop_back();
  EXPECT_THAT(
      [&] { (void)grouped_bar_chart(chart); },
      ThrowsMessage<InvalidArgument>(HasSubstr("group 'Utilities' has 1 values for 2 series")));
  GroupedBarChart no_series = sectors();
  no_series.series.clear();
  EXPECT_THROW((void)grouped_bar_chart(no_series), InvalidArgument);
}

}  // namespace
}  // namespace marketshock::report
