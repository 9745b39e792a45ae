#include <marketshock/io/load_policy.hpp>

#include <marketshock/core/require.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace marketshock::io {

namespace {

// The message of a positioned error without the "file:line:column: " prefix its constructor
// added, so that the report keeps position and reason apart.
std::string reason_of(const Error& error, const SourcePosition& position) {
  const std::string& message = error.message();
  const std::string prefix = position.to_string() + ": ";
  if (prefix.size() > 2 && message.starts_with(prefix)) return message.substr(prefix.size());
  return message;
}

bool is_word_character(char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

// True when `a` comes before `b` in a file (both of the report's file).
bool before(const SourcePosition& a, const SourcePosition& b) noexcept {
  return a.line < b.line || (a.line == b.line && a.column < b.column);
}

// Inserts `row` into `rows` in input order, keeping at most `limit` rows.
void insert_in_order(std::vector<SkippedRow>& rows, SkippedRow row, std::size_t limit) {
  const auto at = std::upper_bound(
      rows.begin(), rows.end(), row,
      [](const SkippedRow& x, const SkippedRow& y) { return before(x.position, y.position); });
  if (rows.size() >= limit && at == rows.end()) return;
  rows.insert(at, std::move(row));
  if (rows.size() > limit) rows.pop_back();
}

}  // namespace

std::string skip_reason_key(std::string_view reason) {
  std::string key;
  key.reserve(reason.size());
  std::size_t pos = 0;
  // The column the reason names is part of the reason: "column 'date': " stays.
  if (reason.starts_with("column '")) {
    const std::size_t end = reason.find("': ");
    if (end != std::string_view::npos) {
      pos = end + 3;
      key.append(reason.substr(0, pos));
    }
  }
  while (pos < reason.size()) {
    const char c = reason[pos];
    const bool word_start = pos == 0 || !is_word_character(reason[pos - 1]);
    if (c == '\'' && word_start) {
      // A quoted value runs to the next quote not escaped by a backslash (quoted_for_message).
      std::size_t end = pos + 1;
      while (end < reason.size() && reason[end] != '\'') end += reason[end] == '\\' ? 2 : 1;
      if (end < reason.size()) {
        key += "'...'";
        pos = end + 1;
        continue;
      }
    }
    if (word_start && c != ' ') {
      // A word: letters, digits and the punctuation of numbers, dates and tickers.
      std::size_t end = pos;
      bool has_digit = false;
      while (end < reason.size() &&
             (is_word_character(reason[end]) ||
              std::string_view(".-+:/^").find(reason[end]) != std::string_view::npos)) {
        has_digit = has_digit || (reason[end] >= '0' && reason[end] <= '9');
        ++end;
      }
      // Trailing punctuation ends a sentence or a list, it is not part of the word.
      while (end > pos && std::string_view(".:").find(reason[end - 1]) != std::string_view::npos) {
        --end;
      }
      if (has_digit) {
        key += '#';
        pos = end;
        continue;
      }
    }
    key += c;
    ++pos;
  }
  return key;
}

void LoadReport::add_skipped(SourcePosition position, std::string reason) {
  ++rows_skipped;
  std::string key = skip_reason_key(reason);
  auto group = std::find_if(reasons.begin(), reasons.end(),
                            [&](const SkipReason& r) { return r.reason == key; });
  if (group == reasons.end()) {
    if (reasons.size() >= kMaxReasons) {
      group = std::find_if(reasons.begin(), reasons.end(),
                           [](const SkipReason& r) { return r.reason == kOtherReasons; });
      if (group == reasons.end()) {
        reasons.push_back(SkipReason{std::string(kOtherReasons), 0, {}});
        group = reasons.end() - 1;
      }
    } else {
      reasons.push_back(SkipReason{std::move(key), 0, {}});
      group = reasons.end() - 1;
    }
  }
  ++group->count;
  const bool listed = skipped.size() < kMaxListedRows;
  const bool example = group->examples.size() < kExamplesPerReason;
  if (listed && example) group->examples.push_back(SkippedRow{position, reason});
  if (listed) {
    skipped.push_back(SkippedRow{std::move(position), std::move(reason)});
  } else if (example) {
    group->examples.push_back(SkippedRow{std::move(position), std::move(reason)});
  }
}

void LoadReport::retract_loaded(SourcePosition position, std::string reason) {
  MARKETSHOCK_REQUIRE(rows_loaded > 0, "{}: no loaded row to retract", file);
  --rows_loaded;
  SkippedRow row{position, reason};
  const std::size_t listed = skipped.size();
  add_skipped(std::move(position), std::move(reason));
  // add_skipped() appended the row, if there was room; put it at its place in input order.
  if (skipped.size() > listed) skipped.pop_back();
  insert_in_order(skipped, std::move(row), kMaxListedRows);
  for (SkipReason& group : reasons) {
    std::stable_sort(
        group.examples.begin(), group.examples.end(),
        [](const SkippedRow& x, const SkippedRow& y) { return before(x.position, y.position); });
  }
}

void LoadReport::add_skipped(const ParseError& error, std::size_t fallback_line) {
  const SourcePosition& where = error.position();
  if (where.file.empty() && where.line == 0) {
    add_skipped(SourcePosition{file, fallback_line, 0}, error.message());
  } else {
    add_skipped(where, reason_of(error, where));
  }
}

void LoadReport::add_skipped(const DataError& error, std::size_t fallback_line) {
  const SourcePosition& where = error.position();
  if (where.file.empty() && where.line == 0) {
    add_skipped(SourcePosition{file, fallback_line, 0}, error.message());
  } else {
    add_skipped(where, reason_of(error, where));
  }
}

std::string LoadReport::summary(std::size_t max_listed) const {
  std::string text = fmt::format("{}: {} rows read, {} loaded, {} skipped", file, rows_read,
                                 rows_loaded, rows_skipped);
  const std::size_t listed = std::min(max_listed, skipped.size());
  for (std::size_t i = 0; i < listed; ++i) {
    const std::string where = skipped[i].position.to_string();
    text += fmt::format("\n  {}{}{}", where, where.empty() ? "" : ": ", skipped[i].reason);
  }
  if (listed < rows_skipped) text += fmt::format("\n  ... and {} more", rows_skipped - listed);
  return text;
}

std::string LoadReport::summary_by_reason(std::size_t max_examples) const {
  std::string text = fmt::format("{}: {} rows read, {} loaded, {} skipped", file, rows_read,
                                 rows_loaded, rows_skipped);
  for (const SkipReason& group : reasons) {
    text += fmt::format("\n  {} row{}: {}", group.count, group.count == 1 ? "" : "s", group.reason);
    for (std::size_t i = 0; i < group.examples.size() && i < max_examples; ++i) {
      const SkippedRow& row = group.examples[i];
      const std::string where = row.position.to_string();
      text += fmt::format("\n    {}{}{}", where, where.empty() ? "" : ": ", row.reason);
    }
  }
  return text;
}

}  // namespace marketshock::io
