#include <marketshock/io/dataset/metadata.hpp>

#include "io/detail/metadata_reading.hpp"

#include <marketshock/core/iso_date.hpp>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace marketshock::io {

void to_json(nlohmann::json& j, const DatasetMetadata& m) {
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& s : m.sources) {
    sources.push_back({{"id", s.id},
                       {"repository", s.repository},
                       {"commit", s.commit},
                       {"licence", s.licence},
                       {"description", s.description}});
  }
  nlohmann::json levels = nlohmann::json::object();
  for (const auto& [id, info] : m.index_levels) {
    levels[id] = {{"name", info.name}, {"source", info.source}};
  }
  j = {{"name", m.name},
       {"description", m.description},
       {"as_of", format_iso_date(m.as_of)},
       {"window", {{"from", format_iso_date(m.window_from)}, {"to", format_iso_date(m.window_to)}}},
       {"sources", sources},
       {"index_levels", levels},
       {"memberships", m.membership_names},
       {"notes", m.notes}};
}

void from_json(const nlohmann::json& j, DatasetMetadata& m) {
  static const std::string kName = "manifest.json";
  m = detail::read_dataset_metadata(detail::JsonNode(j, kName));
}

namespace detail {

DatasetMetadata read_dataset_metadata(const JsonNode& manifest) {
  DatasetMetadata m;
  m.name = manifest.at("name").string();
  m.description = manifest.string_or("description", "");
  m.as_of = manifest.at("as_of").date();
  const JsonNode window = manifest.at("window");
  m.window_from = window.at("from").date();
  const JsonNode to = window.at("to");
  m.window_to = to.date();
  if (m.window_to < m.window_from) {
    throw to.error(fmt::format("the window ends ({}) before it starts ({})",
                               format_iso_date(m.window_to), format_iso_date(m.window_from)));
  }
  for (const JsonNode& s : manifest.at("sources").elements()) {
    m.sources.push_back({s.at("id").string(), s.string_or("repository", ""),
                         s.string_or("commit", ""), s.string_or("licence", ""),
                         s.string_or("description", "")});
  }
  if (const auto levels = manifest.find("index_levels")) {
    for (const auto& [id, info] : levels->members()) {
      m.index_levels[id] = {info.at("name").string(), info.string_or("source", "")};
    }
  }
  if (const auto memberships = manifest.find("memberships")) {
    for (const auto& [id, name] : memberships->members()) m.membership_names[id] = name.string();
  }
  if (const auto notes = manifest.find("notes")) {
    for (const JsonNode& note : notes->elements()) m.notes.push_back(note.string());
  }
  return m;
}

}  // namespace detail

}  // namespace marketshock::io
