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

using boost::gregorian::date;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;
using testing_svg::find_by_class;
using testing_svg::number;
using testing_svg::texts_of;

// NVIDIA's market value in $B around the DeepSeek selloff (illustrative round values).
TimeSeriesChart nvda_week() {
  TimeSeriesChart chart;
  chart.frame.title = "NVIDIA market value around 2025-01-27";
  chart.frame.source =
      "Source: marketshock embedded dataset (Yahoo Finance prices, SEC share counts); close to "
      "close";
  chart.value_label = "market value, $B";
  chart.points = {{date(2025, 1, 21), 3440}, {date(2025, 1, 22), 3490}, {date(2025, 1, 23), 3470},
                  {date(2025, 1, 24), 3490}, {date(2025, 1, 27), 2900}, {date(2025, 1, 28), 3140},
                  {date(2025, 1, 29), 3010}, {date(2025, 1, 30), 2950}, {date(2025, 1, 31), 2940}};
  chart.highlight = date(2025, 1, 27);
  chart.highlight_label = "DeepSeek selloff";
  return chart;
}

TEST(TimeSeriesChart, IsWellFormedWithTitleAxesAndSource) {
  const svg::Document doc = time_series_chart(nvda_week());
  const std::string svg = doc.render();
  EXPECT_EQ(testing_xml::well_formedness_error(svg), "");
  EXPECT_EQ(doc.title(), "NVIDIA market value around 2025-01-27");
  EXPECT_THAT(texts_of(doc, "title"), ElementsAre("NVIDIA market value around 2025-01-27"));
  EXPECT_THAT(texts_of(doc, "axis-label"), ElementsAre("market value, $B", "trading day"));
  const auto source = find_by_class(doc, "source");
  ASSERT_EQ(source.size(), 1U);
  EXPECT_THAT(source[0]->text(), HasSubstr("Yahoo Finance prices, SEC share counts"));
  EXPECT_EQ(number(*source[0], "y"), doc.height() - 12);  // the bottom line
}

TEST(TimeSeriesChart, ValueTicksAreNiceAndEvenlySpaced) {
  const svg::Document doc = time_series_chart(nvda_week());
  // Plot 540 - 72 - (48 + 20) = 400 px high -> 400 / 55 -> 7 intervals wanted; (3490 - 2900) / 7
  // = 84.3 -> step 100, from 2,900 to 3,500.
  const auto labels = find_by_class(doc, "tick-label");
  std::vector<std::string> value_labels;
  std::vector<double> ys;
  for (const svg::Element* e : labels) {
    if (e->attribute("text-anchor") == "end") {
      value_labels.push_back(e->text());
      ys.push_back(number(*e, "y"));
    }
  }
  EXPECT_THAT(value_labels,
              ElementsAre("2,900", "3,000", "3,100", "3,200", "3,300", "3,400", "3,500"));
  ASSERT_EQ(ys.size(), 7U);
  for (std::size_t i = 1; i < ys.size(); ++i) EXPECT_NEAR(ys[i - 1] - ys[i], ys[0] - ys[1], 0.02);
}

TEST(TimeSeriesChart, DatesAreIsoAndTheEventDayIsLabelledAndHighlighted) {
  const svg::Document doc = time_series_chart(nvda_week());
  std::vector<std::string> date_labels;
  for (const svg::Element* e : find_by_class(doc, "tick-label")) {
    if (e->attribute("text-anchor") == "middle") date_labels.push_back(e->text());
  }
  // 9 points on an 835 px wide plot: 10 slots of 80 px, so every date is labelled.
  EXPECT_THAT(date_labels,
              ElementsAre("2025-01-21", "2025-01-22", "2025-01-23", "2025-01-24", "2025-01-27",
                          "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"));
  EXPECT_THAT(texts_of(doc, "highlight-label"), ElementsAre("DeepSeek selloff (2025-01-27)"));
  const auto marker = find_by_class(doc, "highlight-point");
  ASSERT_EQ(marker.size(), 1U);
  EXPECT_EQ(marker[0]->attribute("fill"), "#f28e2b");
  // The marker sits on the lowest point: the bottom tick (2,900) line.
  const auto grid = find_by_class(doc, "grid");
  ASSERT_FALSE(grid.empty());
  EXPECT_NEAR(number(*marker[0], "cy"), number(*grid.front(), "y1"), 0.02);
}

TEST(TimeSeriesChart, ThinsDateLabelsAroundTheEventDay) {
  TimeSeriesChart chart = nvda_week();
  chart.points.clear();
  date d(2024, 12, 2);
  for (int i = 0; i < 40; ++i, d += boost::gregorian::days(1))
    chart.points.push_back({d, 3000.0 + i});
  chart.highlight = date(2024, 12, 30);
  const svg::Document doc = time_series_chart(chart);
  std::vector<std::string> date_labels;
  for (const svg::Element* e : find_by_class(doc, "tick-label")) {
    if (e->attribute("text-anchor") == "middle") date_labels.push_back(e->text());
  }
  // 40 points, 10 slots -> every 4th point, anchored on the highlight (index 28).
  EXPECT_EQ(date_labels.size(), 10U);
  EXPECT_THAT(date_labels, ::testing::Contains("2024-12-30"));
  EXPECT_EQ(date_labels.front(), "2024-12-02");
}

TEST(TimeSeriesChart, LongSeriesLabelMonths) {
  TimeSeriesChart chart = nvda_week();
  chart.highlight.reset();
  chart.points.clear();
  for (date d(2024, 7, 1); d <= date(2025, 1, 31); d += boost::gregorian::days(1)) {
    if (d.day_of_week() != boost::date_time::Saturday &&
        d.day_of_week() != boost::date_time::Sunday) {
      chart.points.push_back({d, 3000});
    }
  }
  const svg::Document doc = time_series_chart(chart);
  std::vector<std::string> date_labels;
  for (const svg::Element* e : find_by_class(doc, "tick-label")) {
    if (e->attribute("text-anchor") == "middle") date_labels.push_back(e->text());
  }
  EXPECT_THAT(date_labels, ElementsAre("Jul 2024", "Aug 2024", "Sep 2024", "Oct 2024", "Nov 2024",
                                       "Dec 2024", "Jan 2025"));
}

TEST(TimeSeriesChart, MissingValuesAreGapsAndStatedInTheDescription) {
  TimeSeriesChart chart = nvda_week();
  chart.points[6].value = std::nan("");
  const svg::Document doc = time_series_chart(chart);
  EXPECT_THAT(doc.description(),
              HasSubstr("1 point with no value skipped (drawn as a gap): 2025-01-29."));
  const auto series = find_by_class(doc, "series");
  ASSERT_EQ(series.size(), 1U);
  const std::string d{*series[0]->attribute("d")};
  EXPECT_EQ(std::count(d.begin(), d.end(), 'M'), 2);  // two runs: 21..28 and 30..31
  EXPECT_EQ(find_by_class(doc, "point").size(), 8U);
  EXPECT_EQ(testing_xml::well_formedness_error(doc.render()), "");
}

TEST(TimeSeriesChart, DescriptionStatesRangeExtremesAndHighlight) {
  const svg::Document doc = time_series_chart(nvda_week());
  EXPECT_THAT(doc.description(),
              HasSubstr("Line chart of market value, $B on 9 trading days from 2025-01-21 to "
                        "2025-01-31; lowest 2,900 on 2025-01-27, highest 3,490 on 2025-01-22."));
  EXPECT_THAT(doc.description(), HasSubstr("Highlighted: DeepSeek selloff, 2025-01-27 (2,900)."));
}

TEST(TimeSeriesChart, AnnotationsAreEscapedAndDrawnAtTheirPoint) {
  TimeSeriesChart chart = nvda_week();
  chart.annotations = {{date(2025, 1, 24), "record close <$3.49T> & \"peak\""}};
  const svg::Document doc = time_series_chart(chart);
  EXPECT_THAT(texts_of(doc, "annotation-label"), ElementsAre("record close <$3.49T> & \"peak\""));
  const std::string svg = doc.render();
  EXPECT_THAT(svg, HasSubstr("record close &lt;$3.49T&gt; &amp; &quot;peak&quot;"));
  EXPECT_EQ(testing_xml::well_formedness_error(svg), "");
}

TEST(TimeSeriesChart, IncludeZeroStretchesTheAxisToZero) {
  TimeSeriesChart chart = nvda_week();
  chart.include_zero = true;
  const svg::Document doc = time_series_chart(chart);
  const auto labels = find_by_class(doc, "tick-label");
  std::vector<std::string> value_labels;
  for (const svg::Element* e : labels) {
    if (e->attribute("text-anchor") == "end") value_labels.push_back(e->text());
  }
  // (3490 - 0) / 7 = 498.6 -> 500.
  EXPECT_THAT(value_labels,
              ElementsAre("0", "500", "1,000", "1,500", "2,000", "2,500", "3,000", "3,500"));
}

TEST(TimeSeriesChart, RejectsUnusableInput) {
  TimeSeriesChart empty = nvda_week();
  empty.points.clear();
  empty.highlight.reset();
  EXPECT_THAT([&] { (void)time_series_chart(empty); },
              ThrowsMessage<InvalidArgument>(
                  HasSubstr("chart 'NVIDIA market value around 2025-01-27' has no points")));

  TimeSeriesChart all_nan = nvda_week();
  for (auto& p : all_nan.points) p.value = std::nan("");
  EXPECT_THAT([&] { (void)time_series_chart(all_nan); },
              ThrowsMessage<InvalidArgument>(HasSubstr("has no finite value")));

  TimeSeriesChart unsorted = nvda_week();
  std::swap(unsorted.points[0], unsorted.points[1]);
  EXPECT_THAT(
      [&] { (void)time_series_chart(unsorted); },
      ThrowsMessage<InvalidArgument>(HasSubstr("dates not strictly increasing at 2025-01-21")));

  TimeSeriesChart off_series = nvda_week();
  off_series.highlight = date(2025, 1, 25);
  EXPECT_THAT([&] { (void)time_series_chart(off_series); },
              ThrowsMessage<InvalidArgument>(
                  HasSubstr("highlight 2025-01-25 is not a date of the series")));

  TimeSeriesChart infinite = nvda_week();
  infinite.points[2].value = INFINITY;
  EXPECT_THROW((void)time_series_chart(infinite), InvalidArgument);

  TimeSeriesChart no_source = nvda_week();
  no_source.frame.source.clear();
  EXPECT_THAT([&] { (void)time_series_chart(no_source); },
              ThrowsMessage<InvalidArgument>(HasSubstr("needs a source line")));

  TimeSeriesChart no_unit = nvda_week();
  no_unit.value_label.clear();
  EXPECT_THAT([&] { (void)time_series_chart(no_unit); },
              ThrowsMessage<InvalidArgument>(HasSubstr("needs a value-axis label")));
}

TEST(TimeSeriesChart, SinglePointIsCentred) {
  TimeSeriesChart chart = nvda_week();
  chart.points = {{date(2025, 1, 27), 2900}};
  chart.highlight.reset();
  const svg::Document doc = time_series_chart(chart);
  EXPECT_EQ(testing_xml::well_formedness_error(doc.render()), "");
  const auto point = find_by_class(doc, "point");
  ASSERT_EQ(point.size(), 1U);
  const auto axis = find_by_class(doc, "axis-line");
  ASSERT_EQ(axis.size(), 1U);
  EXPECT_NEAR(number(*point[0], "cx"), (number(*axis[0], "x1") + number(*axis[0], "x2")) / 2, 0.01);
  EXPECT_THAT(doc.description(), HasSubstr("on 1 trading day from 2025-01-27 to 2025-01-27"));
}

}  // namespace
}  // namespace marketshock::report
