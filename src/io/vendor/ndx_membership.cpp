#include <marketshock/io/vendor/ndx_membership.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/file_reading.hpp>
#include <marketshock/io/message_text.hpp>
#include <marketshock/io/vendor/normalise_ticker.hpp>

#include "io/vendor/detail/vendor_fields.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace marketshock::io {

namespace {

using boost::gregorian::date;

constexpr std::string_view kIndex = "ndx100";
constexpr std::string_view kFilePrefix = "n100-ticker-changes-";
constexpr std::string_view kFileSuffix = ".yaml";

// Reads one year file's nodes, with positions naming `file_`.
class YearParser {
 public:
  YearParser(std::string file, LoadPolicy policy) : file_(std::move(file)), policy_(policy) {}

  NdxYear parse(std::string_view text) {
    NdxYear year;
    year.report.file = file_;
    const YAML::Node root = load(text);
    if (!root.IsMap()) throw ParseError(at(root.Mark(), 1), "expected a map at the top level");
    // Optionals, not default nodes: assigning to a YAML::Node that refers to a node rebinds the
    // node it refers to.
    std::optional<YAML::Node> year_node, list_node, changes_node;
    for (const auto& entry : root) {
      const std::string key = entry.first.Scalar();
      auto* const target = key == "year"               ? &year_node
                           : key == "tickers_on_Jan_1" ? &list_node
                           : key == "changes"          ? &changes_node
                                                       : nullptr;
      if (target == nullptr || target->has_value()) {
        throw ParseError(
            at(entry.first.Mark()),
            fmt::format("{} key {}", target ? "repeated" : "unknown", quoted_for_message(key)));
      }
      target->emplace(entry.second);
      if (target == &list_node) {
        year.list_source = detail::file_line(file_, line_of(entry.first.Mark()));
      }
    }
    if (!year_node || !list_node) {
      throw ParseError(at(root.Mark(), 1),
                       fmt::format("missing key '{}'", !year_node ? "year" : "tickers_on_Jan_1"));
    }
    year.year = parse_year(*year_node);
    load_row(policy_, year.report, line_of(list_node->Mark()),
             [&] { year.tickers_on_jan_1 = tickers(*list_node); });
    if (changes_node && !changes_node->IsNull()) {
      if (!changes_node->IsMap()) {
        throw ParseError(at(changes_node->Mark()), "'changes' is not a map");
      }
      for (const auto& entry : *changes_node) {
        load_row(policy_, year.report, line_of(entry.first.Mark()),
                 [&] { year.changes.push_back(change(year.year, entry.first, entry.second)); });
      }
    }
    return year;
  }

 private:
  YAML::Node load(std::string_view text) const {
    try {
      return YAML::Load(std::string(text));
    } catch (const YAML::Exception& error) {
      throw ParseError(at(error.mark), fmt::format("invalid YAML: {}", error.msg));
    }
  }

  static std::size_t line_of(const YAML::Mark& mark) {
    return mark.line >= 0 ? static_cast<std::size_t>(mark.line) + 1 : 0;
  }
  SourcePosition at(const YAML::Mark& mark, std::size_t fallback_line = 0) const {
    if (mark.line < 0) return SourcePosition{file_, fallback_line, 0};
    return SourcePosition{file_, line_of(mark), static_cast<std::size_t>(mark.column) + 1};
  }

  int parse_year(const YAML::Node& node) const {
    int value = 0;
    const std::string text = node.IsScalar() ? node.Scalar() : std::string();
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (!node.IsScalar() || ec != std::errc() || end != text.data() + text.size() ||
        value < kMinIsoYear || value > kMaxIsoYear) {
      throw ParseError(at(node.Mark()),
                       fmt::format("'year' is not a year: {}", quoted_for_message(text)));
    }
    return value;
  }

  std::vector<Symbol> tickers(const YAML::Node& list) const {
    if (!list.IsSequence()) throw ParseError(at(list.Mark()), "expected a list of tickers");
    std::vector<Symbol> symbols;
    for (const auto& item : list) {
      const auto symbol = item.IsScalar() ? try_normalise_ticker(item.Scalar()) : std::nullopt;
      if (!symbol) {
        throw ParseError(at(item.Mark()),
                         fmt::format("invalid ticker {}",
                                     quoted_for_message(item.IsScalar() ? item.Scalar() : "?")));
      }
      symbols.push_back(*symbol);
    }
    return symbols;
  }

  IndexChange change(int year, const YAML::Node& key, const YAML::Node& value) const {
    const auto day = key.IsScalar() ? try_parse_iso_date(key.Scalar()) : std::nullopt;
    if (!day) {
      throw ParseError(at(key.Mark()),
                       fmt::format("invalid date {} in 'changes'",
                                   quoted_for_message(key.IsScalar() ? key.Scalar() : "?")));
    }
    if (day->year() != year) {
      throw DataError(at(key.Mark()),
                      fmt::format("change dated {} in the file of year {}", key.Scalar(), year));
    }
    IndexChange change;
    change.index = std::string(kIndex);
    change.effective = detail::session_on_or_after(*day, at(key.Mark()));
    change.source = detail::file_line(file_, line_of(key.Mark()));
    if (!value.IsMap()) {
      throw ParseError(at(value.Mark(), line_of(key.Mark())),
                       "expected a map with 'union' and/or 'difference'");
    }
    for (const auto& entry : value) {
      const std::string name = entry.first.Scalar();
      if (name == "union") {
        change.added = tickers(entry.second);
      } else if (name == "difference") {
        change.removed = tickers(entry.second);
      } else {
        throw ParseError(at(entry.first.Mark()),
                         fmt::format("unknown key {}, expected 'union' or 'difference'",
                                     quoted_for_message(name)));
      }
    }
    std::vector<Symbol> all = change.added;
    all.insert(all.end(), change.removed.begin(), change.removed.end());
    if (all.empty()) throw DataError(at(key.Mark()), "the change adds and removes nothing");
    std::sort(all.begin(), all.end());
    if (const auto twice = std::adjacent_find(all.begin(), all.end()); twice != all.end()) {
      throw DataError(at(key.Mark()), fmt::format("ticker {} is named twice", *twice));
    }
    return change;
  }

  std::string file_;
  LoadPolicy policy_;
};

// The year of a file named n100-ticker-changes-YYYY.yaml, or nullopt for any other name.
std::optional<int> year_of_file_name(const std::string& name) {
  const std::string_view view(name);
  if (!view.starts_with(kFilePrefix) || !view.ends_with(kFileSuffix)) return std::nullopt;
  const std::string_view digits =
      view.substr(kFilePrefix.size(), view.size() - kFilePrefix.size() - kFileSuffix.size());
  int year = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), year);
  if (digits.size() != 4 || ec != std::errc() || end != digits.data() + digits.size()) {
    return std::nullopt;
  }
  return year;
}

std::string join(const std::vector<Symbol>& symbols) {
  return symbols.empty() ? std::string("none") : fmt::format("{}", fmt::join(symbols, " "));
}

// Compares `listed` with `expected`; a mismatch record when they differ.
std::optional<NdxMismatch> compare_lists(const NdxYear& year, const std::set<Symbol>& expected) {
  const std::set<Symbol> listed(year.tickers_on_jan_1->begin(), year.tickers_on_jan_1->end());
  NdxMismatch mismatch{year.year, year.list_source, {}, {}, {}};
  std::set_difference(expected.begin(), expected.end(), listed.begin(), listed.end(),
                      std::back_inserter(mismatch.missing));
  std::set_difference(listed.begin(), listed.end(), expected.begin(), expected.end(),
                      std::back_inserter(mismatch.unexpected));
  if (mismatch.missing.empty() && mismatch.unexpected.empty()) return std::nullopt;
  mismatch.description = fmt::format(
      "tickers_on_Jan_1 of {} is not the {} list plus its changes: missing {}; unexpected {}",
      year.year, year.year - 1, join(mismatch.missing), join(mismatch.unexpected));
  return mismatch;
}

void apply_changes(const NdxYear& year, std::set<Symbol>& members) {
  for (const IndexChange& change : year.changes) {
    for (const Symbol& s : change.removed) members.erase(s);
    for (const Symbol& s : change.added) members.insert(s);
  }
}

}  // namespace

NdxYear parse_ndx_year(std::string_view yaml_text, std::string display_name, LoadPolicy policy) {
  return YearParser(std::move(display_name), policy).parse(yaml_text);
}

ImportedNdxHistory import_ndx_history(const std::filesystem::path& directory, LoadPolicy policy) {
  std::map<int, std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    if (const auto year = year_of_file_name(entry.path().filename().string())) {
      files.emplace(*year, entry.path());
    }
  }
  if (ec)
    throw IoError(fmt::format("cannot list {}: {}", path_for_message(directory), ec.message()));
  if (files.empty()) {
    throw DataError(
        fmt::format("no n100-ticker-changes-YYYY.yaml file in {}", path_for_message(directory)));
  }
  std::vector<NdxYear> years;
  for (const auto& [year, path] : files) {
    if (!years.empty() && year != years.back().year + 1) {
      throw DataError(fmt::format("no file for year {} in {} (years must be consecutive)",
                                  years.back().year + 1, path_for_message(directory)));
    }
    years.push_back(parse_ndx_year(read_file(path, kSmallFileLimit), display_name(path), policy));
    if (years.back().year != year) {
      throw DataError(SourcePosition{path.string()},
                      fmt::format("'year' is {}, the file name says {}", years.back().year, year));
    }
  }
  if (!years.front().tickers_on_jan_1) {
    throw DataError(SourcePosition{years.front().report.file},
                    "the first year's tickers_on_Jan_1 was skipped; membership cannot start");
  }
  ImportedNdxHistory history;
  for (std::size_t i = 1; i < years.size(); ++i) {
    if (!years[i].tickers_on_jan_1 || !years[i - 1].tickers_on_jan_1) continue;
    std::set<Symbol> expected(years[i - 1].tickers_on_jan_1->begin(),
                              years[i - 1].tickers_on_jan_1->end());
    apply_changes(years[i - 1], expected);
    if (auto mismatch = compare_lists(years[i], expected)) {
      history.mismatches.push_back(std::move(*mismatch));
    }
  }
  for (NdxYear& year : years) {
    for (IndexChange& change : year.changes) history.changes.push_back(std::move(change));
    history.reports.push_back(std::move(year.report));
  }
  std::stable_sort(history.changes.begin(), history.changes.end(),
                   [](const auto& x, const auto& y) { return x.effective < y.effective; });
  // Chain the changes from the first list; the open interval of each current member.
  std::map<Symbol, MembershipInterval> open;
  const NdxYear& first = years.front();
  const date first_day = detail::session_on_or_after(
      date(static_cast<unsigned short>(first.year), 1, 1), SourcePosition{first.report.file});
  for (const Symbol& s : *first.tickers_on_jan_1) {
    open.emplace(
        s, MembershipInterval{std::string(kIndex), s, first_day, std::nullopt, first.list_source});
  }
  for (const IndexChange& change : history.changes) {
    const int change_year = change.effective.year();
    for (const Symbol& s : change.removed) {
      const auto it = open.find(s);
      if (it == open.end()) {
        history.mismatches.push_back({change_year,
                                      change.source,
                                      {s},
                                      {},
                                      fmt::format("the change removes {}, not a member", s)});
        continue;
      }
      it->second.end = change.effective;
      history.intervals.push_back(std::move(it->second));
      open.erase(it);
    }
    for (const Symbol& s : change.added) {
      if (open.contains(s)) {
        history.mismatches.push_back({change_year,
                                      change.source,
                                      {},
                                      {s},
                                      fmt::format("the change adds {}, already a member", s)});
        continue;
      }
      open.emplace(s, MembershipInterval{std::string(kIndex), s, change.effective, std::nullopt,
                                         change.source});
    }
  }
  for (auto& [symbol, interval] : open) history.intervals.push_back(std::move(interval));
  std::sort(history.intervals.begin(), history.intervals.end(), [](const auto& x, const auto& y) {
    return std::tie(x.symbol, x.start) < std::tie(y.symbol, y.start);
  });
  return history;
}

}  // namespace marketshock::io
