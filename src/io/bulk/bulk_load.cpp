#include <marketshock/io/bulk/bulk_load.hpp>

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>

namespace marketshock::io {

std::function<void(const LoadProgress&)> terminal_progress(std::string label) {
  if (isatty(fileno(stderr)) == 0) return {};
  struct State {
    std::string label;
    double last_shown = -1.0;
  };
  auto state = std::make_shared<State>(State{std::move(label)});
  return [state](const LoadProgress& p) {
    const bool finished = p.bytes_done >= p.bytes_total;
    if (!finished && p.seconds - state->last_shown < 0.1) return;
    state->last_shown = p.seconds;
    if (finished) {
      fmt::print(stderr, "\r\x1b[K");  // erase the line: the caller reports the result
    } else {
      const double mb = static_cast<double>(p.bytes_done) / 1e6;
      fmt::print(stderr, "\r\x1b[K{}: {:3.0f}% {:.0f} MB {:.1f}M rows {:.0f} MB/s", state->label,
                 100.0 * static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total), mb,
                 static_cast<double>(p.rows_done) / 1e6, p.seconds > 0 ? mb / p.seconds : 0.0);
    }
    std::fflush(stderr);
  };
}

}  // namespace marketshock::io
