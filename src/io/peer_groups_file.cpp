#include <marketshock/io/peer_groups_file.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/io/checksum.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace marketshock::io {

std::vector<PeerGroupDefinition> read_peer_groups(const std::filesystem::path& file) {
  const std::string text = read_file(file);
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw ParseError({file.string(), 0, 0},
                     fmt::format("invalid JSON at byte {}: {}", e.byte, e.what()));
  }
  if (!doc.is_object() || doc.value("format", "") != "marketshock-peer-groups" ||
      doc.value("format_version", 0) != 1) {
    throw DataError({file.string(), 0, 0}, "not a marketshock-peer-groups file of version 1");
  }
  std::vector<PeerGroupDefinition> groups;
  try {
    for (const auto& g : doc.at("groups")) {
      PeerGroupDefinition group{g.at("id").get<std::string>(),
                                g.at("name").get<std::string>(),
                                g.value("description", ""),
                                {}};
      for (const auto& s : g.at("symbols")) group.symbols.emplace_back(s.get<std::string>());
      groups.push_back(std::move(group));
    }
  } catch (const nlohmann::json::exception& e) {
    throw DataError({file.string(), 0, 0}, e.what());
  } catch (const InvalidArgument& e) {
    throw DataError({file.string(), 0, 0}, e.message());
  }
  return groups;
}

}  // namespace marketshock::io
