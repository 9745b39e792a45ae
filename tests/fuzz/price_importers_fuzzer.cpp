// libFuzzer target: the vendor price importers (Yahoo CSV, yfinance three-line header, tz-dated
// index CSV, Alpaca IEX). The first byte picks the importer; the rest is the file. Bad input may
// only raise ParseError or DataError; strict and lenient loads agree; the bars that come out keep
// DailyBars' invariants (the DailyBars constructor accepts them).
#include "fuzz_support.hpp"

#include <marketshock/core/daily_bars.hpp>
#include <marketshock/core/price_basis.hpp>
#include <marketshock/io/vendor/price_importers.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace {

using namespace marketshock;
using namespace marketshock::io;
using marketshock::fuzz::fail;

ImportedSeries import(std::uint8_t selector, const std::string& text, LoadPolicy policy) {
  auto reader = [&] { return CsvReader::from_string(text, "fuzz.csv"); };
  switch (selector % 5) {
    case 0:
      return import_yahoo_csv(reader(), {"NVDA", "fuzz", policy}, PriceBasis::as_traded());
    case 1:
      return import_yahoo_csv(reader(), {"^NDX", "fuzz", policy}, PriceBasis::as_traded());
    case 2:
      return import_yfinance_csv(reader(), {"^NDX", "fuzz", policy}, PriceBasis::as_traded());
    case 3:
      return import_tz_dated_index_csv(reader(), {"^GSPC", "fuzz", policy});
    default:
      return import_alpaca_iex_csv(reader(), {"ANSS", "fuzz", policy}, PriceBasis::as_traded());
  }
}

void check_series(const ImportedSeries& series) {
  fuzz::check_report(series.report);
  if (series.bars.size() != series.report.rows_loaded) fail("bars != rows loaded");
  try {
    (void)DailyBars(Symbol("FUZZ"), series.basis, series.bars);
  } catch (const DataError& e) {
    fail(std::string("an importer let through a bar DailyBars refuses: ") + e.what());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  const std::string text = fuzz::as_text(data + 1, size - 1);
  std::optional<ImportedSeries> strict_series;
  std::optional<ImportedSeries> lenient_series;
  const auto strict = fuzz::refuse_only_bad_input(
      [&] { strict_series = import(selector, text, LoadPolicy::strict); });
  const auto lenient = fuzz::refuse_only_bad_input(
      [&] { lenient_series = import(selector, text, LoadPolicy::lenient); });
  if (strict_series) check_series(*strict_series);
  if (lenient_series) check_series(*lenient_series);
  fuzz::check_policies_agree(strict, lenient,
                             lenient_series ? std::optional(lenient_series->report) : std::nullopt);
  if (strict_series && lenient_series &&
      strict_series->bars.size() != lenient_series->bars.size()) {
    fail("a clean file gives different bars strictly and leniently");
  }
  return 0;
}
