// check_dataset on a two-security dataset: the expectations are the caller's (no defaults), an
// index without an expected count is counted but not checked, and bad expectations are refused.
#include <marketshock/io/dataset/dataset_check.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/market_data.hpp>
#include <marketshock/core/trading_calendar.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace marketshock::io {
namespace {

using boost::gregorian::date;
using testing::HasSubstr;

SharesRecord count(double shares) {
  return {shares, shares, 1.0, "cover-page count", "sec-points", "ref"};
}

// Window 2025-01-24..2025-01-28 (three sessions). NVDA has every bar and a count; AAPL misses
// the last session and has no count. ndx100 holds both; dow holds NVDA only.
MarketData sample() {
  MarketDataBuilder b("sample");
  b.add_issuer({IssuerId("nvidia"), "NVIDIA Corporation", std::nullopt});
  b.add_issuer({IssuerId("apple"), "Apple Inc.", std::nullopt});
  const std::vector<Bar> bars{{date(2025, 1, 24), 148.37, 148.97, 141.88, 142.62, 234657600},
                              {date(2025, 1, 27), 124.80, 128.40, 116.70, 118.42, 818830900},
                              {date(2025, 1, 28), 121.81, 129.00, 116.25, 128.99, 579666400}};
  const auto security = [](const char* symbol, const char* issuer) {
    return Security{Symbol(symbol), IssuerId(issuer), "", Exchange::nasdaq, "", "", symbol};
  };
  b.add_security(security("NVDA", "nvidia"),
                 DailyBars(Symbol("NVDA"), PriceBasis::as_traded(), bars), {});
  b.add_security(security("AAPL", "apple"),
                 DailyBars(Symbol("AAPL"), PriceBasis::as_traded(),
                           std::vector<Bar>(bars.begin(), bars.begin() + 2)),
                 {});
  b.set_shares(Symbol("NVDA"), StepSeries<SharesRecord>({{date(2024, 11, 15), count(2.449e10)}}));
  IndexMembership ndx("ndx100", "Nasdaq-100");
  ndx.add_interval(Symbol("NVDA"), date(2001, 1, 2), std::nullopt);
  ndx.add_interval(Symbol("AAPL"), date(1985, 1, 31), std::nullopt);
  b.add_membership(std::move(ndx));
  IndexMembership dow("dow", "Dow Jones Industrial Average");
  dow.add_interval(Symbol("NVDA"), date(2024, 11, 8), std::nullopt);
  b.add_membership(std::move(dow));
  return std::move(b).build();
}

DatasetMetadata metadata() {
  DatasetMetadata m;
  m.name = "sample";
  m.as_of = date(2025, 1, 28);
  m.window_from = date(2025, 1, 24);
  m.window_to = date(2025, 1, 28);
  return m;
}

DatasetExpectations expect_ndx(std::size_t members) {
  DatasetExpectations e;
  e.membership_date = date(2025, 1, 27);
  e.members = {{"ndx100", members}};
  e.event_from = date(2025, 1, 24);
  e.event_to = date(2025, 1, 27);
  return e;
}

const CheckResult& named(const DatasetCheckReport& report, const std::string& name) {
  const auto it = std::find_if(report.checks.begin(), report.checks.end(),
                               [&](const CheckResult& c) { return c.name == name; });
  if (it == report.checks.end()) throw std::logic_error("no check named " + name);
  return *it;
}

TEST(DatasetCheck, CountsMembersAgainstTheExpectations) {
  const auto report = check_dataset(sample(), metadata(), TradingCalendar::nyse(), expect_ndx(2));
  const CheckResult& members = named(report, "Nasdaq-100 members on 2025-01-27");
  EXPECT_EQ(members.verdict, CheckVerdict::ok);
  EXPECT_EQ(members.detail, "2 lines (expected 2)");
  // AAPL's short series and missing count are gaps, explained, not failures.
  EXPECT_EQ(named(report, "Nasdaq-100 members have every window bar").verdict, CheckVerdict::gap);
  EXPECT_EQ(
      named(report, "Nasdaq-100 members have shares on every event session 2025-01-24..2025-01-27")
          .verdict,
      CheckVerdict::gap);
  EXPECT_TRUE(report.passed());
  ASSERT_EQ(report.coverage.size(), 2u);
}

TEST(DatasetCheck, AnotherCountFails) {
  const auto report = check_dataset(sample(), metadata(), TradingCalendar::nyse(), expect_ndx(101));
  const CheckResult& members = named(report, "Nasdaq-100 members on 2025-01-27");
  EXPECT_EQ(members.verdict, CheckVerdict::failed);
  EXPECT_EQ(members.detail, "2 lines (expected 101)");
  EXPECT_FALSE(report.passed());
}

TEST(DatasetCheck, AnIndexWithoutAnExpectedCountIsCountedNotChecked) {
  const auto report = check_dataset(sample(), metadata(), TradingCalendar::nyse(), expect_ndx(2));
  const CheckResult& dow = named(report, "Dow Jones Industrial Average members on 2025-01-27");
  EXPECT_EQ(dow.verdict, CheckVerdict::ok);
  EXPECT_EQ(dow.detail, "1 lines (no expected count)");
}

TEST(DatasetCheck, RefusesExpectationsWithoutDates) {
  const auto refused = [](DatasetExpectations e, const char* message) {
    EXPECT_THAT([&] { (void)check_dataset(sample(), metadata(), TradingCalendar::nyse(), e); },
                testing::ThrowsMessage<InvalidArgument>(HasSubstr(message)));
  };
  DatasetExpectations e = expect_ndx(2);
  e.membership_date = date();
  refused(e, "no membership date");
  e = expect_ndx(2);
  e.event_to = date();
  refused(e, "no event window");
  e = expect_ndx(2);
  std::swap(e.event_from, e.event_to);
  refused(e, "event window ends 2025-01-24 before it starts 2025-01-27");
  refused(DatasetExpectations{}, "no membership date");
}

}  // namespace
}  // namespace marketshock::io
