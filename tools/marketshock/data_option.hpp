// The --data option shared by every subcommand that reads the dataset.
#pragma once

#include <marketshock/io/dataset/dataset_files.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>

namespace marketshock::cli {

/// Adds `--data DIR` to `cmd`, stored in `target` (empty means the embedded dataset).
void add_data_option(CLI::App& cmd, std::string& target);

/// `option` if given, else the embedded dataset (see io::default_dataset_directory()).
[[nodiscard]] std::filesystem::path dataset_directory(const std::string& option);

/// Loads the dataset, printing progress to stderr only when stderr is a terminal.
[[nodiscard]] io::LoadedDataset load(const std::string& option,
                                     io::LoadPolicy policy = io::LoadPolicy::strict);

}  // namespace marketshock::cli
