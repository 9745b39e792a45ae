// Reading DatasetMetadata from a manifest with positioned errors (JSON pointers).
#pragma once

#include "io/detail/json_node.hpp"

#include <marketshock/io/dataset/metadata.hpp>

namespace marketshock::io::detail {

// The metadata of a parsed manifest.json: `name`, `as_of`, `window` {`from`, `to`} and `sources`
// required, the rest optional (data/README.md). Throws DataError at the JSON pointer of the
// first value that is missing, of the wrong type or invalid (a date that is not one, a window
// that ends before it starts).
[[nodiscard]] DatasetMetadata read_dataset_metadata(const JsonNode& manifest);

}  // namespace marketshock::io::detail
