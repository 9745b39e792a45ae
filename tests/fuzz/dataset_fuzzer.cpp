// libFuzzer target: the dataset loader and its manifest JSON. A small valid dataset is written
// once; each input replaces one of its files (the first byte picks manifest.json or a table, the
// rest is the file). A replaced table gets its SHA-256 re-recorded, as a broken build would leave
// it, so the input reaches the table's reader. Bad input may only raise ParseError or DataError
// (no other exception, not even another marketshock::Error); reports stay consistent; a loaded
// dataset goes through `dataset check` and the share-count listing check.
#include "fuzz_support.hpp"

#include <marketshock/core/market_data.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/io/checksum.hpp>
#include <marketshock/io/dataset/dataset_check.hpp>
#include <marketshock/io/dataset/dataset_files.hpp>
#include <marketshock/io/dataset/shares_listing_check.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

using namespace marketshock;
using namespace marketshock::io;
using boost::gregorian::date;
namespace fs = std::filesystem;

MarketData sample() {
  MarketDataBuilder b("fuzz");
  b.add_issuer({IssuerId("nvidia"), "NVIDIA Corporation", "1045810"});
  const std::vector<Bar> nvda{{date(2025, 1, 24), 148.37, 148.97, 141.88, 142.62, 234657600},
                              {date(2025, 1, 27), 124.80, 128.40, 116.70, 118.42, 818830900}};
  b.add_security({Symbol("NVDA"), IssuerId("nvidia"), "", Exchange::nasdaq,
                  "Information Technology", "Semiconductors", "NVIDIA Corporation"},
                 DailyBars(Symbol("NVDA"), PriceBasis::split_adjusted(date(2025, 4, 30)), nvda),
                 {"fuzz", "", false});
  b.set_shares(Symbol("NVDA"),
               StepSeries<SharesRecord>({{date(2024, 11, 15),
                                          {24.49e9, 24.49e9, 1.0, "cover-page count", "fuzz",
                                           "0001045810-24-000316"}}}));
  b.set_actions(Symbol("NVDA"),
                CorporateActions(Symbol("NVDA"), {{date(2024, 6, 10), 10.0, std::nullopt}},
                                 {{date(2024, 12, 5), 0.01}}));
  IndexMembership ndx("ndx100", "Nasdaq-100");
  ndx.add_interval(Symbol("NVDA"), date(2001, 1, 2), std::nullopt);
  b.add_membership(std::move(ndx));
  const std::vector<Bar> spx{{date(2025, 1, 24), 6118.71, 6128.18, 6088.74, 6101.24, -1},
                             {date(2025, 1, 27), 6014.12, 6017.17, 5962.92, 6012.28, -1}};
  b.add_index_levels("SPX", DailyBars(Symbol("SPX"), PriceBasis::as_traded(), spx));
  return std::move(b).build();
}

DatasetMetadata metadata() {
  DatasetMetadata m;
  m.name = "fuzz";
  m.as_of = date(2025, 1, 27);
  m.window_from = date(2025, 1, 24);
  m.window_to = date(2025, 1, 27);
  m.sources = {{"fuzz", "none/none", "0", "", ""}};
  m.index_levels["SPX"] = {"S&P 500", "fuzz"};
  m.membership_names["ndx100"] = "Nasdaq-100";
  return m;
}

// What the checks expect of the sample: its one Nasdaq-100 member on its last session.
DatasetExpectations expectations() {
  DatasetExpectations e;
  e.membership_date = date(2025, 1, 27);
  e.members = {{"ndx100", 1}};
  e.event_from = date(2025, 1, 24);
  e.event_to = date(2025, 1, 27);
  return e;
}

// The sample dataset's directory and the text of each of its files.
struct Sample {
  fs::path dir;
  std::map<std::string, std::string> files;
};

// This process's scratch copy of the dataset, removed at exit.
fs::path scratch_directory() {
  return fs::temp_directory_path() / ("marketshock_dataset_fuzz_" + std::to_string(getpid()));
}

const Sample& sample_dataset() {
  static const Sample made = [] {
    Sample s;
    s.dir = scratch_directory();
    fs::remove_all(s.dir);
    write_dataset(sample(), metadata(), s.dir);
    s.files["manifest.json"] = read_file(s.dir / "manifest.json");
    for (const char* table : kDatasetTables) s.files[table] = read_file(s.dir / table);
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(scratch_directory(), ignored);
    });
    return s;
  }();
  return made;
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const Sample& s = sample_dataset();
  const std::string text = fuzz::as_text(data + 1, size - 1);
  constexpr std::size_t kTables = std::size(kDatasetTables);
  const std::size_t pick = data[0] % (kTables + 1);
  // Restore the file the previous input replaced, then replace the one picked.
  static std::string replaced = "manifest.json";
  static const nlohmann::json manifest = nlohmann::json::parse(s.files.at("manifest.json"));
  write(s.dir / replaced, s.files.at(replaced));
  if (pick == kTables) {
    replaced = "manifest.json";
    write(s.dir / replaced, text);
  } else {
    replaced = kDatasetTables[pick];
    write(s.dir / replaced, text);
    nlohmann::json rehashed = manifest;
    rehashed["tables"][replaced]["sha256"] = sha256_hex(text);
    write(s.dir / "manifest.json", rehashed.dump(2));
  }
  for (const LoadPolicy policy : {LoadPolicy::strict, LoadPolicy::lenient}) {
    fuzz::refuse_only_bad_input([&] {
      const LoadedDataset loaded = load_dataset(s.dir, policy);
      for (const LoadReport& report : loaded.reports) fuzz::check_report(report);
      (void)check_share_counts_near_listing(loaded.data);
      (void)check_dataset(loaded.data, loaded.metadata, TradingCalendar::nyse(), expectations());
    });
  }
  return 0;
}
