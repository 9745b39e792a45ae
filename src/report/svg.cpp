#include <marketshock/report/svg.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/require.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace marketshock::report::svg {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD, UTF-8

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '.';
}

void require_name(std::string_view name, std::string_view what) {
  MARKETSHOCK_REQUIRE(!name.empty() && is_name_start(name.front()) &&
                          std::all_of(name.begin(), name.end(), is_name_char),
                      "invalid SVG {} name '{}'", what, name);
}

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Length of the well-formed UTF-8 sequence that starts `text` and is a character XML 1.0
// allows, or 0. Follows the table of well-formed sequences in the Unicode standard (ch. 3).
std::size_t valid_sequence_length(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) return (b0 >= 0x20 || b0 == '\t' || b0 == '\n' || b0 == '\r') ? 1 : 0;
  std::size_t length = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no UTF-16 surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < lo || byte(1) > hi) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!is_continuation(byte(i))) return 0;
  }
  // U+FFFE and U+FFFF are not XML characters.
  if (length == 3 && b0 == 0xEF && byte(1) == 0xBF && byte(2) >= 0xBE) return 0;
  return length;
}

void render_attributes(std::string& out,
                       const std::vector<std::pair<std::string, std::string>>& attributes) {
  for (const auto& [name, value] : attributes) {
    out += ' ';
    out += name;
    out += "=\"";
    out += escape_xml(value);
    out += '"';
  }
}

void set_attribute(std::vector<std::pair<std::string, std::string>>& attributes,
                   std::string_view name, std::string_view value) {
  require_name(name, "attribute");
  const auto it = std::find_if(attributes.begin(), attributes.end(),
                               [&](const auto& a) { return a.first == name; });
  if (it != attributes.end()) {
    it->second = std::string(value);
  } else {
    attributes.emplace_back(std::string(name), std::string(value));
  }
}

}  // namespace

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    switch (text.front()) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default: {
        const std::size_t length = valid_sequence_length(text);
        if (length == 0) {
          out += kReplacement;
          text.remove_prefix(1);
        } else {
          out += text.substr(0, length);
          text.remove_prefix(length);
        }
        continue;
      }
    }
    text.remove_prefix(1);
  }
  return out;
}

std::string format_number(double value, int max_decimals) {
  MARKETSHOCK_REQUIRE(std::isfinite(value), "cannot write {} as an SVG number", value);
  MARKETSHOCK_REQUIRE(max_decimals >= 0 && max_decimals <= 9,
                      "SVG numbers take 0 to 9 decimals, not {}", max_decimals);
  std::string s = fmt::format("{:.{}f}", value, max_decimals);
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

Element::Element(std::string_view name) : name_(name) {
  require_name(name, "element");
}

Element& Element::set(std::string_view name, std::string_view value) {
  set_attribute(attributes_, name, value);
  return *this;
}

Element& Element::set(std::string_view name, double value) {
  return set(name, std::string_view(format_number(value)));
}

Element& Element::set_text(std::string_view text) {
  text_ = std::string(text);
  return *this;
}

Element& Element::add(Element child) {
  children_.push_back(std::move(child));
  return *this;
}

std::optional<std::string_view> Element::attribute(std::string_view name) const {
  const auto it = std::find_if(attributes_.begin(), attributes_.end(),
                               [&](const auto& a) { return a.first == name; });
  if (it == attributes_.end()) return std::nullopt;
  return std::string_view(it->second);
}

void Element::render(std::string& out, int depth) const {
  out.append(static_cast<std::size_t>(std::max(depth, 0)) * 2, ' ');
  out += '<';
  out += name_;
  render_attributes(out, attributes_);
  if (text_.empty() && children_.empty()) {
    out += "/>\n";
    return;
  }
  out += '>';
  out += escape_xml(text_);
  if (!children_.empty()) {
    out += '\n';
    for (const Element& child : children_) child.render(out, depth + 1);
    out.append(static_cast<std::size_t>(std::max(depth, 0)) * 2, ' ');
  }
  out += "</";
  out += name_;
  out += ">\n";
}

Element rect(double x, double y, double width, double height) {
  MARKETSHOCK_REQUIRE(width >= 0 && height >= 0, "rect of negative size {} x {}", width, height);
  Element e("rect");
  e.set("x", x).set("y", y).set("width", width).set("height", height);
  return e;
}

Element line(double x1, double y1, double x2, double y2) {
  Element e("line");
  e.set("x1", x1).set("y1", y1).set("x2", x2).set("y2", y2);
  return e;
}

Element circle(double cx, double cy, double r) {
  MARKETSHOCK_REQUIRE(r >= 0, "circle of negative radius {}", r);
  Element e("circle");
  e.set("cx", cx).set("cy", cy).set("r", r);
  return e;
}

Element polyline(std::span<const Point> points) {
  std::string list;
  for (const Point& p : points) {
    if (!list.empty()) list += ' ';
    list += format_number(p.x);
    list += ',';
    list += format_number(p.y);
  }
  Element e("polyline");
  e.set("points", std::string_view(list)).set("fill", "none");
  return e;
}

Element path(std::string_view d) {
  Element e("path");
  e.set("d", d);
  return e;
}

Element text(double x, double y, std::string_view content) {
  Element e("text");
  e.set("x", x).set("y", y).set_text(content);
  return e;
}

Element group(std::string_view css_class) {
  Element e("g");
  if (!css_class.empty()) e.set("class", css_class);
  return e;
}

void PathData::append(char command, Point p) {
  if (!d_.empty()) d_ += ' ';
  d_ += command;
  d_ += format_number(p.x);
  d_ += ' ';
  d_ += format_number(p.y);
}

PathData& PathData::move_to(Point p) {
  append('M', p);
  return *this;
}

PathData& PathData::line_to(Point p) {
  append('L', p);
  return *this;
}

PathData& PathData::close() {
  if (!d_.empty()) d_ += ' ';
  d_ += 'Z';
  return *this;
}

Document::Document(double width, double height, std::string title, std::string description)
    : width_(width),
      height_(height),
      title_(std::move(title)),
      description_(std::move(description)) {
  MARKETSHOCK_REQUIRE(std::isfinite(width) && std::isfinite(height) && width > 0 && height > 0,
                      "SVG document size must be positive, not {} x {}", width, height);
  MARKETSHOCK_REQUIRE(!title_.empty(), "an SVG document needs a title");
}

Document& Document::add(Element element) {
  elements_.push_back(std::move(element));
  return *this;
}

Document& Document::set_root_attribute(std::string_view name, std::string_view value) {
  set_attribute(root_attributes_, name, value);
  return *this;
}

std::string Document::render() const {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  Element root("svg");
  root.set("xmlns", "http://www.w3.org/2000/svg")
      .set("width", width_)
      .set("height", height_)
      .set("viewBox", std::string_view(
                          fmt::format("0 0 {} {}", format_number(width_), format_number(height_))))
      .set("role", "img")
      .set("aria-labelledby", "chart-title chart-desc");
  for (const auto& [name, value] : root_attributes_) root.set(name, std::string_view(value));
  root.add(Element("title").set("id", "chart-title").set_text(title_));
  if (!description_.empty()) {
    root.add(Element("desc").set("id", "chart-desc").set_text(description_));
  } else {
    root.set("aria-labelledby", "chart-title");
  }
  for (const Element& e : elements_) root.add(e);
  root.render(out);
  return out;
}

void Document::write(const std::filesystem::path& file) const {
  const std::string content = render();
  std::ofstream stream(file, std::ios::binary | std::ios::trunc);
  if (!stream) throw IoError(fmt::format("cannot open '{}' for writing", file.string()));
  stream.write(content.data(), static_cast<std::streamsize>(content.size()));
  stream.close();
  if (!stream) throw IoError(fmt::format("cannot write '{}'", file.string()));
}

}  // namespace marketshock::report::svg
