/// \file text_table.hpp
/// \brief TextTable: aligned plain-text tables with a title and a basis line, for the CLI.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace marketshock::report {

/// Horizontal alignment of a column: text left, numbers right.
enum class Align { left, right };

/// A column heading and its alignment. Put units in the heading ("change $B", "return %").
struct Column {
  std::string heading;
  Align align = Align::left;
};

/// A table rendered with every column as wide as its widest cell. Cells are preformatted text,
/// so the caller decides precision and units once, where the numbers are known.
class TextTable {
 public:
  explicit TextTable(std::vector<Column> columns);

  /// Appends a row; throws InvalidArgument when the cell count differs from the column count.
  void add_row(std::vector<std::string> cells);
  [[nodiscard]] std::size_t row_count() const noexcept { return rows_.size(); }

  /// The heading, a rule of dashes, then the rows; columns separated by two spaces; every line
  /// ends with '\n' and has no trailing blanks.
  [[nodiscard]] std::string render() const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace marketshock::report
