# marketshock_add_layer(NAME SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
# One static library per layer of DESIGN.md, exported as marketshock::NAME. The arrows between
# layers exist only as these target links, so a forbidden include fails to build.
function(marketshock_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                              -Wno-sign-conversion -Wnon-virtual-dtor)
    if(MARKETSHOCK_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()

function(marketshock_add_layer name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(marketshock_${name} ${ARG_SOURCES})
  add_library(marketshock::${name} ALIAS marketshock_${name})
  set_target_properties(marketshock_${name} PROPERTIES EXPORT_NAME ${name}
                        OUTPUT_NAME marketshock_${name} POSITION_INDEPENDENT_CODE ON)
  target_compile_features(marketshock_${name} PUBLIC cxx_std_20)
  target_include_directories(marketshock_${name}
    PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
           $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>
           $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(marketshock_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  marketshock_warnings(marketshock_${name})
  set_property(GLOBAL APPEND PROPERTY MARKETSHOCK_LAYERS marketshock_${name})
endfunction()
