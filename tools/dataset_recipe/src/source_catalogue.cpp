#include "source_catalogue.hpp"

#include <dataset_recipe/embedded_dataset.hpp>

namespace marketshock::recipe {

io::DatasetMetadata catalogue_metadata(const DatasetBuildOptions& options) {
  io::DatasetMetadata m;
  m.name = kEmbeddedDatasetName;
  m.description =
      "S&P 500 and Nasdaq-100 members of 2025-01-27 with daily bars over the event window, the "
      "largest US companies since 2020 with longer history, share counts, index membership and "
      "index levels; derived by `marketshock dataset build` from public files";
  m.as_of = options.window_to;
  m.window_from = options.window_from;
  m.window_to = options.window_to;
  const std::string yahoo = "not stated by the repository; the prices are Yahoo Finance's";
  m.sources = {
      {"growwanalysis-nasdaq100", "growwanalysis/nasdaq100", "51b1d5ba", yahoo,
       "daily OHLCV, Close adjusted for splits only, 2020-01-02..2026-04-24"},
      {"dane-anderson-equity-signal-engine", "dane-anderson/equity-signal-engine", "2cfbb329",
       yahoo, "daily OHLCV, Close adjusted for splits only, 2021-04-12..2026-04-10; SPY"},
      {"carlosgberreteaga-trading-ai", "CarlosGBerreteaga/trading-ai", "5d39eb6b", yahoo,
       "daily OHLC adjusted for splits and dividends as of 2025-10-08 (dividends undone here)"},
      {"dsci560-lab4", "dsci560-spr26/lab4", "afa137f3", yahoo,
       "ZBH, ZBRA, ZTS daily OHLC adjusted for splits and dividends"},
      {"spooky-labs-course-1", "Spooky-Labs/Course-1", "65f5e49d", "not stated; Alpaca IEX bars",
       "single-venue (IEX) daily bars of names removed from the indices in 2025"},
      {"zjplab-us-trading-data", "zjplab/US-Trading-Data", "2b417757", yahoo,
       "index levels ^GSPC, ^IXIC, ^DJI"},
      {"hjyssg-tqqq-simulation", "hjyssg/tqqq_simulation", "850cf4ee", yahoo,
       "^NDX and ^SPX levels, QQQ (yfinance downloads)"},
      {"chief-rich-nasdaq100-data", "Chief-rich/nasdaq100-data", "11f03f9", yahoo,
       "^NDX levels, used as a cross-check"},
      {"fja05680-sp500", "fja05680/sp500", "58490ec", "MIT", "S&P 500 membership intervals"},
      {"jmccarrell-n100tickers", "jmccarrell/n100tickers", "9a23023", "MIT",
       "Nasdaq-100 membership, yearly YAML"},
      {"datasets-s-and-p-500-companies", "datasets/s-and-p-500-companies", "f455575", "ODC-PDDL",
       "S&P 500 constituents with GICS sector and CIK, 2024-12-27"},
      {"gary-strauss-nasdaq100-constituents", "Gary-Strauss/NASDAQ100_Constituents", "accc447",
       "MIT", "Nasdaq-100 constituents with GICS sector"},
      {"yahoo_snapshot", "datasets/s-and-p-500-companies-financials",
       "9 commits 2024-10-10..2025-02-01", "ODC-PDDL",
       "point-in-time closes and market caps, used to undo dividend adjustments, "
       "check levels and restate share counts"},
      {"sec_points", "dgunning/edgartools", "ca5a70094d", "MIT",
       "SEC cover-page share counts (dei:EntityCommonStockSharesOutstanding), as reported"},
      {"yahoo_monthly_shares", "s-koirala/MarketCapBacktest", "", "not stated",
       "month-end Yahoo share counts, as reported"},
      {"fmp_quarterly", "hamletj/finance_assistant", "", "not stated",
       "FMP quarterly statements: weighted-average shares"},
  };
  m.membership_names = {{"sp500", "S&P 500"}, {"ndx100", "Nasdaq-100"}};
  // Each note is one string literal over several lines: no comma is missing.
  // NOLINTBEGIN(bugprone-suspicious-missing-comma)
  m.notes = {
      "Prices: growwanalysis split-only Close, else dane-anderson, else CarlosG with its dividend "
      "adjustment undone (factor measured against Yahoo snapshot closes), else dsci560 likewise, "
      "else Alpaca IEX bars (flagged). A file that fails to load strictly, or whose level is off "
      "the snapshot closes by more than a split ratio explains, is rejected.",
      "Prices are split-adjusted as of each file's last date (the price_basis_as_of column); "
      "share counts are restated onto the same basis, so close x shares is the market value.",
      "Shares: SEC cover-page counts, else Yahoo month-end counts, else FMP quarterly weighted "
      "averages, else Yahoo snapshot market cap / close; a lower source fills only dates before "
      "the first count of the sources above it. Isolated spikes are dropped and reported.",
      "A count is in force from the date it refers to (its as-of date), not its filing date.",
      "Dual-class issuers (Alphabet, Fox, News Corp): every source gives the all-class total; the "
      "class A line carries it and the other class has no count.",
      "Float adjustment and Nasdaq-100 capped weights are not in any source.",
  };
  // NOLINTEND(bugprone-suspicious-missing-comma)
  return m;
}

}  // namespace marketshock::recipe
