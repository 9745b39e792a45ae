/// \file checksum.hpp
/// \brief SHA-256 of files and strings, for the dataset manifest.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace marketshock::io {

/// Lower-case hex SHA-256 of `bytes`.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

/// Lower-case hex SHA-256 of the file at `path`; throws IoError naming the path if unreadable.
[[nodiscard]] std::string sha256_file(const std::filesystem::path& path);

/// The whole file as a string; throws IoError naming the path if it cannot be read.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

}  // namespace marketshock::io
