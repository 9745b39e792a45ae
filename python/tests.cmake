# Tests of the Python package, included from python/CMakeLists.txt when tests are built.
#
# One ctest test per pytest module (python.test_calendar, ...), so a failure names its area and
# ctest runs them in parallel. pytest exits 5 when it collected no test: any non-zero status
# fails the ctest test, so a module whose tests all vanished fails instead of passing empty.
# The tests compare every function with the command-line tool's --json output, so they need the
# tool; MARKETSHOCK_CLI tells them where it is.
set(python_test_env
  "PYTHONPATH=${PROJECT_BINARY_DIR}/python"
  "PYTHONDONTWRITEBYTECODE=1"
  "MPLBACKEND=Agg"
  "MARKETSHOCK_SOURCE_DIR=${PROJECT_SOURCE_DIR}")

# Under the sanitizer preset the module is instrumented but python3 is not: the runtimes must be
# loaded first, and CPython's own allocations at exit are not ours to report.
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*address")
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libasan.so
                  OUTPUT_VARIABLE asan_runtime OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(preload ${asan_runtime})
  if(CMAKE_CXX_FLAGS MATCHES "-fsanitize=[^ ]*undefined")
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libubsan.so
                    OUTPUT_VARIABLE ubsan_runtime OUTPUT_STRIP_TRAILING_WHITESPACE)
    string(APPEND preload ":${ubsan_runtime}")
  endif()
  list(APPEND python_test_env "LD_PRELOAD=${preload}"
       "ASAN_OPTIONS=detect_leaks=0:abort_on_error=1")
endif()

if(TARGET marketshock_cli)
  list(APPEND python_test_env "MARKETSHOCK_CLI=$<TARGET_FILE:marketshock_cli>")
  foreach(module test_calendar test_dataset test_moves test_records test_explain test_errors)
    add_test(NAME python.${module}
             COMMAND ${Python_EXECUTABLE} -m pytest -q -p no:cacheprovider
                     ${PROJECT_SOURCE_DIR}/tests/python/${module}.py
             WORKING_DIRECTORY ${PROJECT_BINARY_DIR})
    set_tests_properties(python.${module} PROPERTIES ENVIRONMENT "${python_test_env}"
                         LABELS python TIMEOUT 300)
  endforeach()
endif()

# The example prints the DeepSeek record table and draws NVIDIA's market value; the test checks
# that it ran, printed the table and wrote a PNG that is not blank.
add_test(NAME python.example_deepseek_records
         COMMAND ${CMAKE_COMMAND}
                 -DPYTHON=${Python_EXECUTABLE}
                 -DSCRIPT=${PROJECT_SOURCE_DIR}/examples/python/deepseek_records.py
                 -DOUT=${PROJECT_BINARY_DIR}/python/deepseek_records.png
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/run_example.cmake)
set_tests_properties(python.example_deepseek_records PROPERTIES ENVIRONMENT "${python_test_env}"
                     LABELS python TIMEOUT 300)

# The installed package (packaging.install puts everything under consumer-install): importable
# from the interpreter's site directory under the prefix, and finding the dataset installed
# beside it, not the source tree's, with MARKETSHOCK_DATA unset.
if(MARKETSHOCK_INSTALL)
  set(installed_prefix ${PROJECT_BINARY_DIR}/consumer-install)
  if(IS_ABSOLUTE ${MARKETSHOCK_PYTHON_INSTALL_DIR})
    set(installed_site ${MARKETSHOCK_PYTHON_INSTALL_DIR})
  else()
    set(installed_site ${installed_prefix}/${MARKETSHOCK_PYTHON_INSTALL_DIR})
  endif()
  add_test(NAME python.installed_package
           COMMAND ${Python_EXECUTABLE} -c
                   "import os, sys, marketshock as m; site, data = sys.argv[1:3]; ds = m.load_dataset(); print(m.__file__, ds.directory); assert m.__file__.startswith(site), m.__file__; assert os.path.samefile(ds.directory, data), ds.directory; assert ds.records(top=1, as_of='2025-01-27').iloc[0]['symbol'] == 'NVDA'"
                   ${installed_site}
                   ${installed_prefix}/${CMAKE_INSTALL_DATADIR}/marketshock/data
           WORKING_DIRECTORY ${PROJECT_BINARY_DIR})
  set(installed_env ${python_test_env})
  list(FILTER installed_env EXCLUDE REGEX "^PYTHONPATH=")
  set_tests_properties(python.installed_package PROPERTIES
                       ENVIRONMENT "${installed_env};PYTHONPATH=${installed_site}"
                       ENVIRONMENT_MODIFICATION "MARKETSHOCK_DATA=unset:"
                       FIXTURES_REQUIRED marketshock_installed LABELS python TIMEOUT 120)
endif()
