/// \file file_reading.hpp
/// \brief read_file: the whole of a regular file, refusing FIFOs, devices, directories and files
/// beyond a size limit before reading a byte.
#pragma once

#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>

namespace marketshock::io {

/// The size limit of small inputs read whole: a dataset's manifest.json, peer_groups.json, the
/// Nasdaq-100 YAML files, and by default the dataset's small tables (issuers.csv,
/// securities.csv, corporate_actions.csv, index_membership.csv). 16 MiB is a thousand times the
/// embedded dataset's (manifest.json 7 KB, securities.csv 157 KB).
inline constexpr std::uintmax_t kSmallFileLimit = std::uintmax_t{16} << 20U;

/// No size limit (the default of read_file()).
inline constexpr std::uintmax_t kNoFileSizeLimit = std::numeric_limits<std::uintmax_t>::max();

/// The whole file at `path` as a string.
///
/// The path must name a regular file (symbolic links followed): it is checked with stat() before
/// it is opened, so that a FIFO does not block the reader waiting for a writer and /dev/zero is
/// not read without end, and checked again on the opened descriptor (opened non-blocking), in
/// case the path changed in between. A file larger than `max_bytes`, or that grows beyond it
/// while being read, is refused without reading the rest.
///
/// \throws IoError naming the path (escaped, see path_for_message()): "cannot open 'x': No such
/// file or directory", "cannot read 'x': it is a FIFO (named pipe), not a regular file",
/// "cannot read 'x': it is a directory, not a regular file", "cannot read 'x': 17825792 bytes,
/// more than the 16777216 (16 MiB) allowed for this file".
[[nodiscard]] std::string read_file(const std::filesystem::path& path,
                                    std::uintmax_t max_bytes = kNoFileSizeLimit);

/// Checks what read_file() checks before opening `path` (it exists, is a regular file, is at
/// most `max_bytes`) and returns its size in bytes; for readers that open the file themselves.
/// \throws IoError as read_file().
std::uintmax_t require_regular_file(const std::filesystem::path& path,
                                    std::uintmax_t max_bytes = kNoFileSizeLimit);

}  // namespace marketshock::io
