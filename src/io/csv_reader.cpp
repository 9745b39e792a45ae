#include <marketshock/io/csv_reader.hpp>

#include <marketshock/io/file_reading.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <utility>

namespace marketshock::io {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The header's names for a message: escaped, the first kListedColumns of them.
std::string join_names(const std::vector<std::string>& names) {
  constexpr std::size_t kListedColumns = 20;
  std::string joined;
  for (std::size_t i = 0; i < names.size() && i < kListedColumns; ++i) {
    if (i > 0) joined += ',';
    joined += escaped_for_message(names[i]);
  }
  if (names.size() > kListedColumns) joined += fmt::format(",... ({} columns)", names.size());
  return joined;
}

}  // namespace

CsvReader CsvReader::from_file(const std::filesystem::path& path, CsvOptions options) {
  return CsvReader(read_file(path), display_name(path), options);
}

CsvReader CsvReader::from_string(std::string text, std::string display_name, CsvOptions options) {
  return CsvReader(std::move(text), std::move(display_name), options);
}

CsvReader::CsvReader(std::string text, std::string file, CsvOptions options)
    : file_(std::move(file)), text_(std::move(text)), options_(options) {
  if (std::string_view(text_).starts_with(kUtf8Bom)) pos_ = kUtf8Bom.size();
  read_header();
}

std::string_view CsvReader::take_line() noexcept {
  const char* const begin = text_.data() + pos_;
  const std::size_t left = text_.size() - pos_;
  // NOLINTNEXTLINE(bugprone-not-null-terminated-result): memchr searches, it copies nothing.
  const auto* const newline = static_cast<const char*>(std::memchr(begin, '\n', left));
  std::size_t length = newline != nullptr ? static_cast<std::size_t>(newline - begin) : left;
  pos_ += newline != nullptr ? length + 1 : length;
  ++line_;
  if (length > 0 && begin[length - 1] == '\r') --length;
  skip_trailing_blank_lines();
  return {begin, length};
}

void CsvReader::skip_trailing_blank_lines() noexcept {
  if (pos_ < blank_run_end_) return;  // inside a blank run already known to precede data
  const std::size_t size = text_.size();
  std::size_t p = pos_;
  while (p < size) {
    if (text_[p] == '\n') {
      ++p;
    } else if (text_[p] == '\r' && (p + 1 == size || text_[p + 1] == '\n')) {
      p += p + 1 == size ? 1 : 2;
    } else {
      break;
    }
  }
  if (p == size) {
    pos_ = size;
  } else {
    blank_run_end_ = p;
  }
}

void CsvReader::split_fields(CsvRow& row) const {
  const std::string_view line = row.line_;
  const char* const begin = line.data();
  const char* const end = begin + line.size();
  // Names the column in messages about data rows (not about the header, which has no names yet).
  const auto column_prefix = [&](std::size_t index) {
    return row.header_ != nullptr && index < row.header_->size()
               ? fmt::format("column {}: ", quoted_for_message((*row.header_)[index]))
               : std::string();
  };
  const auto offset_of = [begin](const char* p) { return static_cast<std::size_t>(p - begin); };
  row.fields_.clear();
  std::size_t scratch_used = 0;
  const char* p = begin;
  for (;;) {
    const char* const field_begin = p;
    std::string_view value;
    if (p != end && *p == '"') {
      const char* chunk = p + 1;
      const auto* quote = static_cast<const char*>(std::memchr(chunk, '"', end - chunk));
      if (quote != nullptr && quote + 1 != end && quote[1] == '"') {
        // Doubled quotes: copy the unescaped text to the row's scratch buffer, sized once per
        // line to the line's length (an upper bound of all such fields) so views stay valid.
        if (row.scratch_.size() < line.size()) row.scratch_.resize(line.size());
        char* const out_begin = row.scratch_.data() + scratch_used;
        char* out = out_begin;
        for (;;) {
          if (quote == nullptr) break;
          out = std::copy(chunk, quote, out);
          if (quote + 1 == end || quote[1] != '"') break;
          *out++ = '"';
          chunk = quote + 2;
          quote = static_cast<const char*>(std::memchr(chunk, '"', end - chunk));
        }
        value = {out_begin, static_cast<std::size_t>(out - out_begin)};
        scratch_used += value.size();
      } else if (quote != nullptr) {
        value = {chunk, static_cast<std::size_t>(quote - chunk)};
      }
      if (quote == nullptr) {
        throw ParseError(row.position_at(offset_of(field_begin)),
                         column_prefix(row.fields_.size()) +
                             "unclosed quote (a quoted field must end on its own line)");
      }
      p = quote + 1;
      if (p != end && *p != ',') {
        throw ParseError(row.position_at(offset_of(p)),
                         fmt::format("{}unexpected {} after the closing quote of a field",
                                     column_prefix(row.fields_.size()),
                                     quoted_for_message(std::string_view(p, 1))));
      }
    } else {
      const auto* comma = static_cast<const char*>(std::memchr(p, ',', end - p));
      const char* const field_end = comma != nullptr ? comma : end;
      value = {p, static_cast<std::size_t>(field_end - p)};
      p = field_end;
    }
    row.fields_.push_back({value, offset_of(field_begin)});
    if (p == end) break;
    ++p;  // the comma
  }
}

bool CsvReader::next(CsvRow& row) {
  if (at_end()) return false;
  row.file_ = &file_;
  row.header_ = &header_;
  row.line_ = take_line();
  row.line_number_ = line_;
  if (row.line_.empty()) {
    row.fields_.clear();
    throw ParseError(row.position(),
                     "blank line inside the data (only blank lines at the end are ignored)");
  }
  split_fields(row);
  if (row.fields_.size() != header_.size()) {
    // Point at the first surplus field, or at the end of a short line.
    const std::size_t offset =
        row.fields_.size() > header_.size() ? row.fields_[header_.size()].offset : row.line_.size();
    throw ParseError(row.position_at(offset), fmt::format("expected {} fields, found {}",
                                                          header_.size(), row.fields_.size()));
  }
  return true;
}

void CsvReader::read_header() {
  skip_trailing_blank_lines();
  if (at_end()) {
    throw ParseError(SourcePosition{file_}, "empty file, expected a header row of column names");
  }
  CsvRow row;
  row.file_ = &file_;
  row.line_ = take_line();
  row.line_number_ = line_;
  if (row.line_.empty()) {
    throw ParseError(row.position(), "blank line where the header row was expected");
  }
  split_fields(row);
  header_.reserve(row.fields_.size());
  for (const CsvRow::Field& field : row.fields_) header_.emplace_back(field.value);
  if (options_.allow_duplicate_columns) return;
  std::unordered_map<std::string_view, std::size_t> first_index;
  first_index.reserve(header_.size());
  for (std::size_t i = 0; i < header_.size(); ++i) {
    const auto [it, inserted] = first_index.emplace(header_[i], i);
    if (!inserted) {
      throw ParseError(row.position(i),
                       fmt::format("duplicated column {} (columns {} and {})",
                                   quoted_for_message(header_[i]), it->second + 1, i + 1));
    }
  }
}

std::optional<std::size_t> CsvReader::find_column(std::string_view name) const {
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] != name) continue;
    if (found) {
      throw ParseError(SourcePosition{file_, 1},
                       fmt::format("column {} is ambiguous (columns {} and {}); use its index",
                                   quoted_for_message(name), *found + 1, i + 1));
    }
    found = i;
    if (!options_.allow_duplicate_columns) break;
  }
  return found;
}

std::size_t CsvReader::require_column(std::string_view name) const {
  std::size_t index = 0;
  require_columns_into(std::span(&name, 1), std::span(&index, 1));
  return index;
}

void CsvReader::require_columns_into(std::span<const std::string_view> names,
                                     std::span<std::size_t> indices) const {
  std::vector<std::string_view> missing;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (const auto index = find_column(names[i])) {
      indices[i] = *index;
    } else {
      missing.push_back(names[i]);
    }
  }
  if (missing.empty()) return;
  std::string list;
  for (std::size_t i = 0; i < missing.size(); ++i) {
    list += fmt::format("{}{}", i > 0 ? ", " : "", quoted_for_message(missing[i]));
  }
  throw ParseError(SourcePosition{file_, 1},
                   fmt::format("missing column{} {} (header has: {})",
                               missing.size() > 1 ? "s" : "", list, join_names(header_)));
}

}  // namespace marketshock::io
