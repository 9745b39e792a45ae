// Test helper: a minimal XML well-formedness checker, enough to prove that our SVG parses.
//
// Checks what an XML parser rejects in documents without a DTD: one root element, balanced and
// properly nested tags, attribute syntax (name, '=', quoted value, no '<', no duplicates),
// entity references limited to the five predefined ones and valid character references,
// no "]]>" or C0 control characters in text, and well-formed UTF-8. It skips comments,
// CDATA sections and processing instructions. Names are checked in their ASCII subset.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace marketshock::testing_xml {

class WellFormednessChecker {
 public:
  explicit WellFormednessChecker(std::string_view xml) : xml_(xml) {}

  // Empty when well-formed, else "offset N: what".
  std::string run() {
    if (!check_utf8()) return error_;
    if (starts_with("<?xml")) {
      if (!skip_past("?>")) return fail("unterminated XML declaration");
    }
    skip_misc();
    if (!starts_with("<") || starts_with("</")) return fail("no root element");
    if (!element()) return error_;
    skip_misc();
    if (pos_ != xml_.size()) return fail("content after the root element");
    return {};
  }

 private:
  std::string fail(std::string_view what) {
    if (error_.empty()) error_ = "offset " + std::to_string(pos_) + ": " + std::string(what);
    return error_;
  }
  bool failed(std::string_view what) {
    fail(what);
    return false;
  }
  [[nodiscard]] bool starts_with(std::string_view s) const {
    return xml_.substr(pos_).starts_with(s);
  }
  bool skip_past(std::string_view end) {
    const std::size_t at = xml_.find(end, pos_);
    if (at == std::string_view::npos) return false;
    pos_ = at + end.size();
    return true;
  }
  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  void skip_space() {
    while (pos_ < xml_.size() && is_space(xml_[pos_])) ++pos_;
  }
  void skip_misc() {
    for (;;) {
      skip_space();
      if (starts_with("<!--")) {
        if (!skip_past("-->")) return;
      } else if (starts_with("<?")) {
        if (!skip_past("?>")) return;
      } else {
        return;
      }
    }
  }
  static bool name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
           static_cast<unsigned char>(c) >= 0x80;
  }
  static bool name_char(char c) {
    return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
  }
  bool name(std::string& out) {
    if (pos_ >= xml_.size() || !name_start(xml_[pos_])) return failed("expected a name");
    const std::size_t start = pos_;
    while (pos_ < xml_.size() && name_char(xml_[pos_])) ++pos_;
    out = std::string(xml_.substr(start, pos_ - start));
    return true;
  }
  bool reference() {  // at '&'
    const std::size_t end = xml_.find(';', pos_);
    if (end == std::string_view::npos || end - pos_ > 12)
      return failed("'&' not starting a reference");
    const std::string_view ref = xml_.substr(pos_ + 1, end - pos_ - 1);
    bool ok = ref == "amp" || ref == "lt" || ref == "gt" || ref == "quot" || ref == "apos";
    if (!ok && ref.size() > 1 && ref[0] == '#') {
      const bool hex = ref[1] == 'x';
      const std::string_view digits = ref.substr(hex ? 2 : 1);
      unsigned long code = 0;
      ok = !digits.empty();
      for (const char c : digits) {
        const bool dec = c >= '0' && c <= '9';
        const bool hx = hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
        if (!dec && !hx) ok = false;
        const unsigned long v = dec ? static_cast<unsigned long>(c - '0')
                                    : static_cast<unsigned long>((c | 0x20) - 'a' + 10);
        code = code * (hex ? 16 : 10) + v;
        if (code > 0x10FFFF) ok = false;
      }
      ok = ok && (code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF) ||
                  (code >= 0xE000 && code <= 0xFFFD) || code >= 0x10000);
    }
    if (!ok) return failed("unknown entity or invalid character reference");
    pos_ = end + 1;
    return true;
  }
  bool attributes() {
    std::vector<std::string> seen;
    for (;;) {
      const std::size_t before = pos_;
      skip_space();
      if (starts_with("/>") || starts_with(">")) return true;
      if (pos_ == before) return failed("attributes must be separated by white space");
      std::string attr;
      if (!name(attr)) return false;
      for (const auto& s : seen) {
        if (s == attr) return failed("duplicate attribute");
      }
      seen.push_back(attr);
      skip_space();
      if (!starts_with("=")) return failed("expected '=' after attribute name");
      ++pos_;
      skip_space();
      if (pos_ >= xml_.size() || (xml_[pos_] != '"' && xml_[pos_] != '\'')) {
        return failed("attribute value not quoted");
      }
      const char quote = xml_[pos_++];
      while (pos_ < xml_.size() && xml_[pos_] != quote) {
        if (xml_[pos_] == '<') return failed("'<' in attribute value");
        if (xml_[pos_] == '&') {
          if (!reference()) return false;
        } else {
          ++pos_;
        }
      }
      if (pos_ >= xml_.size()) return failed("unterminated attribute value");
      ++pos_;
    }
  }
  bool element() {  // at '<' of a start tag
    std::vector<std::string> open;
    do {
      if (starts_with("<!--")) {
        if (!skip_past("-->")) return failed("unterminated comment");
      } else if (starts_with("<![CDATA[")) {
        if (!skip_past("]]>")) return failed("unterminated CDATA section");
      } else if (starts_with("<?")) {
        if (!skip_past("?>")) return failed("unterminated processing instruction");
      } else if (starts_with("</")) {
        pos_ += 2;
        std::string tag;
        if (!name(tag)) return false;
        if (open.empty() || open.back() != tag)
          return failed("end tag </" + tag + "> does not match");
        open.pop_back();
        skip_space();
        if (!starts_with(">")) return failed("expected '>' closing an end tag");
        ++pos_;
      } else if (starts_with("<")) {
        ++pos_;
        std::string tag;
        if (!name(tag)) return false;
        if (!attributes()) return false;
        if (starts_with("/>")) {
          pos_ += 2;
        } else {
          ++pos_;
          open.push_back(tag);
        }
      } else if (starts_with("&")) {
        if (!reference()) return false;
      } else if (starts_with("]]>")) {
        return failed("']]>' in character data");
      } else {
        ++pos_;
      }
      if (!open.empty() && pos_ >= xml_.size())
        return failed("unclosed element <" + open.back() + ">");
    } while (!open.empty());
    return true;
  }
  bool check_utf8() {
    for (pos_ = 0; pos_ < xml_.size();) {
      const auto b = static_cast<unsigned char>(xml_[pos_]);
      std::size_t n = 0;
      if (b < 0x80) {
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') return failed("control character");
        n = 1;
      } else if (b >= 0xC2 && b <= 0xDF) {
        n = 2;
      } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
      } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
      } else {
        return failed("invalid UTF-8");
      }
      if (pos_ + n > xml_.size()) return failed("truncated UTF-8");
      for (std::size_t i = 1; i < n; ++i) {
        if ((static_cast<unsigned char>(xml_[pos_ + i]) & 0xC0) != 0x80)
          return failed("invalid UTF-8");
      }
      pos_ += n;
    }
    pos_ = 0;
    return true;
  }

  std::string_view xml_;
  std::size_t pos_ = 0;
  std::string error_;
};

// Empty when `xml` is well-formed, else the first error and its byte offset.
inline std::string well_formedness_error(std::string_view xml) {
  return WellFormednessChecker(xml).run();
}

}  // namespace marketshock::testing_xml
