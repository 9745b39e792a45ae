#include "io/detail/json_node.hpp"

#include <marketshock/core/iso_date.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace marketshock::io::detail {

namespace {

// nlohmann's description of a syntax error without its "[json.exception.parse_error.101] parse
// error at line 3, column 1: " prefix; the position is computed from the byte offset instead.
std::string describe(const nlohmann::json::parse_error& e) {
  const std::string_view what = e.what();
  const std::size_t at = what.find("parse error");
  const std::size_t colon = at == std::string_view::npos ? at : what.find(": ", at);
  std::string_view text = colon == std::string_view::npos ? what : what.substr(colon + 2);
  if (text.starts_with("syntax error while parsing value - ")) {
    text.remove_prefix(std::string_view("syntax error while parsing value - ").size());
  }
  // "...; last read: '<token>'; expected ...": the token is input text, of any length.
  constexpr std::string_view kLastRead = "last read: '";
  const std::size_t token = text.find(kLastRead);
  if (token == std::string_view::npos) return std::string(text);
  const std::size_t begin = token + kLastRead.size();
  std::size_t end = text.rfind("'; expected ");
  if (end == std::string_view::npos || end < begin) {
    end = text.ends_with('\'') && text.size() > begin ? text.size() - 1 : text.size();
  }
  return fmt::format("{}last read: {}{}", text.substr(0, token),
                     quoted_for_message(text.substr(begin, end - begin)),
                     end < text.size() ? text.substr(end + 1) : std::string_view());
}

// 1-based line and column (in UTF-8 characters) of byte `offset` (0-based) of `text`.
SourcePosition position_of(std::string_view text, std::size_t offset, const std::string& file) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start =
      before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const auto lines = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::string_view line = before.substr(line_start);
  const auto characters =
      static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
      }));
  return SourcePosition{file, lines + 1, characters + 1};
}

// RFC 6901: '~' as "~0", '/' as "~1"; then escaped for a message.
std::string pointer_token(std::string_view key) {
  std::string token;
  for (const char c : key) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token += c;
    }
  }
  return escaped_for_message(token);
}

}  // namespace

nlohmann::json parse_json(std::string_view text, const std::string& display_name) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the 1-based index of the last byte read (0 when nothing was).
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    throw ParseError(position_of(text, offset, display_name),
                     fmt::format("invalid JSON: {}", describe(e)));
  }
}

std::string JsonNode::where() const {
  return pointer_.empty() ? *file_ : fmt::format("{}#{}", *file_, pointer_);
}

DataError JsonNode::error(std::string_view message) const {
  return DataError(fmt::format("{}: {}", where(), message));
}

void JsonNode::wrong_type(std::string_view expected) const {
  throw error(fmt::format("expected {}, found {}", expected, value_->type_name()));
}

JsonNode JsonNode::child(const nlohmann::json& value, std::string_view token) const {
  return JsonNode(value, *file_, fmt::format("{}/{}", pointer_, token));
}

JsonNode JsonNode::at(std::string_view key) const {
  if (auto member = find(key)) return *std::move(member);
  throw error(fmt::format("missing member {}", quoted_for_message(key)));
}

std::optional<JsonNode> JsonNode::find(std::string_view key) const {
  if (!value_->is_object()) wrong_type("an object");
  const auto it = value_->find(key);
  if (it == value_->end()) return std::nullopt;
  return child(*it, pointer_token(key));
}

std::vector<JsonNode> JsonNode::elements() const {
  if (!value_->is_array()) wrong_type("an array");
  std::vector<JsonNode> out;
  out.reserve(value_->size());
  for (std::size_t i = 0; i < value_->size(); ++i) {
    out.push_back(child((*value_)[i], std::to_string(i)));
  }
  return out;
}

std::vector<std::pair<std::string, JsonNode>> JsonNode::members() const {
  if (!value_->is_object()) wrong_type("an object");
  std::vector<std::pair<std::string, JsonNode>> out;
  out.reserve(value_->size());
  for (const auto& [key, value] : value_->items()) {
    out.emplace_back(key, child(value, pointer_token(key)));
  }
  return out;
}

std::string JsonNode::string() const {
  if (!value_->is_string()) wrong_type("a string");
  return value_->get<std::string>();
}

std::string JsonNode::string_or(std::string_view key, std::string_view fallback) const {
  const auto member = find(key);
  return member ? member->string() : std::string(fallback);
}

std::int64_t JsonNode::integer() const {
  if (value_->is_number_unsigned()) {
    const auto value = value_->get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(INT64_MAX)) {
      throw error(fmt::format("integer {} is out of the int64 range", value));
    }
    return static_cast<std::int64_t>(value);
  }
  if (!value_->is_number_integer()) wrong_type("an integer");
  return value_->get<std::int64_t>();
}

std::uint64_t JsonNode::non_negative_integer() const {
  if (value_->is_number_unsigned()) return value_->get<std::uint64_t>();
  if (!value_->is_number_integer()) wrong_type("a non-negative integer");
  const auto value = value_->get<std::int64_t>();
  if (value < 0) throw error(fmt::format("expected a non-negative integer, found {}", value));
  return static_cast<std::uint64_t>(value);
}

boost::gregorian::date JsonNode::date() const {
  const std::string text = string();
  if (const auto day = try_parse_iso_date(text)) return *day;
  throw error(fmt::format("invalid date {} (expected YYYY-MM-DD)", quoted_for_message(text)));
}

}  // namespace marketshock::io::detail
