#include <dataset_recipe/dataset_build.hpp>

#include "build_context.hpp"
#include "djia_composition.hpp"
#include "index_levels.hpp"
#include "price_selection.hpp"
#include "reference_data.hpp"
#include "share_selection.hpp"
#include "source_catalogue.hpp"
#include "split_evidence.hpp"

#include <dataset_recipe/embedded_dataset.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/market_data.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/io/dataset/dataset_check.hpp>
#include <marketshock/io/dataset/dataset_files.hpp>
#include <marketshock/io/vendor/index_membership.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

namespace marketshock::recipe {
namespace {
using boost::gregorian::date;
}  // namespace

// Share class from a constituent name such as "Alphabet Inc. (Class C)".
static std::string share_class_of(const std::string& name) {
  const auto at = name.find("(Class ");
  if (at == std::string::npos || at + 8 >= name.size()) return "";
  return name.substr(at + 7, 1);
}

// Issuer key: the SEC CIK joins the classes of one company; a symbol stands in when no CIK.
static std::string issuer_key(const Symbol& symbol, const io::ReferenceSecurity* ref) {
  if (ref != nullptr && ref->cik && !ref->cik->empty()) return "cik-" + *ref->cik;
  std::string key = "sym-" + symbol.str();
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return key;
}

static std::string issuer_name(const std::string& name) {
  const auto at = name.find(" (Class ");
  return at == std::string::npos ? name : name.substr(0, at);
}

// Ticker changes in the S&P 500 intervals: the constituents table dates a company's addition
// (kept across renames), so a company added before its ticker's first interval, where another
// ticker's interval ends the day this one starts and began when the company was added, is that
// company under its old ticker (FB -> META on 2022-06-09). Returns old ticker -> new ticker.
static std::map<Symbol, Symbol> detect_renames(const ReferenceData& ref, BuildContext& context) {
  std::map<Symbol, Symbol> renames;
  if (ref.sp500.empty()) return renames;
  const date data_start =
      std::min_element(ref.sp500.begin(), ref.sp500.end(), [](const auto& a, const auto& b) {
        return a.start < b.start;
      })->start;
  for (const auto& [symbol, security] : ref.securities) {
    if (!security.date_added) continue;
    const auto first =
        std::find_if(ref.sp500.begin(), ref.sp500.end(),
                     [&](const io::MembershipInterval& m) { return m.symbol == symbol; });
    if (first == ref.sp500.end() || !(*security.date_added < first->start)) continue;
    const date joined = std::max(*security.date_added, data_start);
    for (const io::MembershipInterval& old : ref.sp500) {
      if (old.symbol == symbol || !old.end || *old.end != first->start) continue;
      if (std::abs((old.start - joined).days()) > 7) continue;
      renames.emplace(old.symbol, symbol);
      context.note("membership", symbol.str(),
                   fmt::format("S&P 500 member since {} per the constituents table; its interval "
                               "starts {}, when {}'s ({} to {}) ends: a ticker change, so {}'s "
                               "interval is {}'s",
                               format_iso_date(*security.date_added), format_iso_date(first->start),
                               old.symbol, format_iso_date(old.start), format_iso_date(*old.end),
                               old.symbol, symbol));
    }
  }
  return renames;
}

DatasetBuildReport build_dataset(const DatasetBuildOptions& options) {
  for (const date d :
       {options.window_from, options.window_to, options.membership_date, options.history_from}) {
    MARKETSHOCK_REQUIRE(!d.is_special(), "dataset build: a window or membership date is missing");
  }
  BuildContext context{options, {}, {}};
  const auto ref = read_reference_data(context);
  const date on = options.membership_date;

  // The universe: both indices' members on the membership date, plus the largest companies
  // since history_from, which get the longer history.
  std::map<Symbol, date> wanted;
  for (const auto* intervals : {&ref.sp500, &ref.ndx100}) {
    for (const Symbol& s : io::members_on(*intervals, on)) wanted.emplace(s, options.window_from);
  }
  context.progress("selecting the largest companies since " +
                   format_iso_date(options.history_from));
  for (const Symbol& s : largest_companies_since(context)) {
    if (wanted.contains(s)) wanted[s] = options.history_from;
  }

  // Issuers with several classes in the universe: the class A line (else the first) carries
  // the all-class share count.
  std::map<std::string, std::vector<Symbol>> classes;
  for (const auto& [symbol, from] : wanted) {
    const auto it = ref.securities.find(symbol);
    classes[issuer_key(symbol, it == ref.securities.end() ? nullptr : &it->second)].push_back(
        symbol);
  }
  std::map<Symbol, bool> primary_class;
  for (const auto& [key, symbols] : classes) {
    if (symbols.size() < 2) continue;
    Symbol primary = symbols.front();
    for (const Symbol& s : symbols) {
      const auto it = ref.securities.find(s);
      if (it != ref.securities.end() && share_class_of(it->second.name) == "A") primary = s;
    }
    for (const Symbol& s : symbols) primary_class[s] = (s == primary);
  }

  // The SEC's own split facts, a cross-check of the split dates the prices give.
  const auto sec_split_facts = read_sec_split_facts(context);
  const std::vector<SecSplitFact> no_sec_facts;

  MarketDataBuilder builder{std::string(kEmbeddedDatasetName)};
  std::set<std::string> issuers_added;
  std::set<Symbol> added;  // securities with bars: only they get membership rows
  std::map<std::string, std::size_t> price_sources;
  std::map<std::string, std::size_t> share_sources;
  std::size_t done = 0;
  for (const auto& [symbol, from] : wanted) {
    if (++done % 50 == 0)
      context.progress(fmt::format("securities: {} of {}", done, wanted.size()));
    auto prices = select_prices(symbol, from, options.window_to, context);
    if (!prices) {
      context.report.missing.push_back(symbol.str() + ": no usable price file");
      continue;
    }
    const auto ref_it = ref.securities.find(symbol);
    const io::ReferenceSecurity* r = ref_it == ref.securities.end() ? nullptr : &ref_it->second;
    const std::string key = issuer_key(symbol, r);
    const std::string name = r != nullptr ? r->name : symbol.str();
    if (issuers_added.insert(key).second) {
      builder.add_issuer({IssuerId(key), issuer_name(name), r != nullptr ? r->cik : std::nullopt});
    }
    const bool in_ndx =
        std::any_of(ref.ndx100.begin(), ref.ndx100.end(),
                    [&](const io::MembershipInterval& m) { return m.symbol == symbol; });
    Security security{symbol,
                      IssuerId(key),
                      classes[key].size() > 1 ? share_class_of(name) : "",
                      ref.exchanges.contains(symbol) ? ref.exchanges.at(symbol)
                      : in_ndx                       ? Exchange::nasdaq
                                                     : Exchange::unknown,
                      r != nullptr ? r->gics_sector : "",
                      r != nullptr ? r->gics_industry : "",
                      name};
    if (r == nullptr)
      context.note("reference", symbol.str(), "no name or GICS sector in the constituents tables");

    ShareCandidates candidates;
    if (const auto it = ref.sec_counts.find(symbol); it != ref.sec_counts.end())
      candidates.sec = it->second;
    if (const auto it = ref.yahoo_monthly_counts.find(symbol);
        it != ref.yahoo_monthly_counts.end()) {
      candidates.yahoo_monthly = it->second;
    }
    candidates.fmp = read_fmp_counts(symbol, context);
    if (const auto it = primary_class.find(symbol); it != primary_class.end()) {
      candidates.primary_of_several = it->second;
      candidates.secondary_class = !it->second;
    }
    std::vector<Split> splits;
    auto shares = select_shares(symbol, std::move(candidates), *prices, context, splits);
    const auto sec_facts =
        r != nullptr && r->cik ? sec_split_facts.find(*r->cik) : sec_split_facts.end();
    date_splits(symbol, splits,
                sec_facts != sec_split_facts.end() ? sec_facts->second : no_sec_facts, context);

    ++price_sources[prices->provenance.source];
    if (!shares.empty()) ++share_sources[shares.steps().back().value.source];
    context.report.bar_rows += prices->bars.size();
    context.report.share_rows += shares.size();
    builder.add_security(std::move(security), std::move(prices->bars),
                         std::move(prices->provenance));
    builder.set_shares(symbol, std::move(shares));
    added.insert(symbol);
    builder.set_actions(symbol, CorporateActions(symbol, std::move(splits), {}));
  }

  // Membership of the dataset's securities, every interval since history_from; an old
  // ticker's S&P 500 intervals count for the renamed security.
  const auto renames = detect_renames(ref, context);
  IndexMembership sp("sp500", "S&P 500");
  IndexMembership ndx("ndx100", "Nasdaq-100");
  for (auto [intervals, membership] : {std::pair{&ref.sp500, &sp}, std::pair{&ref.ndx100, &ndx}}) {
    std::vector<io::MembershipInterval> list = *intervals;
    if (membership == &sp) {
      for (io::MembershipInterval& m : list) {
        if (const auto it = renames.find(m.symbol); it != renames.end()) m.symbol = it->second;
      }
    }
    std::sort(list.begin(), list.end(),
              [](const io::MembershipInterval& a, const io::MembershipInterval& b) {
                return std::tie(a.symbol, a.start) < std::tie(b.symbol, b.start);
              });
    for (std::size_t i = 0; i < list.size(); ++i) {
      io::MembershipInterval m = list[i];
      if (!added.contains(m.symbol)) continue;
      // An old ticker's interval ends the day the new one starts: join them into one.
      while (i + 1 < list.size() && list[i + 1].symbol == m.symbol && m.end &&
             *m.end == list[i + 1].start) {
        m.end = list[++i].end;
      }
      if (m.end && *m.end <= options.history_from) continue;
      membership->add_interval(m.symbol, m.start, m.end);
    }
  }
  builder.add_membership(std::move(sp));
  builder.add_membership(std::move(ndx));
  builder.add_membership(djia_membership(added, context));

  context.progress("reading index levels");
  auto levels = select_index_levels(context);
  for (auto& [id, bars] : levels.levels) builder.add_index_levels(id, std::move(bars));

  const MarketData data = std::move(builder).build();
  io::DatasetMetadata metadata = catalogue_metadata(options);
  metadata.index_levels = levels.info;
  for (const auto& [id, membership] : data.memberships()) {
    metadata.membership_names.try_emplace(id, membership.name());
  }
  context.progress("writing " + options.out.string());
  io::write_dataset(data, metadata, options.out);

  context.report.securities = data.security_count();
  context.report.price_sources.assign(price_sources.begin(), price_sources.end());
  context.report.share_sources.assign(share_sources.begin(), share_sources.end());
  // The report travels with the dataset: every rejection and approximation stays traceable.
  // Coverage per index, as `dataset check` computes it on what was written.
  const auto checks = io::check_dataset(data, metadata, TradingCalendar::nyse(), options.expected);
  for (const auto& c : checks.checks) {
    context.note("coverage", "",
                 fmt::format("{}: {} ({})", c.name, to_string(c.verdict), c.detail));
  }
  // Paths are written relative to the raw folder, so the report does not depend on where it is.
  std::string text = context.report.render();
  const std::string root = options.raw.lexically_normal().string() + "/";
  for (auto at = text.find(root); at != std::string::npos; at = text.find(root, at)) {
    text.replace(at, root.size(), "");
  }
  std::ofstream report_file(options.out / "build_report.txt", std::ios::trunc);
  report_file << text;
  if (!report_file) throw IoError("cannot write " + (options.out / "build_report.txt").string());
  return std::move(context.report);
}

}  // namespace marketshock::recipe
