#include <marketshock/report/svg.hpp>

#include <marketshock/core/error.hpp>

#include "report/xml_check.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <locale>
#include <string>
#include <vector>

namespace marketshock::report::svg {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::ThrowsMessage;
using testing_xml::well_formedness_error;

TEST(EscapeXml, EscapesTheFiveMarkupCharacters) {
  EXPECT_EQ(escape_xml(R"(R&D <"Q1"> 'x')"), "R&amp;D &lt;&quot;Q1&quot;&gt; &apos;x&apos;");
  EXPECT_EQ(escape_xml("plain text 123"), "plain text 123");
  EXPECT_EQ(escape_xml(""), "");
}

TEST(EscapeXml, KeepsValidUtf8AndReplacesWhatXmlForbids) {
  EXPECT_EQ(escape_xml("S&P 500 \xE2\x88\x92 Nasdaq-100 \xE2\x80\x94 \xC3\xA9"),
            "S&amp;P 500 \xE2\x88\x92 Nasdaq-100 \xE2\x80\x94 \xC3\xA9");
  EXPECT_EQ(escape_xml("tab\tnewline\n"), "tab\tnewline\n");
  // C0 controls, a lone continuation byte, a truncated sequence, an overlong form, a UTF-16
  // surrogate and U+FFFE all become U+FFFD.
  EXPECT_EQ(escape_xml(std::string("a\x01"
                                   "b\x1F"
                                   "c",
                                   5)),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c");
  EXPECT_EQ(escape_xml("\x80"), "\xEF\xBF\xBD");
  EXPECT_EQ(escape_xml("\xE2\x88"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(escape_xml("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(escape_xml("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(escape_xml("\xEF\xBF\xBE"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(escape_xml("\xF0\x9F\x93\x89"), "\xF0\x9F\x93\x89");  // U+1F4C9, chart decreasing
}

TEST(FormatNumber, FixedPointWithoutTrailingZeros) {
  EXPECT_EQ(format_number(12.5), "12.5");
  EXPECT_EQ(format_number(3.0), "3");
  EXPECT_EQ(format_number(-0.001), "0");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(0.125, 2), "0.12");  // round half to even, as printf does on 0.125
  EXPECT_EQ(format_number(1234567.891), "1234567.89");
  EXPECT_EQ(format_number(1e-7, 9), "0.0000001");
  EXPECT_EQ(format_number(2.75, 0), "3");
  EXPECT_EQ(format_number(-42.100), "-42.1");
  EXPECT_EQ(format_number(1e15), "1000000000000000");  // never exponent notation
}

TEST(FormatNumber, IgnoresTheGlobalLocale) {
  // A locale with ',' as decimal point must not leak into SVG coordinates.
  std::locale previous;
  try {
    previous = std::locale::global(std::locale("de_DE.UTF-8"));
  } catch (const std::runtime_error&) {
    GTEST_SKIP() << "de_DE.UTF-8 locale not installed";
  }
  const std::string s = format_number(1234.5);
  std::locale::global(previous);
  EXPECT_EQ(s, "1234.5");
}

TEST(FormatNumber, RejectsNonFiniteValues) {
  EXPECT_THAT([] { (void)format_number(std::nan("")); },
              ThrowsMessage<InvalidArgument>(HasSubstr("cannot write nan as an SVG number")));
  EXPECT_THROW((void)format_number(std::numeric_limits<double>::infinity()), InvalidArgument);
  EXPECT_THROW((void)format_number(1.0, 10), InvalidArgument);
}

TEST(Element, RendersAttributesEscapedAndInOrder) {
  Element e("text");
  e.set("x", 10.0).set("y", 20.25).set("data-label", R"(a "b" & <c>)").set_text("R&D < 5");
  std::string out;
  e.render(out);
  EXPECT_EQ(out,
            "<text x=\"10\" y=\"20.25\" data-label=\"a &quot;b&quot; &amp; &lt;c&gt;\">"
            "R&amp;D &lt; 5</text>\n");
  EXPECT_EQ(e.attribute("data-label"), R"(a "b" & <c>)");
  EXPECT_EQ(e.attribute("missing"), std::nullopt);
}

TEST(Element, SettingAnAttributeAgainReplacesIt) {
  Element e = rect(1, 2, 3, 4);
  e.set("x", 5.0);
  ASSERT_EQ(e.attributes().size(), 4U);
  EXPECT_EQ(e.attribute("x"), "5");
}

TEST(Element, NestsChildrenIndentedAndSelfClosesEmptyElements) {
  Element g = group("bars");
  g.add(rect(0, 0, 10, 5)).add(line(0, 1, 2, 3));
  std::string out;
  g.render(out);
  EXPECT_EQ(out,
            "<g class=\"bars\">\n"
            "  <rect x=\"0\" y=\"0\" width=\"10\" height=\"5\"/>\n"
            "  <line x1=\"0\" y1=\"1\" x2=\"2\" y2=\"3\"/>\n"
            "</g>\n");
}

TEST(Element, RejectsInvalidNamesAndGeometry) {
  EXPECT_THAT([] { Element e("1abc"); },
              ThrowsMessage<InvalidArgument>(HasSubstr("invalid SVG element name '1abc'")));
  EXPECT_THAT([] { Element("g").set("a b", "c"); },
              ThrowsMessage<InvalidArgument>(HasSubstr("invalid SVG attribute name 'a b'")));
  EXPECT_THROW((void)Element("g").set("x", std::nan("")), InvalidArgument);
  EXPECT_THROW((void)rect(0, 0, -1, 2), InvalidArgument);
  EXPECT_THROW((void)circle(0, 0, -1), InvalidArgument);
}

TEST(Shapes, PolylinePathAndText) {
  const std::vector<Point> points = {{0, 0}, {10.5, 20}, {30, 5.25}};
  EXPECT_EQ(polyline(points).attribute("points"), "0,0 10.5,20 30,5.25");
  EXPECT_EQ(polyline(points).attribute("fill"), "none");
  PathData d;
  EXPECT_TRUE(d.empty());
  d.move_to({1, 2}).line_to({3.5, 4}).move_to({10, 10}).line_to({12, 8}).close();
  EXPECT_EQ(d.str(), "M1 2 L3.5 4 M10 10 L12 8 Z");
  EXPECT_EQ(path(d.str()).attribute("d"), d.str());
  const Element t = text(5, 6, "a < b");
  EXPECT_EQ(t.name(), "text");
  EXPECT_EQ(t.text(), "a < b");
  EXPECT_EQ(circle(1, 2, 3).attribute("r"), "3");
}

TEST(Document, HasSizeViewBoxTitleAndDescription) {
  Document doc(960, 540, "NVDA & peers <2025>", "Shows \"market value\"");
  doc.add(rect(0, 0, 960, 540));
  const std::string svg = doc.render();
  EXPECT_THAT(svg, ::testing::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
  EXPECT_THAT(svg, HasSubstr(R"(xmlns="http://www.w3.org/2000/svg")"));
  EXPECT_THAT(svg, HasSubstr(R"(width="960" height="540" viewBox="0 0 960 540")"));
  EXPECT_THAT(svg, HasSubstr(R"(role="img" aria-labelledby="chart-title chart-desc")"));
  EXPECT_THAT(svg, HasSubstr("<title id=\"chart-title\">NVDA &amp; peers &lt;2025&gt;</title>"));
  EXPECT_THAT(svg, HasSubstr("<desc id=\"chart-desc\">Shows &quot;market value&quot;</desc>"));
  EXPECT_THAT(svg, ::testing::EndsWith("</svg>\n"));
  EXPECT_EQ(well_formedness_error(svg), "");
}

TEST(Document, WithoutDescriptionPointsOnlyAtTheTitle) {
  const std::string svg = Document(100, 50, "t", "").render();
  EXPECT_THAT(svg, HasSubstr(R"(aria-labelledby="chart-title")"));
  EXPECT_THAT(svg, Not(HasSubstr("<desc")));
  EXPECT_EQ(well_formedness_error(svg), "");
}

TEST(Document, RejectsBadSizeAndMissingTitle) {
  EXPECT_THAT([] { Document d(0, 10, "t", ""); },
              ThrowsMessage<InvalidArgument>(HasSubstr("size must be positive")));
  EXPECT_THROW(Document(10, std::nan(""), "t", ""), InvalidArgument);
  EXPECT_THAT([] { Document d(10, 10, "", ""); },
              ThrowsMessage<InvalidArgument>(HasSubstr("needs a title")));
}

TEST(Document, WritesTheRenderedTextToAFile) {
  const auto file = std::filesystem::temp_directory_path() / "marketshock_svg_test.svg";
  Document doc(10, 10, "t", "d");
  doc.write(file);
  std::ifstream in(file, std::ios::binary);
  const std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_EQ(content, doc.render());
  std::filesystem::remove(file);
  EXPECT_THROW(doc.write(std::filesystem::path("/nonexistent-dir/x.svg")), IoError);
}

}  // namespace
}  // namespace marketshock::report::svg
