#include <marketshock/report/text_table.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marketshock::report {
namespace {

using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

TEST(TextTable, AlignsColumnsToTheWidestCellAndTrimsTrailingBlanks) {
  TextTable table({{"symbol", Align::left}, {"change $B", Align::right}});
  table.add_row({"NVDA", "-592.7"});
  table.add_row({"AVGO", "-197.5"});
  EXPECT_EQ(table.row_count(), 2U);
  EXPECT_EQ(table.render(),
            "symbol  change $B\n"
            "------  ---------\n"
            "NVDA       -592.7\n"
            "AVGO       -197.5\n");
}

TEST(TextTable, CountsCodePointsNotBytes) {
  TextTable table({{"x", Align::right}, {"y", Align::left}});
  table.add_row(
      {"\xE2\x88\x92"
       "1.5",
       "\xC3\xA9t\xC3\xA9"});  // "−1.5", "été"
  table.add_row({"10.25", ""});
  EXPECT_EQ(table.render(),
            "    x  y\n"
            "-----  ---\n"
            " \xE2\x88\x92"
            "1.5  \xC3\xA9t\xC3\xA9\n"
            "10.25\n");
}

TEST(TextTable, RejectsRowsOfTheWrongWidth) {
  TextTable table({{"a", Align::left}, {"b", Align::left}});
  EXPECT_THAT([&] { table.add_row({"only one"}); },
              ThrowsMessage<InvalidArgument>(HasSubstr("row has 1 cells for 2 columns")));
  EXPECT_THAT([] { TextTable t({}); },
              ThrowsMessage<InvalidArgument>(HasSubstr("at least one column")));
}

}  // namespace
}  // namespace marketshock::report
