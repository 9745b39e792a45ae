#include <marketshock/report/text_table.hpp>

#include <marketshock/core/require.hpp>

#include <algorithm>
#include <utility>

namespace marketshock::report {

namespace {

// Display width in code points, so that "−" or "é" in a cell do not break alignment.
std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

void append_cell(std::string& line, const std::string& cell, std::size_t width, Align align) {
  const std::string pad(width - display_width(cell), ' ');
  line += align == Align::right ? pad + cell : cell + pad;
}

void append_line(std::string& out, std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  out += line;
  out += '\n';
}

}  // namespace

TextTable::TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {
  MARKETSHOCK_REQUIRE(!columns_.empty(), "a table needs at least one column");
}

void TextTable::add_row(std::vector<std::string> cells) {
  MARKETSHOCK_REQUIRE(cells.size() == columns_.size(), "row has {} cells for {} columns",
                      cells.size(), columns_.size());
  rows_.push_back(std::move(cells));
}

std::string TextTable::render() const {
  std::vector<std::size_t> widths;
  widths.reserve(columns_.size());
  for (const Column& c : columns_) widths.push_back(display_width(c.heading));
  for (const auto& row : rows_) {
    for (std::size_t j = 0; j < row.size(); ++j)
      widths[j] = std::max(widths[j], display_width(row[j]));
  }
  std::string out;
  const auto render_row = [&](const auto& cell_of) {
    std::string line;
    for (std::size_t j = 0; j < columns_.size(); ++j) {
      if (j > 0) line += "  ";
      append_cell(line, cell_of(j), widths[j], columns_[j].align);
    }
    append_line(out, std::move(line));
  };
  render_row([&](std::size_t j) -> const std::string& { return columns_[j].heading; });
  std::string rule;
  for (std::size_t j = 0; j < widths.size(); ++j) {
    if (j > 0) rule += "  ";
    rule += std::string(widths[j], '-');
  }
  append_line(out, std::move(rule));
  for (const auto& row : rows_)
    render_row([&](std::size_t j) -> const std::string& { return row[j]; });
  return out;
}

}  // namespace marketshock::report
