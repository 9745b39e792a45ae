#include "io/detail/mapped_file.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/io/file_reading.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace marketshock::io::detail {

namespace {

[[noreturn]] void throw_io_error(const std::filesystem::path& path, std::string_view what,
                                 int error_number) {
  throw IoError(fmt::format("cannot {} {}: {}", what, path_for_message(path),
                            std::generic_category().message(error_number)));
}

std::size_t page_size() noexcept {
  static const auto size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return size;
}

}  // namespace

MappedFile::MappedFile(const std::filesystem::path& path) {
  // Refuses a FIFO, a device or a directory before opening it (a FIFO would block open()).
  (void)require_regular_file(path);
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) throw_io_error(path, "open", errno);
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const int error = errno;
    ::close(fd);
    throw_io_error(path, "read", error);
  }
  if (!S_ISREG(info.st_mode)) {  // replaced since the check
    ::close(fd);
    throw IoError(fmt::format("cannot read {}: not a regular file", path_for_message(path)));
  }
  size_ = static_cast<std::size_t>(info.st_size);
  if (size_ > 0) {
    void* const mapped = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapped == MAP_FAILED) {
      const int error = errno;
      ::close(fd);
      throw_io_error(path, "map", error);
    }
    data_ = static_cast<const char*>(mapped);
    ::madvise(mapped, size_, MADV_SEQUENTIAL);
  }
  ::close(fd);  // the mapping keeps the file open
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

void MappedFile::will_need(std::size_t begin, std::size_t end) const noexcept {
  if (data_ == nullptr || begin >= end) return;
  const std::size_t page = page_size();
  const std::size_t first = begin / page * page;
  char* const start = const_cast<char*>(data_) + first;
#ifdef MADV_POPULATE_READ
  // Maps the whole range in one call (Linux 5.14+) instead of one page fault per few pages.
  if (::madvise(start, end - first, MADV_POPULATE_READ) == 0) return;
#endif
  ::madvise(start, end - first, MADV_WILLNEED);
}

void MappedFile::release(std::size_t begin, std::size_t end) const noexcept {
  if (data_ == nullptr) return;
  const std::size_t page = page_size();
  const std::size_t first = (begin + page - 1) / page * page;
  const std::size_t last = end == size_ ? end : end / page * page;
  if (first >= last) return;
  ::madvise(const_cast<char*>(data_) + first, last - first, MADV_DONTNEED);
}

}  // namespace marketshock::io::detail
