/// \file log.hpp
/// \brief The library's own named spdlog logger: silent unless the host enables it.
#pragma once

#include <memory>

namespace spdlog {
class logger;
}

namespace marketshock {

/// The logger named "marketshock" that every layer logs through (per load or per analysis,
/// never per row). By default it has no sinks, so the library prints nothing. The library never
/// touches spdlog's default logger, global pattern or level.
[[nodiscard]] std::shared_ptr<spdlog::logger> logger();

/// Replaces the library's logger, e.g. with one writing to stderr at info level. Passing nullptr
/// restores the silent default.
void set_logger(std::shared_ptr<spdlog::logger> replacement);

}  // namespace marketshock
