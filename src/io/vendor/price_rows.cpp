#include "io/vendor/detail/price_rows.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/log.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>
#include <spdlog/logger.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace marketshock::io::detail {

ZeroVolume zero_volume_for(std::string_view instrument) noexcept {
  return instrument.starts_with('^') ? ZeroVolume::unknown : ZeroVolume::no_trades;
}

void require_only_columns(const CsvReader& reader,
                          std::initializer_list<std::string_view> allowed) {
  const auto& header = reader.header();
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (std::find(allowed.begin(), allowed.end(), header[i]) != allowed.end()) continue;
    std::string expected;
    for (const std::string_view name : allowed) {
      expected += fmt::format("{}'{}'", expected.empty() ? "" : ", ", name);
    }
    throw ParseError(SourcePosition{reader.file(), 1},
                     fmt::format("unexpected column {} (column {} of the header); this format "
                                 "has only {}",
                                 quoted_for_message(header[i]), i + 1, expected));
  }
}

ImportedSeries start_series(const CsvReader& reader, const PriceImportRequest& request,
                            PriceBasis basis, PriceQuality quality) {
  MARKETSHOCK_REQUIRE(!request.instrument.empty(),
                      "importing '{}': the request names no instrument", reader.file());
  ImportedSeries series{.instrument = request.instrument,
                        .basis = basis,
                        .quality = quality,
                        .bars = {},
                        .source = request.source,
                        .file = reader.file(),
                        .report = {}};
  return series;
}

Bar read_bar(const CsvRow& row, const OhlcvColumns& columns, boost::gregorian::date date,
             ZeroVolume zero_volume) {
  Bar bar;
  bar.date = date;
  bar.open = row.as_double(columns.open, EmptyField::nan);
  bar.high = row.as_double(columns.high, EmptyField::nan);
  bar.low = row.as_double(columns.low, EmptyField::nan);
  bar.close = row.as_double(columns.close);
  const std::int64_t volume = row.as_int64(columns.volume, IntegralFloat::accept);
  if (volume < 0) throw row.error(columns.volume, fmt::format("negative volume {}", volume));
  bar.volume = volume == 0 && zero_volume == ZeroVolume::unknown ? -1 : volume;
  return bar;
}

bool absorb_rounding(Bar& bar) noexcept {
  // std::fmax and std::fmin ignore a NaN argument, so a missing open leaves the close to check.
  const double top = std::fmax(bar.open, bar.close);
  const double bottom = std::fmin(bar.open, bar.close);
  bool changed = false;
  if (bar.high < top && top - bar.high <= kRoundingTolerance * top) {
    bar.high = top;
    changed = true;
  }
  if (bar.low > bottom && bar.low - bottom <= kRoundingTolerance * bar.low) {
    bar.low = bottom;
    changed = true;
  }
  return changed;
}

void BarAppender::append(const CsvRow& row, const OhlcvColumns& columns, Bar bar) {
  const Bar as_read = bar;  // for messages: the numbers as the file has them
  const bool rounded = absorb_rounding(bar);
  const auto fail = [&](std::size_t column, std::string_view what) {
    return DataError(row.position(column),
                     fmt::format("column {}: {} (open {}, high {}, low {}, close {})",
                                 quoted_for_message(row.column_name(column)), what, as_read.open,
                                 as_read.high, as_read.low, as_read.close));
  };
  // The checks of DailyBars, at the field that breaks them. NaN compares false, so a missing
  // open, high or low passes the order checks; read_bar() already refused non-finite text.
  if (!(bar.close > 0.0)) throw fail(columns.close, "close must be positive");
  if (bar.open <= 0.0) throw fail(columns.open, "open must be positive");
  if (bar.high <= 0.0) throw fail(columns.high, "high must be positive");
  if (bar.low <= 0.0) throw fail(columns.low, "low must be positive");
  if (bar.high < bar.low) throw fail(columns.high, "high below low");
  if (bar.high < bar.open) throw fail(columns.high, "high below open");
  if (bar.high < bar.close) throw fail(columns.high, "high below close");
  if (bar.low > bar.open) throw fail(columns.low, "low above open");
  if (bar.low > bar.close) throw fail(columns.low, "low above close");
  if (!bars_.empty() && !(bars_.back().date < bar.date)) {
    const bool repeated = bars_.back().date == bar.date;
    throw DataError(row.position(columns.date),
                    fmt::format("column {}: date {} {} {} of line {} (dates must strictly "
                                "increase)",
                                quoted_for_message(row.column_name(columns.date)),
                                format_iso_date(bar.date), repeated ? "repeats" : "comes before",
                                format_iso_date(bars_.back().date), previous_line_));
  }
  bars_.push_back(bar);
  previous_line_ = row.line();
  if (rounded) ++rounding_fixes_;
}

void log_load(const ImportedSeries& series, std::size_t rounding_fixes) {
  const auto log = logger();
  const std::string rounding =
      rounding_fixes == 0
          ? std::string()
          : fmt::format(
                " ({} bars' high or low moved by a rounding difference to cover open "
                "and close)",
                rounding_fixes);
  const auto level = series.report.rows_skipped == 0 ? spdlog::level::debug : spdlog::level::warn;
  log->log(level, "imported {} on basis {}{}: {}", series.instrument, series.basis.describe(),
           rounding, series.report.summary());
}

}  // namespace marketshock::io::detail
