// Private helpers shared by the vendor price importers (price_importers.hpp): reading one OHLCV
// row, checking it against DailyBars' invariants with positioned errors, keeping dates in order.
#pragma once

#include <marketshock/core/daily_bars.hpp>
#include <marketshock/core/price_basis.hpp>
#include <marketshock/io/csv_reader.hpp>
#include <marketshock/io/csv_row.hpp>
#include <marketshock/io/vendor/imported.hpp>
#include <marketshock/io/vendor/price_importers.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace marketshock::io::detail {

// 0-based indices of the OHLCV columns of a file (the date's included, for error positions).
struct OhlcvColumns {
  std::size_t date = 0;
  std::size_t open = 0;
  std::size_t high = 0;
  std::size_t low = 0;
  std::size_t close = 0;
  std::size_t volume = 0;
};

// What a volume of 0 means: no shares traded (a stock) or not reported (an index level).
enum class ZeroVolume { no_trades, unknown };

// ZeroVolume::unknown for an index ticker (starting with '^'), no_trades otherwise.
[[nodiscard]] ZeroVolume zero_volume_for(std::string_view instrument) noexcept;

// Throws ParseError at line 1 naming the first header column whose name is not in `allowed`.
void require_only_columns(const CsvReader& reader, std::initializer_list<std::string_view> allowed);

// A series with the request's instrument and source, the reader's file, and no bars yet.
// Throws InvalidArgument if the request names no instrument.
[[nodiscard]] ImportedSeries start_series(const CsvReader& reader,
                                          const PriceImportRequest& request, PriceBasis basis,
                                          PriceQuality quality);

// Reads open, high, low (empty reads as NaN), close and volume (integral floats accepted; 0 means
// what `zero_volume` says) of `row`, dated `date`. Throws ParseError at the field.
[[nodiscard]] Bar read_bar(const CsvRow& row, const OhlcvColumns& columns,
                           boost::gregorian::date date, ZeroVolume zero_volume);

// Largest relative amount by which a high may sit below, or a low above, the open or close and
// still be taken as a rounding difference, not an inconsistency. Vendors that scale OHLC for
// dividends recompute each field in floating point, and leave highs one ulp below the close
// (one vendor's AEP 2019-01-04: high 57.82260513305663, close 57.82260513305664). 1e-9 is
// far below a cent at any price and far above double rounding.
inline constexpr double kRoundingTolerance = 1e-9;

// Widens `bar`'s high and low to cover its open and close when they miss by no more than
// kRoundingTolerance (relative to the price); returns true if it changed anything.
bool absorb_rounding(Bar& bar) noexcept;

// Appends bars after checking each against DailyBars' invariants and the previous bar's date.
class BarAppender {
 public:
  explicit BarAppender(std::vector<Bar>& bars) : bars_(bars) {}

  // Appends `bar`, read from `row`, after absorb_rounding(). Throws DataError at the offending
  // field ("column 'High': high below low ...", "column 'Date': date 2024-03-14 comes before
  // 2024-03-15 of line 5").
  void append(const CsvRow& row, const OhlcvColumns& columns, Bar bar);

  // Number of bars appended whose high or low absorb_rounding() changed.
  [[nodiscard]] std::size_t rounding_fixes() const noexcept { return rounding_fixes_; }

 private:
  std::vector<Bar>& bars_;
  std::size_t previous_line_ = 0;
  std::size_t rounding_fixes_ = 0;
};

// Logs the load's summary through the library's logger: debug when clean, warn when rows were
// skipped; mentions bars whose high or low absorbed a rounding difference.
void log_load(const ImportedSeries& series, std::size_t rounding_fixes);

// Converts every remaining row of `reader` with `read_row(row) -> Bar` under the request's
// policy, appending to `series.bars` and setting `series.report`; logs one line per load.
template <class ReadRow>
void load_bars(CsvReader& reader, const PriceImportRequest& request, const OhlcvColumns& columns,
               ImportedSeries& series, ReadRow&& read_row) {
  BarAppender appender(series.bars);
  series.report = for_each_row(reader, request.policy, [&](const CsvRow& row) {
    appender.append(row, columns, read_row(row));
  });
  series.rounding_adjusted_bars = appender.rounding_fixes();
  log_load(series, appender.rounding_fixes());
}

}  // namespace marketshock::io::detail
