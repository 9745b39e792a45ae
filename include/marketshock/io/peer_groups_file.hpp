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
/// "description", "symbols": [...]}]}` (group ids unique, symbols valid tickers).
/// \throws IoError when the file cannot be read, is not a regular file or is larger than
/// kSmallFileLimit (16 MiB); ParseError for invalid JSON, at its line and column
/// ("peer_groups.json:3:1: invalid JSON: ..."); DataError for another format or version, a
/// missing or mistyped value, a repeated group id or an invalid symbol, at its JSON pointer
/// ("peer_groups.json#/groups/2/symbols/0: invalid symbol 'nvda'").
[[nodiscard]] std::vector<PeerGroupDefinition> read_peer_groups(const std::filesystem::path& file);

}  // namespace marketshock::io
