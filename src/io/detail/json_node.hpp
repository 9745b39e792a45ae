// Reading JSON documents (manifest.json, peer_groups.json) with positions in every error: a
// syntax error at file:line:column, a wrong value at its JSON pointer (RFC 6901), e.g.
// "manifest.json#/window/from: invalid date '2025-02-30'", never nlohmann's exception text.
#pragma once

#include <marketshock/core/error.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marketshock::io::detail {

// Parses `text`. Throws ParseError at display_name:line:column of the byte where the syntax
// breaks, e.g. "peer_groups.json:3:1: invalid JSON: unexpected end of input; expected '[', '{',
// or a literal".
[[nodiscard]] nlohmann::json parse_json(std::string_view text, const std::string& display_name);

// A value of a parsed document with where it is: the document's display name and the value's
// JSON pointer. Accessors check the type and throw DataError at the pointer:
// "manifest.json#/tables/bars.csv/rows: expected a non-negative integer, found string".
// Refers to the value and the name: both must outlive the node.
class JsonNode {
 public:
  JsonNode(const nlohmann::json& value, const std::string& file, std::string pointer = {})
      : value_(&value), file_(&file), pointer_(std::move(pointer)) {}

  [[nodiscard]] const nlohmann::json& value() const noexcept { return *value_; }
  // "/window/from"; "" for the root.
  [[nodiscard]] const std::string& pointer() const noexcept { return pointer_; }
  // "manifest.json#/window/from", or "manifest.json" for the root.
  [[nodiscard]] std::string where() const;

  // The member `key` of this object. Throws if this is not an object or has no such member.
  [[nodiscard]] JsonNode at(std::string_view key) const;
  // The member `key` of this object, or nullopt when absent. Throws if this is not an object.
  [[nodiscard]] std::optional<JsonNode> find(std::string_view key) const;
  // The elements of this array. Throws if this is not an array.
  [[nodiscard]] std::vector<JsonNode> elements() const;
  // The members of this object, sorted by key (as nlohmann::json keeps them).
  [[nodiscard]] std::vector<std::pair<std::string, JsonNode>> members() const;

  [[nodiscard]] std::string string() const;
  // The string member `key`, or `fallback` when absent.
  [[nodiscard]] std::string string_or(std::string_view key, std::string_view fallback) const;
  [[nodiscard]] std::int64_t integer() const;
  [[nodiscard]] std::uint64_t non_negative_integer() const;
  // A string holding a YYYY-MM-DD date.
  [[nodiscard]] boost::gregorian::date date() const;

  // A DataError at this value: "<where()>: <message>".
  [[nodiscard]] DataError error(std::string_view message) const;

 private:
  [[noreturn]] void wrong_type(std::string_view expected) const;
  [[nodiscard]] JsonNode child(const nlohmann::json& value, std::string_view token) const;

  const nlohmann::json* value_;
  const std::string* file_;
  std::string pointer_;
};

}  // namespace marketshock::io::detail
