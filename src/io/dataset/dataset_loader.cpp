#include <marketshock/io/dataset/dataset_files.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/log.hpp>
#include <marketshock/io/checksum.hpp>
#include <marketshock/io/csv_reader.hpp>

#include <fmt/format.h>
#include <spdlog/logger.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

namespace marketshock::io {

namespace {

using boost::gregorian::date;

struct SecurityRow {
  Security security;
  PriceBasis basis;
  PriceProvenance provenance;
  SourcePosition position;
};

PriceBasis parse_basis(const CsvRow& row, std::size_t kind_column, std::size_t as_of_column) {
  const std::string_view kind = row.text(kind_column);
  if (kind == "as_traded") return PriceBasis::as_traded();
  const date as_of = row.as_date(as_of_column);
  if (kind == "split_adjusted") return PriceBasis::split_adjusted(as_of);
  if (kind == "split_and_dividend_adjusted") return PriceBasis::split_and_dividend_adjusted(as_of);
  throw row.error(kind_column, fmt::format("unknown price basis '{}' (expected as_traded, "
                                           "split_adjusted or split_and_dividend_adjusted)",
                                           kind));
}

Symbol symbol_at(const CsvRow& row, std::size_t column) {
  const auto symbol = Symbol::try_parse(row.text(column));
  if (!symbol) throw row.error(column, fmt::format("invalid symbol '{}'", row.text(column)));
  return *symbol;
}

Bar bar_at(const CsvRow& row, const std::array<std::size_t, 7>& c) {
  Bar bar;
  bar.date = row.as_date(c[1]);
  bar.open = row.as_double(c[2], EmptyField::nan);
  bar.high = row.as_double(c[3], EmptyField::nan);
  bar.low = row.as_double(c[4], EmptyField::nan);
  bar.close = row.as_double(c[5]);
  bar.volume = row.is_empty(c[6]) ? -1 : row.as_int64(c[6]);
  return bar;
}

// Rows of one symbol (or index) collected in file order, with the position of the first, so a
// DailyBars invariant failure can name the file and line.
struct BarGroup {
  std::vector<Bar> bars;
  std::vector<std::size_t> lines;
};

class Loader {
 public:
  Loader(std::filesystem::path directory, LoadPolicy policy)
      : dir_(std::move(directory)), policy_(policy) {}

  LoadedDataset run() {
    const auto start = std::chrono::steady_clock::now();
    read_manifest();
    MarketDataBuilder builder(metadata_.name);
    load_issuers(builder);
    auto securities = load_securities();
    auto bars = load_bar_groups("bars.csv");
    add_securities(builder, securities, bars);
    load_actions(builder);
    load_shares(builder);
    load_membership(builder);
    auto levels = load_bar_groups("index_levels.csv");
    for (auto& [id, group] : levels) {
      builder.add_index_levels(id,
                               make_bars(id, PriceBasis::as_traded(), group, "index_levels.csv"));
    }
    LoadedDataset out{std::move(builder).build(), metadata_, std::move(reports_), bytes_, 0.0};
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    logger()->info("loaded dataset '{}' from {}: {} securities, {} bytes in {:.3f} s",
                   out.metadata.name, dir_.string(), out.data.security_count(), bytes_,
                   out.seconds);
    return out;
  }

 private:
  void read_manifest() {
    const auto path = dir_ / "manifest.json";
    if (!std::filesystem::exists(path)) {
      throw IoError(
          fmt::format("'{}' is not a marketshock dataset: no manifest.json", dir_.string()));
    }
    nlohmann::json manifest;
    try {
      manifest = nlohmann::json::parse(read_file(path));
      if (manifest.at("format") != "marketshock-dataset") {
        throw DataError(fmt::format("{}: format is not 'marketshock-dataset'", path.string()));
      }
      const int version = manifest.at("format_version").get<int>();
      if (version != kDatasetFormatVersion) {
        throw DataError(fmt::format("{}: format version {}, this library reads version {}",
                                    path.string(), version, kDatasetFormatVersion));
      }
      metadata_ = manifest.get<DatasetMetadata>();
      tables_ = manifest.at("tables");
    } catch (const nlohmann::json::exception& e) {
      throw DataError(fmt::format("{}: invalid manifest: {}", path.string(), e.what()));
    } catch (const InvalidArgument& e) {  // a date field that is not a date
      throw DataError(fmt::format("{}: invalid manifest: {}", path.string(), e.message()));
    }
  }

  // Verifies the checksum recorded in the manifest, then opens the table.
  CsvReader open(const char* file) {
    const auto path = dir_ / file;
    std::string text = read_file(path);
    bytes_ += text.size();
    const auto entry = tables_.find(file);
    if (entry == tables_.end()) {
      throw DataError(fmt::format("{}: not listed in manifest.json", path.string()));
    }
    std::string expected;
    try {
      expected = entry->at("sha256").get<std::string>();
      expected_rows_[file] = entry->at("rows").get<std::size_t>();
    } catch (const nlohmann::json::exception& e) {
      throw DataError(fmt::format("{}: invalid entry for {}: {}", (dir_ / "manifest.json").string(),
                                  file, e.what()));
    }
    if (sha256_hex(text) != expected) {
      throw DataError(
          fmt::format("{}: SHA-256 differs from manifest.json (file changed after "
                      "the dataset was built; rebuild it with "
                      "`marketshock dataset build`)",
                      path.string()));
    }
    return CsvReader::from_string(std::move(text), path.string());
  }

  // Converts every row under the policy, then checks the count against the manifest: a table
  // with rows added or lost since the build is refused even if its checksum was rewritten.
  template <class Convert>
  void each_row(CsvReader& reader, Convert&& convert) {
    reports_.push_back(for_each_row(reader, policy_, std::forward<Convert>(convert)));
    const LoadReport& report = reports_.back();
    const std::string file = std::filesystem::path(reader.file()).filename().string();
    const auto expected = expected_rows_.find(file);
    if (expected != expected_rows_.end() && expected->second != report.rows_read) {
      throw DataError(fmt::format("{}: {} rows, manifest.json says {}", reader.file(),
                                  report.rows_read, expected->second));
    }
  }

  void load_issuers(MarketDataBuilder& builder) {
    auto reader = open("issuers.csv");
    const auto [id, name, cik] = reader.require_columns({"issuer", "name", "cik"});
    std::map<std::string, std::size_t> line_of;
    // Init-captures: clang-tidy 16 misreads captured structured bindings (LLVM issue 91835).
    each_row(reader, [&, id = id, name = name, cik = cik](const CsvRow& row) {
      const auto [first, added] = line_of.emplace(std::string(row.text(id)), row.line());
      if (!added) {
        throw DataError(row.position(id),
                        fmt::format("column 'issuer': issuer '{}' listed twice (first on line {})",
                                    row.text(id), first->second));
      }
      std::optional<std::string> cik_text;
      if (!row.is_empty(cik)) cik_text = std::string(row.text(cik));
      if (row.is_empty(id)) throw row.error(id, "empty issuer id");
      builder.add_issuer(
          {IssuerId(std::string(row.text(id))), std::string(row.text(name)), cik_text});
    });
  }

  std::map<Symbol, SecurityRow> load_securities() {
    auto reader = open("securities.csv");
    const auto c = reader.require_columns(
        {"symbol", "issuer", "share_class", "name", "exchange", "gics_sector", "gics_industry",
         "price_basis", "price_basis_as_of", "price_source", "price_flagged", "price_note"});
    std::map<Symbol, SecurityRow> out;
    each_row(reader, [&](const CsvRow& row) {
      const Symbol symbol = symbol_at(row, c[0]);
      if (row.is_empty(c[1])) throw row.error(c[1], "empty issuer");
      Exchange exchange = Exchange::other;
      try {
        exchange = parse_exchange(row.text(c[4]));
      } catch (const InvalidArgument& e) {
        throw row.error(c[4], e.message());
      }
      SecurityRow s{Security{symbol, IssuerId(std::string(row.text(c[1]))),
                             std::string(row.text(c[2])), exchange, std::string(row.text(c[5])),
                             std::string(row.text(c[6])), std::string(row.text(c[3]))},
                    parse_basis(row, c[7], c[8]),
                    PriceProvenance{std::string(row.text(c[9])), std::string(row.text(c[11])),
                                    row.text(c[10]) == "1"},
                    row.position()};
      if (!out.emplace(symbol, std::move(s)).second) {
        throw DataError(row.position(), fmt::format("security {} listed twice", symbol));
      }
    });
    return out;
  }

  std::map<std::string, BarGroup> load_bar_groups(const char* file) {
    auto reader = open(file);
    const auto key_column = std::string_view(file) == "bars.csv" ? "symbol" : "index";
    const auto c =
        reader.require_columns({key_column, "date", "open", "high", "low", "close", "volume"});
    std::map<std::string, BarGroup> groups;
    each_row(reader, [&](const CsvRow& row) {
      const std::string_view key = row.text(c[0]);
      if (key.empty()) throw row.error(c[0], "empty key");
      Bar bar = bar_at(row, c);
      const auto symbol = Symbol::try_parse(key);
      if (!symbol) throw row.error(c[0], fmt::format("invalid key '{}'", key));
      try {
        validate_bar(*symbol, bar);
      } catch (const DataError& e) {
        // The row's own position, so a lenient load skips just this row.
        throw DataError(row.position(c[4]), e.message());
      }
      BarGroup& group = groups[std::string(key)];
      if (!group.bars.empty() && !(group.bars.back().date < bar.date)) {
        throw row.error(c[1], fmt::format("{} {} is not after the previous row's date "
                                          "(rows must be sorted by date, without duplicates)",
                                          key, format_iso_date(bar.date)));
      }
      group.bars.push_back(bar);
      group.lines.push_back(row.line());
    });
    return groups;
  }

  DailyBars make_bars(const std::string& key, const PriceBasis& basis, const BarGroup& group,
                      const char* file) {
    const auto symbol = Symbol::try_parse(key);
    if (!symbol) throw DataError(fmt::format("{}: invalid key '{}'", file, key));
    try {
      return DailyBars(*symbol, basis, group.bars);
    } catch (const DataError& e) {
      // Re-throw with the file; the message names the symbol and date, which locate the row.
      throw DataError(SourcePosition{(dir_ / file).string(), 0, 0}, e.message());
    }
  }

  void add_securities(MarketDataBuilder& builder, std::map<Symbol, SecurityRow>& securities,
                      std::map<std::string, BarGroup>& bars) {
    for (auto& [symbol, s] : securities) {
      const auto it = bars.find(std::string(symbol.view()));
      if (it == bars.end()) {
        throw DataError(s.position, fmt::format("security {} has no rows in bars.csv", symbol));
      }
      builder.add_security(s.security, make_bars(it->first, s.basis, it->second, "bars.csv"),
                           s.provenance);
      known_.insert(symbol);
      bars.erase(it);
    }
    if (!bars.empty()) {
      throw DataError(fmt::format("{}: bars of '{}' (line {}), which securities.csv does not list",
                                  (dir_ / "bars.csv").string(), bars.begin()->first,
                                  bars.begin()->second.lines.front()));
    }
  }

  void load_actions(MarketDataBuilder& builder) {
    auto reader = open("corporate_actions.csv");
    const auto c =
        reader.require_columns({"symbol", "kind", "date", "earliest_after", "value", "source"});
    std::map<Symbol, std::pair<std::vector<Split>, std::vector<CashDividend>>> actions;
    each_row(reader, [&](const CsvRow& row) {
      const Symbol symbol = known_symbol_at(row, c[0]);
      const std::string_view kind = row.text(c[1]);
      if (kind == "split") {
        std::optional<date> earliest;
        if (!row.is_empty(c[3])) earliest = row.as_date(c[3]);
        actions[symbol].first.push_back(
            {row.as_date(c[2]), row.as_double(c[4]), earliest, std::string(row.text(c[5]))});
      } else if (kind == "dividend") {
        actions[symbol].second.push_back({row.as_date(c[2]), row.as_double(c[4])});
      } else {
        throw row.error(c[1], fmt::format("unknown kind '{}' (split or dividend)", kind));
      }
    });
    for (auto& [symbol, a] : actions) {
      builder.set_actions(symbol,
                          CorporateActions(symbol, std::move(a.first), std::move(a.second)));
    }
  }

  void load_shares(MarketDataBuilder& builder) {
    auto reader = open("shares.csv");
    const auto c = reader.require_columns({"symbol", "effective_date", "shares", "reported_shares",
                                           "split_factor", "measure", "source", "reference"});
    std::map<Symbol, std::vector<Step<SharesRecord>>> steps;
    each_row(reader, [&](const CsvRow& row) {
      const Symbol symbol = known_symbol_at(row, c[0]);
      SharesRecord r{row.as_double(c[2]),         row.as_double(c[3]),
                     row.as_double(c[4]),         std::string(row.text(c[5])),
                     std::string(row.text(c[6])), std::string(row.text(c[7]))};
      if (!(r.shares > 0.0)) throw row.error(c[2], "shares must be positive");
      auto& list = steps[symbol];
      const date effective = row.as_date(c[1]);
      if (!list.empty() && !(list.back().effective < effective)) {
        throw row.error(c[1], "effective dates of a symbol must strictly increase");
      }
      list.push_back({effective, std::move(r)});
    });
    for (auto& [symbol, list] : steps) {
      builder.set_shares(symbol, StepSeries<SharesRecord>(std::move(list)));
    }
  }

  void load_membership(MarketDataBuilder& builder) {
    auto reader = open("index_membership.csv");
    const auto c = reader.require_columns({"index", "symbol", "start", "end"});
    std::map<std::string, IndexMembership> memberships;
    each_row(reader, [&](const CsvRow& row) {
      const std::string id(row.text(c[0]));
      const auto name = metadata_.membership_names.find(id);
      if (name == metadata_.membership_names.end()) {
        throw row.error(c[0], fmt::format("index '{}' is not described in manifest.json", id));
      }
      auto [it, inserted] = memberships.try_emplace(id, id, name->second);
      std::optional<date> end;
      if (!row.is_empty(c[3])) end = row.as_date(c[3]);
      try {
        it->second.add_interval(known_symbol_at(row, c[1]), row.as_date(c[2]), end);
      } catch (const DataError& e) {
        throw DataError(row.position(), e.message());
      }
    });
    for (auto& [id, m] : memberships) builder.add_membership(std::move(m));
  }

  // A symbol that securities.csv lists; otherwise a ParseError at the field.
  Symbol known_symbol_at(const CsvRow& row, std::size_t column) const {
    const Symbol symbol = symbol_at(row, column);
    if (!known_.contains(symbol)) {
      throw row.error(column, fmt::format("unknown symbol '{}' (not in securities.csv)", symbol));
    }
    return symbol;
  }

  std::filesystem::path dir_;
  LoadPolicy policy_;
  std::set<Symbol> known_;
  std::map<std::string, std::size_t> expected_rows_;
  DatasetMetadata metadata_;
  nlohmann::json tables_;
  std::vector<LoadReport> reports_;
  std::size_t bytes_ = 0;
};

}  // namespace

LoadedDataset load_dataset(const std::filesystem::path& directory, LoadPolicy policy) {
  return Loader(directory, policy).run();
}

std::filesystem::path default_dataset_directory(const std::filesystem::path& executable_directory) {
  std::vector<std::filesystem::path> tried;
  if (const char* env = std::getenv("MARKETSHOCK_DATA"); env != nullptr && *env != '\0') {
    tried.emplace_back(env);
  }
  tried.push_back(executable_directory / ".." / "share" / "marketshock" / "data");
#ifdef MARKETSHOCK_SOURCE_DATA_DIR
  tried.emplace_back(MARKETSHOCK_SOURCE_DATA_DIR);
#endif
  for (const auto& dir : tried) {
    if (std::filesystem::exists(dir / "manifest.json")) return dir.lexically_normal();
  }
  std::string list;
  for (const auto& dir : tried)
    list += (list.empty() ? "" : ", ") + dir.lexically_normal().string();
  throw IoError(
      fmt::format("no dataset found (tried {}); pass --data DIR or set MARKETSHOCK_DATA", list));
}

}  // namespace marketshock::io
