#include <marketshock/core/log.hpp>

#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

namespace marketshock {
namespace {

TEST(Log, SilentByDefaultAndReplaceable) {
  auto silent = logger();
  ASSERT_NE(silent, nullptr);
  EXPECT_EQ(silent->name(), "marketshock");
  EXPECT_FALSE(silent->should_log(spdlog::level::critical));

  // A host captures the library's messages with its own sink (an in-memory one here).
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  auto host = std::make_shared<spdlog::logger>("marketshock", sink);
  host->set_pattern("%l %v");
  set_logger(host);
  logger()->info("loaded {} bars", 187);
  EXPECT_EQ(captured.str(), "info loaded 187 bars\n");

  set_logger(nullptr);
  EXPECT_FALSE(logger()->should_log(spdlog::level::critical));
}

}  // namespace
}  // namespace marketshock
