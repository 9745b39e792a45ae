/// \file svg.hpp
/// \brief The one SVG writer of the report layer: elements, escaping, numbers, documents.
///
/// Charts build a tree of svg::Element and render it once through svg::Document, so that XML
/// escaping and number formatting live in exactly one place. Text and attribute values are
/// stored unescaped and escaped on output; numbers are written fixed-point, locale-independent.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace marketshock::report::svg {

/// `text` escaped for XML character data and attribute values: `&`, `<`, `>`, `"` and `'`
/// become entity references; characters XML 1.0 forbids (C0 controls other than tab, newline and
/// carriage return) and malformed UTF-8 sequences become U+FFFD, so that any input renders.
/// O(n).
[[nodiscard]] std::string escape_xml(std::string_view text);

/// `value` fixed-point with at most `max_decimals` decimals, trailing zeros and a trailing point
/// dropped, "-0" written "0": 12.5 -> "12.5", 3.0 -> "3", -0.001 -> "0". Uses no locale.
/// \throws InvalidArgument if `value` is NaN or infinite, or `max_decimals` is outside 0..9.
[[nodiscard]] std::string format_number(double value, int max_decimals = 2);

/// A point in user units (the viewBox's coordinate system: x to the right, y downwards).
struct Point {
  double x = 0;
  double y = 0;
};

/// One SVG element: a name, attributes in insertion order, optional text, then child elements.
/// Values are kept as given (unescaped) and escaped by render().
class Element {
 public:
  /// \throws InvalidArgument if `name` is not an XML name (letters, digits, '-', '_', ':', '.',
  /// starting with a letter or '_').
  explicit Element(std::string_view name);

  /// Sets attribute `name` to `value`, replacing an earlier value of the same attribute.
  /// \throws InvalidArgument if `name` is not an XML name.
  Element& set(std::string_view name, std::string_view value);
  /// Sets attribute `name` to format_number(value).
  /// \throws InvalidArgument if `name` is not an XML name or `value` is not finite.
  Element& set(std::string_view name, double value);
  /// Sets the character data written before the children (escaped on output).
  Element& set_text(std::string_view text);
  /// Appends `child` after the existing children; returns *this for chaining.
  Element& add(Element child);

  /// The element name, e.g. "rect".
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// The unescaped value of attribute `name`, or nothing if it is not set.
  [[nodiscard]] std::optional<std::string_view> attribute(std::string_view name) const;
  /// The attributes as (name, unescaped value) pairs, in insertion order.
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& attributes()
      const noexcept {
    return attributes_;
  }
  /// The unescaped character data.
  [[nodiscard]] const std::string& text() const noexcept { return text_; }
  /// The child elements in document order.
  [[nodiscard]] const std::vector<Element>& children() const noexcept { return children_; }

  /// Appends the element as XML to `out`, indented two spaces per `depth`, one element a line;
  /// an element with neither text nor children is written self-closed.
  void render(std::string& out, int depth = 0) const;

 private:
  std::string name_;
  std::vector<std::pair<std::string, std::string>> attributes_;
  std::string text_;
  std::vector<Element> children_;
};

/// `<rect x y width height>`. Negative sizes are a caller bug: \throws InvalidArgument.
[[nodiscard]] Element rect(double x, double y, double width, double height);
/// `<line x1 y1 x2 y2>`.
[[nodiscard]] Element line(double x1, double y1, double x2, double y2);
/// `<circle cx cy r>`; \throws InvalidArgument if `r` is negative.
[[nodiscard]] Element circle(double cx, double cy, double r);
/// `<polyline points="x,y x,y ...">` with `fill="none"`.
[[nodiscard]] Element polyline(std::span<const Point> points);
/// `<path d>`; build `d` with PathData.
[[nodiscard]] Element path(std::string_view d);
/// `<text x y>` holding `content` (escaped on output).
[[nodiscard]] Element text(double x, double y, std::string_view content);
/// `<g>`, with `class` set when `css_class` is not empty.
[[nodiscard]] Element group(std::string_view css_class = {});

/// Builder of a path's `d` attribute from absolute move-to and line-to commands.
class PathData {
 public:
  /// Starts a new subpath at `p` ("M x y").
  PathData& move_to(Point p);
  /// Draws a straight segment to `p` ("L x y").
  PathData& line_to(Point p);
  /// Closes the current subpath ("Z").
  PathData& close();
  /// True until the first command.
  [[nodiscard]] bool empty() const noexcept { return d_.empty(); }
  /// The commands, separated by single spaces.
  [[nodiscard]] const std::string& str() const noexcept { return d_; }

 private:
  void append(char command, Point p);
  std::string d_;
};

/// A standalone SVG document: size, viewBox, an accessible `<title>` and `<desc>`, then content.
class Document {
 public:
  /// A `width` x `height` document (user units = CSS pixels) with viewBox "0 0 width height".
  /// `title` names the graphic and `description` states what it shows, for screen readers.
  /// \throws InvalidArgument if a size is not positive and finite, or `title` is empty.
  Document(double width, double height, std::string title, std::string description);

  /// Appends `element` to the root, after the title and description.
  Document& add(Element element);
  /// Sets an attribute of the root `<svg>` (e.g. "font-family").
  Document& set_root_attribute(std::string_view name, std::string_view value);

  /// Width in user units.
  [[nodiscard]] double width() const noexcept { return width_; }
  /// Height in user units.
  [[nodiscard]] double height() const noexcept { return height_; }
  /// The `<title>` text, unescaped.
  [[nodiscard]] const std::string& title() const noexcept { return title_; }
  /// The `<desc>` text, unescaped.
  [[nodiscard]] const std::string& description() const noexcept { return description_; }
  /// The root's content elements, in document order (title and desc not included).
  [[nodiscard]] const std::vector<Element>& elements() const noexcept { return elements_; }

  /// The XML declaration and the `<svg>` element with `xmlns`, `width`, `height`, `viewBox`,
  /// `role="img"` and `aria-labelledby` pointing at the title and description; ends with '\n'.
  [[nodiscard]] std::string render() const;
  /// Writes render() to `file`, replacing it.
  /// \throws IoError if the file cannot be written.
  void write(const std::filesystem::path& file) const;

 private:
  double width_;
  double height_;
  std::string title_;
  std::string description_;
  std::vector<std::pair<std::string, std::string>> root_attributes_;
  std::vector<Element> elements_;
};

}  // namespace marketshock::report::svg
