// libFuzzer target: CsvReader and CsvRow on arbitrary bytes. Bad input may only raise ParseError;
// every malformed line is skipped by moving past it (the loop always ends); rows have the header's
// width; and a file that reads without error reads back the same after writing it out again.
#include "fuzz_support.hpp"

#include <marketshock/io/csv_reader.hpp>
#include <marketshock/io/csv_row.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using marketshock::ParseError;
using marketshock::fuzz::fail;
using namespace marketshock::io;

// A typed accessor of each field (which one depends on the line and column, so that every
// accessor meets every kind of field while few errors are thrown per input: throwing is what
// costs most here). Each may refuse the text; none may do anything else.
void read_every_field(const CsvRow& row) {
  using Read = void (*)(const CsvRow&, std::size_t);
  static constexpr Read kReads[] = {
      [](const CsvRow& r, std::size_t c) { (void)r.as_double(c); },
      [](const CsvRow& r, std::size_t c) { (void)r.as_double(c, EmptyField::nan); },
      [](const CsvRow& r, std::size_t c) { (void)r.as_int64(c); },
      [](const CsvRow& r, std::size_t c) { (void)r.as_int64(c, IntegralFloat::accept); },
      [](const CsvRow& r, std::size_t c) { (void)r.as_date(c); },
      [](const CsvRow& r, std::size_t c) { (void)r.as_date(c, TimeSuffix::ignore); }};
  for (std::size_t i = 0; i < row.size(); ++i) {
    const auto position = row.position(i);
    if (position.line != row.line() || position.column == 0) fail("field position off its row");
    if (row.text(i).find('\n') != std::string_view::npos) fail("a field holds a line end");
    try {
      kReads[(row.line() + i) % std::size(kReads)](row, i);
    } catch (const ParseError& e) {
      if (e.position().line != position.line || e.position().column != position.column) {
        fail("field error off its field");
      }
    }
  }
}

// The fields of a file as RFC 4180 with every field quoted.
std::string write_csv(const std::vector<std::vector<std::string>>& lines) {
  std::string out;
  for (const auto& fields : lines) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += ',';
      out += '"';
      for (const char c : fields[i]) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    out += '\n';
  }
  return out;
}

// Reads `text` whole; false if any line is malformed. Checks the reader's own invariants.
bool read_all(const std::string& text, CsvOptions options,
              std::vector<std::vector<std::string>>& lines) {
  std::optional<CsvReader> reader;
  try {
    reader.emplace(CsvReader::from_string(text, "fuzz.csv", options));
  } catch (const ParseError&) {
    return false;
  }
  lines.assign(1, reader->header());
  bool clean = true;
  CsvRow row;
  std::size_t last_line = reader->line();
  while (!reader->at_end()) {
    try {
      if (!reader->next(row)) fail("next() returned false before the end");
      if (row.size() != reader->header().size()) fail("row width differs from the header's");
      read_every_field(row);
      std::vector<std::string> fields;
      for (std::size_t i = 0; i < row.size(); ++i) fields.emplace_back(row.text(i));
      lines.push_back(std::move(fields));
    } catch (const ParseError&) {
      clean = false;
    }
    if (reader->line() <= last_line) fail("the reader did not move past a line");
    last_line = reader->line();
  }
  if (reader->next(row)) fail("next() returned a row at the end");
  // The lenient row loop agrees with the reader on what is a row.
  auto again = CsvReader::from_string(text, "fuzz.csv", options);
  const LoadReport report = for_each_row(again, LoadPolicy::lenient, [](const CsvRow&) {});
  marketshock::fuzz::check_report(report);
  if (report.rows_loaded != lines.size() - 1) fail("for_each_row loaded a different row count");
  return clean;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = marketshock::fuzz::as_text(data, size);
  for (const bool duplicates : {false, true}) {
    const CsvOptions options{.allow_duplicate_columns = duplicates};
    std::vector<std::vector<std::string>> lines;
    if (!read_all(text, options, lines)) continue;
    // A clean file written out again reads back to the same fields: nothing repaired or lost.
    std::vector<std::vector<std::string>> again;
    if (!read_all(write_csv(lines), options, again)) fail("a clean file's rewrite does not read");
    if (again != lines) fail("a clean file's rewrite reads back differently");
  }
  return 0;
}
