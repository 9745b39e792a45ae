#include <marketshock/core/error.hpp>

#include <fmt/format.h>

#include <utility>

namespace marketshock {

std::string SourcePosition::to_string() const {
  if (file.empty() && line == 0) return {};
  if (line == 0) return file;
  if (column == 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

namespace {
std::string prefixed(const SourcePosition& position, const std::string& message) {
  const std::string where = position.to_string();
  return where.empty() ? message : fmt::format("{}: {}", where, message);
}
}  // namespace

Error::Error(std::string id, std::string message)
    : std::runtime_error(fmt::format("[marketshock.{}] {}", id, message)),
      id_(std::move(id)),
      message_(std::move(message)) {}

InvalidArgument::InvalidArgument(std::string message)
    : Error("invalid_argument", std::move(message)) {}

ParseError::ParseError(SourcePosition position, const std::string& message)
    : Error("parse_error", prefixed(position, message)), position_(std::move(position)) {}

DataError::DataError(std::string message) : Error("data_error", std::move(message)) {}

DataError::DataError(SourcePosition position, const std::string& message)
    : Error("data_error", prefixed(position, message)), position_(std::move(position)) {}

IoError::IoError(std::string message) : Error("io_error", std::move(message)) {}

}  // namespace marketshock
