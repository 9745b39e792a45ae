// The --data option shared by every subcommand that reads the dataset.
#pragma once

#include <marketshock/io/dataset/dataset_files.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>

namespace marketshock::cli {

/// CLI11 check of an option or argument naming a dataset: refuses an empty path (`--data ""`),
/// which would otherwise read as "not given" and silently select the default dataset.
[[nodiscard]] std::string refuse_empty_path(const std::string& value);

/// Adds `--data DIR` to `cmd`, stored in `target` (left empty when the option is not given; an
/// empty value is refused as bad usage).
void add_data_option(CLI::App& cmd, std::string& target);

/// `option` if given, else $MARKETSHOCK_DATA or the embedded dataset (see
/// io::default_dataset_directory(): a MARKETSHOCK_DATA that is empty or names no dataset is an
/// error, never a fallback).
[[nodiscard]] std::filesystem::path dataset_directory(const std::string& option);

/// Loads the dataset, printing progress to stderr only when stderr is a terminal.
[[nodiscard]] io::LoadedDataset load(const std::string& option,
                                     io::LoadPolicy policy = io::LoadPolicy::strict);

}  // namespace marketshock::cli
