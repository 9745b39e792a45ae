# marketshock calendar --from 2025-01-01 --to 2025-01-31 lists 20 sessions and names the closures.
execute_process(COMMAND ${TOOL} calendar --from 2025-01-01 --to 2025-01-31
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "exit ${rc}: ${err}")
endif()
foreach(expected
    "20 sessions, 3 weekday closures"
    "2025-01-01  Wed  closed: New Year's Day"
    "2025-01-09  Thu  closed: National day of mourning"
    "2025-01-20  Mon  closed: Martin Luther King Jr. Day"
    "2025-01-02  Thu  session"
    "2025-01-31  Fri  session")
  string(FIND "${out}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "missing '${expected}' in:\n${out}")
  endif()
endforeach()
string(REGEX MATCHALL "\n2025-01-[0-9][0-9] +[A-Z][a-z][a-z] +session" rows "${out}")
list(LENGTH rows n)
if(NOT n EQUAL 20)
  message(FATAL_ERROR "expected 20 session rows, found ${n}:\n${out}")
endif()
execute_process(COMMAND ${TOOL} calendar --from 2025-01-01 --to 2025-01-31 --json
                RESULT_VARIABLE rc OUTPUT_VARIABLE json)
string(JSON count GET "${json}" session_count)
string(JSON closure GET "${json}" closures 1 date)
if(NOT rc EQUAL 0 OR NOT count EQUAL 20 OR NOT closure STREQUAL "2025-01-09")
  message(FATAL_ERROR "bad JSON (exit ${rc}): ${json}")
endif()
