// MappedFile: a read-only memory map of a whole file, for the bulk loaders. Pages are read on
// demand, and release() hands a processed range back to the page cache, so that scanning a
// multi-gigabyte file keeps only the ranges being parsed in the process's resident set.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace marketshock::io::detail {

class MappedFile {
 public:
  // Maps `path` read-only (an empty file maps to an empty view).
  // Throws IoError naming the path if it cannot be opened, is not a regular file (a directory, a
  // FIFO, a device: refused before opening, see require_regular_file()), or cannot be mapped.
  explicit MappedFile(const std::filesystem::path& path);
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  // The file's bytes; valid while this object lives.
  [[nodiscard]] std::string_view text() const noexcept { return {data_, size_}; }

  // Maps [begin, end) into the process ahead of use (MADV_POPULATE_READ where the kernel has it,
  // else a MADV_WILLNEED hint; failures are ignored: the pages then fault in as they are read).
  void will_need(std::size_t begin, std::size_t end) const noexcept;

  // Drops the pages that lie wholly inside [begin, end) from this process's mapping (they stay
  // in the page cache; touching them again faults them back in with the same content).
  void release(std::size_t begin, std::size_t end) const noexcept;

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace marketshock::io::detail
