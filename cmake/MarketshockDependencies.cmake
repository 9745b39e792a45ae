# Every dependency is a Debian 12 package found through its own CMake package config; see the
# README's "Dependencies" table for why each one is here. Nothing is fetched or vendored.

# marketshock_find_exported(<Package> TARGETS <imported target>... [ARGS <find_package args>...])
# find_package(<Package> <args> REQUIRED) for a package whose imported targets a layer links, and
# a record of how to find it again: the package config re-finds, per component, the packages of
# the targets its layers link (PRIVATE ones included: the libraries are static). A layer that
# links a target no call here names is a configure error (cmake/MarketshockInstall.cmake).
macro(marketshock_find_exported package)
  cmake_parse_arguments(_marketshock_dep "" "" "TARGETS;ARGS" ${ARGN})
  find_package(${package} ${_marketshock_dep_ARGS} REQUIRED)
  set_property(GLOBAL PROPERTY MARKETSHOCK_FIND_ARGS_${package} "${_marketshock_dep_ARGS}")
  foreach(_marketshock_dep_target IN LISTS _marketshock_dep_TARGETS)
    set_property(GLOBAL PROPERTY MARKETSHOCK_PACKAGE_OF_${_marketshock_dep_target} ${package})
  endforeach()
endmacro()

marketshock_find_exported(Boost TARGETS Boost::date_time ARGS 1.74 CONFIG COMPONENTS date_time)
marketshock_find_exported(fmt TARGETS fmt::fmt ARGS 9 CONFIG)
marketshock_find_exported(spdlog TARGETS spdlog::spdlog ARGS 1.10 CONFIG)
marketshock_find_exported(nlohmann_json TARGETS nlohmann_json::nlohmann_json ARGS 3.11 CONFIG)
marketshock_find_exported(Eigen3 TARGETS Eigen3::Eigen ARGS 3.4 CONFIG)
marketshock_find_exported(yaml-cpp TARGETS yaml-cpp ARGS 0.7 CONFIG)
marketshock_find_exported(OpenSSL TARGETS OpenSSL::Crypto ARGS 3 COMPONENTS Crypto)
marketshock_find_exported(Threads TARGETS Threads::Threads)

# Only for the tool, the examples, the tests and the benchmarks: never a consumer's concern.
if(MARKETSHOCK_BUILD_TOOLS OR MARKETSHOCK_BUILD_EXAMPLES)
  find_package(CLI11 2.1 REQUIRED CONFIG)
endif()
if(MARKETSHOCK_BUILD_TESTS)
  find_package(GTest 1.12 REQUIRED CONFIG)
endif()
if(MARKETSHOCK_BUILD_BENCHMARKS)
  find_package(benchmark 1.7 REQUIRED CONFIG)
endif()
