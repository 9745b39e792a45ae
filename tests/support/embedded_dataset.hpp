// The embedded dataset (data/ of the source tree), loaded once per test executable.
#pragma once

#include <marketshock/io/dataset/dataset_files.hpp>

#include <filesystem>

namespace marketshock::testing_support {

/// data/ loaded strictly, on first use; every test of the executable shares it.
inline const io::LoadedDataset& embedded_dataset() {
  static const io::LoadedDataset loaded = io::load_dataset(
      std::filesystem::path(MARKETSHOCK_SOURCE_DIR) / "data", io::LoadPolicy::strict);
  return loaded;
}

}  // namespace marketshock::testing_support
