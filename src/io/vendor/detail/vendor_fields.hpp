// Private helpers shared by the vendor importers: typed fields with positioned errors.
#pragma once

#include <marketshock/core/error.hpp>
#include <marketshock/core/symbol.hpp>
#include <marketshock/io/csv_row.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace marketshock::io::detail {

// The field normalised by normalise_ticker(); ParseError at the field otherwise.
[[nodiscard]] Symbol ticker_at(const CsvRow& row, std::size_t column);

// A DataError at the field, "file:line:column: column 'name': message".
[[nodiscard]] DataError data_error(const CsvRow& row, std::size_t column, std::string_view message);

// The field as a finite share count > 0; ParseError for text that is no number, DataError for a
// number that is no count (vendors write 0 for missing).
[[nodiscard]] double share_count_at(const CsvRow& row, std::size_t column);

// `day` itself if it is an NYSE session, else the next session: the first session on which a
// change dated `day` applies. DataError at `where` if `day` is outside the calendar's range.
[[nodiscard]] boost::gregorian::date session_on_or_after(boost::gregorian::date day,
                                                         const SourcePosition& where);

// "<file name>:<line>", the file name without its directories, for `source` fields.
[[nodiscard]] std::string file_line(std::string_view file, std::size_t line);

}  // namespace marketshock::io::detail
