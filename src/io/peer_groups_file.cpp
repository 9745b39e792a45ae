#include <marketshock/io/peer_groups_file.hpp>

#include "io/detail/json_node.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/io/file_reading.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <set>

namespace marketshock::io {

std::vector<PeerGroupDefinition> read_peer_groups(const std::filesystem::path& file) {
  const std::string name = display_name(file);
  const nlohmann::json doc = detail::parse_json(read_file(file, kSmallFileLimit), name);
  const detail::JsonNode root(doc, name);
  const detail::JsonNode format = root.at("format");
  if (format.string() != "marketshock-peer-groups") {
    throw format.error(fmt::format("format {}, expected 'marketshock-peer-groups'",
                                   quoted_for_message(format.string())));
  }
  const detail::JsonNode version = root.at("format_version");
  if (version.integer() != 1) {
    throw version.error(
        fmt::format("format version {}, this library reads version 1", version.integer()));
  }
  std::vector<PeerGroupDefinition> groups;
  std::set<std::string> ids;
  for (const detail::JsonNode& g : root.at("groups").elements()) {
    const detail::JsonNode id = g.at("id");
    PeerGroupDefinition group{
        id.string(), g.at("name").string(), g.string_or("description", ""), {}};
    if (!ids.insert(group.id).second) {
      throw id.error(fmt::format("group {} is defined twice", quoted_for_message(group.id)));
    }
    for (const detail::JsonNode& s : g.at("symbols").elements()) {
      const std::string text = s.string();
      const auto symbol = Symbol::try_parse(text);
      if (!symbol) throw s.error(fmt::format("invalid symbol {}", quoted_for_message(text)));
      group.symbols.push_back(*symbol);
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace marketshock::io
