#include <marketshock/io/file_reading.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>
#include <system_error>

namespace marketshock::io {

namespace {

[[noreturn]] void throw_errno(const std::filesystem::path& path, std::string_view what,
                              int error_number) {
  throw IoError(fmt::format("cannot {} {}: {}", what, path_for_message(path),
                            std::generic_category().message(error_number)));
}

// What a file that is not a regular one is, for the message.
std::string_view kind_of(mode_t mode) noexcept {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

std::string limit_text(std::uintmax_t max_bytes) {
  constexpr std::uintmax_t kMiB = std::uintmax_t{1} << 20U;
  if (max_bytes >= kMiB && max_bytes % kMiB == 0) {
    return fmt::format("{} ({} MiB)", max_bytes, max_bytes / kMiB);
  }
  return std::to_string(max_bytes);
}

[[noreturn]] void throw_too_large(const std::filesystem::path& path, std::uintmax_t size,
                                  std::uintmax_t max_bytes, bool grew) {
  throw IoError(fmt::format("cannot read {}: {}{} bytes, more than the {} allowed for this file",
                            path_for_message(path), grew ? "grew to over " : "", size,
                            limit_text(max_bytes)));
}

// Refuses what is not a regular file of at most `max_bytes`.
void check(const std::filesystem::path& path, const struct stat& info, std::uintmax_t max_bytes) {
  if (!S_ISREG(info.st_mode)) {
    throw IoError(fmt::format("cannot read {}: it is {}, not a regular file",
                              path_for_message(path), kind_of(info.st_mode)));
  }
  const auto size = static_cast<std::uintmax_t>(info.st_size);
  if (size > max_bytes) throw_too_large(path, size, max_bytes, false);
}

// Closes a descriptor at the end of a scope.
class Descriptor {
 public:
  explicit Descriptor(int fd) noexcept : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int get() const noexcept { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::uintmax_t require_regular_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) throw_errno(path, "open", errno);
  check(path, info, max_bytes);
  return static_cast<std::uintmax_t>(info.st_size);
}

std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  (void)require_regular_file(path, max_bytes);
  // Non-blocking, in case the path was replaced by a FIFO since the check: open() then returns
  // at once and the check of the descriptor refuses it.
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) throw_errno(path, "open", errno);
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) throw_errno(path, "read", errno);
  check(path, info, max_bytes);
  std::string text;
  // One byte more than the size, so that the read which completes the file also sees its end.
  std::size_t capacity = static_cast<std::size_t>(info.st_size) + 1;
  std::size_t size = 0;
  for (;;) {
    if (size == capacity) capacity = capacity * 2;
    text.resize(capacity);
    const ssize_t got = ::read(fd.get(), text.data() + size, capacity - size);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw_errno(path, "read", errno);
    }
    if (got == 0) break;
    size += static_cast<std::size_t>(got);
    if (size > max_bytes) throw_too_large(path, max_bytes, max_bytes, true);
  }
  text.resize(size);
  return text;
}

}  // namespace marketshock::io
