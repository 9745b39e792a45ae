# The guards of loading, as a user meets them: files that are not regular files (a FIFO must not
# hang the tool, /dev/zero must not be read), oversized manifests, a MARKETSHOCK_DATA or --data
# that names no dataset, bars off the NYSE calendar, a lenient `dataset check` that skipped rows
# (it does not pass, and summarises by reason however many rows were skipped), input text with
# control characters (escaped: one line, no terminal escape), and that no refused value reaches
# the figures.
# Run as: cmake -DTOOL=<marketshock> -DWORK=<scratch directory> -P load_guards.cmake
if(NOT TOOL OR NOT WORK)
  message(FATAL_ERROR "usage: cmake -DTOOL=<marketshock> -DWORK=<scratch dir> -P load_guards.cmake")
endif()
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

include(${CMAKE_CURRENT_LIST_DIR}/dataset_fixture.cmake)

# Runs the tool with ARGN; sets rc, out and err in the caller.
macro(run_tool)
  execute_process(COMMAND ${TOOL} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  TIMEOUT 60)
endmacro()

function(expect_contains text fragment what)
  string(FIND "${text}" "${fragment}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${what}: lacks '${fragment}':\n${text}")
  endif()
endfunction()

function(expect_lacks text fragment what)
  string(FIND "${text}" "${fragment}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "${what}: has '${fragment}', which it must not:\n${text}")
  endif()
endfunction()

# Replaces DIR/TABLE with TEXT and re-records the manifest, as a broken build would leave it.
function(replace_table dir table text)
  file(WRITE ${dir}/${table} "${text}")
  write_manifest(${dir} test)
endfunction()

set(bars_header "symbol,date,open,high,low,close,volume\n")
set(bar_24 "NVDA,2025-01-24,148.37,148.97,141.88,142.62,234657600\n")
set(bar_27 "NVDA,2025-01-27,124.8,128.4,116.7,118.42,818830900\n")

# --- Files that are not regular files: refused before they are opened, naming the path. ---

find_program(MKFIFO mkfifo)
if(MKFIFO)
  make_dataset(${WORK}/fifo_manifest test)
  file(REMOVE ${WORK}/fifo_manifest/manifest.json)
  execute_process(COMMAND ${MKFIFO} ${WORK}/fifo_manifest/manifest.json)
  expect_failure(1 "cannot read '${WORK}/fifo_manifest/manifest.json': it is a FIFO (named pipe), not a regular file"
                 dataset check ${WORK}/fifo_manifest)

  make_dataset(${WORK}/fifo_bars test)
  file(REMOVE ${WORK}/fifo_bars/bars.csv)
  execute_process(COMMAND ${MKFIFO} ${WORK}/fifo_bars/bars.csv)
  expect_failure(1 "cannot read '${WORK}/fifo_bars/bars.csv': it is a FIFO (named pipe), not a regular file"
                 dataset check ${WORK}/fifo_bars --json)
endif()

if(EXISTS /dev/zero)
  make_dataset(${WORK}/dev_zero test)
  file(REMOVE ${WORK}/dev_zero/shares.csv)
  file(CREATE_LINK /dev/zero ${WORK}/dev_zero/shares.csv SYMBOLIC)
  expect_failure(1 "cannot read '${WORK}/dev_zero/shares.csv': it is a character device, not a regular file"
                 dataset check ${WORK}/dev_zero)
endif()

# A manifest beyond the 16 MiB allowed (a JSON document of that size is not a manifest).
make_dataset(${WORK}/big_manifest test)
string(REPEAT " " 17000000 padding)
file(APPEND ${WORK}/big_manifest/manifest.json "${padding}")
unset(padding)
file(SIZE ${WORK}/big_manifest/manifest.json size)
expect_failure(1 "cannot read '${WORK}/big_manifest/manifest.json': ${size} bytes, more than the 16777216 (16 MiB) allowed for this file"
               dataset check ${WORK}/big_manifest)
file(REMOVE_RECURSE ${WORK}/big_manifest)

# --- A dataset named by the user is used or refused, never replaced by the embedded one. ---

make_dataset(${WORK}/good test)
# An empty argument (expect_failure's ARGN would drop it): bad usage, not "the default dataset".
execute_process(COMMAND ${TOOL} moves NVDA --from 2025-01-27 --data "" RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc EQUAL 2 OR NOT out STREQUAL ""
   OR NOT err MATCHES "^marketshock: error: --data: an empty path names no dataset")
  message(FATAL_ERROR "--data \"\": exit ${rc}, stdout '${out}', stderr ${err}")
endif()
execute_process(COMMAND ${TOOL} dataset check "" RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc EQUAL 2 OR NOT out STREQUAL ""
   OR NOT err MATCHES "^marketshock: error: dir: an empty path names no dataset")
  message(FATAL_ERROR "dataset check \"\": exit ${rc}, stdout '${out}', stderr ${err}")
endif()
expect_failure(1 "'${WORK}/missing' is not a marketshock dataset: no manifest.json"
               moves NVDA --from 2025-01-27 --data ${WORK}/missing)
# set(ENV{...} "") would unset it: env(1) sets it empty.
find_program(ENV_PROGRAM env REQUIRED)
set(tool ${TOOL})
set(TOOL ${ENV_PROGRAM} MARKETSHOCK_DATA= ${tool})
expect_failure(1 "MARKETSHOCK_DATA is set but empty" dataset check)
expect_failure(1 "MARKETSHOCK_DATA is set but empty" moves NVDA --from 2025-01-27)
set(TOOL ${tool})
set(ENV{MARKETSHOCK_DATA} ${WORK}/missing)
expect_failure(1 "MARKETSHOCK_DATA names '${WORK}/missing', which is not a marketshock dataset"
               dataset check --json)
set(ENV{MARKETSHOCK_DATA} ${WORK}/good)
run_tool(dataset check --json)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "MARKETSHOCK_DATA=${WORK}/good: exit ${rc}: ${err}")
endif()
string(JSON name GET "${out}" dataset)
if(NOT name STREQUAL "bad-input")
  message(FATAL_ERROR "MARKETSHOCK_DATA=${WORK}/good: checked dataset '${name}', not the one named")
endif()
unset(ENV{MARKETSHOCK_DATA})

# --- Bars off the NYSE calendar and implausible values: strict refuses at file:line:column. ---

make_dataset(${WORK}/calendar test)
replace_table(${WORK}/calendar bars.csv
              "${bars_header}${bar_24}NVDA,2025-01-25,148.37,148.97,141.88,142.62,234657600\n${bar_27}")
expect_failure(1 "bars.csv:3:6: column 'date': 2025-01-25 is not an NYSE session: a Saturday"
               dataset check ${WORK}/calendar)
replace_table(${WORK}/calendar bars.csv
              "${bars_header}NVDA,2025-01-09,140,141.45,136.52,140.11,0\n${bar_24}${bar_27}")
expect_failure(1 "bars.csv:2:6: column 'date': 2025-01-09 is not an NYSE session: National day of mourning for former President Jimmy Carter"
               dataset check ${WORK}/calendar --json)
replace_table(${WORK}/calendar bars.csv
              "${bars_header}NVDA,2025-01-24,148.37,148.97,141.88,14262,234657600\n${bar_27}")
expect_failure(1 "bars.csv:2:38: column 'close': close 14262 is above high 148.97"
               dataset check ${WORK}/calendar)

# --- A lenient check that skipped rows does not pass, and says why, by reason. ---

# A Saturday bar and a security whose issuer is unknown (with its bar and membership).
make_dataset(${WORK}/lenient test)
file(WRITE ${WORK}/lenient/securities.csv
     "symbol,issuer,share_class,name,exchange,gics_sector,gics_industry,price_basis,"
     "price_basis_as_of,price_source,price_flagged,price_note\n"
     "AMD,cik-2488,,Advanced Micro Devices,Nasdaq,Information Technology,Semiconductors,"
     "as_traded,,test,0,\n"
     "NVDA,cik-1045810,,NVIDIA Corporation,Nasdaq,Information Technology,Semiconductors,"
     "as_traded,,test,0,\n")
file(WRITE ${WORK}/lenient/index_membership.csv
     "index,symbol,start,end\ntest,AMD,2017-03-20,\ntest,NVDA,2001-01-02,\n")
replace_table(${WORK}/lenient bars.csv
              "${bars_header}AMD,2025-01-27,115.1,116.7,113.2,115.32,43386000\n${bar_24}NVDA,2025-01-25,1,1,1,1,1\n${bar_27}")
expect_failure(1 "securities.csv:2:5: column 'issuer': issuer 'cik-2488' is not in issuers.csv"
               dataset check ${WORK}/lenient)
run_tool(dataset check ${WORK}/lenient --lenient --json)
string(REGEX MATCHALL "\n" lines "${err}")
list(LENGTH lines n)
if(NOT rc EQUAL 1 OR NOT n EQUAL 1)
  message(FATAL_ERROR "lenient check with skipped rows: expected exit 1 and one line, got ${rc}: ${err}")
endif()
expect_contains("${err}" "marketshock: error: dataset check failed: the lenient load skipped 4 rows"
                "lenient check stderr")
string(JSON passed GET "${out}" passed)
string(JSON checks_passed GET "${out}" checks_passed)
string(JSON skipped GET "${out}" rows_skipped)
if(passed OR NOT checks_passed OR NOT skipped EQUAL 4)
  message(FATAL_ERROR "lenient check: passed ${passed}, checks_passed ${checks_passed}, rows_skipped ${skipped}:\n${out}")
endif()
# Per table: securities.csv (AMD), bars.csv (AMD's bar, the Saturday), index_membership.csv (AMD).
string(JSON bars_reasons GET "${out}" tables 2 skipped_by_reason)
string(JSON n_reasons LENGTH "${bars_reasons}")
string(JSON reason0 GET "${bars_reasons}" 0 reason)
string(JSON reason1 GET "${bars_reasons}" 1 reason)
string(JSON where1 GET "${bars_reasons}" 1 examples 0 position)
if(NOT n_reasons EQUAL 2
   OR NOT reason0 STREQUAL "column 'symbol': symbol '...' is not loaded: its row in securities.csv (line #) was skipped"
   OR NOT reason1 STREQUAL "column 'date': # is not an NYSE session: a Saturday"
   OR NOT where1 STREQUAL "${WORK}/lenient/bars.csv:4:6")
  message(FATAL_ERROR "lenient check: bars.csv reasons:\n${bars_reasons}")
endif()
# No refused value reached the data: the calendar check finds no bar off the calendar, and AMD is
# not among the securities.
string(JSON check0 GET "${out}" checks 0 name)
string(JSON verdict0 GET "${out}" checks 0 verdict)
if(NOT check0 STREQUAL "bar dates are NYSE sessions" OR NOT verdict0 STREQUAL "ok")
  message(FATAL_ERROR "lenient check: a refused bar reached the data: ${check0} ${verdict0}")
endif()
run_tool(moves AMD --from 2025-01-27 --to 2025-01-27 --data ${WORK}/lenient)
expect_contains("${err}" "securities.csv:2:5: column 'issuer'" "moves of a refused security")
# The text report lists reasons with counts and examples, then says the dataset does not pass.
run_tool(dataset check ${WORK}/lenient --lenient)
expect_contains("${out}" "bars.csv: 4 rows read, 2 loaded, 2 skipped\n  1 row: column 'symbol': symbol '...' is not loaded"
                "lenient check text")
expect_contains("${out}" "\n    ${WORK}/lenient/bars.csv:4:6: column 'date': 2025-01-25 is not an NYSE session: a Saturday\n"
                "lenient check text")
expect_contains("${out}" "the lenient load skipped 4 rows: the dataset does not pass" "lenient check text")

# Many skipped rows: counts and five examples per reason, not a list of every row.
make_dataset(${WORK}/repeated test)
string(REPEAT "${bar_24}" 50000 repeats)
replace_table(${WORK}/repeated bars.csv "${bars_header}${bar_24}${repeats}${bar_27}")
unset(repeats)
run_tool(dataset check ${WORK}/repeated --lenient --json)
string(LENGTH "${out}" json_bytes)
if(NOT rc EQUAL 1 OR json_bytes GREATER 20000)
  message(FATAL_ERROR "50000 repeated rows: exit ${rc}, ${json_bytes} bytes of JSON (at most 20000): ${err}")
endif()
string(JSON skipped GET "${out}" tables 2 rows_skipped)
string(JSON count GET "${out}" tables 2 skipped_by_reason 0 count)
string(JSON examples LENGTH "${out}" tables 2 skipped_by_reason 0 examples)
string(JSON reason GET "${out}" tables 2 skipped_by_reason 0 reason)
string(JSON last GET "${out}" tables 2 skipped_by_reason 0 examples 4 position)
if(NOT skipped EQUAL 50000 OR NOT count EQUAL 50000 OR NOT examples EQUAL 5
   OR NOT reason MATCHES "^column 'date': date # repeats # of line #"
   OR NOT last STREQUAL "${WORK}/repeated/bars.csv:7:6")
  message(FATAL_ERROR "50000 repeated rows: skipped ${skipped}, count ${count}, ${examples} examples, '${reason}', last example ${last}")
endif()
run_tool(dataset check ${WORK}/repeated --lenient)
string(REGEX MATCHALL "\n" lines "${out}")
list(LENGTH lines n)
if(n GREATER 80)
  message(FATAL_ERROR "50000 repeated rows: the text report has ${n} lines")
endif()
file(REMOVE_RECURSE ${WORK}/repeated)

# --- Input text in messages: escaped, cut, one line. ---

string(ASCII 27 esc)
make_dataset(${WORK}/escape test)
file(WRITE ${WORK}/escape/securities.csv
     "symbol,issuer,share_class,name,exchange,gics_sector,gics_industry,price_basis,"
     "price_basis_as_of,price_source,price_flagged,price_note\n"
     "NV${esc}[2JDA,cik-1045810,,NVIDIA Corporation,Nasdaq,Information Technology,Semiconductors,"
     "as_traded,,test,0,\n")
write_manifest(${WORK}/escape test)
expect_failure(1 "securities.csv:2:1: column 'symbol': invalid symbol 'NV\\x1b[2JDA'"
               dataset check ${WORK}/escape)
run_tool(dataset check ${WORK}/escape)
expect_lacks("${err}" "${esc}" "an ESC byte of the input")
string(REPEAT "9" 300 long_date)
replace_table(${WORK}/escape bars.csv "${bars_header}NVDA,${long_date},1,1,1,1,1\n")
file(WRITE ${WORK}/escape/securities.csv
     "symbol,issuer,share_class,name,exchange,gics_sector,gics_industry,price_basis,"
     "price_basis_as_of,price_source,price_flagged,price_note\n"
     "NVDA,cik-1045810,,NVIDIA Corporation,Nasdaq,Information Technology,Semiconductors,"
     "as_traded,,test,0,\n")
write_manifest(${WORK}/escape test)
string(REPEAT "9" 80 shown)
expect_failure(1 "bars.csv:2:6: column 'date': invalid date '${shown}'... (300 characters)"
               dataset check ${WORK}/escape)
# A directory name with a line end: the message stays on one line.
file(MAKE_DIRECTORY "${WORK}/two\nlines")
expect_failure(1 "'${WORK}/two\\x0alines' is not a marketshock dataset" dataset check "${WORK}/two\nlines")

file(REMOVE_RECURSE ${WORK})
