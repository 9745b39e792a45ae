# Component semantics of find_package(marketshock), run with cmake -P by ctest:
#   cmake -DMARKETSHOCK_DIR=<dir of marketshockConfig.cmake> -DWORK=<scratch dir>
#         [-DCXX=<compiler>] -P components.cmake
# Each case configures a small project (CXX enabled, so that the system's multiarch package
# directories are searched; nothing is built) and checks that it succeeds or fails, and why.
cmake_minimum_required(VERSION 3.25)
foreach(var MARKETSHOCK_DIR WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "components.cmake: -D${var}=... is required")
  endif()
endforeach()

if(CXX)
  set(compiler -DCMAKE_CXX_COMPILER=${CXX})
endif()

# consumer_case(NAME <name> FIND <find_package arguments> [CHECK <cmake code>] [OPTIONS <-D...>]
#               EXPECT success|failure [MATCH <regex of the output>])
function(consumer_case)
  cmake_parse_arguments(ARG "" "NAME;FIND;CHECK;EXPECT;MATCH" "OPTIONS" ${ARGN})
  set(dir ${WORK}/${ARG_NAME})
  file(REMOVE_RECURSE ${dir})
  file(WRITE ${dir}/CMakeLists.txt "cmake_minimum_required(VERSION 3.25)\n"
                                   "project(components_case LANGUAGES CXX)\n"
                                   "find_package(marketshock 0.1 ${ARG_FIND})\n"
                                   "${ARG_CHECK}\n")
  execute_process(COMMAND ${CMAKE_COMMAND} -S ${dir} -B ${dir}/build
                          -Dmarketshock_DIR=${MARKETSHOCK_DIR} ${compiler} ${ARG_OPTIONS}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(ARG_EXPECT STREQUAL "success" AND NOT rc EQUAL 0)
    message(FATAL_ERROR "${ARG_NAME}: configure failed, expected success:\n${out}")
  elseif(ARG_EXPECT STREQUAL "failure" AND rc EQUAL 0)
    message(FATAL_ERROR "${ARG_NAME}: configure succeeded, expected a failure:\n${out}")
  endif()
  if(ARG_MATCH AND NOT out MATCHES "${ARG_MATCH}")
    message(FATAL_ERROR "${ARG_NAME}: output does not match '${ARG_MATCH}':\n${out}")
  endif()
  message(STATUS "${ARG_NAME}: ${ARG_EXPECT} as expected")
endfunction()

set(no_crypto_no_yaml -DCMAKE_DISABLE_FIND_PACKAGE_OpenSSL=ON
                      -DCMAKE_DISABLE_FIND_PACKAGE_yaml-cpp=ON)

# Without COMPONENTS: every layer and the umbrella target.
consumer_case(NAME everything FIND "REQUIRED CONFIG" EXPECT success
  CHECK [[foreach(t core io records report marketshock)
  if(NOT TARGET marketshock::${t})
    message(FATAL_ERROR "no marketshock::${t}")
  endif()
endforeach()]])

# core alone needs neither OpenSSL nor yaml-cpp, and defines only marketshock::core.
consumer_case(NAME core_only FIND "REQUIRED CONFIG COMPONENTS core" OPTIONS ${no_crypto_no_yaml}
  EXPECT success
  CHECK [[if(NOT marketshock_core_FOUND OR NOT TARGET marketshock::core OR TARGET marketshock::io)
  message(FATAL_ERROR "wrong targets for COMPONENTS core")
endif()]])

# io needs OpenSSL: required, the package is not found, with OpenSSL named.
consumer_case(NAME io_without_openssl FIND "REQUIRED CONFIG COMPONENTS io"
  OPTIONS ${no_crypto_no_yaml} EXPECT failure MATCH "OpenSSL")

# io optional: not found, core still there.
consumer_case(NAME optional_io_without_openssl
  FIND "REQUIRED CONFIG COMPONENTS core OPTIONAL_COMPONENTS io" OPTIONS ${no_crypto_no_yaml}
  EXPECT success
  CHECK [[if(NOT marketshock_core_FOUND OR marketshock_io_FOUND OR TARGET marketshock::io)
  message(FATAL_ERROR "optional io found without OpenSSL")
endif()]])

# A component that does not exist: required, a clear error; optional, just not found.
consumer_case(NAME unknown_component FIND "REQUIRED CONFIG COMPONENTS core quantum" EXPECT failure
  MATCH "unknown component 'quantum'; the components of marketshock are: core, io")
consumer_case(NAME optional_unknown_component
  FIND "REQUIRED CONFIG COMPONENTS core OPTIONAL_COMPONENTS quantum" EXPECT success
  CHECK [[if(marketshock_quantum_FOUND OR NOT marketshock_core_FOUND)
  message(FATAL_ERROR "optional unknown component reported found")
endif()]])
