#include <marketshock/io/bulk/price_panel.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/csv_reader.hpp>
#include <marketshock/io/csv_row.hpp>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace marketshock::io {
namespace {

namespace fs = std::filesystem;
using boost::gregorian::date;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::ThrowsMessage;

// A file in a per-test temporary directory, removed afterwards.
class TempFile {
 public:
  explicit TempFile(const std::string& text, const std::string& name = "prices.csv") {
    dir_ = fs::temp_directory_path() / fmt::format("marketshock_bulk_{}_{}", getpid(), counter_++);
    fs::create_directories(dir_);
    path_ = dir_ / name;
    std::ofstream(path_, std::ios::binary) << text;
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  [[nodiscard]] const fs::path& path() const noexcept { return path_; }
  [[nodiscard]] std::string name() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
  fs::path path_;
};

PricePanelOptions options(LoadPolicy policy = LoadPolicy::strict, unsigned threads = 1,
                          std::size_t chunk_bytes = std::size_t{16} << 20) {
  PricePanelOptions o;
  o.load.policy = policy;
  o.load.threads = threads;
  o.load.chunk_bytes = chunk_bytes;
  return o;
}

// One row as the panel holds it, with the symbol's text.
struct Row {
  std::string symbol;
  date day;
  std::int64_t cents = 0;
  friend bool operator==(const Row&, const Row&) = default;
};

void PrintTo(const Row& r, std::ostream* os) {
  *os << r.symbol << "," << format_iso_date(r.day) << "," << r.cents;
}

std::vector<Row> rows_of(const PricePanel& panel) {
  std::vector<Row> rows;
  for (std::size_t i = 0; i < panel.size(); ++i) {
    rows.push_back(
        {panel.symbols()[panel.symbol_ids()[i]].str(), panel.dates()[i], panel.close_cents()[i]});
  }
  return rows;
}

constexpr std::string_view kHeader = "date,symbol,open,high,low,close,volume\n";

TEST(BulkPricePanel, LoadsRowsIntoColumnsWithSortedSymbolIds) {
  const TempFile file(std::string(kHeader) +
                      "2020-01-02,ZZ,10.00,10.50,9.90,10.25,1000\n"
                      "2020-01-02,AA,1.5,1.5,1.5,1.5,0\n" +  // out of order: see below
                      "");
  // (date, symbol) must increase: AA after ZZ on the same day is a DataError.
  EXPECT_THAT([&] { (void)load_price_panel(file.path(), options()); },
              ThrowsMessage<DataError>(HasSubstr(
                  ":3:1: column 'date': row (2020-01-02, AA) is not after row (2020-01-02, ZZ) "
                  "of line 2 (rows must be sorted by date, then symbol, without duplicates)")));

  const TempFile good(std::string(kHeader) +
                      "2020-01-02,AA,1.5,1.5,1.5,1.5,0\n"
                      "2020-01-02,ZZ,10.00,10.50,9.90,10.25,1000\n"
                      "2020-01-03,AA,1,2,0.5,2.00,\n"
                      "2020-01-03,BB,,,,0.07,5\n");
  const PricePanel panel = load_price_panel(good.path(), options());
  ASSERT_EQ(panel.size(), 4U);
  EXPECT_THAT(panel.symbols(), ElementsAre(Symbol("AA"), Symbol("BB"), Symbol("ZZ")));
  EXPECT_THAT(rows_of(panel),
              ElementsAre(Row{"AA", date(2020, 1, 2), 150}, Row{"ZZ", date(2020, 1, 2), 1025},
                          Row{"AA", date(2020, 1, 3), 200}, Row{"BB", date(2020, 1, 3), 7}));
  EXPECT_EQ(panel.report().rows_read, 4U);
  EXPECT_EQ(panel.report().rows_loaded, 4U);
  EXPECT_TRUE(panel.report().skipped.empty());
  EXPECT_EQ(panel.report().file, good.name());
  EXPECT_EQ(panel.stats().bytes, fs::file_size(good.path()));
  EXPECT_EQ(panel.stats().rows, 4U);
}

TEST(BulkPricePanel, AcceptsCsvReadersWholeGrammar) {
  // BOM, quoted fields (with "" and commas inside an ignored column), CRLF, a price in exponent
  // form and with trailing zeros, extra columns, blank lines at the end, no final line end.
  const TempFile file(
      "\xEF\xBB\xBF"
      "date,note,symbol,close\r\n"
      "2020-01-02,\"a, \"\"quoted\"\" note\",\"AA\",\"12.5\"\r\n"
      "2020-01-02,,BB,1.2e1\n"
      "2020-01-03,x\"y,AA,12.340\r\n"
      "2020-01-03,,BB,7\n\n\r\n\r");
  for (const unsigned threads : {1U, 3U}) {
    const PricePanel panel = load_price_panel(file.path(), options(LoadPolicy::strict, threads, 8));
    EXPECT_THAT(rows_of(panel),
                ElementsAre(Row{"AA", date(2020, 1, 2), 1250}, Row{"BB", date(2020, 1, 2), 1200},
                            Row{"AA", date(2020, 1, 3), 1234}, Row{"BB", date(2020, 1, 3), 700}));
    EXPECT_EQ(panel.report().rows_read, 4U);
  }
}

TEST(BulkPricePanel, ErrorsReadLikeCsvReaderAndCsvRow) {
  const auto error_of = [](const std::string& body) {
    const TempFile file(std::string(kHeader) + body);
    try {
      (void)load_price_panel(file.path(), options());
    } catch (const Error& e) {
      return std::string(e.what()).substr(std::string(e.what()).find(".csv") + 4);
    }
    return std::string("no error");
  };
  EXPECT_EQ(error_of("2020-01-02,AA,1,1,1,abc,5\n"), ":2:21: column 'close': invalid number 'abc'");
  EXPECT_EQ(error_of("2020-01-02,AA,1,1,1,1\n"), ":2:22: expected 7 fields, found 6");
  EXPECT_EQ(error_of("2020-01-02,AA,1,1,1,1,1,1\n"), ":2:25: expected 7 fields, found 8");
  EXPECT_EQ(error_of("2020-02-30,AA,1,1,1,1,1\n"),
            ":2:1: column 'date': invalid date '2020-02-30'");
  EXPECT_EQ(error_of("2020-01-02,aa,1,1,1,1,1\n"), ":2:12: column 'symbol': invalid symbol 'aa'");
  EXPECT_EQ(error_of("2020-01-02,AA,1,1,1,0,1\n"),
            ":2:21: column 'close': close must be positive (open 1, high 1, low 1, close 0)");
  EXPECT_EQ(error_of("2020-01-02,AA,1,1,1.5,1,1\n"),
            ":2:17: column 'high': high below low (open 1, high 1, low 1.5, close 1)");
  EXPECT_EQ(error_of("2020-01-02,AA,1,2,1,1.005,1\n"),
            ":2:21: column 'close': price '1.005' is not a whole number of cents");
  EXPECT_EQ(error_of("2020-01-02,AA,1,1,1,1,-5\n"), ":2:23: column 'volume': negative volume -5");
  EXPECT_EQ(error_of("2020-01-02,AA,1,1,1,1,\"5\n"),
            ":2:23: column 'volume': unclosed quote (a quoted field must end on its own line)");
  EXPECT_EQ(error_of("\n2020-01-02,AA,1,1,1,1,1\n"),
            ":2: blank line inside the data (only blank lines at the end are ignored)");
  EXPECT_EQ(error_of("2020-01-02,AA,1,1,1,1,1\n2020-01-02,AA,1,1,1,1,1\n"),
            ":3:1: column 'date': row (2020-01-02, AA) is not after row (2020-01-02, AA) of line "
            "2 (rows must be sorted by date, then symbol, without duplicates)");
}

TEST(BulkPricePanel, HeaderErrorsAreCsvReaders) {
  const TempFile missing("date,symbol,open\n2020-01-02,AA,1\n");
  EXPECT_THAT([&] { (void)load_price_panel(missing.path()); },
              ThrowsMessage<ParseError>(HasSubstr(
                  "prices.csv:1: missing column 'close' (header has: date,symbol,open)")));
  const TempFile empty("\n\r\n");
  EXPECT_THAT([&] { (void)load_price_panel(empty.path()); },
              ThrowsMessage<ParseError>(HasSubstr("empty file, expected a header row")));
  const TempFile blank_header("\ndate,symbol,close\n");
  EXPECT_THAT(
      [&] { (void)load_price_panel(blank_header.path()); },
      ThrowsMessage<ParseError>(HasSubstr("prices.csv:1: blank line where the header row")));
  const TempFile duplicated("date,symbol,close,close\n");
  EXPECT_THAT([&] { (void)load_price_panel(duplicated.path()); },
              ThrowsMessage<ParseError>(HasSubstr("duplicated column 'close'")));
  EXPECT_THAT([&] { (void)load_price_panel("/nonexistent/prices.csv"); },
              ThrowsMessage<IoError>(HasSubstr("cannot open '/nonexistent/prices.csv'")));
  const TempFile header_only("date,symbol,close");
  EXPECT_EQ(load_price_panel(header_only.path()).size(), 0U);
}

TEST(BulkPricePanel, LenientSkipsAndListsBadRowsWithExactLinesOnAnyThreadCount) {
  std::string text(kHeader);
  std::vector<std::size_t> bad_lines;
  for (int day = 0; day < 40; ++day) {
    const date d = date(2021, 1, 1) + boost::gregorian::days(day);
    for (int s = 0; s < 30; ++s) {
      const std::size_t line = 2 + static_cast<std::size_t>(day * 30 + s);
      const bool bad = (day * 30 + s) % 37 == 5;
      if (bad) bad_lines.push_back(line);
      text += fmt::format("{},S{:03},1.00,2.00,0.50,{},100\n", format_iso_date(d), s,
                          bad ? "x" : "1.25");
    }
  }
  const TempFile file(text);
  for (const unsigned threads : {1U, 2U, 4U}) {
    for (const std::size_t chunk : {std::size_t{100}, std::size_t{1000}, std::size_t{1} << 20}) {
      const PricePanel panel =
          load_price_panel(file.path(), options(LoadPolicy::lenient, threads, chunk));
      const LoadReport& report = panel.report();
      EXPECT_EQ(report.rows_read, 1200U);
      EXPECT_EQ(report.rows_loaded, 1200U - bad_lines.size());
      ASSERT_EQ(report.skipped.size(), bad_lines.size());
      for (std::size_t i = 0; i < bad_lines.size(); ++i) {
        EXPECT_EQ(report.skipped[i].position.line, bad_lines[i]);
        EXPECT_EQ(report.skipped[i].position.column, 32U);
        EXPECT_EQ(report.skipped[i].reason, "column 'close': invalid number 'x'");
      }
      EXPECT_EQ(panel.size(), report.rows_loaded);
      EXPECT_TRUE(report.is_consistent());
    }
  }
  // Strict: the first bad row in file order, whichever thread meets an error first.
  for (const unsigned threads : {1U, 4U}) {
    EXPECT_THAT(
        [&] { (void)load_price_panel(file.path(), options(LoadPolicy::strict, threads, 100)); },
        ThrowsMessage<ParseError>(
            HasSubstr(fmt::format("prices.csv:{}:32: column 'close'", bad_lines[0]))));
  }
}

TEST(BulkPricePanel, KnownSymbolsTakeTheFirstIdsAndProgressIsReported) {
  const TempFile file(std::string(kHeader) + "2020-01-02,AA,1,1,1,1,1\n2020-01-02,CC,1,1,1,1,1\n");
  PricePanelOptions o = options();
  o.known_symbols = {Symbol("CC"), Symbol("BB")};
  std::vector<LoadProgress> progress;
  o.load.progress = [&](const LoadProgress& p) { progress.push_back(p); };
  struct Collect final : PriceChunkConsumer {
    std::vector<std::uint32_t> ids;
    void consume(const PriceChunk& chunk) override {
      ids.insert(ids.end(), chunk.symbol_ids.begin(), chunk.symbol_ids.end());
    }
    void commit(std::size_t) override {}
  } collect;
  const PricePanelScan scan = scan_price_panel(file.path(), o, collect);
  EXPECT_THAT(collect.ids, ElementsAre(2U, 0U));
  EXPECT_THAT(scan.symbols, ElementsAre(Symbol("CC"), Symbol("BB"), Symbol("AA")));
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back().bytes_done, progress.back().bytes_total);
  EXPECT_EQ(progress.back().rows_done, 2U);

  o.known_symbols = {Symbol("CC"), Symbol("CC")};
  EXPECT_THROW((void)scan_price_panel(file.path(), o, collect), InvalidArgument);
}

// --- Differential test: the bulk loader against a plain CsvReader loop with the documented rules.

struct Outcome {
  std::vector<Row> rows;
  std::size_t rows_read = 0;
  std::vector<std::string> skipped;  // "line:column: reason"
  std::string error;                 // what() of a failed load
  friend bool operator==(const Outcome&, const Outcome&) = default;
};

void PrintTo(const Outcome& o, std::ostream* os) {
  *os << o.rows.size() << " rows, " << o.rows_read << " read, error '" << o.error << "', skipped:";
  for (const auto& s : o.skipped) *os << "\n  " << s;
}

// The rules of scan_price_panel()'s documentation, one CsvRow at a time.
Outcome reference_load(const fs::path& path, LoadPolicy policy) {
  Outcome out;
  try {
    auto reader = CsvReader::from_file(path);
    const auto [d, s, c] = reader.require_columns({"date", "symbol", "close"});
    const auto o = reader.find_column("open");
    const auto h = reader.find_column("high");
    const auto l = reader.find_column("low");
    const auto v = reader.find_column("volume");
    std::optional<std::pair<date, std::string>> previous;
    std::size_t previous_line = 0;
    const LoadReport report = for_each_row(reader, policy, [&](const CsvRow& row) {
      const date day = row.as_date(d);
      const std::string symbol(row.text(s));
      if (!Symbol::is_valid(symbol)) throw row.error(s, fmt::format("invalid symbol '{}'", symbol));
      const double close = row.as_double(c);
      const double nan = std::numeric_limits<double>::quiet_NaN();
      const double open = o ? row.as_double(*o, EmptyField::nan) : nan;
      const double high = h ? row.as_double(*h, EmptyField::nan) : nan;
      const double low = l ? row.as_double(*l, EmptyField::nan) : nan;
      if (v && !row.is_empty(*v)) {
        const auto volume = row.as_int64(*v);
        if (volume < 0) throw row.error(*v, fmt::format("negative volume {}", volume));
      }
      const auto fail = [&](std::size_t column, std::string_view what) {
        return DataError(row.position(column),
                         fmt::format("column '{}': {} (open {}, high {}, low {}, close {})",
                                     row.column_name(column), what, open, high, low, close));
      };
      if (!(close > 0.0)) throw fail(c, "close must be positive");
      if (open <= 0.0) throw fail(*o, "open must be positive");
      if (high <= 0.0) throw fail(*h, "high must be positive");
      if (low <= 0.0) throw fail(*l, "low must be positive");
      if (high < low) throw fail(*h, "high below low");
      if (high < open) throw fail(*h, "high below open");
      if (high < close) throw fail(*h, "high below close");
      if (low > open) throw fail(*l, "low above open");
      if (low > close) throw fail(*l, "low above close");
      // Whole cents: the generator's texts have at most 15 significant digits, where the double
      // rounds back to the exact cents.
      const double cents = std::round(close * 100.0);
      if (std::fabs(cents / 100.0 - close) > 0.0) {
        throw row.error(c, fmt::format("price '{}' is not a whole number of cents", row.text(c)));
      }
      if (previous &&
          !(previous->first < day || (previous->first == day && previous->second < symbol))) {
        // Order is a table property: it aborts the load whatever the policy.
        throw std::runtime_error(
            DataError(
                row.position(d),
                fmt::format("column 'date': row ({}, {}) is not after row ({}, {}) of line {} "
                            "(rows must be sorted by date, then symbol, without duplicates)",
                            format_iso_date(day), symbol, format_iso_date(previous->first),
                            previous->second, previous_line))
                .what());
      }
      previous = {day, symbol};
      previous_line = row.line();
      out.rows.push_back({symbol, day, static_cast<std::int64_t>(cents)});
    });
    out.rows_read = report.rows_read;
    for (const auto& skipped : report.skipped) {
      out.skipped.push_back(
          fmt::format("{}:{}: {}", skipped.position.line, skipped.position.column, skipped.reason));
    }
  } catch (const std::exception& e) {
    out = Outcome{};
    out.error = e.what();
  }
  return out;
}

Outcome bulk_load(const fs::path& path, LoadPolicy policy, unsigned threads, std::size_t chunk) {
  Outcome out;
  try {
    const PricePanel panel = load_price_panel(path, options(policy, threads, chunk));
    out.rows = rows_of(panel);
    out.rows_read = panel.report().rows_read;
    for (const auto& skipped : panel.report().skipped) {
      out.skipped.push_back(
          fmt::format("{}:{}: {}", skipped.position.line, skipped.position.column, skipped.reason));
    }
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

// A random valid panel line for day `day` and symbol `s`.
std::string random_line(std::mt19937_64& rng, date day, int s) {
  std::uniform_int_distribution<int> cents(1, 99999);
  const int a = cents(rng), b = cents(rng);
  const int lo = std::min(a, b), hi = std::max(a, b);
  std::uniform_int_distribution<int> inside(lo, hi);
  const auto price = [](int c) {
    return c % 7 == 0 ? fmt::format("{}", c / 100) : fmt::format("{}.{:02}", c / 100, c % 100);
  };
  return fmt::format("{},S{:03},{},{},{},{},{}", format_iso_date(day), s, price(inside(rng)),
                     price(hi), price(lo), price(inside(rng)), rng() % 1000000);
}

// Damages a line in one of the ways files get damaged.
std::string mutate(std::mt19937_64& rng, std::string line) {
  static const std::string kChars = ",\"-.e +\rX09";
  std::uniform_int_distribution<std::size_t> any(0, line.size() - 1);
  // Keep the date and symbol (the order key) intact most of the time: order violations abort the
  // whole load and would hide every other difference.
  std::uniform_int_distribution<std::size_t> after_key(17, line.size() - 1);
  switch (rng() % 12) {
    case 0:
      line[after_key(rng)] = kChars[rng() % kChars.size()];
      break;
    case 1:
      line.erase(after_key(rng), 1);
      break;
    case 2:
      line.insert(after_key(rng), 1, kChars[rng() % kChars.size()]);
      break;
    case 3:
      line += "\r";
      break;
    case 4:
      line = "";
      break;
    case 5: {  // quote a field
      std::vector<std::size_t> starts{0};
      for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == ',') starts.push_back(i + 1);
      }
      const std::size_t start = starts[rng() % starts.size()];
      const std::size_t end = std::min(line.find(',', start), line.size());
      line =
          line.substr(0, start) + "\"" + line.substr(start, end - start) + "\"" + line.substr(end);
      break;
    }
    case 6:
      line += ",extra";
      break;
    case 7:
      line = line.substr(0, line.rfind(','));
      break;
    case 8:
      line[any(rng)] = kChars[rng() % kChars.size()];
      break;
    case 9:
      line.insert(line.rfind(','), ".5");
      break;  // a third decimal or a fraction
    case 10:
      line.replace(line.find(',', 14) + 1, 0, "0");
      break;
    default:
      line.replace(line.rfind(',') + 1, std::string::npos, "12.5e1");
      break;
  }
  return line;
}

TEST(BulkPricePanel, AgreesWithAPlainCsvReaderLoopOnDamagedFiles) {
  std::mt19937_64 rng(20250127);
  // The damage must exercise every outcome: loads that fail, rows skipped, rows loaded.
  std::size_t failed_loads = 0;
  std::size_t skipped_rows = 0;
  std::size_t loaded_rows = 0;
  for (int trial = 0; trial < 80; ++trial) {
    std::string text(kHeader);
    const int days = 3 + static_cast<int>(rng() % 8);
    for (int day = 0; day < days; ++day) {
      for (int s = 0; s < 12; ++s) {
        if (rng() % 10 == 0) continue;  // not listed that day
        std::string line = random_line(rng, date(2024, 2, 27) + boost::gregorian::days(day), s);
        if (rng() % 6 == 0) line = mutate(rng, line);
        text += line + (rng() % 20 == 0 ? "\r\n" : "\n");
      }
    }
    if (rng() % 3 == 0) text += "\n\r\n";
    if (rng() % 3 == 0 && text.back() == '\n') text.pop_back();
    const TempFile file(text);
    for (const LoadPolicy policy : {LoadPolicy::lenient, LoadPolicy::strict}) {
      const Outcome expected = reference_load(file.path(), policy);
      failed_loads += expected.error.empty() ? 0 : 1;
      skipped_rows += expected.skipped.size();
      loaded_rows += expected.rows.size();
      for (const unsigned threads : {1U, 3U}) {
        for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{64},
                                        std::size_t{333}, std::size_t{1} << 20}) {
          Outcome actual = bulk_load(file.path(), policy, threads, chunk);
          // The reference reports order violations through std::runtime_error; compare the text.
          EXPECT_EQ(actual, expected) << "trial " << trial << ", " << to_string(policy) << ", "
                                      << threads << " threads, chunks of " << chunk << "\n"
                                      << text;
        }
      }
    }
  }
  EXPECT_GT(failed_loads, 10U);
  EXPECT_GT(skipped_rows, 100U);
  EXPECT_GT(loaded_rows, 2000U);
}

}  // namespace
}  // namespace marketshock::io
