#include <marketshock/io/vendor/sp500_membership.hpp>

#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/message_text.hpp>
#include <marketshock/io/vendor/normalise_ticker.hpp>

#include "io/vendor/detail/vendor_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace marketshock::io {

namespace {

constexpr std::string_view kIndex = "sp500";

// The tickers of a comma-separated list field; empty for an empty field.
std::vector<Symbol> ticker_list(const CsvRow& row, std::size_t column) {
  std::vector<Symbol> tickers;
  std::string_view rest = row.text(column);
  if (rest.empty()) return tickers;
  for (;;) {
    const std::size_t comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    if (auto symbol = try_normalise_ticker(item)) {
      tickers.push_back(*symbol);
    } else {
      throw row.error(
          column, item.empty()
                      ? fmt::format("empty entry in list {}", quoted_for_message(row.text(column)))
                      : fmt::format("invalid ticker {}", quoted_for_message(item)));
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return tickers;
}

}  // namespace

ImportedMembership import_sp500_intervals(CsvReader& reader, LoadPolicy policy) {
  const auto [ticker, start, end] = reader.require_columns({"ticker", "start_date", "end_date"});
  ImportedMembership result;
  // Intervals accepted so far, by symbol, to reject overlapping spells.
  std::multimap<Symbol, std::size_t> spells;
  // Init-captures: clang-tidy 16 misreads captured structured bindings (LLVM issue 91835).
  result.report = for_each_row(
      reader, policy, [&, ticker = ticker, start = start, end = end](const CsvRow& row) {
        MembershipInterval interval{
            .index = std::string(kIndex),
            .symbol = detail::ticker_at(row, ticker),
            .start = detail::session_on_or_after(row.as_date(start), row.position(start)),
            .end = std::nullopt,
            .source = detail::file_line(reader.file(), row.line())};
        if (!row.is_empty(end)) {
          interval.end = detail::session_on_or_after(row.as_date(end), row.position(end));
          if (*interval.end <= interval.start) {
            throw detail::data_error(
                row, end,
                fmt::format("end {} is not after start {}", row.text(end), row.text(start)));
          }
        }
        const auto [first, last] = spells.equal_range(interval.symbol);
        for (auto it = first; it != last; ++it) {
          const MembershipInterval& other = result.intervals[it->second];
          const bool disjoint = (interval.end && *interval.end <= other.start) ||
                                (other.end && *other.end <= interval.start);
          if (!disjoint) {
            throw detail::data_error(row, start,
                                     fmt::format("interval of {} overlaps the one at {}",
                                                 interval.symbol, other.source));
          }
        }
        spells.emplace(interval.symbol, result.intervals.size());
        result.intervals.push_back(std::move(interval));
      });
  return result;
}

ImportedMembership import_sp500_intervals(const std::filesystem::path& path, LoadPolicy policy) {
  auto reader = CsvReader::from_file(path);
  return import_sp500_intervals(reader, policy);
}

ImportedIndexChanges import_sp500_changes(CsvReader& reader, LoadPolicy policy) {
  const auto [date, add, remove] = reader.require_columns({"date", "add", "remove"});
  ImportedIndexChanges result;
  // Init-captures: clang-tidy 16 misreads captured structured bindings (LLVM issue 91835).
  result.report =
      for_each_row(reader, policy, [&, date = date, add = add, remove = remove](const CsvRow& row) {
        IndexChange change;
        change.index = std::string(kIndex);
        change.effective = detail::session_on_or_after(row.as_date(date), row.position(date));
        change.added = ticker_list(row, add);
        change.removed = ticker_list(row, remove);
        if (change.added.empty() && change.removed.empty()) {
          throw detail::data_error(row, add, "the change adds and removes nothing");
        }
        std::vector<Symbol> all = change.added;
        all.insert(all.end(), change.removed.begin(), change.removed.end());
        std::sort(all.begin(), all.end());
        if (const auto twice = std::adjacent_find(all.begin(), all.end()); twice != all.end()) {
          throw detail::data_error(row, add, fmt::format("ticker {} is named twice", *twice));
        }
        change.source = detail::file_line(reader.file(), row.line());
        result.changes.push_back(std::move(change));
      });
  return result;
}

ImportedIndexChanges import_sp500_changes(const std::filesystem::path& path, LoadPolicy policy) {
  auto reader = CsvReader::from_file(path);
  return import_sp500_changes(reader, policy);
}

}  // namespace marketshock::io
