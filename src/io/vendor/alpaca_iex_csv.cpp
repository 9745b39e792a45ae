// Alpaca IEX daily bars (Spooky-Labs): dates are UTC timestamps of New York midnight.
#include <marketshock/io/vendor/price_importers.hpp>

#include "io/vendor/detail/price_rows.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/message_text.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <fmt/format.h>

#include <utility>

namespace marketshock::io {

namespace {

namespace greg = boost::gregorian;

// First year of the US daylight-saving rules implemented below.
constexpr int kFirstDstRuleYear = 1987;

// True when New York is on daylight-saving time at 00:00 local of `day`. The switch happens at
// 02:00 local, so midnight of the switch day itself is still on the old offset.
// Since 2007: second Sunday of March to first Sunday of November; 1987-2006: first Sunday of
// April to last Sunday of October.
bool new_york_dst_at_midnight(greg::date day) {
  const auto year = day.year();
  greg::date start;
  greg::date end;
  if (year >= 2007) {
    using Nth = greg::nth_day_of_the_week_in_month;
    start = Nth(Nth::second, greg::Sunday, greg::Mar).get_date(year);
    end = Nth(Nth::first, greg::Sunday, greg::Nov).get_date(year);
  } else {
    start = greg::first_day_of_the_week_in_month(greg::Sunday, greg::Apr).get_date(year);
    end = greg::last_day_of_the_week_in_month(greg::Sunday, greg::Oct).get_date(year);
  }
  return start < day && day <= end;
}

// The session of a "2020-07-27 04:00:00+00:00" field: the date written, once the time is checked
// to be New York midnight in UTC.
greg::date session_date(const CsvRow& row, std::size_t column) {
  const greg::date date = row.as_date(column, TimeSuffix::ignore);
  const std::string_view text = row.text(column);
  const std::string_view suffix = text.substr(kIsoDateLength);
  constexpr std::string_view kEdtMidnight = " 04:00:00+00:00";
  constexpr std::string_view kEstMidnight = " 05:00:00+00:00";
  if (suffix != kEdtMidnight && suffix != kEstMidnight) {
    throw row.error(column, fmt::format("invalid timestamp {}: expected New York midnight in "
                                        "UTC, 'YYYY-MM-DD 04:00:00+00:00' or '... 05:00:00+00:00'",
                                        quoted_for_message(text)));
  }
  if (date.year() < kFirstDstRuleYear) {
    throw row.error(column, fmt::format("timestamp {} before {}, whose New York daylight-saving "
                                        "rules are not known here",
                                        quoted_for_message(text), kFirstDstRuleYear));
  }
  const bool dst = new_york_dst_at_midnight(date);
  if ((suffix == kEdtMidnight) != dst) {
    throw row.error(
        column,
        fmt::format("timestamp {} is not New York midnight: on {} New York is on {}, "
                    "so midnight is{}",
                    quoted_for_message(text), format_iso_date(date),
                    dst ? "EDT (UTC-4)" : "EST (UTC-5)", dst ? kEdtMidnight : kEstMidnight));
  }
  return date;
}

}  // namespace

ImportedSeries import_alpaca_iex_csv(CsvReader reader, const PriceImportRequest& request,
                                     PriceBasis basis) {
  ImportedSeries series = detail::start_series(reader, request, basis, PriceQuality::single_venue);
  detail::require_only_columns(reader,
                               {"Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"});
  const auto [date, open, high, low, close, volume] =
      reader.require_columns({"Date", "Open", "High", "Low", "Close", "Volume"});
  const detail::OhlcvColumns columns{date, open, high, low, close, volume};
  const detail::ZeroVolume zero_volume = detail::zero_volume_for(request.instrument);
  detail::load_bars(reader, request, columns, series, [&](const CsvRow& row) {
    return detail::read_bar(row, columns, session_date(row, columns.date), zero_volume);
  });
  return series;
}

ImportedSeries import_alpaca_iex_csv(const std::filesystem::path& file,
                                     const PriceImportRequest& request, PriceBasis basis) {
  return import_alpaca_iex_csv(CsvReader::from_file(file), request, basis);
}

}  // namespace marketshock::io
