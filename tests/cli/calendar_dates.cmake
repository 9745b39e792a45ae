# Issue #14: a date given on the command line that is not an NYSE session, or lies outside the
# calendar's 1990-2030, is refused with one line naming why and the nearest sessions; commands
# whose date is documented as "on or before" (records --as-of, connectedness --at) or "mapped to
# the next session" (eventstudy --event) keep accepting closed days.
# Run as: cmake -DTOOL=<marketshock> -P calendar_dates.cmake
include(${CMAKE_CURRENT_LIST_DIR}/refusal.cmake)

expect_refusal(1 "2025-01-25 is not an NYSE session (weekend); previous session 2025-01-24, next 2025-01-27"
               contagion --date 2025-01-25)
expect_refusal(1 "2025-01-09 is not an NYSE session (National day of mourning for former President Jimmy Carter); previous session 2025-01-08, next 2025-01-10"
               moves NVDA --from 2025-01-09)
expect_refusal(1 "2025-02-01 is not an NYSE session (weekend); previous session 2025-01-31"
               moves NVDA --from 2025-01-27 --to 2025-02-01)
expect_refusal(1 "2025-01-20 is not an NYSE session (Martin Luther King Jr. Day); previous session 2025-01-17, next 2025-01-21"
               explain NVDA 2025-01-20 --usd 589e9)
expect_refusal(1 "2024-12-25 is not an NYSE session (Christmas Day); previous session 2024-12-24, next 2024-12-26"
               contagion --date 2024-12-25)
expect_refusal(1 "1980-01-02 is outside the NYSE calendar's supported range 1990-01-01 to 2030-12-31"
               moves NVDA --from 1980-01-02)
expect_refusal(1 "2031-01-02 is outside the NYSE calendar's supported range"
               contagion --date 2031-01-02)
expect_refusal(1 "invalid date '2025-02-29'" explain NVDA 2025-02-29 --pct 5)
expect_refusal(1 "invalid date '2025-01-27T00:00'" moves NVDA --from 2025-01-27T00:00)

expect_success("NVDA" records --as-of 2025-01-25 --top 3)
expect_success("Window ending 2025-01-24" connectedness NVDA MSFT --at 2025-01-25)
expect_success("-> event session 2025-01-27" eventstudy NVDA VST --event 2025-01-25)
