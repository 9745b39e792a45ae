#include <marketshock/io/load_policy.hpp>

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

}  // namespace

void LoadReport::add_skipped(SourcePosition position, std::string reason) {
  skipped.push_back(SkippedRow{std::move(position), std::move(reason)});
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
                                 rows_loaded, skipped.size());
  const std::size_t listed = std::min(max_listed, skipped.size());
  for (std::size_t i = 0; i < listed; ++i) {
    const std::string where = skipped[i].position.to_string();
    text += fmt::format("\n  {}{}{}", where, where.empty() ? "" : ": ", skipped[i].reason);
  }
  if (listed < skipped.size()) text += fmt::format("\n  ... and {} more", skipped.size() - listed);
  return text;
}

}  // namespace marketshock::io
