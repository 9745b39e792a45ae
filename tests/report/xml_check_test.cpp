// The well-formedness checker that the chart tests rely on must itself reject broken XML.
#include "report/xml_check.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marketshock::testing_xml {
namespace {

using ::testing::HasSubstr;

TEST(WellFormednessChecker, AcceptsWellFormedDocuments) {
  EXPECT_EQ(well_formedness_error("<svg/>"), "");
  EXPECT_EQ(well_formedness_error("<?xml version=\"1.0\"?>\n<!-- c --><a x='1' y=\"2\">t &amp; "
                                  "&#60; &#x3E; &quot;<b/><![CDATA[<raw>]]></a>\n"),
            "");
}

TEST(WellFormednessChecker, RejectsWhatAnXmlParserRejects) {
  EXPECT_THAT(well_formedness_error("<a><b></a>"), HasSubstr("end tag </a> does not match"));
  EXPECT_THAT(well_formedness_error("<a><b/>"), HasSubstr("unclosed element <a>"));
  EXPECT_THAT(well_formedness_error("<a>R&D</a>"), HasSubstr("'&' not starting a reference"));
  EXPECT_THAT(well_formedness_error("<a>&nbsp;</a>"), HasSubstr("unknown entity"));
  EXPECT_THAT(well_formedness_error("<a>x < y</a>"), HasSubstr("expected a name"));
  EXPECT_THAT(well_formedness_error("<a x=1/>"), HasSubstr("not quoted"));
  EXPECT_THAT(well_formedness_error("<a x=\"<\"/>"), HasSubstr("'<' in attribute value"));
  EXPECT_THAT(well_formedness_error("<a x=\"1\" x=\"2\"/>"), HasSubstr("duplicate attribute"));
  EXPECT_THAT(well_formedness_error("<a x=\"1\"y=\"2\"/>"), HasSubstr("white space"));
  EXPECT_THAT(well_formedness_error("<a/><b/>"), HasSubstr("after the root"));
  EXPECT_THAT(well_formedness_error("<a>&#1;</a>"), HasSubstr("character reference"));
  EXPECT_THAT(well_formedness_error("<a>\x01</a>"), HasSubstr("control character"));
  EXPECT_THAT(well_formedness_error("<a>\xC3</a>"), HasSubstr("invalid UTF-8"));
  EXPECT_THAT(well_formedness_error("<a>]]></a>"), HasSubstr("']]>'"));
  EXPECT_THAT(well_formedness_error("text"), HasSubstr("no root element"));
}

}  // namespace
}  // namespace marketshock::testing_xml
