// Index and fund levels for the dataset: a primary source per series, cross-checked against a
// second where one exists.
#pragma once

#include "build_context.hpp"

#include <marketshock/core/daily_bars.hpp>
#include <marketshock/io/dataset/metadata.hpp>

#include <map>
#include <string>

namespace marketshock::recipe {

struct IndexLevelsChoice {
  std::map<std::string, DailyBars> levels;          ///< by id: SPX, NDX, COMP, DJI, SPY, QQQ
  std::map<std::string, io::IndexLevelsInfo> info;  ///< name and source of each
};

/// Reads every series from history_from to window_to. A missing or unusable primary file is an
/// error (there is no fallback for index levels); a cross-check source that disagrees by more
/// than 0.01% on a common session is reported, and the primary kept.
[[nodiscard]] IndexLevelsChoice select_index_levels(BuildContext& context);

}  // namespace marketshock::recipe
