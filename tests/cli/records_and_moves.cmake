# marketshock moves / records on the embedded dataset: JSON fields other tools rely on, the
# text basis line, and one-line errors for an unknown symbol and a date off the calendar.
execute_process(COMMAND ${TOOL} moves NVDA --from 2025-01-27 --to 2025-01-31 --json
                RESULT_VARIABLE rc OUTPUT_VARIABLE json ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "moves --json: exit ${rc}: ${err}")
endif()
string(JSON ret GET "${json}" days 0 return)
string(JSON change GET "${json}" days 0 market_value_change_usd)
string(JSON source GET "${json}" days 0 shares_source)
string(JSON worst GET "${json}" week worst_since week_start)
string(JSON period GET "${json}" period return)
if(NOT ret MATCHES "^-0\\.1696" OR NOT change MATCHES "^-5926" OR NOT source STREQUAL "sec_points"
   OR NOT worst STREQUAL "2022-08-29" OR NOT period MATCHES "^-0\\.158")
  message(FATAL_ERROR "moves JSON: return ${ret}, change ${change}, source ${source}, worst ${worst}, period ${period}")
endif()

execute_process(COMMAND ${TOOL} records --universe sp500 --as-of 2025-01-27 --json
                RESULT_VARIABLE rc OUTPUT_VARIABLE json ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "records --json: exit ${rc}: ${err}")
endif()
string(JSON first GET "${json}" records 0 symbol)
string(JSON record GET "${json}" records 0 record_at_the_time)
string(JSON broke GET "${json}" records 0 previous_record date)
string(JSON universe GET "${json}" universe)
string(JSON excluded LENGTH "${json}" excluded)
if(NOT first STREQUAL "NVDA" OR NOT record STREQUAL "ON" OR NOT broke STREQUAL "2024-09-03"
   OR NOT universe STREQUAL "sp500" OR excluded EQUAL 0)
  message(FATAL_ERROR "records JSON: ${first} ${record} ${broke} ${universe} ${excluded}")
endif()

execute_process(COMMAND ${TOOL} records --universe sp500 --as-of 2025-01-27
                RESULT_VARIABLE rc OUTPUT_VARIABLE text)
if(NOT text MATCHES "7 of the top 10 belong to NVDA" OR NOT text MATCHES "basis: close to close")
  message(FATAL_ERROR "records text:\n${text}")
endif()

function(expect_error expected)
  execute_process(COMMAND ${TOOL} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(FIND "${err}" "${expected}" at)
  if(rc EQUAL 0 OR NOT out STREQUAL "" OR at EQUAL -1)
    message(FATAL_ERROR "'${ARGN}': exit ${rc}, stdout '${out}', stderr '${err}'")
  endif()
endfunction()
expect_error("did you mean NVDA" moves NVDIA --from 2025-01-27)
expect_error("previous session 2025-01-08, next 2025-01-10" moves NVDA --from 2025-01-09)
expect_error("--universe" records --universe ftse)
expect_error("no manifest.json" records --data /nonexistent)
