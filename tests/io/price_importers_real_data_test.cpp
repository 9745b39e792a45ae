// Checks of the vendor price importers against the raw public files of ../shared/data/prices
// (never part of the repository). Each test skips when the files are absent, so the suite passes
// without them. The survey of every file is disabled by default; run it with
//   marketshock_io_tests --gtest_also_run_disabled_tests --gtest_filter='PriceImportersRealData.*'
// and point MARKETSHOCK_SHARED_DATA at the shared data directory if it is not ../shared/data.
#include <marketshock/io/vendor/price_importers.hpp>

#include <marketshock/core/error.hpp>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace marketshock::io {
namespace {

namespace fs = std::filesystem;
namespace greg = boost::gregorian;
using testing::HasSubstr;
using testing::ThrowsMessage;

fs::path shared_data() {
  if (const char* dir = std::getenv("MARKETSHOCK_SHARED_DATA")) return dir;
  return fs::path(MARKETSHOCK_SOURCE_DIR) / ".." / "shared" / "data";
}

PriceImportRequest request(std::string instrument) {
  return {.instrument = std::move(instrument), .source = "real-data test"};
}

TEST(PriceImportersRealData, RejectsTheCorruptGrowwanalysisApp) {
  const fs::path app = shared_data() / "prices/growwanalysis__nasdaq100/data/APP.csv";
  if (!fs::exists(app)) GTEST_SKIP() << app << " is not here";
  // 14 columns: AppLovin pasted beside another stock under repeated names.
  EXPECT_THAT(
      [&] { (void)import_yahoo_split_adjusted_csv(app, request("APP"), greg::date(2026, 4, 24)); },
      ThrowsMessage<ParseError>(
          HasSubstr("APP.csv:1:18: duplicated column 'Open' (columns 3 and 4)")));
}

// One folder of the survey: where its files are and how to import one of them.
struct Folder {
  std::string name;
  fs::path directory;
  std::function<ImportedSeries(const fs::path&, const PriceImportRequest&)> import;
};

std::string ticker_of(const fs::path& file) {
  std::string stem = file.stem().string();
  std::transform(stem.begin(), stem.end(), stem.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return stem;
}

TEST(PriceImportersRealData, DISABLED_SurveyEveryFileInStrictMode) {
  const fs::path prices = shared_data() / "prices";
  if (!fs::exists(prices)) GTEST_SKIP() << prices << " is not here";
  const auto split_only = [](greg::date as_of) {
    return [as_of](const fs::path& file, const PriceImportRequest& req) {
      return import_yahoo_split_adjusted_csv(file, req, as_of);
    };
  };
  const auto fully_adjusted = [](greg::date as_of) {
    return [as_of](const fs::path& file, const PriceImportRequest& req) {
      return import_adjusted_ohlcv_csv(file, req, as_of);
    };
  };
  const std::vector<Folder> folders = {
      {"growwanalysis", prices / "growwanalysis__nasdaq100/data",
       split_only(greg::date(2026, 4, 24))},
      {"dane-anderson", prices / "dane-anderson__equity-signal-engine/data",
       split_only(greg::date(2026, 4, 10))},
      {"CarlosGBerreteaga", prices / "CarlosGBerreteaga__trading-ai/data",
       fully_adjusted(greg::date(2025, 10, 8))},
      {"dsci560", prices / "dsci560-spr26__lab4/data/stock",
       fully_adjusted(greg::date(2025, 12, 30))},
      {"hjyssg", prices / "hjyssg__tqqq_simulation/data",
       [](const fs::path& file, const PriceImportRequest& req) {
         return import_yfinance_csv(file, req, PriceBasis::as_traded());
       }},
      {"zjplab", prices / "zjplab__US-Trading-Data/data/Indexes",
       [](const fs::path& file, const PriceImportRequest& req) {
         return import_tz_dated_index_csv(file, req);
       }},
      {"Spooky-Labs", prices / "Spooky-Labs__Course-1/data",
       [](const fs::path& file, const PriceImportRequest& req) {
         return import_alpaca_iex_csv(file, req, PriceBasis::as_traded());
       }},
      {"Chief-rich", shared_data() / "reference/Chief-rich__nasdaq100-data",
       [](const fs::path& file, const PriceImportRequest& req) {
         return import_yahoo_csv(file, req, PriceBasis::as_traded());
       }},
  };
  for (const Folder& folder : folders) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder.directory)) {
      const fs::path& path = entry.path();
      if (path.extension() != ".csv" || path.filename() == "_download_log.csv") continue;
      if (folder.name == "Chief-rich" && path.parent_path().filename() != "ndx_daily") continue;
      files.push_back(path);
    }
    std::sort(files.begin(), files.end());
    std::size_t ok = 0;
    std::size_t rows = 0;
    std::vector<std::string> failures;
    double seconds = 0.0;
    std::string slowest;
    double slowest_seconds = 0.0;
    for (const fs::path& file : files) {
      const std::string ticker = folder.name == "Chief-rich" ? "^NDX" : ticker_of(file);
      const auto start = std::chrono::steady_clock::now();
      try {
        const ImportedSeries series = folder.import(file, request(ticker));
        EXPECT_TRUE(series.report.is_consistent());
        rows += series.report.rows_loaded;
        ++ok;
      } catch (const Error& error) {
        failures.push_back(fmt::format("  {}: {}", file.filename().string(), error.what()));
      }
      const double elapsed =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      seconds += elapsed;
      if (elapsed > slowest_seconds) {
        slowest_seconds = elapsed;
        slowest = file.filename().string();
      }
    }
    fmt::print("{}: {} files, {} ok ({} rows), {} failing; {:.3f} s in all, slowest {} {:.4f} s\n",
               folder.name, files.size(), ok, rows, failures.size(), seconds, slowest,
               slowest_seconds);
    for (const std::string& failure : failures) fmt::print("{}\n", failure);
  }
}

}  // namespace
}  // namespace marketshock::io
