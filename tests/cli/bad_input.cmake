# Bad input: directories that are not datasets, unreadable or missing files, broken manifests and
# tables, bad option values. Each: a one-line error on stderr, a non-zero exit, nothing on stdout
# (no partial JSON), never an abort or a stack trace.
# Run as: cmake -DTOOL=<marketshock> -DWORK=<scratch directory> -P bad_input.cmake
if(NOT TOOL OR NOT WORK)
  message(FATAL_ERROR "usage: cmake -DTOOL=<marketshock> -DWORK=<scratch dir> -P bad_input.cmake")
endif()
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

include(${CMAKE_CURRENT_LIST_DIR}/dataset_fixture.cmake)

# The fixture itself is valid: the failures below fail for the reason they name.
make_dataset(${WORK}/good test)
execute_process(COMMAND ${TOOL} dataset check ${WORK}/good --json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the valid fixture dataset fails its check (exit ${rc}): ${err}\n${out}")
endif()
string(JSON passed GET "${out}" passed)
if(NOT passed)
  message(FATAL_ERROR "the valid fixture dataset does not pass: ${out}")
endif()

# Directories that are not datasets.
file(MAKE_DIRECTORY ${WORK}/empty)
expect_failure(1 "is not a marketshock dataset: no manifest.json" dataset check ${WORK}/empty)
expect_failure(1 "is not a marketshock dataset: no manifest.json" dataset check ${WORK}/missing)
expect_failure(1 "is not a marketshock dataset: no manifest.json" dataset check ${WORK}/good/bars.csv)
if(NOT EXISTS /tmp/manifest.json)
  expect_failure(1 "'/tmp' is not a marketshock dataset" dataset check /tmp)
  expect_failure(1 "'/tmp' is not a marketshock dataset" dataset check /tmp --json)
endif()

# Unreadable files: a directory where a file should be (unreadable even for root), a missing
# table, and, when not running as root, a file without read permission.
make_dataset(${WORK}/manifest_dir test)
file(REMOVE ${WORK}/manifest_dir/manifest.json)
file(MAKE_DIRECTORY ${WORK}/manifest_dir/manifest.json)
expect_failure(1 "manifest.json': it is a directory" dataset check ${WORK}/manifest_dir)

make_dataset(${WORK}/table_dir test)
file(REMOVE ${WORK}/table_dir/bars.csv)
file(MAKE_DIRECTORY ${WORK}/table_dir/bars.csv)
expect_failure(1 "bars.csv': it is a directory" dataset check ${WORK}/table_dir --json)

make_dataset(${WORK}/table_missing test)
file(REMOVE ${WORK}/table_missing/shares.csv)
expect_failure(1 "cannot open '${WORK}/table_missing/shares.csv'" dataset check ${WORK}/table_missing)

execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT uid STREQUAL "0")
  make_dataset(${WORK}/unreadable test)
  file(CHMOD ${WORK}/unreadable/bars.csv PERMISSIONS OWNER_WRITE)
  expect_failure(1 "cannot open" dataset check ${WORK}/unreadable --json)
endif()

# Broken manifests.
make_dataset(${WORK}/manifest_cut test)
file(WRITE ${WORK}/manifest_cut/manifest.json "{\"format\": \"marketshock-dataset\", \"format_ver")
expect_failure(1 "manifest.json:1:46: invalid JSON: syntax error while parsing object key"
               dataset check ${WORK}/manifest_cut --json)
file(WRITE ${WORK}/manifest_cut/manifest.json "[1, 2, 3]\n")
expect_failure(1 "manifest.json: expected an object, found array" dataset check ${WORK}/manifest_cut)
file(WRITE ${WORK}/manifest_cut/manifest.json "")
expect_failure(1 "manifest.json:1:1: invalid JSON: unexpected end of input"
               dataset check ${WORK}/manifest_cut)
file(READ ${WORK}/good/manifest.json manifest)
string(REPLACE "\"format_version\": 1" "\"format_version\": 7" manifest "${manifest}")
file(WRITE ${WORK}/manifest_cut/manifest.json "${manifest}")
expect_failure(1 "format version 7, this library reads version 1" dataset check ${WORK}/manifest_cut)
# A checksum that is not a string: a DataError at its JSON pointer.
string(REGEX REPLACE "\"sha256\": \"[0-9a-f]+\"" "\"sha256\": 42" manifest "${manifest}")
string(REPLACE "\"format_version\": 7" "\"format_version\": 1" manifest "${manifest}")
file(WRITE ${WORK}/manifest_cut/manifest.json "${manifest}")
expect_failure(1 "manifest.json#/tables/issuers.csv/sha256: expected a string, found number"
               dataset check ${WORK}/manifest_cut --json)

# Broken tables: a table changed after the manifest was written, a bad row (re-hashed, as a
# broken build would leave it), strictly and with --json (no partial JSON on stdout).
make_dataset(${WORK}/changed test)
file(APPEND ${WORK}/changed/bars.csv "NVDA,2025-01-28,121.81,129,116.25,128.99,579666400\n")
expect_failure(1 "bars.csv: SHA-256 differs from manifest.json" dataset check ${WORK}/changed)

make_dataset(${WORK}/bad_row test)
file(WRITE ${WORK}/bad_row/bars.csv "symbol,date,open,high,low,close,volume\n"
                                    "NVDA,2025-01-24,148.37,148.97,141.88,142.62,234657600\n"
                                    "NVDA,2025-02-30,124.8,128.4,116.7,118.42,818830900\n")
write_manifest(${WORK}/bad_row test)
expect_failure(1 "bars.csv:3:6: column 'date': invalid date '2025-02-30'"
               dataset check ${WORK}/bad_row)
expect_failure(1 "bars.csv:3:6: column 'date': invalid date '2025-02-30'"
               dataset check ${WORK}/bad_row --json)

# Bad option values.
expect_failure(2 "Could not convert: --lenient = maybe" dataset check ${WORK}/good --lenient=maybe)
expect_failure(2 "Could not convert: --json = maybe"
               calendar --from 2025-01-01 --to 2025-01-31 --json=maybe)
expect_failure(2 "--to: 1 required TEXT missing" calendar --from 2025-01-01 --to)
expect_failure(2 "--from: At Most 1 required but received 2"
               calendar --from 2025-01-01 --to 2025-01-31 --from 2025-01-02)
expect_failure(1 "invalid date '2025-1-31'" calendar --from 2025-01-01 --to 2025-1-31)
expect_failure(2 "A subcommand is required" dataset)
expect_failure(2 "The following argument was not expected: --frobnicate" dataset check --frobnicate)
expect_failure(2 "The following argument was not expected" dataset check ${WORK}/good ${WORK}/empty)
expect_failure(2 "--from: Directory does not exist" dataset build --from ${WORK}/missing --out ${WORK}/out)
expect_failure(1 "cannot open" dataset build --from ${WORK}/empty --out ${WORK}/out)
if(EXISTS ${WORK}/out/manifest.json)
  message(FATAL_ERROR "a failed 'dataset build' left a manifest in ${WORK}/out")
endif()

# A dataset whose checks fail is not bad input: the report is the output, complete (valid JSON),
# then one error line and exit 1.
make_dataset(${WORK}/failing ndx100)
execute_process(COMMAND ${TOOL} dataset check ${WORK}/failing --json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX MATCHALL "\n" lines "${err}")
list(LENGTH lines n)
if(NOT rc EQUAL 1 OR NOT n EQUAL 1 OR NOT err MATCHES "dataset check failed")
  message(FATAL_ERROR "failing dataset check: exit ${rc}, stderr: ${err}")
endif()
string(JSON passed ERROR_VARIABLE json_error GET "${out}" passed)
if(json_error OR passed)
  message(FATAL_ERROR "failing dataset check --json: not a complete report (${json_error}): ${out}")
endif()

file(REMOVE_RECURSE ${WORK})
