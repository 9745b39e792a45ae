/// \file embedded_dataset.hpp
/// \brief The embedded dataset (data/): what `dataset build` builds and `dataset check` expects.
///
/// The event-specific values of the project's own dataset live here, with the recipe, and not in
/// the library: the library's dataset checks take them as arguments.
#pragma once

#include <dataset_recipe/dataset_build.hpp>

#include <marketshock/io/dataset/dataset_check.hpp>

#include <filesystem>
#include <string_view>

namespace marketshock::recipe {

/// The name written to the embedded dataset's manifest.
inline constexpr std::string_view kEmbeddedDatasetName = "marketshock-deepseek-2025";

/// What the checks expect of the embedded dataset: on the DeepSeek selloff's Monday, 2025-01-27,
/// 503 S&P 500 lines and 101 Nasdaq-100 lines (share classes, not companies), each with a share
/// count on every session from 2025-01-17 to 2025-02-07.
[[nodiscard]] io::DatasetExpectations embedded_expectations();

/// The options that build the embedded dataset from `raw` (laid out as `shared/data`) into
/// `out`: bars of the members of 2025-01-27 over 2024-08-01..2025-04-30, and from 2020-01-01 on
/// for the 30 largest US companies of each quarter since; checked with embedded_expectations().
[[nodiscard]] DatasetBuildOptions embedded_build_options(std::filesystem::path raw,
                                                         std::filesystem::path out);

}  // namespace marketshock::recipe
