/// \file error.hpp
/// \brief The one exception hierarchy of marketshock, with stable ids and input positions.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace marketshock {

/// Where in an input file something went wrong. Line and column are 1-based; 0 means unknown.
struct SourcePosition {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;

  /// "file:line:column", dropping the parts that are unknown.
  [[nodiscard]] std::string to_string() const;
};

/// Base of every exception the library throws. `what()` reads
/// "[marketshock.<id>] <file:line:column: >message", so that logs and tests can match on the id.
class Error : public std::runtime_error {
 public:
  /// Stable identifier, e.g. "parse_error"; part of the public contract.
  [[nodiscard]] const std::string& id() const noexcept { return id_; }
  /// The message without the id prefix.
  [[nodiscard]] const std::string& message() const noexcept { return message_; }

 protected:
  Error(std::string id, std::string message);

 private:
  std::string id_;
  std::string message_;
};

/// A caller broke a documented precondition (bad argument, date off the calendar, unknown symbol).
class InvalidArgument : public Error {
 public:
  explicit InvalidArgument(std::string message);
};

/// Input text could not be read as the expected format. Carries the position in the file.
class ParseError : public Error {
 public:
  ParseError(SourcePosition position, const std::string& message);
  [[nodiscard]] const SourcePosition& position() const noexcept { return position_; }

 private:
  SourcePosition position_;
};

/// Input parsed but its content is inconsistent (high below low, duplicate rows, unsorted dates,
/// a share count effective before listing). Position is optional: some checks span a whole table.
class DataError : public Error {
 public:
  explicit DataError(std::string message);
  DataError(SourcePosition position, const std::string& message);
  [[nodiscard]] const SourcePosition& position() const noexcept { return position_; }

 private:
  SourcePosition position_;
};

/// A file or directory could not be opened, read or written.
class IoError : public Error {
 public:
  explicit IoError(std::string message);
};

}  // namespace marketshock
