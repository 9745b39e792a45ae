# Issue #14: every number entering through the command line is refused, before any data is
# loaded, when it is not a finite number within its documented range: one line naming the
# option, exit 2, nothing on stdout. The maxima are printed by --help.
# Run as: cmake -DTOOL=<marketshock> -P number_options.cmake
include(${CMAKE_CURRENT_LIST_DIR}/refusal.cmake)
set(explain explain NVDA 2025-01-27)

# explain --usd / --pct: these ran and printed "nan%", "inf% off" and "inf pt" before.
expect_refusal(2 "--usd: 'nan' is not a finite number" ${explain} --usd nan)
expect_refusal(2 "--usd: 'NaN' is not a finite number" ${explain} --usd NaN)
expect_refusal(2 "--usd: 'inf' is not a finite number" ${explain} --usd inf)
expect_refusal(2 "--usd: '-infinity' is not a finite number" ${explain} --usd=-infinity)
expect_refusal(2 "--usd: '1e400' does not fit a double" ${explain} --usd 1e400)
expect_refusal(2 "--usd: '0' is too close to zero" ${explain} --usd 0)
expect_refusal(2 "--usd: '-0.0' is too close to zero" ${explain} --usd=-0.0)
expect_refusal(2 "--usd: '2e13' is outside -1e+13 to 1e+13" ${explain} --usd 2e13)
expect_refusal(2 "--usd: '589B' is not a number" ${explain} --usd 589B)
expect_refusal(2 "--usd: '+' is not a number" ${explain} --usd +)
expect_refusal(2 "--pct: '-inf' is not a finite number" ${explain} --pct=-inf)
expect_refusal(2 "--pct: 'nan' is not a finite number" ${explain} --pct nan)
expect_refusal(2 "--pct: '0' is too close to zero" ${explain} --pct 0)
expect_refusal(2 "--pct: '-150' is outside -100 to 10000" ${explain} --pct=-150)
expect_refusal(2 "--pct: '1e5' is outside -100 to 10000" ${explain} --pct 1e5)
expect_success("published $589.0 B" ${explain} --usd 589e9)
expect_success("published $10000.0 B" ${explain} --usd 1e13)
expect_success("published 18.00%" ${explain} --pct=-18)
expect_success("published 18.00%" ${explain} --pct +18)
expect_success("published 100.00%" ${explain} --pct=-100)

# Size options: every one has a maximum that bounds the work (connectedness --horizon 4000000000
# used to run for hours).
expect_refusal(2 "--horizon: '4000000000' is above the maximum 1000"
               connectedness NVDA MSFT --horizon 4000000000)
expect_refusal(2 "--horizon: '0' is below the minimum 1" connectedness NVDA MSFT --horizon 0)
# The number of symbols of a VAR: its work grows with their cube.
set(fifty_one A AAPL ABBV ABNB ABT ACGL ACN ADBE ADI ADM ADP ADSK AEE AEP AES AFL AIG AIZ AJG AKAM
    ALB ALGN ALL ALLE AMAT AMCR AMD AME AMGN AMP AMT AMZN ANET ANSS AON AOS APA APD APH APO APP
    APTV ARE ARM ASML ATO AVB AVGO AVY AWK AXON)
expect_refusal(2 "symbols: At Most 50 required but received 51" connectedness ${fifty_one})
expect_refusal(2 "symbols: At least 2 required but received 1" connectedness NVDA)
expect_refusal(2 "--lags: '21' is above the maximum 20" connectedness NVDA MSFT --lags 21)
expect_refusal(2 "--lags: '-1' is not a whole number" connectedness NVDA MSFT --lags=-1)
expect_refusal(2 "--window: '10001' is above the maximum 10000" connectedness NVDA MSFT --window 10001)
expect_refusal(2 "--window: '99999999999999999999999' is above the maximum 10000"
               connectedness NVDA MSFT --window 99999999999999999999999)
expect_refusal(2 "--window: '2.5' is not a whole number" connectedness NVDA MSFT --window 2.5)
expect_refusal(2 "--top: '100001' is above the maximum 100000" records --top 100001)
expect_refusal(2 "--top: '0' is below the minimum 1" records --top 0)
expect_refusal(2 "--top: '1e3' is not a whole number" records --top 1e3)
expect_refusal(2 "--top: '1001' is above the maximum 1000" ${explain} --usd 589e9 --top 1001)
expect_refusal(2 "--top: '1001' is above the maximum 1000" contagion --date 2025-01-27 --top 1001)
expect_refusal(2 "--min-days: '3' is below the minimum 4"
               correlation VST --source NVDA --tranquil 2024-06-03,2024-12-31
               --turmoil 2025-01-27,2025-02-28 --min-days 3)
expect_refusal(2 "--min-days: '10001' is above the maximum 10000"
               correlation VST --source NVDA --tranquil 2024-06-03,2024-12-31
               --turmoil 2025-01-27,2025-02-28 --min-days 10001)
expect_refusal(2 "--window: '-10001,0' is not a window FIRST,LAST of whole session offsets"
               eventstudy NVDA VST --event 2025-01-27 --window=-10001,0)
expect_refusal(2 "--window: '0,99999999999' is not a window"
               eventstudy NVDA VST --event 2025-01-27 --window 0,99999999999)
expect_refusal(2 "--window: '1,-1' is reversed" eventstudy NVDA VST --event 2025-01-27 --window 1,-1)
expect_refusal(2 "--estimation: '-250' is not a window"
               eventstudy NVDA VST --event 2025-01-27 --estimation=-250)
expect_refusal(2 "--min-estimation: '10001' is above the maximum 10000"
               eventstudy NVDA VST --event 2025-01-27 --min-estimation 10001)
# The maxima themselves are accepted.
expect_success("\"horizon\": 1000" connectedness NVDA MSFT --horizon 1000 --json)

# --help states each maximum.
foreach(pair "connectedness;at most 1000" "connectedness;at most 20" "connectedness;at most 10000"
             "records;at most 100000" "explain;at most 1000" "explain;$10 trillion"
             "contagion;at most 1000" "correlation;4 to 10000" "eventstudy;-10000 to 10000")
  list(GET pair 0 command)
  list(GET pair 1 text)
  execute_process(COMMAND ${TOOL} ${command} --help RESULT_VARIABLE rc OUTPUT_VARIABLE out)
  string(FIND "${out}" "${text}" at)
  if(NOT rc EQUAL 0 OR at EQUAL -1)
    message(FATAL_ERROR "'${command} --help' (exit ${rc}) does not state '${text}': ${out}")
  endif()
endforeach()
