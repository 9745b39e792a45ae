// Test helper: finding elements of a rendered chart by class, and reading numeric attributes.
#pragma once

#include <marketshock/report/svg.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace marketshock::report::testing_svg {

// True when the space-separated `class` attribute of `e` holds `token`.
inline bool has_class(const svg::Element& e, std::string_view token) {
  const auto classes = e.attribute("class");
  if (!classes) return false;
  std::istringstream words{std::string(*classes)};
  std::string word;
  while (words >> word) {
    if (word == token) return true;
  }
  return false;
}

inline void collect(const svg::Element& e, std::string_view token,
                    std::vector<const svg::Element*>& out) {
  if (has_class(e, token)) out.push_back(&e);
  for (const svg::Element& child : e.children()) collect(child, token, out);
}

// Every element of `doc` (at any depth, in document order) whose class list holds `token`.
inline std::vector<const svg::Element*> find_by_class(const svg::Document& doc,
                                                      std::string_view token) {
  std::vector<const svg::Element*> out;
  for (const svg::Element& e : doc.elements()) collect(e, token, out);
  return out;
}

// The numeric value of attribute `name` of `e`; fails the test when it is missing.
inline double number(const svg::Element& e, std::string_view name) {
  const auto value = e.attribute(name);
  EXPECT_TRUE(value.has_value()) << "<" << e.name() << "> has no attribute " << name;
  return value ? std::stod(std::string(*value)) : 0.0;
}

// The texts of the elements of class `token`, in document order.
inline std::vector<std::string> texts_of(const svg::Document& doc, std::string_view token) {
  std::vector<std::string> out;
  for (const svg::Element* e : find_by_class(doc, token)) out.push_back(e->text());
  return out;
}

}  // namespace marketshock::report::testing_svg
