#include <marketshock/core/iso_date.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/quoted.hpp>
#include <marketshock/core/require.hpp>

#include <fmt/format.h>

namespace marketshock {

namespace {

// Value of an ASCII digit, or a number above 9 for any other character (the unsigned subtraction
// wraps for characters below '0').
constexpr unsigned digit_value(char c) noexcept {
  return static_cast<unsigned>(static_cast<unsigned char>(c)) - unsigned{'0'};
}

constexpr bool is_leap_year(unsigned year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr unsigned days_in_month(unsigned year, unsigned month) noexcept {
  constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

static_assert(days_in_month(2000, 2) == 29 && days_in_month(2100, 2) == 28 &&
              days_in_month(2024, 2) == 29 && days_in_month(2025, 2) == 28);

// Two decimal digits of 0..99 into out[0..1].
inline void write_two_digits(unsigned value, char* out) noexcept {
  out[0] = static_cast<char>('0' + value / 10);
  out[1] = static_cast<char>('0' + value % 10);
}

}  // namespace

std::optional<boost::gregorian::date> try_parse_iso_date(std::string_view text) noexcept {
  if (text.size() != kIsoDateLength || text[4] != '-' || text[7] != '-') return std::nullopt;
  const unsigned y0 = digit_value(text[0]);
  const unsigned y1 = digit_value(text[1]);
  const unsigned y2 = digit_value(text[2]);
  const unsigned y3 = digit_value(text[3]);
  const unsigned m0 = digit_value(text[5]);
  const unsigned m1 = digit_value(text[6]);
  const unsigned d0 = digit_value(text[8]);
  const unsigned d1 = digit_value(text[9]);
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) {
    return std::nullopt;
  }
  const unsigned year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const unsigned month = m0 * 10 + m1;
  const unsigned day = d0 * 10 + d1;
  if (year < kMinIsoYear || year > kMaxIsoYear || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return std::nullopt;
  }
  // Everything Boost checks has been checked, so this constructor cannot throw.
  return boost::gregorian::date(static_cast<unsigned short>(year),
                                static_cast<unsigned short>(month),
                                static_cast<unsigned short>(day));
}

boost::gregorian::date parse_iso_date(std::string_view text) {
  if (const auto date = try_parse_iso_date(text)) return *date;
  throw InvalidArgument(fmt::format("invalid date {}", quoted_for_message(text)));
}

void write_iso_date(boost::gregorian::date date, char* out) {
  MARKETSHOCK_REQUIRE(!date.is_special(),
                      "cannot write a special date value (not-a-date-time or infinity) as "
                      "YYYY-MM-DD");
  const auto ymd = date.year_month_day();
  const unsigned year = ymd.year;
  write_two_digits(year / 100, out);
  write_two_digits(year % 100, out + 2);
  out[4] = '-';
  write_two_digits(ymd.month, out + 5);
  out[7] = '-';
  write_two_digits(ymd.day, out + 8);
}

std::string format_iso_date(boost::gregorian::date date) {
  std::string text(kIsoDateLength, '\0');
  write_iso_date(date, text.data());
  return text;
}

}  // namespace marketshock
