/// \file dataset_bindings.hpp
/// \brief marketshock._marketshock.Dataset: a loaded dataset and the analyses of the command-line
/// tool on it (moves, records, explain), each returning its table as columns.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/io/dataset/dataset_files.hpp>
#include <marketshock/records/move_table.hpp>

#include <pybind11/pybind11.h>

#include <filesystem>
#include <memory>
#include <mutex>

namespace marketshock::python {

/// A dataset loaded once, with the MoveTable of all its daily moves built on first use and kept
/// for every later ranking. Neither copyable nor movable: the table refers to the data.
class Dataset {
 public:
  /// Loads `directory` (io::load_dataset: checksums verified, strict or lenient). Throws IoError,
  /// ParseError or DataError as io::load_dataset does.
  Dataset(std::filesystem::path directory, io::LoadPolicy policy);
  Dataset(const Dataset&) = delete;
  Dataset& operator=(const Dataset&) = delete;

  [[nodiscard]] const std::filesystem::path& directory() const noexcept { return directory_; }
  [[nodiscard]] const io::LoadedDataset& loaded() const noexcept { return loaded_; }
  [[nodiscard]] const MarketData& data() const noexcept { return loaded_.data; }
  [[nodiscard]] io::LoadPolicy policy() const noexcept { return policy_; }

  /// Every move of the data, computed on the first call (safe from several threads at once).
  [[nodiscard]] const records::MoveTable& move_table();

 private:
  std::filesystem::path directory_;
  io::LoadPolicy policy_;
  io::LoadedDataset loaded_;
  std::once_flag table_built_;
  std::unique_ptr<records::MoveTable> table_;
};

/// Adds `Dataset` and `load_dataset` to `m`.
void bind_dataset(pybind11::module_& m);

}  // namespace marketshock::python
