/// \file checksum.hpp
/// \brief SHA-256 of files and strings, for the dataset manifest.
#pragma once

#include <marketshock/io/file_reading.hpp>  // read_file, which this header used to declare

#include <filesystem>
#include <string>
#include <string_view>

namespace marketshock::io {

/// Lower-case hex SHA-256 of `bytes`.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

/// Lower-case hex SHA-256 of the file at `path` (read with read_file()); throws IoError naming the
/// path if it is not a readable regular file.
[[nodiscard]] std::string sha256_file(const std::filesystem::path& path);

}  // namespace marketshock::io
