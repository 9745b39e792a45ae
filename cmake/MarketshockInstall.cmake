# install() and export(): one component per layer, a package config that re-finds what each
# component needs, the public headers, and a pkg-config file.
#
# The components are generated from the layers (marketshock_add_layer, GLOBAL property
# MARKETSHOCK_LAYERS) and their links, so a layer added or renamed needs no edit here: each layer
# is component <name> with its own export set, and needs the components it links plus the
# packages (marketshock_find_exported) of every target it links, PRIVATE ones included, since the
# libraries are static. find_package(marketshock COMPONENTS core) then finds Boost, fmt, Eigen
# and spdlog only; without COMPONENTS, every component and marketshock::marketshock.
include(CMakePackageConfigHelpers)

set(MARKETSHOCK_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/marketshock)
get_property(marketshock_layers GLOBAL PROPERTY MARKETSHOCK_LAYERS)

# What layer `target` links, split into layers (their component names) and packages.
function(marketshock_layer_links target out_layers out_packages)
  get_target_property(links ${target} LINK_LIBRARIES)
  get_target_property(interface_links ${target} INTERFACE_LINK_LIBRARIES)
  set(layers "")
  set(packages "")
  foreach(link IN LISTS links interface_links)
    if(link MATCHES "NOTFOUND$")
      continue()
    endif()
    if(link MATCHES "^\\$<LINK_ONLY:(.*)>$")
      set(link ${CMAKE_MATCH_1})
    endif()
    if(link MATCHES "^\\$<")
      message(FATAL_ERROR "layer ${target} links '${link}': a generator expression the package "
                          "config cannot re-find; link an imported target instead")
    endif()
    set(real ${link})
    if(TARGET ${link})
      get_target_property(aliased ${link} ALIASED_TARGET)
      if(aliased)
        set(real ${aliased})
      endif()
    endif()
    get_property(package GLOBAL PROPERTY MARKETSHOCK_PACKAGE_OF_${link})
    if(real IN_LIST marketshock_layers)
      get_target_property(component ${real} EXPORT_NAME)
      list(APPEND layers ${component})
    elseif(package)
      list(APPEND packages ${package})
    else()
      message(FATAL_ERROR "layer ${target} links '${link}', which the package config would not "
                          "find again: find it with marketshock_find_exported() "
                          "(cmake/MarketshockDependencies.cmake)")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES layers)
  list(REMOVE_DUPLICATES packages)
  set(${out_layers} ${layers} PARENT_SCOPE)
  set(${out_packages} ${packages} PARENT_SCOPE)
endfunction()

# Direct links of every component.
set(marketshock_components "")
foreach(target IN LISTS marketshock_layers)
  get_target_property(component ${target} EXPORT_NAME)
  list(APPEND marketshock_components ${component})
  set(marketshock_target_of_${component} ${target})
  marketshock_layer_links(${target} marketshock_links_${component} marketshock_packages_${component})
endforeach()

# Components in dependency order (each after the components it links), and for each the closure
# of its components and packages, kept in GLOBAL properties (the search is recursive).
# Depth-first; a cycle is a configure error.
function(marketshock_visit component path)
  if(component IN_LIST path)
    message(FATAL_ERROR "layers link in a cycle: ${path};${component}")
  endif()
  get_property(ordered GLOBAL PROPERTY MARKETSHOCK_COMPONENT_ORDER)
  if(component IN_LIST ordered)
    return()
  endif()
  set(closure "")
  set(packages ${marketshock_packages_${component}})
  foreach(dep IN LISTS marketshock_links_${component})
    marketshock_visit(${dep} "${path};${component}")
    get_property(dep_closure GLOBAL PROPERTY MARKETSHOCK_CLOSURE_${dep})
    get_property(dep_packages GLOBAL PROPERTY MARKETSHOCK_ALL_PACKAGES_${dep})
    list(APPEND closure ${dep_closure})
    list(APPEND packages ${dep_packages})
  endforeach()
  list(APPEND closure ${component})
  list(REMOVE_DUPLICATES closure)
  list(REMOVE_DUPLICATES packages)
  set_property(GLOBAL PROPERTY MARKETSHOCK_CLOSURE_${component} ${closure})
  set_property(GLOBAL PROPERTY MARKETSHOCK_ALL_PACKAGES_${component} ${packages})
  set_property(GLOBAL APPEND PROPERTY MARKETSHOCK_COMPONENT_ORDER ${component})
endfunction()
foreach(component IN LISTS marketshock_components)
  marketshock_visit(${component} "")
endforeach()
get_property(marketshock_ordered GLOBAL PROPERTY MARKETSHOCK_COMPONENT_ORDER)

# The table the package config reads (see cmake/marketshockConfig.cmake.in).
list(JOIN marketshock_ordered " " components)
set(MARKETSHOCK_COMPONENT_TABLE "set(_marketshock_components ${components})\n")
set(marketshock_used_packages "")
foreach(component IN LISTS marketshock_ordered)
  get_property(closure GLOBAL PROPERTY MARKETSHOCK_CLOSURE_${component})
  get_property(packages GLOBAL PROPERTY MARKETSHOCK_ALL_PACKAGES_${component})
  list(APPEND marketshock_used_packages ${packages})
  list(JOIN closure " " closure)
  list(JOIN packages " " packages)
  string(APPEND MARKETSHOCK_COMPONENT_TABLE "set(_marketshock_${component}_needs ${closure})\n"
                                            "set(_marketshock_${component}_packages ${packages})\n")
endforeach()
list(REMOVE_DUPLICATES marketshock_used_packages)
list(JOIN marketshock_used_packages " " packages)
string(APPEND MARKETSHOCK_COMPONENT_TABLE "set(_marketshock_packages ${packages})\n")
foreach(package IN LISTS marketshock_used_packages)
  get_property(args GLOBAL PROPERTY MARKETSHOCK_FIND_ARGS_${package})
  list(JOIN args " " args)
  string(APPEND MARKETSHOCK_COMPONENT_TABLE "set(_marketshock_find_${package} ${args})\n")
endforeach()

# One export set per component, and one for the umbrella target; the build tree is a usable
# package too (marketshock_DIR=<build dir> works without installing).
foreach(component IN LISTS marketshock_ordered)
  install(TARGETS ${marketshock_target_of_${component}}
          EXPORT marketshock-${component}-targets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
          RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
          INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(EXPORT marketshock-${component}-targets NAMESPACE marketshock::
          DESTINATION ${MARKETSHOCK_CMAKE_DIR})
  export(EXPORT marketshock-${component}-targets NAMESPACE marketshock::
         FILE ${PROJECT_BINARY_DIR}/marketshock-${component}-targets.cmake)
endforeach()
install(TARGETS marketshock_all EXPORT marketshock-all-targets)
install(EXPORT marketshock-all-targets NAMESPACE marketshock:: DESTINATION ${MARKETSHOCK_CMAKE_DIR})
export(EXPORT marketshock-all-targets NAMESPACE marketshock::
       FILE ${PROJECT_BINARY_DIR}/marketshock-all-targets.cmake)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/marketshock
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/include/marketshock/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/marketshock)

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
