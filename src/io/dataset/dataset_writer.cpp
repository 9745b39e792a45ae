#include <marketshock/io/dataset/dataset_files.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/checksum.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <string_view>

namespace marketshock::io {

namespace {

// One CSV table being written: quoting only where RFC 4180 needs it.
class TableText {
 public:
  explicit TableText(std::string_view header) { text_ = std::string(header) + "\n"; }

  TableText& text(std::string_view field) {
    separate();
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
      text_ += field;
    } else {
      text_ += '"';
      for (const char c : field) {
        if (c == '"') text_ += '"';
        text_ += c;
      }
      text_ += '"';
    }
    return *this;
  }
  // Shortest text that reads back to the same double; NaN is an empty field (missing).
  TableText& number(double value) {
    separate();
    if (!std::isnan(value)) text_ += fmt::format("{}", value);
    return *this;
  }
  TableText& integer(std::int64_t value) {
    separate();
    text_ += fmt::format("{}", value);
    return *this;
  }
  TableText& date(boost::gregorian::date day) { return text(format_iso_date(day)); }
  void end_row() {
    text_ += '\n';
    at_row_start_ = true;
    ++rows_;
  }
  [[nodiscard]] const std::string& str() const noexcept { return text_; }
  [[nodiscard]] std::size_t rows() const noexcept { return rows_; }

 private:
  void separate() {
    if (!at_row_start_) text_ += ',';
    at_row_start_ = false;
  }
  std::string text_;
  bool at_row_start_ = true;
  std::size_t rows_ = 0;
};

std::string_view basis_kind(const PriceBasis& basis) {
  if (basis.split.is_point_in_time()) return "as_traded";
  return basis.dividend_adjusted ? "split_and_dividend_adjusted" : "split_adjusted";
}

void write_bars_rows(TableText& t, std::string_view key, const DailyBars& bars) {
  for (std::size_t i = 0; i < bars.size(); ++i) {
    t.text(key).date(bars.dates()[i]).number(bars.open()[i]).number(bars.high()[i]);
    t.number(bars.low()[i]).number(bars.close()[i]);
    if (bars.volume()[i] >= 0) {
      t.integer(bars.volume()[i]);
    } else {
      t.text("");
    }
    t.end_row();
  }
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw IoError(fmt::format("cannot write '{}'", path.string()));
  out << text;
  out.close();
  if (!out) throw IoError(fmt::format("cannot write '{}' (disk full?)", path.string()));
}

}  // namespace

void write_dataset(const MarketData& data, const DatasetMetadata& metadata,
                   const std::filesystem::path& directory) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) throw IoError(fmt::format("cannot create '{}': {}", directory.string(), ec.message()));

  TableText issuers("issuer,name,cik");
  for (const auto& [id, issuer] : data.issuers()) {
    issuers.text(id.key()).text(issuer.name).text(issuer.cik.value_or("")).end_row();
  }
  TableText securities(
      "symbol,issuer,share_class,name,exchange,gics_sector,gics_industry,price_basis,"
      "price_basis_as_of,price_source,price_flagged,price_note");
  TableText bars("symbol,date,open,high,low,close,volume");
  TableText actions("symbol,kind,date,earliest_after,value,source");
  TableText shares(
      "symbol,effective_date,shares,reported_shares,split_factor,measure,source,reference");
  for (const SecurityRecord& r : data.securities()) {
    const Security& s = r.security;
    const PriceBasis& basis = r.bars.basis();
    securities.text(s.symbol.view()).text(s.issuer.key()).text(s.share_class).text(s.name);
    securities.text(to_string(s.exchange)).text(s.gics_sector).text(s.gics_industry);
    securities.text(basis_kind(basis));
    securities.text(basis.split.as_of() ? format_iso_date(*basis.split.as_of()) : "");
    securities.text(r.provenance.source).text(r.provenance.flagged ? "1" : "0");
    securities.text(r.provenance.note).end_row();
    write_bars_rows(bars, s.symbol.view(), r.bars);
    for (const Split& split : r.actions.splits()) {
      actions.text(s.symbol.view()).text("split").date(split.effective);
      actions.text(split.earliest_after ? format_iso_date(*split.earliest_after) : "");
      actions.number(split.ratio);
      actions.text(!split.source.empty()  ? split.source
                   : split.earliest_after ? "detected from share counts"
                                          : r.provenance.source);
      actions.end_row();
    }
    for (const CashDividend& d : r.actions.dividends()) {
      actions.text(s.symbol.view()).text("dividend").date(d.ex_date).text("").number(d.amount);
      actions.text(r.provenance.source).end_row();
    }
    for (const Step<SharesRecord>& step : r.shares.steps()) {
      const SharesRecord& v = step.value;
      shares.text(s.symbol.view()).date(step.effective).number(v.shares).number(v.reported_shares);
      shares.number(v.split_factor).text(v.measure).text(v.source).text(v.reference).end_row();
    }
  }
  TableText membership("index,symbol,start,end");
  for (const auto& [id, m] : data.memberships()) {
    for (const Symbol& symbol : m.all_symbols()) {
      for (const auto& [start, end] : m.intervals(symbol)) {
        membership.text(id).text(symbol.view()).date(start);
        membership.text(end ? format_iso_date(*end) : "").end_row();
      }
    }
  }
  TableText levels("index,date,open,high,low,close,volume");
  for (const auto& [id, series] : data.all_index_levels()) write_bars_rows(levels, id, series);

  nlohmann::json manifest;
  manifest["format"] = "marketshock-dataset";
  manifest["format_version"] = kDatasetFormatVersion;
  nlohmann::json meta = metadata;
  manifest.update(meta);
  const std::pair<const char*, const TableText*> tables[] = {
      {"issuers.csv", &issuers},    {"securities.csv", &securities},
      {"bars.csv", &bars},          {"corporate_actions.csv", &actions},
      {"shares.csv", &shares},      {"index_membership.csv", &membership},
      {"index_levels.csv", &levels}};
  for (const auto& [file, table] : tables) {
    write_file(directory / file, table->str());
    manifest["tables"][file] = {{"rows", table->rows()}, {"sha256", sha256_hex(table->str())}};
  }
  write_file(directory / "manifest.json", manifest.dump(2) + "\n");
}

}  // namespace marketshock::io
