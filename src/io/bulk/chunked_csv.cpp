#include "io/detail/chunked_csv.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace marketshock::io::detail {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_line_start(std::string_view text, std::size_t from, std::size_t p) noexcept {
  return p == from || text[p - 1] == '\n';
}

}  // namespace

std::size_t find_data_end(std::string_view text, std::size_t from) noexcept {
  const std::size_t size = text.size();
  // The longest suffix made of '\r' and '\n' only...
  std::size_t q = size;
  while (q > from && (text[q - 1] == '\n' || text[q - 1] == '\r')) --q;
  // ...in which CsvReader's blank-line tokens ("\n", "\r\n", a final '\r') cannot start before a
  // '\r' that is followed by anything but '\n'.
  std::size_t p = q;
  for (std::size_t i = q; i < size; ++i) {
    if (text[i] == '\r' && i + 1 < size && text[i + 1] != '\n') p = i + 1;
  }
  while (p < size && !is_line_start(text, from, p)) ++p;
  return p;
}

CsvLayout read_layout(std::string_view text, const std::string& file) {
  const std::size_t start = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  const std::size_t newline = text.find('\n', start);
  const std::size_t first_line_end = newline == std::string_view::npos ? text.size() : newline + 1;
  // CsvReader reads the header (and reports its errors) from the first line alone; it also needs
  // to know whether anything but blank lines follows, to tell an empty file from a blank header.
  std::string probe(text.substr(0, first_line_end));
  const bool file_blank = find_data_end(text, start) == start;
  const bool probe_blank = find_data_end(probe, start) == start;
  if (probe_blank && !file_blank) probe.push_back('x');
  const CsvReader reader = CsvReader::from_string(std::move(probe), file);
  CsvLayout layout;
  layout.header = reader.header();
  std::string_view line = text.substr(start, first_line_end - start);
  if (line.ends_with('\n')) line.remove_suffix(1);
  layout.header_line = std::string(line);
  layout.data_begin = first_line_end;
  layout.data_end = std::max(first_line_end, find_data_end(text, first_line_end));
  return layout;
}

std::optional<std::size_t> find_column(const CsvLayout& layout, std::string_view name) {
  const auto it = std::find(layout.header.begin(), layout.header.end(), name);
  if (it == layout.header.end()) return std::nullopt;
  return static_cast<std::size_t>(it - layout.header.begin());
}

RowError row_error_from(const Error& error, const SourcePosition& position, bool data_error) {
  std::string reason = error.message();
  const std::string where = position.to_string();
  if (!where.empty() && reason.starts_with(where + ": ")) reason.erase(0, where.size() + 2);
  return RowError{0, position.column, std::move(reason), data_error};
}

void throw_row_error(const RowError& error, const std::string& file, std::size_t line) {
  SourcePosition position{file, line, error.column};
  if (error.data_error) throw DataError(std::move(position), error.reason);
  throw ParseError(std::move(position), error.reason);
}

}  // namespace marketshock::io::detail
