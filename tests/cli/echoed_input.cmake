# Issue #14: what the user typed and the tool repeats in an error (a symbol with a newline, a
# terminal escape sequence, a 100 kB argument) comes back escaped as \xNN and cut with its length:
# always one printable line. (A NUL cannot reach argv; the core tests cover it, and 10 MB symbols.)
# CMake reads '[' and ';' in an argument list as list syntax, so the escape sequences here avoid
# them: ESC c (reset), ESC ( 0 (line-drawing charset), ESC 7 / ESC 8 (save and restore the
# cursor), the 8-bit CSI byte 0x9b.
# Run as: cmake -DTOOL=<marketshock> -P echoed_input.cmake
include(${CMAKE_CURRENT_LIST_DIR}/refusal.cmake)
string(ASCII 27 esc)
string(ASCII 13 cr)
string(ASCII 7 bel)
string(ASCII 155 csi)

# Library messages (exit 1): unknown symbols, invalid dates, bad option words.
expect_refusal(1 "unknown symbol 'NV\\x0aDA'" moves "NV\nDA" --from 2025-01-27)
expect_refusal(1 "unknown symbol '\\x1bc\\x1b(0NVDA'" moves "${esc}c${esc}(0NVDA" --from 2025-01-27)
expect_refusal(1 "unknown symbol '\\x9b2J\\x9b31mNVDA'" moves "${csi}2J${csi}31mNVDA" --from 2025-01-27)
expect_refusal(1 "unknown symbol 'NVDA\\x0d\\x07'" explain "NVDA${cr}${bel}" 2025-01-27 --usd 589e9)
expect_refusal(1 "invalid symbol 'nv\\x0a'" eventstudy NVDA --event 2025-01-27 --exclude "nv\n")
expect_refusal(1 "invalid date '2025-01-27\\x0a'" moves NVDA --from "2025-01-27\n")
expect_refusal(1 "invalid date '\\x1b7\\x07\\x1b8'" calendar --from "${esc}7${bel}${esc}8" --to 2025-01-31)
expect_refusal(1 "--model 'ols\\x0a' is not market_model" eventstudy NVDA --event 2025-01-27 --model "ols\n")
expect_refusal(1 "--missing 'drop\\x1b' is not reject or skip" connectedness NVDA MSFT --missing "drop${esc}")
expect_refusal(1 "--tranquil '2024-01-01\\x0a2024-06-01' is not FROM,TO"
               correlation VST --source NVDA --tranquil "2024-01-01\n2024-06-01" --turmoil 2025-01-27,2025-02-28)

# A 100 kB symbol (an argument may hold at most 128 kB): named by a short prefix and its length.
string(REPEAT "A" 100000 long)
expect_refusal(1 "unknown symbol 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA...' (100000 bytes)"
               moves ${long} --from 2025-01-27)
expect_refusal(1 "invalid date 'AAAA" moves NVDA --from ${long})

# CLI11's own messages (exit 2) quote arguments whole: escaped and cut as well.
expect_refusal(2 "The following argument was not expected: frob\\x0anicate"
               calendar --from 2025-01-01 --to 2025-01-31 "frob\nnicate")
expect_refusal(2 "The following argument was not expected: \\x1b(0" calendar --from 2025-01-01 --to 2025-01-31 "${esc}(0")
expect_refusal(2 "The following argument was not expected: AAAAAAAAAA"
               calendar --from 2025-01-01 --to 2025-01-31 ${long})
expect_refusal(2 "--usd: 'nan\\x0a' is not a number" explain NVDA 2025-01-27 --usd "nan\n")
expect_refusal(2 "--top: '1\\x1bc' is not a whole number" records --top "1${esc}c")
