// Checks shared by every subcommand for the numbers that enter through the command line: each
// is a CLI11 validator, so a bad value is refused before any data is loaded, with one line naming
// the option ("--horizon: 4000000000 is above the maximum 1000"), exit status 2.
//
// The maxima bound the work a command can be asked to do; each covers every real use with room
// to spare (README, "Limits of the command line"):
//   kMaxWindowSessions 10000 sessions: about 40 years, the NYSE calendar's whole 1990-2030 span
//                      (10,340 sessions); no window or event offset can reach further back.
//   kMaxLags           20: VAR orders in daily-return connectedness studies are 1 to 5 (chosen by
//                      AIC/BIC); 20 is four trading weeks of lags.
//   kMaxHorizon        1000: Diebold-Yilmaz use H = 10; long-run and frequency-band studies
//                      go to H = 100-600.
//   kMaxRecordsTop     100000: more rows than anyone reads; a full ranking goes to --json.
//   kMaxListedRows     1000: candidates (explain) and contributors (contagion) per table; an
//                      index has at most ~500 members.
//   kMaxFigureUsd      $10 trillion: a one-day move of one security cannot exceed its market
//                      value, and no company has been worth more than about $5 trillion.
#pragma once

#include <CLI/CLI.hpp>

#include <cstddef>

namespace marketshock::cli {

inline constexpr std::size_t kMaxWindowSessions = 10000;
inline constexpr std::size_t kMaxLags = 20;
inline constexpr std::size_t kMaxHorizon = 1000;
inline constexpr std::size_t kMaxRecordsTop = 100000;
inline constexpr std::size_t kMaxListedRows = 1000;
inline constexpr double kMaxFigureUsd = 1e13;

/// A whole number written with decimal digits only (no sign, exponent or fraction) in
/// [min, max]. Messages: "'abc' is not a whole number", "0 is below the minimum 1",
/// "4000000000 is above the maximum 1000". Its help text reads "[min, max]".
[[nodiscard]] CLI::Validator count_in(std::size_t min, std::size_t max);

/// A finite decimal number x (an optional leading '+', a fraction and an exponent allowed) with
/// min <= x <= max and |x| >= min_magnitude. Refuses "nan", "inf", a number that overflows a
/// double (1e400) and one too close to zero, each with a message naming the text and the bound.
[[nodiscard]] CLI::Validator finite_in(double min, double max, double min_magnitude = 0.0);

/// An event-time window FIRST,LAST (as `eventstudy --window`: `-1,1`, `[0,4]`, `+1,+5`) whose
/// offsets are whole numbers within +-max_offset sessions, FIRST <= LAST.
[[nodiscard]] CLI::Validator relative_window(int max_offset);

}  // namespace marketshock::cli
