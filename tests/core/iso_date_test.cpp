#include <marketshock/core/iso_date.hpp>

#include <marketshock/core/error.hpp>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/date_time/gregorian/gregorian.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace marketshock {
namespace {

namespace greg = boost::gregorian;
using testing::HasSubstr;
using testing::ThrowsMessage;

static_assert(kIsoDateLength == 10);
static_assert(kMinIsoYear == 1400 && kMaxIsoYear == 9999);
static_assert(noexcept(try_parse_iso_date(std::string_view{})));
static_assert(std::is_same_v<decltype(try_parse_iso_date("")), std::optional<greg::date>>);

// What Boost makes of y-m-d: a date, or nothing when its constructor rejects the triple.
std::optional<greg::date> boost_date(int year, int month, int day) {
  try {
    return greg::date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                      static_cast<unsigned short>(day));
  } catch (const std::out_of_range&) {
    return std::nullopt;
  }
}

// What Boost's own string parser makes of the text: a date, or nothing when it throws.
std::optional<greg::date> boost_parse(const std::string& text) {
  try {
    return greg::from_simple_string(text);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

TEST(IsoDate, ParsesAndFormatsEveryDateFrom1900To2100LikeBoost) {
  const greg::date last(2100, 12, 31);
  int count = 0;
  for (greg::date day(1900, 1, 1); day <= last; day += greg::days(1)) {
    const std::string boost_text = greg::to_iso_extended_string(day);
    ASSERT_EQ(format_iso_date(day), boost_text);
    ASSERT_EQ(try_parse_iso_date(boost_text), day) << boost_text;
    ASSERT_EQ(parse_iso_date(boost_text), day) << boost_text;
    ASSERT_EQ(greg::from_simple_string(boost_text), day) << boost_text;
    ++count;
  }
  EXPECT_EQ(count, 73414);  // 201 years, 49 of them leap (2000 is, 1900 and 2100 are not)
}

TEST(IsoDate, AcceptsExactlyTheTriplesBoostAcceptsFrom1900To2100) {
  int accepted = 0;
  for (int year = 1900; year <= 2100; ++year) {
    for (int month = 0; month <= 13; ++month) {
      for (int day = 0; day <= 32; ++day) {
        const std::string text = fmt::format("{:04}-{:02}-{:02}", year, month, day);
        const auto ours = try_parse_iso_date(text);
        ASSERT_EQ(ours, boost_date(year, month, day)) << text;
        ASSERT_EQ(ours, boost_parse(text)) << text;
        accepted += ours.has_value() ? 1 : 0;
      }
    }
  }
  EXPECT_EQ(accepted, 73414);
}

TEST(IsoDate, CalendarEdgeCases) {
  EXPECT_EQ(try_parse_iso_date("2000-02-29"), greg::date(2000, 2, 29));  // divisible by 400
  EXPECT_EQ(try_parse_iso_date("2024-02-29"), greg::date(2024, 2, 29));
  EXPECT_EQ(try_parse_iso_date("2100-02-29"), std::nullopt);  // divisible by 100, not 400
  EXPECT_EQ(try_parse_iso_date("1900-02-29"), std::nullopt);
  EXPECT_EQ(try_parse_iso_date("2025-02-29"), std::nullopt);
  EXPECT_EQ(try_parse_iso_date("2025-02-30"), std::nullopt);
  EXPECT_EQ(try_parse_iso_date("2025-04-31"), std::nullopt);
  EXPECT_EQ(try_parse_iso_date("2025-13-01"), std::nullopt);
  EXPECT_EQ(try_parse_iso_date("2025-00-10"), std::nullopt);
  EXPECT_EQ(try_parse_iso_date("2025-01-00"), std::nullopt);
  EXPECT_EQ(try_parse_iso_date("2025-01-32"), std::nullopt);
  EXPECT_EQ(try_parse_iso_date("2025-12-31"), greg::date(2025, 12, 31));
}

TEST(IsoDate, YearRangeIsBoostsRange) {
  EXPECT_EQ(try_parse_iso_date("1400-01-01"), greg::date(1400, 1, 1));
  EXPECT_EQ(try_parse_iso_date("9999-12-31"), greg::date(9999, 12, 31));
  EXPECT_EQ(try_parse_iso_date("1399-12-31"), std::nullopt);
  EXPECT_EQ(try_parse_iso_date("0000-01-01"), std::nullopt);
  EXPECT_EQ(boost_date(1399, 12, 31), std::nullopt);
  EXPECT_EQ(boost_date(1400, 1, 1), greg::date(1400, 1, 1));
}

TEST(IsoDate, RejectsMalformedText) {
  constexpr std::array<std::string_view, 24> kMalformed = {"",
                                                           "2025",
                                                           "2025-01",
                                                           "2025-1-01",
                                                           "2025-01-1",
                                                           "25-01-01",
                                                           "2025/01/01",
                                                           "2025.01.01",
                                                           "20250101",
                                                           "2025-01-01x",
                                                           "x2025-01-01",
                                                           " 2025-01-01",
                                                           "2025-01-01 ",
                                                           "2025- 1-01",
                                                           "2025-01- 1",
                                                           "2025-0a-01",
                                                           "20a5-01-01",
                                                           "2025-01-0\x01",
                                                           "+025-01-01",
                                                           "-025-01-01",
                                                           "2025-01-0/",
                                                           "2025-01-01T00",
                                                           "2025-01-0:",
                                                           "２０２５-01-01"};
  for (const std::string_view text : kMalformed) {
    EXPECT_EQ(try_parse_iso_date(text), std::nullopt) << '\'' << text << '\'';
    EXPECT_THROW((void)parse_iso_date(text), InvalidArgument) << '\'' << text << '\'';
  }
  // An embedded NUL must not end the text early.
  EXPECT_EQ(try_parse_iso_date(std::string_view("2025-01-01\0", 11)), std::nullopt);
}

TEST(IsoDate, ParseErrorQuotesTheText) {
  EXPECT_THAT([] { (void)parse_iso_date("2025-02-30"); },
              ThrowsMessage<InvalidArgument>(HasSubstr("invalid date '2025-02-30'")));
  EXPECT_THAT([] { (void)parse_iso_date("2025/01/01"); },
              ThrowsMessage<InvalidArgument>(
                  HasSubstr("[marketshock.invalid_argument] invalid date '2025/01/01'")));
}

TEST(IsoDate, ParseErrorEscapesAndCutsTheText) {
  EXPECT_THAT([] { (void)parse_iso_date("2025-01-01\n2025"); },
              ThrowsMessage<InvalidArgument>(HasSubstr("invalid date '2025-01-01\\x0a2025'")));
  EXPECT_THAT([] { (void)parse_iso_date(std::string(1 << 20, '9')); },
              ThrowsMessage<InvalidArgument>(HasSubstr("...' (1048576 bytes)")));
}

TEST(IsoDate, WriteIsoDateWritesExactlyTenCharacters) {
  std::array<char, 12> buffer{};
  buffer.fill('#');
  write_iso_date(greg::date(2025, 1, 27), buffer.data() + 1);
  EXPECT_EQ(std::string_view(buffer.data(), buffer.size()), "#2025-01-27#");
  write_iso_date(greg::date(1400, 1, 1), buffer.data() + 1);
  EXPECT_EQ(std::string_view(buffer.data(), buffer.size()), "#1400-01-01#");
  write_iso_date(greg::date(9999, 12, 31), buffer.data() + 1);
  EXPECT_EQ(std::string_view(buffer.data(), buffer.size()), "#9999-12-31#");
}

TEST(IsoDate, FormatRejectsSpecialValues) {
  EXPECT_THROW((void)format_iso_date(greg::date(boost::date_time::not_a_date_time)),
               InvalidArgument);
  EXPECT_THROW((void)format_iso_date(greg::date(boost::date_time::pos_infin)), InvalidArgument);
  std::array<char, 10> buffer{};
  EXPECT_THROW(write_iso_date(greg::date(boost::date_time::neg_infin), buffer.data()),
               InvalidArgument);
}

TEST(IsoDate, RoundTripsAcrossTheWholeBoostRange) {
  for (const greg::date day : {greg::date(1400, 1, 1), greg::date(1582, 10, 15),
                               greg::date(1999, 12, 31), greg::date(9999, 12, 31)}) {
    EXPECT_EQ(parse_iso_date(format_iso_date(day)), day);
  }
}

}  // namespace
}  // namespace marketshock
