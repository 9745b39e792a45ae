/// \file peer_groups_file.hpp
/// \brief read_peer_groups: peer groups defined as data (format "marketshock-peer-groups" v1).
#pragma once

#include <marketshock/core/symbol.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace marketshock::io {

/// One named group of securities, as the file defines it.
struct PeerGroupDefinition {
  std::string id;
  std::string name;
  std::string description;
  std::vector<Symbol> symbols;
};

/// Reads `{"format": "marketshock-peer-groups", "format_version": 1, "groups": [{"id", "name",
/// "description", "symbols": [...]}]}`. Throws IoError when the file cannot be read, ParseError
/// for invalid JSON (with its byte position), DataError for another format or version, a missing
/// field or an invalid symbol.
[[nodiscard]] std::vector<PeerGroupDefinition> read_peer_groups(const std::filesystem::path& file);

}  // namespace marketshock::io
