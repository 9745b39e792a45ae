// default_dataset_directory: a dataset the user names with MARKETSHOCK_DATA is used or refused,
// never replaced by the embedded one.
#include <marketshock/io/dataset/dataset_files.hpp>

#include <marketshock/core/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

namespace marketshock::io {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;
using testing::ThrowsMessage;

// Sets MARKETSHOCK_DATA (or unsets it) for one test and restores it afterwards.
class DatasetDirectory : public testing::Test {
 protected:
  void SetUp() override {
    if (const char* value = std::getenv("MARKETSHOCK_DATA")) saved_ = value;
  }
  void TearDown() override {
    if (saved_) {
      ::setenv("MARKETSHOCK_DATA", saved_->c_str(), 1);
    } else {
      ::unsetenv("MARKETSHOCK_DATA");
    }
  }
  std::optional<std::string> saved_;
};

TEST_F(DatasetDirectory, UnsetMeansTheEmbeddedDataset) {
  ::unsetenv("MARKETSHOCK_DATA");
  const fs::path dir = default_dataset_directory(fs::temp_directory_path());
  EXPECT_TRUE(fs::exists(dir / "manifest.json")) << dir;
}

TEST_F(DatasetDirectory, EmptyIsAnError) {
  ::setenv("MARKETSHOCK_DATA", "", 1);
  EXPECT_THAT([] { (void)default_dataset_directory(fs::temp_directory_path()); },
              ThrowsMessage<IoError>(HasSubstr("MARKETSHOCK_DATA is set but empty")));
}

TEST_F(DatasetDirectory, ADirectoryWithoutManifestIsAnErrorNotAFallback) {
  const fs::path missing = fs::temp_directory_path() / "marketshock_no_such_dataset";
  ::setenv("MARKETSHOCK_DATA", missing.c_str(), 1);
  EXPECT_THAT([] { (void)default_dataset_directory(fs::temp_directory_path()); },
              ThrowsMessage<IoError>(HasSubstr("MARKETSHOCK_DATA names '" + missing.string() +
                                               "', which is not a marketshock dataset")));
}

TEST_F(DatasetDirectory, ANamedDatasetIsUsed) {
  const fs::path dir = fs::temp_directory_path() / "marketshock_named_dataset";
  fs::create_directories(dir);
  std::ofstream(dir / "manifest.json") << "{}";
  ::setenv("MARKETSHOCK_DATA", dir.c_str(), 1);
  EXPECT_EQ(default_dataset_directory(fs::temp_directory_path()), dir);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace marketshock::io
