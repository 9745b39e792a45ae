// The malformed-input catalogue (tests/malformed/, described in its README.md): one test per file.
// Strict: a ParseError or DataError at file:line:column naming the field. Lenient: only the bad
// rows skipped, each reported at its line, and loaded + skipped = read. Accepted formats (BOM,
// CRLF, blank lines at the end, no final line end, quoted commas) load with their values. JSON
// documents are refused whole, at line:column or at a JSON pointer.
#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/price_basis.hpp>
#include <marketshock/core/trading_calendar.hpp>
#include <marketshock/io/checksum.hpp>
#include <marketshock/io/csv_reader.hpp>
#include <marketshock/io/dataset/dataset_files.hpp>
#include <marketshock/io/dataset/shares_listing_check.hpp>
#include <marketshock/io/load_policy.hpp>
#include <marketshock/io/peer_groups_file.hpp>
#include <marketshock/io/vendor/constituents.hpp>
#include <marketshock/io/vendor/ndx_membership.hpp>
#include <marketshock/io/vendor/price_importers.hpp>
#include <marketshock/io/vendor/share_counts.hpp>
#include <marketshock/io/vendor/snapshot_quotes.hpp>
#include <marketshock/io/vendor/sp500_membership.hpp>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace marketshock::io {
namespace {

namespace fs = std::filesystem;
using boost::gregorian::date;
using testing::HasSubstr;

const fs::path kCatalogue = fs::path(MARKETSHOCK_SOURCE_DIR) / "tests" / "malformed";

// Which reader a catalogue file goes through.
enum class Importer {
  yahoo,            // import_yahoo_csv, instrument NVDA, as traded
  yfinance,         // import_yfinance_csv, instrument ^NDX
  tz_index,         // import_tz_dated_index_csv, instrument ^GSPC
  alpaca,           // import_alpaca_iex_csv, instrument ANSS
  sp500_intervals,  // import_sp500_intervals
  sp500_changes,    // import_sp500_changes
  sp500_constituents,
  yahoo_snapshot,  // import_yahoo_financials_snapshot of the 2025-02-01 folder
  sec_points,      // import_sec_share_points
  yahoo_shares,    // import_yahoo_monthly_shares
  fmp_quarterly,   // import_fmp_quarterly_shares, adjusted as of 2025-06-30
  ndx_year,        // parse_ndx_year
  dataset,         // load_dataset of the sample dataset with `table` replaced by the file
  shares_listing,  // verify_share_counts_near_listing over the sample's replaced shares.csv
  peer_groups,     // read_peer_groups (no rows: refused whole under both policies)
};

enum class Thrown { parse_error, data_error };

// What a lenient load reports: rows read and loaded, and the line of each skipped row.
struct Lenient {
  std::size_t rows_read = 0;
  std::size_t rows_loaded = 0;
  std::vector<std::size_t> skipped_lines;
};

struct Case {
  std::string_view file;  // relative to tests/malformed
  Importer importer;
  Thrown thrown;
  // The strict error's message after the file name, e.g. ":3:1: column 'Date': invalid date".
  std::string_view strict;
  // Empty when nothing can be loaded (header, empty file, manifest): the lenient load throws the
  // same error.
  std::optional<Lenient> lenient;
  // For Importer::dataset and shares_listing: the dataset file the catalogue file replaces.
  std::string_view table = {};
};

using enum Importer;
constexpr Thrown kParse = Thrown::parse_error;
constexpr Thrown kData = Thrown::data_error;

// clang-format off
const std::vector<Case> kCases = {
  // Impossible and malformed dates.
  {"price_date_feb30.csv", yahoo, kParse, ":3:1: column 'Date': invalid date '2025-02-30'", Lenient{5, 4, {3}}},
  {"price_date_month13.csv", yahoo, kParse, ":4:1: column 'Date': invalid date '2025-13-01'", Lenient{5, 4, {4}}},
  {"price_date_empty.csv", yahoo, kParse, ":3:1: column 'Date': empty field, expected a date (YYYY-MM-DD)", Lenient{5, 4, {3}}},
  {"price_date_us_format.csv", yahoo, kParse, ":5:1: column 'Date': invalid date '01/24/2025'", Lenient{5, 4, {5}}},
  // Numbers that are not prices.
  {"price_close_non_numeric.csv", yahoo, kParse, ":3:33: column 'Close': invalid number 'n/a'", Lenient{5, 4, {3}}},
  {"price_close_nan.csv", yahoo, kParse, ":4:33: column 'Close': non-finite number 'NaN'", Lenient{5, 4, {4}}},
  {"price_high_infinite.csv", yahoo, kParse, ":5:19: column 'High': non-finite number 'inf'", Lenient{5, 4, {5}}},
  {"price_close_overflow.csv", yahoo, kParse, ":6:33: column 'Close': number '1e999' is out of the double range", Lenient{5, 4, {6}}},
  {"price_close_negative.csv", yahoo, kData, ":3:33: column 'Close': close must be positive", Lenient{5, 4, {3}}},
  {"price_open_zero.csv", yahoo, kData, ":4:12: column 'Open': open must be positive", Lenient{5, 4, {4}}},
  {"price_high_below_low.csv", yahoo, kData, ":5:19: column 'High': high below low", Lenient{5, 4, {5}}},
  {"price_thousands_separator.csv", yahoo, kParse, ":5:33: column 'Close': invalid number '1,142.62'", Lenient{5, 4, {5}}},
  {"price_padded_number.csv", yahoo, kParse, ":3:19: column 'High': invalid number ' 147.79'", Lenient{5, 4, {3}}},
  // Volumes.
  {"price_volume_overflow.csv", yahoo, kParse, ":6:40: column 'Volume': integer '9223372036854775808' is out of the int64 range", Lenient{5, 4, {6}}},
  {"price_volume_negative.csv", yahoo, kParse, ":3:40: column 'Volume': negative volume -237651400", Lenient{5, 4, {3}}},
  {"price_volume_fractional.csv", yahoo, kParse, ":4:40: column 'Volume': number '155915500.5' is not an integer", Lenient{5, 4, {4}}},
  // Row order and repeats.
  {"price_duplicate_date.csv", yahoo, kData, ":4:1: column 'Date': date 2025-01-22 repeats 2025-01-22 of line 3", Lenient{6, 5, {4}}},
  {"price_unsorted.csv", yahoo, kData, ":5:1: column 'Date': date 2025-01-23 comes before 2025-01-24 of line 4", Lenient{5, 4, {5}}},
  {"price_mixed_symbols.csv", yahoo, kData, ":3:12: column 'Symbol': symbol 'AMD' where the file should hold only 'NVDA'", Lenient{3, 2, {3}}},
  // Line structure.
  {"price_too_many_fields.csv", yahoo, kParse, ":4:50: expected 6 fields, found 7", Lenient{5, 4, {4}}},
  {"price_too_few_fields.csv", yahoo, kParse, ":5:39: expected 6 fields, found 5", Lenient{5, 4, {5}}},
  {"price_truncated_last_line.csv", yahoo, kParse, ":6:24: expected 6 fields, found 3", Lenient{5, 4, {6}}},
  {"price_blank_line_inside.csv", yahoo, kParse, ":4: blank line inside the data", Lenient{6, 5, {4}}},
  {"price_unclosed_quote.csv", yahoo, kParse, ":4:33: column 'Close': unclosed quote", Lenient{5, 4, {4}}},
  {"price_text_after_quote.csv", yahoo, kParse, ":5:20: column 'Open': unexpected '0' after the closing quote", Lenient{5, 4, {5}}},
  // Headers and empty input: nothing to load under either policy.
  {"price_duplicated_header.csv", yahoo, kParse, ":1:26: duplicated column 'Close' (columns 5 and 6)", std::nullopt},
  {"price_missing_header.csv", yahoo, kParse, ":1: unexpected column '2025-01-21' (column 1 of the header)", std::nullopt},
  {"price_empty_file.csv", yahoo, kParse, ": empty file, expected a header row of column names", std::nullopt},
  {"price_blank_lines_only.csv", yahoo, kParse, ": empty file, expected a header row of column names", std::nullopt},
  // The other price formats.
  {"yfinance_wrong_ticker.csv", yfinance, kParse, ":2:8: column 'Adj Close': ticker '^GSPC' where the file should hold only '^NDX'", std::nullopt},
  {"yfinance_bad_date.csv", yfinance, kParse, ":5:1: column 'Price': invalid date '1986-02-29'", Lenient{3, 2, {5}}},
  {"tz_index_bad_offset.csv", tz_index, kParse, ":3:1: column 'Date': invalid timestamp '2025-01-27 00:00:00-0500'", Lenient{3, 2, {3}}},
  {"tz_index_nonzero_dividend.csv", tz_index, kData, ":3:70: column 'Dividends': 1.76 in an index file", Lenient{3, 2, {3}}},
  {"alpaca_wrong_dst.csv", alpaca, kParse, ":3:1: column 'Date': timestamp '2020-07-28 05:00:00+00:00' is not New York midnight", Lenient{3, 2, {3}}},
  // Membership and reference tables.
  {"sp500_intervals_bad_date.csv", sp500_intervals, kParse, ":4:6: column 'start_date': invalid date '2019-02-29'", Lenient{4, 3, {4}}},
  {"sp500_intervals_overlap.csv", sp500_intervals, kData, ":4:6: column 'start_date': interval of DELL overlaps the one at sp500_intervals_overlap.csv:3", Lenient{4, 3, {4}}},
  {"sp500_intervals_end_before_start.csv", sp500_intervals, kData, ":2:16: column 'end_date': end 2015-03-23 is not after start 2024-09-23", Lenient{3, 2, {2}}},
  {"sp500_changes_empty_entry.csv", sp500_changes, kParse, ":3:12: column 'add': empty entry in list 'PLTR,,DELL'", Lenient{3, 2, {3}}},
  {"sp500_constituents_duplicate_symbol.csv", sp500_constituents, kData, ":4:1: column 'Symbol': NVDA is listed twice (first on line 3)", Lenient{3, 2, {4}}},
  {"sp500_constituents_bad_cik.csv", sp500_constituents, kParse, ":3:88: column 'CIK': invalid CIK 'CIK1045810', expected 1 to 10 digits", Lenient{2, 1, {3}}},
  {"snapshot_negative_market_cap.csv", yahoo_snapshot, kData, ":4:35: column 'Market Cap': -3052683657216 is not positive", Lenient{3, 2, {4}}},
  {"ndx_bad_change_date.yaml", ndx_year, kParse, ":7:3: invalid date '2025-02-30' in 'changes'", Lenient{3, 2, {7}}},
  {"ndx_change_wrong_year.yaml", ndx_year, kData, ":7:3: change dated 2024-12-23 in the file of year 2025", Lenient{3, 2, {7}}},
  {"ndx_bad_ticker.yaml", ndx_year, kParse, ":4:5: invalid ticker 'goog'", Lenient{2, 1, {4}}},
  // Share counts.
  {"sec_points_zero_shares.csv", sec_points, kData, ":3:17: column 'shares': share count 0 is not positive", Lenient{2, 1, {3}}},
  {"sec_points_unknown_basis.csv", sec_points, kParse, ":3:29: column 'basis': unknown basis 'split-adjusted'", Lenient{2, 1, {3}}},
  {"yahoo_shares_lowercase_ticker.csv", yahoo_shares, kParse, ":3:12: column 'ticker': invalid ticker 'amzn'", Lenient{3, 2, {3}}},
  {"fmp/NVDA.csv", fmp_quarterly, kData, ":3:12: column 'symbol': symbol AAPL differs from the file's, NVDA", Lenient{2, 1, {3}}},
  // The project's own dataset format: each file replaces one table of a two-security sample.
  // References to other tables.
  {"dataset/shares_unknown_symbol.csv", dataset, kParse, ":3:1: column 'symbol': unknown symbol 'TSLA' (not in securities.csv)", Lenient{3, 2, {3}}, "shares.csv"},
  {"dataset/membership_unknown_symbol.csv", dataset, kParse, ":4:8: column 'symbol': unknown symbol 'TSLA' (not in securities.csv)", Lenient{3, 2, {4}}, "index_membership.csv"},
  {"dataset/bars_unknown_symbol.csv", dataset, kParse, ":5:1: column 'symbol': unknown symbol 'TSLA' (not in securities.csv)", Lenient{4, 3, {5}}, "bars.csv"},
  {"dataset/securities_unknown_issuer.csv", dataset, kData, ":2:6: column 'issuer': issuer 'alphabet-inc' is not in issuers.csv", Lenient{2, 1, {2}}, "securities.csv"},
  {"dataset/index_levels_undescribed.csv", dataset, kParse, ":2:1: column 'index': index 'NDX' is not described in manifest.json (index_levels)", Lenient{3, 2, {2}}, "index_levels.csv"},
  {"dataset/issuers_duplicate.csv", dataset, kData, ":4:1: column 'issuer': issuer 'nvidia' listed twice (first on line 3)", Lenient{3, 2, {4}}, "issuers.csv"},
  {"dataset/securities_escape_in_symbol.csv", dataset, kParse, ":3:1: column 'symbol': invalid symbol 'NV\\x1b[2JDA'", Lenient{2, 1, {3}}, "securities.csv"},
  // Bars off the NYSE calendar.
  {"dataset/bars_saturday.csv", dataset, kData, ":4:6: column 'date': 2025-01-25 is not an NYSE session: a Saturday", Lenient{4, 3, {4}}, "bars.csv"},
  {"dataset/bars_market_closed.csv", dataset, kData, ":3:6: column 'date': 2025-01-09 is not an NYSE session: National day of mourning for former President Jimmy Carter", Lenient{4, 3, {3}}, "bars.csv"},
  {"dataset/index_levels_holiday.csv", dataset, kData, ":2:5: column 'date': 2024-12-25 is not an NYSE session: Christmas Day", Lenient{3, 2, {2}}, "index_levels.csv"},
  // Implausible or inconsistent values.
  {"dataset/bars_columns_swapped.csv", dataset, kData, ":3:38: column 'close': close 234657600 is above the plausible maximum of 1e+07 USD (PlausibilityBounds::max_price)", Lenient{3, 2, {3}}, "bars.csv"},
  {"dataset/bars_open_above_high.csv", dataset, kData, ":4:17: column 'open': open 12480 is above high 128.4", Lenient{3, 2, {4}}, "bars.csv"},
  {"dataset/bars_high_below_low.csv", dataset, kData, ":3:24: column 'high': high 140.97 is below low 141.88", Lenient{3, 2, {3}}, "bars.csv"},
  {"dataset/bars_volume_minus_one.csv", dataset, kData, ":2:27: column 'volume': volume -1 is negative (an unknown volume is an empty field)", Lenient{3, 2, {2}}, "bars.csv"},
  {"dataset/bars_volume_implausible.csv", dataset, kData, ":3:45: column 'volume': volume 23465760014262 is above the plausible maximum of 1e+13 shares (PlausibilityBounds::max_volume)", Lenient{3, 2, {3}}, "bars.csv"},
  {"dataset/corporate_actions_zero_ratio.csv", dataset, kData, ":2:24: column 'value': split ratio 0 is outside the plausible range [0.0001, 10000] (PlausibilityBounds::min_split_ratio, max_split_ratio)", Lenient{1, 0, {2}}, "corporate_actions.csv"},
  {"dataset/shares_in_thousands.csv", dataset, kData, ":3:17: column 'shares': share count 24490000000000 is outside the plausible range [1, 1e+13] (PlausibilityBounds::min_shares, max_shares)", Lenient{2, 1, {3}}, "shares.csv"},
  {"dataset/shares_not_restated.csv", dataset, kData, ":2:17: column 'shares': shares 24530000000 differ from reported_shares x split_factor = 2453000000", Lenient{2, 1, {2}}, "shares.csv"},
  // Row order.
  {"dataset/bars_duplicate_date.csv", dataset, kData, ":4:6: column 'date': date 2025-01-24 repeats 2025-01-24 of line 3", Lenient{4, 3, {4}}, "bars.csv"},
  {"dataset/shares_before_listing.csv", shares_listing, kData, ":2:6: column 'effective_date': share count of NVDA effective 2019-10-18, 1925 days before its first bar 2025-01-24 (at most 400 allowed)", Lenient{3, 2, {2}}, "shares.csv"},
  // The manifest: nothing can be loaded without it. JSON syntax at line:column, values at
  // their JSON pointer.
  {"dataset/manifest_truncated.json", dataset, kParse, ":6:42: invalid JSON: invalid string: missing closing quote; last read: '\"S&P 5'", std::nullopt, "manifest.json"},
  {"dataset/manifest_format_version.json", dataset, kData, "#/format_version: format version 2, this library reads version 1", std::nullopt, "manifest.json"},
  {"dataset/manifest_bad_date.json", dataset, kData, "#/as_of: invalid date '2025-02-30' (expected YYYY-MM-DD)", std::nullopt, "manifest.json"},
  {"dataset/manifest_sha256_not_string.json", dataset, kData, "#/tables/issuers.csv/sha256: expected a string, found number", std::nullopt, "manifest.json"},
  {"dataset/manifest_window_reversed.json", dataset, kData, "#/window/to: the window ends (2025-01-24) before it starts (2025-01-27)", std::nullopt, "manifest.json"},
  // Peer groups (read_peer_groups): one document, refused whole.
  {"peer_groups_truncated.json", peer_groups, kParse, ":6:50: invalid JSON: syntax error while parsing object key - invalid string: missing closing quote; last read: '\"s'; expected string literal", std::nullopt},
  {"peer_groups_bad_symbol.json", peer_groups, kData, "#/groups/1/symbols/2: invalid symbol 'nvda'", std::nullopt},
};
// clang-format on

// Catalogue files that are accepted (tested by the TESTs below).
const std::vector<std::string_view> kAcceptedFiles = {"price_bom.csv",
                                                      "price_crlf.csv",
                                                      "price_trailing_blank_lines.csv",
                                                      "price_no_final_newline.csv",
                                                      "price_header_only.csv",
                                                      "sp500_constituents_quoted_commas.csv",
                                                      "sp500_changes_quoted_lists.csv"};

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// The sample dataset the dataset cases alter: NVDA (two bars, two share counts, a split) and
// GOOG (one bar without OHLC or volume), one Nasdaq-100 membership, S&P 500 levels.
MarketData sample_data() {
  MarketDataBuilder b("sample");
  b.add_issuer({IssuerId("nvidia"), "NVIDIA Corporation", "0001045810"});
  b.add_issuer({IssuerId("alphabet"), "Alphabet Inc., all classes", std::nullopt});
  const std::vector<Bar> nvda{{date(2025, 1, 24), 148.37, 148.97, 141.88, 142.62, 234657600},
                              {date(2025, 1, 27), 124.80, 128.40, 116.70, 118.42, 818830900}};
  b.add_security({Symbol("NVDA"), IssuerId("nvidia"), "", Exchange::nasdaq,
                  "Information Technology", "Semiconductors", "NVIDIA Corporation"},
                 DailyBars(Symbol("NVDA"), PriceBasis::split_adjusted(date(2025, 4, 30)), nvda),
                 {"growwanalysis", "", false});
  const std::vector<Bar> goog{{date(2025, 1, 27), kNaN, kNaN, kNaN, 193.77, -1}};
  b.add_security(
      {Symbol("GOOG"), IssuerId("alphabet"), "C", Exchange::nasdaq, "Communication Services",
       "Interactive Media & Services", "Alphabet Inc. (Class C)"},
      DailyBars(Symbol("GOOG"), PriceBasis::split_adjusted(date(2025, 4, 30)), goog),
      {"growwanalysis", "", false});
  b.set_shares(
      Symbol("NVDA"),
      StepSeries<SharesRecord>(
          {{date(2024, 8, 21),
            {24.53e9, 24.53e9, 1.0, "cover-page count", "sec-points", "0001045810-24-000264"}},
           {date(2024, 11, 15),
            {24.49e9, 24.49e9, 1.0, "cover-page count", "sec-points", "0001045810-24-000316"}}}));
  b.set_actions(Symbol("NVDA"),
                CorporateActions(Symbol("NVDA"), {{date(2024, 6, 10), 10.0, std::nullopt}}, {}));
  IndexMembership ndx("ndx100", "Nasdaq-100");
  ndx.add_interval(Symbol("NVDA"), date(2001, 1, 2), std::nullopt);
  ndx.add_interval(Symbol("GOOG"), date(2014, 4, 3), std::nullopt);
  b.add_membership(std::move(ndx));
  const std::vector<Bar> spx{{date(2025, 1, 24), 6118.71, 6128.18, 6088.74, 6101.24, -1},
                             {date(2025, 1, 27), 6014.12, 6017.17, 5962.92, 6012.28, -1}};
  b.add_index_levels("SPX", DailyBars(Symbol("SPX"), PriceBasis::as_traded(), spx));
  return std::move(b).build();
}

DatasetMetadata sample_metadata() {
  DatasetMetadata m;
  m.name = "sample";
  m.description = "base of the malformed-dataset cases";
  m.as_of = date(2025, 1, 27);
  m.window_from = date(2025, 1, 24);
  m.window_to = date(2025, 1, 27);
  m.sources = {{"growwanalysis", "growwanalysis/nasdaq100", "51b1d5ba", "unstated", "prices"}};
  m.index_levels["SPX"] = {"S&P 500", "zjplab"};
  m.membership_names["ndx100"] = "Nasdaq-100";
  return m;
}

// 0-based index of `table` in kDatasetTables (and so in LoadedDataset::reports).
std::size_t table_index(std::string_view table) {
  const auto* const it = std::find(std::begin(kDatasetTables), std::end(kDatasetTables), table);
  EXPECT_NE(it, std::end(kDatasetTables)) << table;
  return static_cast<std::size_t>(it - std::begin(kDatasetTables));
}

// A fresh sample dataset in a directory of its own, removed at the end of the test.
class SampleDataset {
 public:
  explicit SampleDataset(std::string_view tag)
      : dir_(fs::temp_directory_path() / ("marketshock_malformed_" + std::string(tag))) {
    fs::remove_all(dir_);
    write_dataset(sample_data(), sample_metadata(), dir_);
  }
  SampleDataset(const SampleDataset&) = delete;
  SampleDataset& operator=(const SampleDataset&) = delete;
  ~SampleDataset() { fs::remove_all(dir_); }

  [[nodiscard]] const fs::path& dir() const noexcept { return dir_; }

  // Replaces `table` with `file`; a CSV table gets its checksum and row count re-recorded in the
  // manifest, as if a broken builder had written it.
  void replace(std::string_view table, const fs::path& file) const {
    fs::copy_file(file, dir_ / table, fs::copy_options::overwrite_existing);
    if (table == "manifest.json") return;
    nlohmann::json manifest = nlohmann::json::parse(read_file(dir_ / "manifest.json"));
    const std::string text = read_file(dir_ / table);
    auto& entry = manifest.at("tables").at(std::string(table));
    entry["sha256"] = sha256_hex(text);
    entry["rows"] = std::count(text.begin(), text.end(), '\n') - 1;
    std::ofstream(dir_ / "manifest.json", std::ios::trunc) << manifest.dump(2) << '\n';
  }

 private:
  fs::path dir_;
};

// Runs the case's importer under `policy` and returns the load report of the catalogue file.
LoadReport run(const Case& c, LoadPolicy policy) {
  const fs::path path = kCatalogue / c.file;
  const auto request = [&](std::string instrument) {
    return PriceImportRequest{std::move(instrument), "catalogue", policy};
  };
  switch (c.importer) {
    case yahoo:
      return import_yahoo_csv(path, request("NVDA"), PriceBasis::as_traded()).report;
    case yfinance:
      return import_yfinance_csv(path, request("^NDX"), PriceBasis::as_traded()).report;
    case tz_index:
      return import_tz_dated_index_csv(path, request("^GSPC")).report;
    case alpaca:
      return import_alpaca_iex_csv(path, request("ANSS"), PriceBasis::as_traded()).report;
    case sp500_intervals:
      return import_sp500_intervals(path, policy).report;
    case sp500_changes:
      return import_sp500_changes(path, policy).report;
    case sp500_constituents:
      return import_sp500_constituents(path, policy).report;
    case yahoo_snapshot:
      return import_yahoo_financials_snapshot(path, date(2025, 2, 1), policy).report;
    case sec_points:
      return import_sec_share_points(path, policy).report;
    case yahoo_shares:
      return import_yahoo_monthly_shares(path, policy).report;
    case fmp_quarterly:
      return import_fmp_quarterly_shares(path, date(2025, 6, 30), policy).report;
    case ndx_year:
      return parse_ndx_year(read_file(path), path.string(), policy).report;
    case dataset: {
      const SampleDataset sample(fs::path(c.file).stem().string() + "_" +
                                 std::string(to_string(policy)));
      sample.replace(c.table, path);
      return load_dataset(sample.dir(), policy).reports.at(table_index(c.table));
    }
    case peer_groups:
      (void)read_peer_groups(path);
      return LoadReport{};
    case shares_listing: {
      const SampleDataset sample(fs::path(c.file).stem().string() + "_" +
                                 std::string(to_string(policy)));
      sample.replace(c.table, path);
      const LoadedDataset loaded = load_dataset(sample.dir(), LoadPolicy::strict);
      auto reader = CsvReader::from_file(sample.dir() / c.table);
      return verify_share_counts_near_listing(reader, loaded.data, policy);
    }
  }
  throw std::logic_error("unknown importer");
}

// The name errors give the file: its file name, or the dataset table it replaced.
std::string error_file(const Case& c) {
  return c.table.empty() ? fs::path(c.file).filename().string() : std::string(c.table);
}

// Checks that `load` throws the case's error type with the file name and `c.strict` in it.
void expect_case_error(const Case& c, const std::function<void()>& load) {
  const std::string expected = error_file(c) + std::string(c.strict);
  if (c.thrown == kParse) {
    EXPECT_THAT(load, testing::ThrowsMessage<ParseError>(HasSubstr(expected)));
  } else {
    EXPECT_THAT(load, testing::ThrowsMessage<DataError>(HasSubstr(expected)));
  }
}

class MalformedCatalogue : public testing::TestWithParam<Case> {};

TEST_P(MalformedCatalogue, StrictLoadThrowsAtTheField) {
  const Case& c = GetParam();
  expect_case_error(c, [&] { (void)run(c, LoadPolicy::strict); });
}

TEST_P(MalformedCatalogue, LenientLoadSkipsOnlyTheBadRowsAndReportsEach) {
  const Case& c = GetParam();
  if (!c.lenient) {
    // Nothing in the file can be loaded: the lenient load refuses it as the strict one does.
    expect_case_error(c, [&] { (void)run(c, LoadPolicy::lenient); });
    return;
  }
  const LoadReport report = run(c, LoadPolicy::lenient);
  EXPECT_TRUE(report.is_consistent()) << report.summary();
  EXPECT_EQ(report.rows_read, c.lenient->rows_read) << report.summary();
  EXPECT_EQ(report.rows_loaded, c.lenient->rows_loaded) << report.summary();
  ASSERT_EQ(report.skipped.size(), c.lenient->skipped_lines.size()) << report.summary();
  for (std::size_t i = 0; i < report.skipped.size(); ++i) {
    EXPECT_EQ(report.skipped[i].position.line, c.lenient->skipped_lines[i]) << report.summary();
    EXPECT_THAT(report.skipped[i].position.file, testing::EndsWith(error_file(c)));
  }
  // The first skipped row is reported with exactly the error a strict load throws.
  const SkippedRow& first = report.skipped.front();
  EXPECT_THAT(first.position.to_string() + ": " + first.reason,
              HasSubstr(error_file(c) + std::string(c.strict)));
}

std::string case_name(const testing::TestParamInfo<Case>& info) {
  std::string name = fs::path(info.param.file).replace_extension().string();
  std::replace_if(
      name.begin(), name.end(), [](char ch) { return !std::isalnum(ch); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Catalogue, MalformedCatalogue, testing::ValuesIn(kCases), case_name);

// Every file of the catalogue is a case (or an accepted format), and its
// README.md lists every file.
TEST(MalformedCatalogueFiles, EveryFileIsTestedAndDocumented) {
  std::set<std::string> listed;
  for (const Case& c : kCases) listed.emplace(c.file);
  for (const auto file : kAcceptedFiles) listed.emplace(file);
  std::set<std::string> present;
  for (const auto& entry : fs::recursive_directory_iterator(kCatalogue)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name == "README.md" || name.starts_with('.')) continue;
    present.insert(entry.path().lexically_relative(kCatalogue).generic_string());
  }
  EXPECT_EQ(present, listed);
  EXPECT_GE(present.size(), 30u);
  const std::string readme = read_file(kCatalogue / "README.md");
  for (const auto& file : present) {
    EXPECT_THAT(readme, HasSubstr("`" + file + "`")) << "README.md does not list " << file;
  }
}

// --- Accepted formats: they load, with the values written. ---

ImportedSeries import_nvda(const char* file) {
  return import_yahoo_csv(kCatalogue / file,
                          PriceImportRequest{"NVDA", "catalogue", LoadPolicy::strict},
                          PriceBasis::as_traded());
}

// The three bars of 2025-01-21..23 that the accepted-format price files hold.
void expect_three_january_bars(const ImportedSeries& series) {
  EXPECT_EQ(series.report.rows_read, 3u);
  EXPECT_EQ(series.report.rows_loaded, 3u);
  EXPECT_TRUE(series.report.skipped.empty());
  ASSERT_EQ(series.bars.size(), 3u);
  EXPECT_EQ(series.bars[0].date, date(2025, 1, 21));
  EXPECT_EQ(series.bars[0].open, 139.16);
  EXPECT_EQ(series.bars[0].close, 140.83);
  EXPECT_EQ(series.bars[1].high, 147.79);
  EXPECT_EQ(series.bars[2].date, date(2025, 1, 23));
  EXPECT_EQ(series.bars[2].low, 143.72);
  EXPECT_EQ(series.bars[2].close, 147.22);
  // The last field of the last line: no '\r' or blank line may stick to it.
  EXPECT_EQ(series.bars[2].volume, 155915500);
}

TEST(MalformedCatalogueAccepted, Utf8ByteOrderMarkIsSkipped) {
  const ImportedSeries series = import_nvda("price_bom.csv");
  expect_three_january_bars(series);
}

TEST(MalformedCatalogueAccepted, CrlfLineEnds) {
  expect_three_january_bars(import_nvda("price_crlf.csv"));
}

TEST(MalformedCatalogueAccepted, TrailingBlankLinesAreNotRows) {
  expect_three_january_bars(import_nvda("price_trailing_blank_lines.csv"));
}

TEST(MalformedCatalogueAccepted, LastLineWithoutLineEnd) {
  expect_three_january_bars(import_nvda("price_no_final_newline.csv"));
}

TEST(MalformedCatalogueAccepted, HeaderOnlyIsAnEmptySeries) {
  const ImportedSeries series = import_nvda("price_header_only.csv");
  EXPECT_TRUE(series.bars.empty());
  EXPECT_EQ(series.report.rows_read, 0u);
  EXPECT_TRUE(series.report.is_consistent());
}

TEST(MalformedCatalogueAccepted, QuotedFieldsWithCommasAndQuotes) {
  const auto result = import_sp500_constituents(kCatalogue / "sp500_constituents_quoted_commas.csv",
                                                LoadPolicy::strict);
  EXPECT_EQ(result.report.rows_loaded, 3u);
  ASSERT_EQ(result.securities.size(), 3u);
  EXPECT_EQ(result.securities[0].symbol, Symbol("BRK.B"));
  EXPECT_EQ(result.securities[0].cik, "1067983");
  EXPECT_EQ(result.securities[2].name, "T. Rowe Price Group, Inc.");
  EXPECT_EQ(result.securities[2].gics_industry, "Asset Management & Custody Banks, \"Active\"");
  EXPECT_EQ(result.securities[2].cik, "1113169");
}

TEST(MalformedCatalogueAccepted, QuotedTickerLists) {
  const auto result =
      import_sp500_changes(kCatalogue / "sp500_changes_quoted_lists.csv", LoadPolicy::strict);
  ASSERT_EQ(result.changes.size(), 3u);
  EXPECT_EQ(result.changes[1].effective, date(2024, 9, 23));
  EXPECT_THAT(result.changes[1].added,
              testing::ElementsAre(Symbol("PLTR"), Symbol("DELL"), Symbol("ERIE")));
  EXPECT_THAT(result.changes[1].removed,
              testing::ElementsAre(Symbol("AAL"), Symbol("BIO"), Symbol("ETSY")));
  EXPECT_TRUE(result.changes[2].added.empty());
  EXPECT_THAT(result.changes[2].removed, testing::ElementsAre(Symbol("KMX")));
}

// --- What a lenient load keeps, and what it skips besides the bad row. ---

// Every value of a loaded dataset lies within the default bounds, every bar is on an NYSE
// session and every bar's open and close lie within its low and high: none of the values a
// catalogue file was refused for reaches the data.
void expect_only_plausible_values(const MarketData& data) {
  const PlausibilityBounds bounds;
  const auto& nyse = TradingCalendar::nyse();
  const auto expect_bars = [&](const DailyBars& bars) {
    for (std::size_t i = 0; i < bars.size(); ++i) {
      const Bar bar = bars.at(i);
      EXPECT_TRUE(nyse.is_session(bar.date))
          << bars.symbol().view() << " " << format_iso_date(bar.date);
      for (const double price : {bar.open, bar.high, bar.low, bar.close}) {
        if (std::isnan(price)) continue;
        EXPECT_GT(price, 0.0) << bars.symbol().view() << " " << format_iso_date(bar.date);
        EXPECT_LE(price, bounds.max_price)
            << bars.symbol().view() << " " << format_iso_date(bar.date);
        EXPECT_FALSE(price > bar.high || price < bar.low)
            << bars.symbol().view() << " " << format_iso_date(bar.date);
      }
      EXPECT_GE(bar.volume, -1) << bars.symbol().view() << " " << format_iso_date(bar.date);
      EXPECT_LE(bar.volume, bounds.max_volume)
          << bars.symbol().view() << " " << format_iso_date(bar.date);
    }
  };
  for (const SecurityRecord& r : data.securities()) {
    expect_bars(r.bars);
    for (const auto& step : r.shares.steps()) {
      EXPECT_GE(step.value.shares, bounds.min_shares) << r.security.symbol.view();
      EXPECT_LE(step.value.shares, bounds.max_shares) << r.security.symbol.view();
    }
    for (const Split& split : r.actions.splits()) {
      EXPECT_GE(split.ratio, bounds.min_split_ratio) << r.security.symbol.view();
      EXPECT_LE(split.ratio, bounds.max_split_ratio) << r.security.symbol.view();
    }
  }
  for (const auto& [id, levels] : data.all_index_levels()) expect_bars(levels);
}

TEST(MalformedCatalogueLenient, NoRefusedValueReachesTheData) {
  std::size_t checked = 0;
  for (const Case& c : kCases) {
    if (c.importer != dataset || !c.lenient) continue;
    SCOPED_TRACE(std::string(c.file));
    const SampleDataset sample(fs::path(c.file).stem().string() + "_values");
    sample.replace(c.table, kCatalogue / c.file);
    const LoadedDataset loaded = load_dataset(sample.dir(), LoadPolicy::lenient);
    for (const LoadReport& report : loaded.reports) {
      EXPECT_TRUE(report.is_consistent()) << report.summary();
    }
    expect_only_plausible_values(loaded.data);
    ++checked;
  }
  EXPECT_GE(checked, 15u);
}

// GOOG's only bar is refused (volume -1 written for "unknown"): GOOG's securities.csv row is
// turned into a skipped row, and its membership row is skipped in turn; NVDA loads whole.
TEST(MalformedCatalogueLenient, ASecurityLeftWithoutBarsIsSkippedWithItsRows) {
  const SampleDataset sample("cascade_bars");
  sample.replace("bars.csv", kCatalogue / "dataset/bars_volume_minus_one.csv");
  EXPECT_THAT([&] { (void)load_dataset(sample.dir()); },
              testing::ThrowsMessage<DataError>(HasSubstr("bars.csv:2:27: column 'volume'")));
  const LoadedDataset loaded = load_dataset(sample.dir(), LoadPolicy::lenient);
  EXPECT_EQ(loaded.data.security_count(), 1u);
  EXPECT_FALSE(loaded.data.find(Symbol("GOOG")).has_value());
  ASSERT_TRUE(loaded.data.find(Symbol("NVDA")).has_value());
  EXPECT_EQ(loaded.data.record(*loaded.data.find(Symbol("NVDA"))).bars.size(), 2u);
  const LoadReport& securities = loaded.reports.at(table_index("securities.csv"));
  EXPECT_EQ(securities.rows_read, 2u);
  EXPECT_EQ(securities.rows_loaded, 1u);
  ASSERT_EQ(securities.skipped.size(), 1u);
  EXPECT_EQ(securities.skipped[0].position.line, 2u);
  EXPECT_EQ(securities.skipped[0].reason,
            "column 'symbol': security 'GOOG' has no rows in bars.csv (or every one was skipped)");
  const LoadReport& membership = loaded.reports.at(table_index("index_membership.csv"));
  EXPECT_EQ(membership.rows_loaded, 1u);
  ASSERT_EQ(membership.skipped.size(), 1u);
  EXPECT_EQ(membership.skipped[0].position.to_string(),
            (sample.dir() / "index_membership.csv").string() + ":2:8");
  EXPECT_EQ(membership.skipped[0].reason,
            "column 'symbol': symbol 'GOOG' is not loaded: its row in securities.csv (line 2) "
            "has no bars");
  EXPECT_FALSE(loaded.data.membership("ndx100")->is_member(Symbol("GOOG"), date(2025, 1, 27)));
}

// A security whose issuer is unknown is skipped, and so are its bars (which a lenient load used
// to abort on, at "bars of 'GOOG', which securities.csv does not list").
TEST(MalformedCatalogueLenient, ASkippedSecuritysRowsAreSkippedInEveryTable) {
  const SampleDataset sample("cascade_issuer");
  sample.replace("securities.csv", kCatalogue / "dataset/securities_unknown_issuer.csv");
  const LoadedDataset loaded = load_dataset(sample.dir(), LoadPolicy::lenient);
  EXPECT_EQ(loaded.data.security_count(), 1u);
  const LoadReport& securities = loaded.reports.at(table_index("securities.csv"));
  ASSERT_EQ(securities.skipped.size(), 1u);
  EXPECT_EQ(securities.skipped[0].reason,
            "column 'issuer': issuer 'alphabet-inc' is not in issuers.csv (or its row there was "
            "skipped)");
  const LoadReport& bars = loaded.reports.at(table_index("bars.csv"));
  EXPECT_EQ(bars.rows_read, 3u);
  EXPECT_EQ(bars.rows_loaded, 2u);
  ASSERT_EQ(bars.skipped.size(), 1u);
  EXPECT_EQ(bars.skipped[0].position.line, 2u);
  EXPECT_EQ(bars.skipped[0].reason,
            "column 'symbol': symbol 'GOOG' is not loaded: its row in securities.csv (line 2) was "
            "skipped");
  EXPECT_EQ(loaded.reports.at(table_index("index_membership.csv")).rows_skipped, 1u);
}

// --- The bounds and the calendar are options. ---

TEST(MalformedCatalogueOptions, BoundsCanBeWidened) {
  const SampleDataset sample("options_bounds");
  sample.replace("bars.csv", kCatalogue / "dataset/bars_volume_implausible.csv");
  DatasetLoadOptions options;
  EXPECT_THROW((void)load_dataset(sample.dir(), options), DataError);
  options.bounds.max_volume = 100'000'000'000'000;
  const LoadedDataset loaded = load_dataset(sample.dir(), options);
  EXPECT_EQ(loaded.data.record(*loaded.data.find(Symbol("NVDA"))).bars.volume()[0], 23465760014262);

  const SampleDataset shares("options_shares");
  shares.replace("shares.csv", kCatalogue / "dataset/shares_in_thousands.csv");
  DatasetLoadOptions wide;
  wide.bounds.max_shares = 1e14;
  EXPECT_NO_THROW((void)load_dataset(shares.dir(), wide));
}

TEST(MalformedCatalogueOptions, TheCalendarCheckCanBeTurnedOff) {
  const SampleDataset sample("options_calendar");
  sample.replace("bars.csv", kCatalogue / "dataset/bars_saturday.csv");
  DatasetLoadOptions options;
  options.calendar = nullptr;
  const LoadedDataset loaded = load_dataset(sample.dir(), options);
  EXPECT_EQ(loaded.data.record(*loaded.data.find(Symbol("NVDA"))).bars.size(), 3u);
}

TEST(MalformedCatalogueOptions, TablesBeyondTheirSizeLimitAreRefusedBeforeReading) {
  const SampleDataset sample("options_size");
  DatasetLoadOptions options;
  options.max_small_table_bytes = 64;
  const fs::path issuers = sample.dir() / "issuers.csv";
  EXPECT_THAT([&] { (void)load_dataset(sample.dir(), options); },
              testing::ThrowsMessage<IoError>(HasSubstr(
                  fmt::format("cannot read '{}': {} bytes, more than the 64 allowed for this file",
                              issuers.string(), fs::file_size(issuers)))));
  options = {};
  options.max_manifest_bytes = 100;
  EXPECT_THAT([&] { (void)load_dataset(sample.dir(), options); },
              testing::ThrowsMessage<IoError>(HasSubstr("manifest.json': ")));
}
}  // namespace
}  // namespace marketshock::io
