# marketshock contagion on the embedded dataset: `--index` takes the registered indices and
# `all`; the Dow (a price-weighted registration) rebuilds 2025-01-27 within 10 bp of its actual
# +0.65% and reports its implied divisor; `records --universe djia` ranks its members.
execute_process(COMMAND ${TOOL} contagion --date 2025-01-27 --index djia --json
                RESULT_VARIABLE rc OUTPUT_VARIABLE json ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "contagion --index djia: exit ${rc}: ${err}")
endif()
string(JSON count LENGTH "${json}" indices)
string(JSON id GET "${json}" indices 0 index)
string(JSON weighting GET "${json}" indices 0 weighting)
string(JSON actual GET "${json}" indices 0 actual_return)
string(JSON rebuilt GET "${json}" indices 0 rebuilt_return)
string(JSON error_bps GET "${json}" indices 0 tracking_error_bps)
string(JSON rmse GET "${json}" indices 0 window_tracking rmse_bps)
string(JSON periods LENGTH "${json}" indices 0 implied_divisors periods)
if(NOT count EQUAL 1 OR NOT id STREQUAL "djia" OR NOT weighting STREQUAL "price_weighted"
   OR NOT actual MATCHES "^0\\.00651" OR NOT rebuilt MATCHES "^0\\.00651"
   OR error_bps GREATER 10 OR error_bps LESS -10 OR rmse GREATER 3 OR NOT periods EQUAL 2)
  message(FATAL_ERROR "contagion djia: ${count} ${id} ${weighting} actual ${actual} rebuilt "
                      "${rebuilt} (${error_bps} bp) rmse ${rmse} periods ${periods}")
endif()

execute_process(COMMAND ${TOOL} contagion --date 2025-01-27 --index all --json
                RESULT_VARIABLE rc OUTPUT_VARIABLE json ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "contagion --index all: exit ${rc}: ${err}")
endif()
string(JSON count LENGTH "${json}" indices)
string(JSON last GET "${json}" indices 2 index)
if(NOT count EQUAL 3 OR NOT last STREQUAL "djia")
  message(FATAL_ERROR "contagion --index all: ${count} indices, last ${last}")
endif()

execute_process(COMMAND ${TOOL} contagion --date 2025-01-27 --index both
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(FIND "${err}" "{sp500,ndx100,djia,all}" at)
if(rc EQUAL 0 OR at EQUAL -1)
  message(FATAL_ERROR "--index both: exit ${rc}, stderr '${err}'")
endif()

execute_process(COMMAND ${TOOL} records --universe djia --as-of 2025-01-27 --top 3 --json
                RESULT_VARIABLE rc OUTPUT_VARIABLE json ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "records --universe djia: exit ${rc}: ${err}")
endif()
string(JSON first GET "${json}" records 0 symbol)
if(NOT first STREQUAL "NVDA")
  message(FATAL_ERROR "records --universe djia: first ${first}")
endif()
