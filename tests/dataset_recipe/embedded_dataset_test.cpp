// The embedded dataset's values (tools/dataset_recipe/src/embedded_dataset.cpp) against data/:
// the committed dataset passes the checks with them, and was built with them.
#include <dataset_recipe/embedded_dataset.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/io/dataset/dataset_check.hpp>

#include "support/embedded_dataset.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <map>
#include <string>

namespace marketshock::recipe {
namespace {

using boost::gregorian::date;

const io::LoadedDataset& dataset() {
  return testing_support::embedded_dataset();
}

TEST(EmbeddedDatasetRecipe, ExpectationsAreTheDeepSeekSelloff) {
  const io::DatasetExpectations e = embedded_expectations();
  EXPECT_EQ(e.membership_date, date(2025, 1, 27));
  const std::map<std::string, std::size_t> members{{"djia", 30}, {"ndx100", 101}, {"sp500", 503}};
  EXPECT_EQ(e.members, members);
  EXPECT_EQ(e.event_from, date(2025, 1, 17));
  EXPECT_EQ(e.event_to, date(2025, 2, 7));
}

TEST(EmbeddedDatasetRecipe, DataPassesEveryCheck) {
  const auto report = io::check_dataset(dataset().data, dataset().metadata, TradingCalendar::nyse(),
                                        embedded_expectations());
  EXPECT_TRUE(report.passed());
  for (const auto& c : report.checks) {
    EXPECT_NE(c.verdict, io::CheckVerdict::failed) << c.name << ": " << c.detail;
  }
  const std::map<std::string, std::size_t> members{{"djia", 30}, {"ndx100", 101}, {"sp500", 503}};
  ASSERT_EQ(report.coverage.size(), members.size());
  for (const auto& c : report.coverage) EXPECT_EQ(c.members, members.at(c.index)) << c.index;
}

TEST(EmbeddedDatasetRecipe, BuildOptionsAreThoseOfTheManifest) {
  const DatasetBuildOptions o = embedded_build_options("raw", "out");
  EXPECT_EQ(o.raw, "raw");
  EXPECT_EQ(o.out, "out");
  EXPECT_EQ(dataset().metadata.name, kEmbeddedDatasetName);
  EXPECT_EQ(o.window_from, dataset().metadata.window_from);
  EXPECT_EQ(o.window_to, dataset().metadata.window_to);
  EXPECT_EQ(o.window_to, dataset().metadata.as_of);
  EXPECT_EQ(o.membership_date, embedded_expectations().membership_date);
  EXPECT_EQ(o.expected.members, embedded_expectations().members);
  EXPECT_EQ(o.history_from, date(2020, 1, 1));
  EXPECT_EQ(o.history_top_n, 30u);
}

TEST(EmbeddedDatasetRecipe, BuildRefusesMissingDates) {
  DatasetBuildOptions o = embedded_build_options("raw", "out");
  o.membership_date = date();
  EXPECT_THAT([&] { (void)build_dataset(o); },
              testing::ThrowsMessage<InvalidArgument>(testing::HasSubstr("date is missing")));
}

}  // namespace
}  // namespace marketshock::recipe
