#include "index_levels.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/vendor/price_importers.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

namespace marketshock::recipe {

namespace {

using boost::gregorian::date;

enum class Format { tz_dated, yfinance, yahoo_split_only };

// A few rows of a table: their 8 bytes of padding do not matter; the order reads best.
struct LevelSource {  // NOLINT(clang-analyzer-optin.performance.Padding)
  const char* id;
  const char* name;
  const char* source_id;
  const char* file;
  const char* vendor_ticker;
  Format format;
  // A second source of the same series, for a cross-check; empty when none.
  const char* check_source_id;
  const char* check_file;
  Format check_format;
  const char* check_ticker;
};

// Primary sources: the consolidated Yahoo index levels. Funds are split-adjusted closes.
constexpr LevelSource kLevels[] = {
    {"SPX", "S&P 500", "zjplab-us-trading-data",
     "prices/zjplab__US-Trading-Data/data/Indexes/^GSPC.csv", "^GSPC", Format::tz_dated,
     "hjyssg-tqqq-simulation", "prices/hjyssg__tqqq_simulation/data/^SPX.csv", Format::yfinance,
     "^SPX"},
    {"NDX", "Nasdaq-100", "hjyssg-tqqq-simulation", "prices/hjyssg__tqqq_simulation/data/^NDX.csv",
     "^NDX", Format::yfinance, "chief-rich-nasdaq100-data",
     "reference/Chief-rich__nasdaq100-data/2026-08-22_11f03f9/data/ndx_daily/history.csv",
     Format::yahoo_split_only, "^NDX"},
    {"COMP", "Nasdaq Composite", "zjplab-us-trading-data",
     "prices/zjplab__US-Trading-Data/data/Indexes/^IXIC.csv", "^IXIC", Format::tz_dated, "", "",
     Format::tz_dated, ""},
    {"DJI", "Dow Jones Industrial Average", "zjplab-us-trading-data",
     "prices/zjplab__US-Trading-Data/data/Indexes/^DJI.csv", "^DJI", Format::tz_dated, "", "",
     Format::tz_dated, ""},
    {"SPY", "SPDR S&P 500 ETF (split-adjusted closes)", "dane-anderson-equity-signal-engine",
     "prices/dane-anderson__equity-signal-engine/data/SPY.csv", "SPY", Format::yahoo_split_only, "",
     "", Format::tz_dated, ""},
    {"QQQ", "Invesco QQQ Trust (split-adjusted closes)", "hjyssg-tqqq-simulation",
     "prices/hjyssg__tqqq_simulation/data/qqq.csv", "QQQ", Format::yfinance, "", "",
     Format::tz_dated, ""},
};

io::ImportedSeries read_levels(const std::filesystem::path& file, const char* ticker,
                               const char* source_id, Format format) {
  const io::PriceImportRequest request{ticker, source_id, io::LoadPolicy::strict};
  const bool index = ticker[0] == '^';
  const PriceBasis basis =
      index ? PriceBasis::as_traded() : PriceBasis::split_adjusted(date(2000, 1, 3));
  switch (format) {
    case Format::tz_dated:
      return io::import_tz_dated_index_csv(file, request);
    case Format::yfinance:
      return io::import_yfinance_csv(file, request, basis);
    case Format::yahoo_split_only:
      return io::import_yahoo_csv(file, request, basis);
  }
  return {};
}

void cross_check(const LevelSource& s, const std::vector<Bar>& primary, BuildContext& context) {
  const auto file = context.raw(s.check_file);
  if (!std::filesystem::exists(file)) return;
  const std::string ticker = s.check_ticker;
  io::ImportedSeries other;
  try {
    other = read_levels(file, ticker.c_str(), s.check_source_id, s.check_format);
  } catch (const Error& e) {
    context.note("index levels", s.id,
                 fmt::format("cross-check source {} unusable: {}", s.check_source_id, e.what()));
    return;
  }
  std::size_t common = 0;
  std::size_t differing = 0;
  std::string example;
  for (const Bar& b : primary) {
    const auto it = std::lower_bound(other.bars.begin(), other.bars.end(), b.date,
                                     [](const Bar& x, date d) { return x.date < d; });
    if (it == other.bars.end() || it->date != b.date) continue;
    ++common;
    if (std::abs(it->close / b.close - 1.0) > 1e-4) {
      if (differing++ == 0) {
        example = fmt::format("{}: {} vs {}", format_iso_date(b.date), b.close, it->close);
      }
    }
  }
  context.note("index levels", s.id,
               differing == 0
                   ? fmt::format("closes agree with {} on all {} common sessions (within 0.01%)",
                                 s.check_source_id, common)
                   : fmt::format("closes differ from {} on {} of {} common sessions (first {}); "
                                 "rule: {} kept",
                                 s.check_source_id, differing, common, example, s.source_id));
}

}  // namespace

IndexLevelsChoice select_index_levels(BuildContext& context) {
  IndexLevelsChoice out;
  const date from = context.options.history_from;
  const date to = context.options.window_to;
  for (const LevelSource& s : kLevels) {
    io::ImportedSeries series =
        read_levels(context.raw(s.file), s.vendor_ticker, s.source_id, s.format);
    std::vector<Bar> bars;
    std::copy_if(series.bars.begin(), series.bars.end(), std::back_inserter(bars),
                 [&](const Bar& b) { return from <= b.date && b.date <= to; });
    const PriceBasis basis = s.vendor_ticker[0] == '^'
                                 ? PriceBasis::as_traded()
                                 : PriceBasis::split_adjusted(series.bars.back().date);
    if (s.check_file[0] != '\0') cross_check(s, bars, context);
    out.levels.emplace(s.id, DailyBars(Symbol(s.id), basis, bars));
    out.info[s.id] = {s.name, s.source_id};
  }
  return out;
}

}  // namespace marketshock::recipe
