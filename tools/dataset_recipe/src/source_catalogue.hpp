// The raw sources a build reads, with their repositories, commits and licences, and the
// derivation rules that go into manifest.json.
#pragma once

#include <dataset_recipe/dataset_build.hpp>
#include <marketshock/io/dataset/metadata.hpp>

namespace marketshock::recipe {

/// The manifest's metadata for a build with `options` (index levels are added by the caller).
[[nodiscard]] io::DatasetMetadata catalogue_metadata(const DatasetBuildOptions& options);

}  // namespace marketshock::recipe
