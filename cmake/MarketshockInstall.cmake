# install() and export(): the library targets, public headers, a package config that re-finds
# every dependency the (static) libraries need, and a pkg-config file.
include(CMakePackageConfigHelpers)

set(MARKETSHOCK_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/marketshock)
get_property(marketshock_layers GLOBAL PROPERTY MARKETSHOCK_LAYERS)

install(TARGETS ${marketshock_layers} marketshock_all
        EXPORT marketshockTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/marketshock
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/include/marketshock/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/marketshock)
install(EXPORT marketshockTargets NAMESPACE marketshock:: DESTINATION ${MARKETSHOCK_CMAKE_DIR})

# The build tree is a usable package too: find_package(marketshock) with
# marketshock_DIR=<build dir> works without installing.
export(EXPORT marketshockTargets NAMESPACE marketshock::
       FILE ${PROJECT_BINARY_DIR}/marketshockTargets.cmake)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/marketshockConfig.cmake.in
  ${PROJECT_BINARY_DIR}/marketshockConfig.cmake INSTALL_DESTINATION ${MARKETSHOCK_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/marketshockConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/marketshockConfig.cmake
              ${PROJECT_BINARY_DIR}/marketshockConfigVersion.cmake
        DESTINATION ${MARKETSHOCK_CMAKE_DIR})

configure_file(${PROJECT_SOURCE_DIR}/cmake/marketshock.pc.in ${PROJECT_BINARY_DIR}/marketshock.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/marketshock.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

if(MARKETSHOCK_BUILD_TOOLS)
  install(TARGETS marketshock_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
# The embedded dataset travels with the tool, so `marketshock` finds it after installation.
if(EXISTS ${PROJECT_SOURCE_DIR}/data/manifest.json)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/marketshock/data)
endif()
