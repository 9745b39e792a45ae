// read_file refuses what is not a regular file before opening it (a FIFO would block, /dev/zero
// would never end) and files beyond a size limit before reading them.
#include <marketshock/io/file_reading.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/io/peer_groups_file.hpp>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace marketshock::io {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;
using testing::ThrowsMessage;

class FileReading : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("marketshock_file_reading_" +
            std::string(testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  [[nodiscard]] fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }
  fs::path dir_;
};

TEST_F(FileReading, ReadsARegularFileWhole) {
  const std::string text = std::string(100000, 'x') + "\nend";
  EXPECT_EQ(read_file(write("a.csv", text)), text);
  EXPECT_EQ(read_file(write("empty.csv", "")), "");
  EXPECT_EQ(require_regular_file(dir_ / "a.csv"), text.size());
}

TEST_F(FileReading, FollowsSymbolicLinksToRegularFiles) {
  const fs::path target = write("target.csv", "a,b\n");
  fs::create_symlink(target, dir_ / "link.csv");
  EXPECT_EQ(read_file(dir_ / "link.csv"), "a,b\n");
}

TEST_F(FileReading, RefusesAFifoWithoutBlocking) {
  const fs::path fifo = dir_ / "bars.csv";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // No writer: opening it for reading would block forever.
  EXPECT_THAT(
      [&] { (void)read_file(fifo); },
      ThrowsMessage<IoError>(HasSubstr(fmt::format(
          "cannot read '{}': it is a FIFO (named pipe), not a regular file", fifo.string()))));
  EXPECT_THROW((void)require_regular_file(fifo), IoError);
}

TEST_F(FileReading, RefusesDevicesAndDirectories) {
  if (fs::exists("/dev/zero")) {
    EXPECT_THAT([] { (void)read_file("/dev/zero"); },
                ThrowsMessage<IoError>(HasSubstr(
                    "cannot read '/dev/zero': it is a character device, not a regular file")));
  }
  EXPECT_THAT([&] { (void)read_file(dir_); },
              ThrowsMessage<IoError>(HasSubstr(fmt::format(
                  "cannot read '{}': it is a directory, not a regular file", dir_.string()))));
  EXPECT_THAT(
      [&] { (void)read_file(dir_ / "missing.csv"); },
      ThrowsMessage<IoError>(HasSubstr(fmt::format("cannot open '{}': No such file or directory",
                                                   (dir_ / "missing.csv").string()))));
}

TEST_F(FileReading, RefusesFilesBeyondTheLimitBeforeReadingThem) {
  const fs::path path = write("big.json", std::string(1000, ' '));
  EXPECT_EQ(read_file(path, 1000).size(), 1000u);
  EXPECT_THAT([&] { (void)read_file(path, 999); },
              ThrowsMessage<IoError>(HasSubstr(fmt::format(
                  "cannot read '{}': 1000 bytes, more than the 999 allowed for this file",
                  path.string()))));
  EXPECT_THROW((void)require_regular_file(path, 999), IoError);
}

TEST_F(FileReading, PathsAreEscapedInMessages) {
  const fs::path odd = dir_ / "two\nlines.csv";
  EXPECT_THAT([&] { (void)read_file(odd); },
              ThrowsMessage<IoError>(HasSubstr("two\\x0alines.csv': No such file")));
}

TEST_F(FileReading, PeerGroupsBeyondSixteenMebibytesAreRefused) {
  const fs::path path =
      write("peer_groups.json", "{\"format\": \"marketshock-peer-groups\"}" +
                                    std::string(static_cast<std::size_t>(kSmallFileLimit), ' '));
  EXPECT_THAT([&] { (void)read_peer_groups(path); },
              ThrowsMessage<IoError>(HasSubstr("more than the 16777216 (16 MiB) allowed")));
}

}  // namespace
}  // namespace marketshock::io
