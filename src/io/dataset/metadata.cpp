#include <marketshock/io/dataset/metadata.hpp>

#include <marketshock/core/iso_date.hpp>

#include <nlohmann/json.hpp>

namespace marketshock::io {

namespace {
boost::gregorian::date date_at(const nlohmann::json& j, const char* key) {
  return parse_iso_date(j.at(key).get<std::string>());
}
}  // namespace

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
  m.name = j.at("name").get<std::string>();
  m.description = j.value("description", "");
  m.as_of = date_at(j, "as_of");
  m.window_from = date_at(j.at("window"), "from");
  m.window_to = date_at(j.at("window"), "to");
  m.sources.clear();
  for (const auto& s : j.at("sources")) {
    m.sources.push_back({s.at("id").get<std::string>(), s.value("repository", ""),
                         s.value("commit", ""), s.value("licence", ""),
                         s.value("description", "")});
  }
  m.index_levels.clear();
  for (const auto& [id, info] : j.at("index_levels").items()) {
    m.index_levels[id] = {info.at("name").get<std::string>(), info.value("source", "")};
  }
  m.membership_names = j.value("memberships", std::map<std::string, std::string>{});
  m.notes = j.value("notes", std::vector<std::string>{});
}

}  // namespace marketshock::io
