#include <marketshock/io/dataset/dataset_files.hpp>

#include "io/detail/json_node.hpp"
#include "io/detail/metadata_reading.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/log.hpp>
#include <marketshock/io/checksum.hpp>
#include <marketshock/io/csv_reader.hpp>
#include <marketshock/io/file_reading.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>
#include <spdlog/logger.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace marketshock::io {

namespace {

using boost::gregorian::date;

struct SecurityRow {
  Security security;
  PriceBasis basis;
  PriceProvenance provenance;
  SourcePosition position;  // of the symbol field
};

// What manifest.json records of one table.
struct TableEntry {
  std::size_t rows = 0;
  std::string sha256;
  std::string rows_where;  // "manifest.json#/tables/bars.csv/rows", for messages
};

// Rows of one symbol (or index) collected in file order, with their lines.
struct BarGroup {
  std::vector<Bar> bars;
  std::vector<std::size_t> lines;
};

// Columns of bars.csv and index_levels.csv: key, date, open, high, low, close, volume.
using BarColumns = std::array<std::size_t, 7>;

PriceBasis parse_basis(const CsvRow& row, std::size_t kind_column, std::size_t as_of_column) {
  const std::string_view kind = row.text(kind_column);
  if (kind == "as_traded") return PriceBasis::as_traded();
  const date as_of = row.as_date(as_of_column);
  if (kind == "split_adjusted") return PriceBasis::split_adjusted(as_of);
  if (kind == "split_and_dividend_adjusted") return PriceBasis::split_and_dividend_adjusted(as_of);
  throw row.error(kind_column, fmt::format("unknown price basis {} (expected as_traded, "
                                           "split_adjusted or split_and_dividend_adjusted)",
                                           quoted_for_message(kind)));
}

Symbol symbol_at(const CsvRow& row, std::size_t column) {
  const auto symbol = Symbol::try_parse(row.text(column));
  if (!symbol) {
    throw row.error(column, fmt::format("invalid symbol {}", quoted_for_message(row.text(column))));
  }
  return *symbol;
}

std::string quoted(const Symbol& symbol) {
  return quoted_for_message(symbol.view());
}

bool is_sha256_hex(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

class Loader {
 public:
  Loader(std::filesystem::path directory, const DatasetLoadOptions& options)
      : dir_(std::move(directory)), options_(options) {
    // securities_report_ points into reports_, which must not reallocate.
    reports_.reserve(std::size(kDatasetTables));
  }

  LoadedDataset run() {
    const auto start = std::chrono::steady_clock::now();
    read_manifest();
    MarketDataBuilder builder(metadata_.name);
    load_issuers(builder);
    auto securities = load_securities();
    auto bars = load_bar_groups("bars.csv", &securities);
    add_securities(builder, securities, bars);
    load_actions(builder);
    load_shares(builder);
    load_membership(builder);
    auto levels = load_bar_groups("index_levels.csv", nullptr);
    for (auto& [id, group] : levels) {
      builder.add_index_levels(id,
                               make_bars(id, PriceBasis::as_traded(), group, "index_levels.csv"));
    }
    LoadedDataset out{std::move(builder).build(), metadata_, std::move(reports_), bytes_, 0.0};
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::size_t skipped = 0;
    for (const LoadReport& r : out.reports) skipped += r.rows_skipped;
    logger()->info("loaded dataset '{}' from {}: {} securities, {} bytes in {:.3f} s{}",
                   out.metadata.name, display_name(dir_), out.data.security_count(), bytes_,
                   out.seconds,
                   skipped == 0 ? std::string() : fmt::format(", {} rows skipped", skipped));
    return out;
  }

 private:
  [[nodiscard]] bool lenient() const noexcept { return options_.policy == LoadPolicy::lenient; }

  void read_manifest() {
    const auto path = dir_ / "manifest.json";
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      throw IoError(
          fmt::format("{} is not a marketshock dataset: no manifest.json", path_for_message(dir_)));
    }
    manifest_name_ = display_name(path);
    manifest_ = detail::parse_json(read_file(path, options_.max_manifest_bytes), manifest_name_);
    const detail::JsonNode root(manifest_, manifest_name_);
    const detail::JsonNode format = root.at("format");
    if (format.string() != "marketshock-dataset") {
      throw format.error(fmt::format("format {}, expected 'marketshock-dataset'",
                                     quoted_for_message(format.string())));
    }
    const detail::JsonNode version = root.at("format_version");
    if (version.integer() != kDatasetFormatVersion) {
      throw version.error(fmt::format("format version {}, this library reads version {}",
                                      version.integer(), kDatasetFormatVersion));
    }
    metadata_ = detail::read_dataset_metadata(root);
    if (const TradingCalendar* calendar = options_.calendar) {
      const detail::JsonNode window = root.at("window");
      for (const char* end : {"from", "to"}) {
        const date day = window.at(end).date();
        if (day < calendar->first_supported_date() || day > calendar->last_supported_date()) {
          throw window.at(end).error(fmt::format("{} is outside the calendar ({} to {})",
                                                 format_iso_date(day),
                                                 format_iso_date(calendar->first_supported_date()),
                                                 format_iso_date(calendar->last_supported_date())));
        }
      }
    }
    const detail::JsonNode tables = root.at("tables");
    for (const char* file : kDatasetTables) {
      const detail::JsonNode entry = tables.at(file);
      const detail::JsonNode rows = entry.at("rows");
      const detail::JsonNode sha256 = entry.at("sha256");
      if (!is_sha256_hex(sha256.string())) {
        throw sha256.error(fmt::format("expected 64 lower-case hexadecimal digits, found {}",
                                       quoted_for_message(sha256.string())));
      }
      tables_[file] = TableEntry{static_cast<std::size_t>(rows.non_negative_integer()),
                                 sha256.string(), rows.where()};
    }
  }

  // Reads the table (refused beyond `max_bytes`), verifies the checksum recorded in the
  // manifest, then opens it.
  CsvReader open(const char* file, std::uintmax_t max_bytes) {
    const auto path = dir_ / file;
    std::string text = read_file(path, max_bytes);
    bytes_ += text.size();
    if (sha256_hex(text) != tables_.at(file).sha256) {
      throw DataError(fmt::format(
          "{}: SHA-256 differs from manifest.json (file changed after the dataset was built; "
          "rebuild it with `marketshock dataset build`)",
          display_name(path)));
    }
    return CsvReader::from_string(std::move(text), display_name(path));
  }

  // Converts every row under the policy, then checks the count against the manifest: a table
  // with rows added or lost since the build is refused even if its checksum was rewritten.
  template <class Convert>
  LoadReport& each_row(CsvReader& reader, const char* file, Convert&& convert) {
    reports_.push_back(for_each_row(reader, options_.policy, std::forward<Convert>(convert)));
    LoadReport& report = reports_.back();
    const TableEntry& entry = tables_.at(file);
    if (entry.rows != report.rows_read) {
      throw DataError(fmt::format("{}: {} rows, {} says {}", reader.file(), report.rows_read,
                                  entry.rows_where, entry.rows));
    }
    return report;
  }

  // " (or its row there was skipped)" in a lenient load, for messages about a reference to
  // another table that a lenient load may have skipped.
  [[nodiscard]] std::string_view maybe_skipped(std::string_view what) const {
    if (!lenient()) return {};
    return what;
  }

  void load_issuers(MarketDataBuilder& builder) {
    auto reader = open("issuers.csv", options_.max_small_table_bytes);
    const auto [id, name, cik] = reader.require_columns({"issuer", "name", "cik"});
    std::map<std::string, std::size_t, std::less<>> line_of;
    // Init-captures: clang-tidy 16 misreads captured structured bindings (LLVM issue 91835).
    each_row(reader, "issuers.csv", [&, id = id, name = name, cik = cik](const CsvRow& row) {
      if (row.is_empty(id)) throw row.error(id, "empty issuer id");
      const auto [first, added] = line_of.emplace(std::string(row.text(id)), row.line());
      if (!added) {
        throw row.data_error(id, fmt::format("issuer {} listed twice (first on line {})",
                                             quoted_for_message(row.text(id)), first->second));
      }
      std::optional<std::string> cik_text;
      if (!row.is_empty(cik)) cik_text = std::string(row.text(cik));
      builder.add_issuer(
          {IssuerId(std::string(row.text(id))), std::string(row.text(name)), cik_text});
    });
    for (const auto& entry : line_of) issuers_.insert(entry.first);
  }

  std::map<Symbol, SecurityRow> load_securities() {
    auto reader = open("securities.csv", options_.max_small_table_bytes);
    const auto c = reader.require_columns(
        {"symbol", "issuer", "share_class", "name", "exchange", "gics_sector", "gics_industry",
         "price_basis", "price_basis_as_of", "price_source", "price_flagged", "price_note"});
    std::map<Symbol, SecurityRow> out;
    securities_report_ = &each_row(reader, "securities.csv", [&](const CsvRow& row) {
      const Symbol symbol = symbol_at(row, c[0]);
      if (out.contains(symbol)) {
        throw row.data_error(c[0], fmt::format("security {} listed twice (first on line {})",
                                               quoted(symbol), out.at(symbol).position.line));
      }
      try {
        out.emplace(symbol, security_row(row, c, symbol));
        dropped_.erase(symbol);
      } catch (const Error&) {
        dropped_.try_emplace(
            symbol, fmt::format("its row in securities.csv (line {}) was skipped", row.line()));
        throw;
      }
    });
    return out;
  }

  SecurityRow security_row(const CsvRow& row, const std::array<std::size_t, 12>& c,
                           const Symbol& symbol) const {
    if (row.is_empty(c[1])) throw row.error(c[1], "empty issuer");
    if (!issuers_.contains(row.text(c[1]))) {
      throw row.data_error(
          c[1], fmt::format("issuer {} is not in issuers.csv{}", quoted_for_message(row.text(c[1])),
                            maybe_skipped(" (or its row there was skipped)")));
    }
    Exchange exchange = Exchange::other;
    try {
      exchange = parse_exchange(row.text(c[4]));
    } catch (const InvalidArgument&) {
      throw row.error(c[4], fmt::format("unknown exchange {}", quoted_for_message(row.text(c[4]))));
    }
    const std::string_view flagged = row.text(c[10]);
    if (!flagged.empty() && flagged != "0" && flagged != "1") {
      throw row.error(c[10], fmt::format("{} is not 0 or 1", quoted_for_message(flagged)));
    }
    return SecurityRow{
        Security{symbol, IssuerId(std::string(row.text(c[1]))), std::string(row.text(c[2])),
                 exchange, std::string(row.text(c[5])), std::string(row.text(c[6])),
                 std::string(row.text(c[3]))},
        parse_basis(row, c[7], c[8]),
        PriceProvenance{std::string(row.text(c[9])), std::string(row.text(c[11])), flagged == "1"},
        row.position(c[0])};
  }

  // The rows of bars.csv (`securities` given: each key must be one of them) or of
  // index_levels.csv (each key must be an index the manifest describes), grouped by key.
  std::map<std::string, BarGroup> load_bar_groups(const char* file,
                                                  const std::map<Symbol, SecurityRow>* securities) {
    auto reader = open(file, options_.max_table_bytes);
    const auto key_column = securities != nullptr ? "symbol" : "index";
    const BarColumns c =
        reader.require_columns({key_column, "date", "open", "high", "low", "close", "volume"});
    std::map<std::string, BarGroup> groups;
    BarGroup* group = nullptr;  // the previous row's: rows come grouped by key
    std::string group_key;
    each_row(reader, file, [&](const CsvRow& row) {
      const std::string_view key = row.text(c[0]);
      if (group == nullptr || group_key != key) check_key(row, c[0], securities);
      const Bar bar = read_bar(row, c);
      if (group == nullptr || group_key != key) {
        group_key.assign(key);
        group = &groups[group_key];
      }
      if (!group->bars.empty() && !(group->bars.back().date < bar.date)) {
        const bool repeated = group->bars.back().date == bar.date;
        throw row.data_error(
            c[1], fmt::format("date {} {} {} of line {} (the rows of a {} must be sorted by date, "
                              "without repeats)",
                              format_iso_date(bar.date), repeated ? "repeats" : "comes before",
                              format_iso_date(group->bars.back().date), group->lines.back(),
                              securities != nullptr ? "symbol" : "index"));
      }
      group->bars.push_back(bar);
      group->lines.push_back(row.line());
    });
    return groups;
  }

  // Refuses a key that is not a loaded security's symbol (bars.csv, `securities` given) or an
  // index the manifest describes (index_levels.csv).
  void check_key(const CsvRow& row, std::size_t column,
                 const std::map<Symbol, SecurityRow>* securities) const {
    const std::string_view key = row.text(column);
    if (key.empty()) throw row.error(column, "empty key");
    const auto symbol = Symbol::try_parse(key);
    if (!symbol) throw row.error(column, fmt::format("invalid key {}", quoted_for_message(key)));
    if (securities != nullptr) {
      if (!securities->contains(*symbol)) throw unknown_symbol(row, column, *symbol);
    } else if (!metadata_.index_levels.contains(std::string(key))) {
      throw row.error(column, fmt::format("index {} is not described in manifest.json "
                                          "(index_levels)",
                                          quoted_for_message(key)));
    }
  }

  // One bar, every field checked at its column: a session of the calendar, prices positive and
  // plausible and consistent (low <= open, close <= high), volume empty or plausible.
  Bar read_bar(const CsvRow& row, const BarColumns& c) const {
    Bar bar;
    bar.date = row.as_date(c[1]);
    check_session(row, c[1], bar.date);
    bar.open = row.as_double(c[2], EmptyField::nan);
    bar.high = row.as_double(c[3], EmptyField::nan);
    bar.low = row.as_double(c[4], EmptyField::nan);
    bar.close = row.as_double(c[5]);
    const std::array<std::pair<const char*, double>, 4> prices{
        {{"open", bar.open}, {"high", bar.high}, {"low", bar.low}, {"close", bar.close}}};
    for (std::size_t i = 0; i < prices.size(); ++i) {
      const auto [name, price] = prices[i];
      if (std::isnan(price)) continue;  // a missing open, high or low
      if (!(price > 0.0)) {
        throw row.data_error(c[2 + i], fmt::format("{} {} is not positive", name, price));
      }
      if (price > options_.bounds.max_price) {
        throw row.data_error(c[2 + i],
                             fmt::format("{} {} is above the plausible maximum of {:g} USD "
                                         "(PlausibilityBounds::max_price)",
                                         name, price, options_.bounds.max_price));
      }
    }
    // NaN compares false: a missing open, high or low passes these.
    if (bar.high < bar.low) {
      throw row.data_error(c[3], fmt::format("high {} is below low {}", bar.high, bar.low));
    }
    for (const std::size_t i : {std::size_t{0}, std::size_t{3}}) {
      const auto [name, price] = prices[i];
      if (price > bar.high) {
        throw row.data_error(c[2 + i],
                             fmt::format("{} {} is above high {}", name, price, bar.high));
      }
      if (price < bar.low) {
        throw row.data_error(c[2 + i], fmt::format("{} {} is below low {}", name, price, bar.low));
      }
    }
    bar.volume = -1;  // unknown
    if (!row.is_empty(c[6])) {
      bar.volume = row.as_int64(c[6]);
      if (bar.volume < 0) {
        throw row.data_error(c[6], fmt::format("volume {} is negative (an unknown volume is an "
                                               "empty field)",
                                               bar.volume));
      }
      if (bar.volume > options_.bounds.max_volume) {
        throw row.data_error(
            c[6], fmt::format("volume {} is above the plausible maximum of {:g} "
                              "shares (PlausibilityBounds::max_volume)",
                              bar.volume, static_cast<double>(options_.bounds.max_volume)));
      }
    }
    return bar;
  }

  // Refuses a bar dated on a day the calendar has no session.
  void check_session(const CsvRow& row, std::size_t column, date day) const {
    const TradingCalendar* calendar = options_.calendar;
    if (calendar == nullptr) return;
    if (day < calendar->first_supported_date() || day > calendar->last_supported_date()) {
      throw row.data_error(
          column, fmt::format("{} is outside the calendar ({} to {})", format_iso_date(day),
                              format_iso_date(calendar->first_supported_date()),
                              format_iso_date(calendar->last_supported_date())));
    }
    if (calendar->is_session(day)) return;
    std::string why;
    if (day.day_of_week() == boost::gregorian::Saturday) {
      why = "a Saturday";
    } else if (day.day_of_week() == boost::gregorian::Sunday) {
      why = "a Sunday";
    } else {
      why = calendar->holiday_name(day).value_or("the exchange was closed");
    }
    throw row.data_error(column,
                         fmt::format("{} is not {} session: {}", format_iso_date(day),
                                     calendar == &TradingCalendar::nyse() ? "an NYSE" : "a", why));
  }

  DailyBars make_bars(const std::string& key, const PriceBasis& basis, const BarGroup& group,
                      const char* file) const {
    const auto symbol = Symbol::try_parse(key);
    if (!symbol) {
      throw DataError(
          fmt::format("{}: invalid key {}", display_name(dir_ / file), quoted_for_message(key)));
    }
    try {
      return DailyBars(*symbol, basis, group.bars);
    } catch (const DataError& e) {
      // Every row was checked as it was read, so this is not expected; name the file anyway.
      throw DataError(SourcePosition{display_name(dir_ / file), group.lines.front(), 0},
                      e.message());
    }
  }

  // Adds every security with bars. One without (none in the file, or all of its rows skipped)
  // is refused at its securities.csv row: strictly, an error; leniently, that row is turned into
  // a skipped one, and rows of other tables that name the security are skipped in turn.
  void add_securities(MarketDataBuilder& builder, std::map<Symbol, SecurityRow>& securities,
                      std::map<std::string, BarGroup>& bars) {
    for (auto& [symbol, s] : securities) {
      const auto it = bars.find(symbol.str());
      if (it == bars.end()) {
        const std::string reason =
            fmt::format("column 'symbol': security {} has no rows in bars.csv{}", quoted(symbol),
                        maybe_skipped(" (or every one was skipped)"));
        if (!lenient()) throw DataError(s.position, reason);
        securities_report_->retract_loaded(s.position, reason);
        dropped_.try_emplace(symbol, fmt::format("its row in securities.csv (line {}) has no bars",
                                                 s.position.line));
        continue;
      }
      builder.add_security(s.security, make_bars(it->first, s.basis, it->second, "bars.csv"),
                           s.provenance);
      known_.insert(symbol);
    }
  }

  // A ParseError at the field for a symbol that no loaded security has, saying why.
  ParseError unknown_symbol(const CsvRow& row, std::size_t column, const Symbol& symbol) const {
    if (const auto it = dropped_.find(symbol); it != dropped_.end()) {
      return row.error(column,
                       fmt::format("symbol {} is not loaded: {}", quoted(symbol), it->second));
    }
    return row.error(column,
                     fmt::format("unknown symbol {} (not in securities.csv)", quoted(symbol)));
  }

  // A symbol that a loaded security has; otherwise a ParseError at the field.
  Symbol known_symbol_at(const CsvRow& row, std::size_t column) const {
    const Symbol symbol = symbol_at(row, column);
    if (!known_.contains(symbol)) throw unknown_symbol(row, column, symbol);
    return symbol;
  }

  // A DataError at the field unless low <= value <= high.
  static void check_range(const CsvRow& row, std::size_t column, std::string_view what,
                          double value, double low, double high, std::string_view bounds) {
    if (value >= low && value <= high) return;
    throw row.data_error(column, fmt::format("{} {} is outside the plausible range [{:g}, {:g}] "
                                             "(PlausibilityBounds::{})",
                                             what, value, low, high, bounds));
  }

  void load_actions(MarketDataBuilder& builder) {
    auto reader = open("corporate_actions.csv", options_.max_small_table_bytes);
    const auto c =
        reader.require_columns({"symbol", "kind", "date", "earliest_after", "value", "source"});
    struct Actions {
      std::vector<Split> splits;
      std::vector<CashDividend> dividends;
      std::size_t split_line = 0;
      std::size_t dividend_line = 0;
    };
    std::map<Symbol, Actions> actions;
    const PlausibilityBounds& bounds = options_.bounds;
    each_row(reader, "corporate_actions.csv", [&](const CsvRow& row) {
      const Symbol symbol = known_symbol_at(row, c[0]);
      const std::string_view kind = row.text(c[1]);
      if (kind != "split" && kind != "dividend") {
        throw row.error(
            c[1], fmt::format("unknown kind {} (split or dividend)", quoted_for_message(kind)));
      }
      const date day = row.as_date(c[2]);
      const double value = row.as_double(c[4]);
      Actions& a = actions[symbol];
      if (kind == "split") {
        std::optional<date> earliest;
        if (!row.is_empty(c[3])) {
          earliest = row.as_date(c[3]);
          if (!(*earliest < day)) {
            throw row.data_error(c[3],
                                 fmt::format("{} is not before the split's date {}",
                                             format_iso_date(*earliest), format_iso_date(day)));
          }
        }
        check_range(row, c[4], "split ratio", value, bounds.min_split_ratio, bounds.max_split_ratio,
                    "min_split_ratio, max_split_ratio");
        if (!a.splits.empty() && !(a.splits.back().effective < day)) {
          throw row.data_error(c[2], fmt::format("split of {} on {} is not after the one of line "
                                                 "{} ({})",
                                                 quoted(symbol), format_iso_date(day), a.split_line,
                                                 format_iso_date(a.splits.back().effective)));
        }
        a.splits.push_back({day, value, earliest, std::string(row.text(c[5]))});
        a.split_line = row.line();
      } else {
        check_range(row, c[4], "dividend (USD)", value, 0.0, bounds.max_dividend, "max_dividend");
        if (!a.dividends.empty() && !(a.dividends.back().ex_date < day)) {
          throw row.data_error(c[2],
                               fmt::format("dividend of {} on {} is not after the one of "
                                           "line {} ({})",
                                           quoted(symbol), format_iso_date(day), a.dividend_line,
                                           format_iso_date(a.dividends.back().ex_date)));
        }
        a.dividends.push_back({day, value});
        a.dividend_line = row.line();
      }
    });
    for (auto& [symbol, a] : actions) {
      builder.set_actions(symbol,
                          CorporateActions(symbol, std::move(a.splits), std::move(a.dividends)));
    }
  }

  void load_shares(MarketDataBuilder& builder) {
    auto reader = open("shares.csv", options_.max_table_bytes);
    const auto c = reader.require_columns({"symbol", "effective_date", "shares", "reported_shares",
                                           "split_factor", "measure", "source", "reference"});
    std::map<Symbol, std::vector<Step<SharesRecord>>> steps;
    std::map<Symbol, std::size_t> last_line;
    const PlausibilityBounds& bounds = options_.bounds;
    each_row(reader, "shares.csv", [&](const CsvRow& row) {
      const Symbol symbol = known_symbol_at(row, c[0]);
      const date effective = row.as_date(c[1]);
      SharesRecord r{row.as_double(c[2]),         row.as_double(c[3]),
                     row.as_double(c[4]),         std::string(row.text(c[5])),
                     std::string(row.text(c[6])), std::string(row.text(c[7]))};
      check_range(row, c[2], "share count", r.shares, bounds.min_shares, bounds.max_shares,
                  "min_shares, max_shares");
      check_range(row, c[3], "share count", r.reported_shares, bounds.min_shares, bounds.max_shares,
                  "min_shares, max_shares");
      check_range(row, c[4], "split factor", r.split_factor, bounds.min_split_ratio,
                  bounds.max_split_ratio, "min_split_ratio, max_split_ratio");
      // The format's rule (data/README.md): shares = reported_shares x split_factor.
      const double restated = r.reported_shares * r.split_factor;
      if (std::abs(r.shares - restated) > 1e-9 * r.shares) {
        throw row.data_error(c[2], fmt::format("shares {} differ from reported_shares x "
                                               "split_factor = {}",
                                               r.shares, restated));
      }
      auto& list = steps[symbol];
      if (!list.empty() && !(list.back().effective < effective)) {
        throw row.data_error(
            c[1], fmt::format("effective date {} of {} is not after {} of line {} (the counts "
                              "of a symbol must be sorted by date, without repeats)",
                              format_iso_date(effective), quoted(symbol),
                              format_iso_date(list.back().effective), last_line[symbol]));
      }
      list.push_back({effective, std::move(r)});
      last_line[symbol] = row.line();
    });
    for (auto& [symbol, list] : steps) {
      builder.set_shares(symbol, StepSeries<SharesRecord>(std::move(list)));
    }
  }

  void load_membership(MarketDataBuilder& builder) {
    auto reader = open("index_membership.csv", options_.max_small_table_bytes);
    const auto c = reader.require_columns({"index", "symbol", "start", "end"});
    std::map<std::string, IndexMembership> memberships;
    each_row(reader, "index_membership.csv", [&](const CsvRow& row) {
      const std::string id(row.text(c[0]));
      const auto name = metadata_.membership_names.find(id);
      if (name == metadata_.membership_names.end()) {
        throw row.error(c[0], fmt::format("index {} is not described in manifest.json "
                                          "(memberships)",
                                          quoted_for_message(id)));
      }
      const Symbol symbol = known_symbol_at(row, c[1]);
      const date start = row.as_date(c[2]);
      std::optional<date> end;
      if (!row.is_empty(c[3])) end = row.as_date(c[3]);
      auto [it, inserted] = memberships.try_emplace(id, id, name->second);
      try {
        it->second.add_interval(symbol, start, end);
      } catch (const DataError& e) {
        throw DataError(row.position(c[2]), e.message());
      }
    });
    for (auto& [id, m] : memberships) builder.add_membership(std::move(m));
  }

  std::filesystem::path dir_;
  DatasetLoadOptions options_;
  std::string manifest_name_;
  nlohmann::json manifest_;
  DatasetMetadata metadata_;
  std::map<std::string, TableEntry, std::less<>> tables_;
  std::set<std::string, std::less<>> issuers_;
  std::set<Symbol> known_;                 // securities loaded, with bars
  std::map<Symbol, std::string> dropped_;  // securities a lenient load left out, and why
  std::vector<LoadReport> reports_;
  LoadReport* securities_report_ = nullptr;  // in reports_
  std::size_t bytes_ = 0;
};

}  // namespace

LoadedDataset load_dataset(const std::filesystem::path& directory,
                           const DatasetLoadOptions& options) {
  return Loader(directory, options).run();
}

LoadedDataset load_dataset(const std::filesystem::path& directory, LoadPolicy policy) {
  DatasetLoadOptions options;
  options.policy = policy;
  return load_dataset(directory, options);
}

std::filesystem::path default_dataset_directory(const std::filesystem::path& executable_directory) {
  // A dataset named by the user is used or refused, never replaced by another one.
  if (const char* env = std::getenv("MARKETSHOCK_DATA"); env != nullptr) {
    if (*env == '\0') {
      throw IoError(
          "MARKETSHOCK_DATA is set but empty; name a dataset directory, or unset it to use the "
          "embedded dataset");
    }
    const std::filesystem::path dir(env);
    std::error_code ec;
    if (!std::filesystem::exists(dir / "manifest.json", ec)) {
      throw IoError(
          fmt::format("MARKETSHOCK_DATA names {}, which is not a marketshock dataset "
                      "(no manifest.json); unset it to use the embedded dataset",
                      path_for_message(dir)));
    }
    return dir.lexically_normal();
  }
  std::vector<std::filesystem::path> tried;
  tried.push_back(executable_directory / ".." / "share" / "marketshock" / "data");
#ifdef MARKETSHOCK_SOURCE_DATA_DIR
  tried.emplace_back(MARKETSHOCK_SOURCE_DATA_DIR);
#endif
  for (const auto& dir : tried) {
    std::error_code ec;
    if (std::filesystem::exists(dir / "manifest.json", ec)) return dir.lexically_normal();
  }
  std::string list;
  for (const auto& dir : tried) {
    list += (list.empty() ? "" : ", ") + path_for_message(dir.lexically_normal());
  }
  throw IoError(
      fmt::format("no dataset found (tried {}); pass --data DIR or set MARKETSHOCK_DATA", list));
}

}  // namespace marketshock::io
