/// \file require.hpp
/// \brief MARKETSHOCK_REQUIRE: the one precondition check, formatting its message with fmt.
#pragma once

#include <marketshock/core/error.hpp>

#include <fmt/format.h>

/// Throws marketshock::InvalidArgument with an fmt-formatted message when `condition` is false.
/// In the spirit of QuantLib's QL_REQUIRE; a macro only so that the message is built lazily.
#define MARKETSHOCK_REQUIRE(condition, ...)                                           \
  do {                                                                                \
    if (!(condition)) throw ::marketshock::InvalidArgument(fmt::format(__VA_ARGS__)); \
  } while (false)
