#include <marketshock/core/log.hpp>

#include <spdlog/logger.h>

#include <atomic>
#include <utility>

namespace marketshock {

namespace {

std::shared_ptr<spdlog::logger> silent_logger() {
  // Sink-less: formatting is skipped entirely because no sink wants the message.
  auto silent = std::make_shared<spdlog::logger>("marketshock");
  silent->set_level(spdlog::level::off);
  return silent;
}

// std::atomic<std::shared_ptr> is C++20 but not in libstdc++ 12; the free atomic functions are.
std::shared_ptr<spdlog::logger>& current() {
  static std::shared_ptr<spdlog::logger> instance = silent_logger();
  return instance;
}

}  // namespace

std::shared_ptr<spdlog::logger> logger() {
  return std::atomic_load(&current());
}

void set_logger(std::shared_ptr<spdlog::logger> replacement) {
  std::atomic_store(&current(), replacement ? std::move(replacement) : silent_logger());
}

}  // namespace marketshock
