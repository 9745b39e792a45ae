// Shared by the libFuzzer targets: which exceptions an input may cause, and the invariants every
// load report keeps. Anything else aborts, so that libFuzzer records the input as a crash.
#pragma once

#include <marketshock/core/error.hpp>
#include <marketshock/io/load_policy.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace marketshock::fuzz {

/// Stops the run with `what`: libFuzzer saves the input as a crash.
[[noreturn]] inline void fail(std::string_view what) {
  std::fputs("fuzz invariant broken: ", stderr);
  std::fwrite(what.data(), 1, what.size(), stderr);
  std::fputc('\n', stderr);
  std::abort();
}

/// The input as text.
inline std::string as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// What a call did with an input: finished, or refused it with a ParseError or DataError.
struct Outcome {
  bool ok = false;
  std::string error;        ///< message() of the error, when refused (what() stops at a NUL)
  SourcePosition position;  ///< its position
};

/// Runs `load`, turning the errors bad input may cause (ParseError, DataError) into an Outcome.
/// Every other exception escapes, and libFuzzer reports the uncaught exception as a crash.
template <class Load>
Outcome refuse_only_bad_input(Load&& load) {
  try {
    load();
    return {true, {}, {}};
  } catch (const ParseError& e) {
    return {false, e.message(), e.position()};
  } catch (const DataError& e) {
    return {false, e.message(), e.position()};
  }
}

/// The report invariant: every row read is loaded or reported.
inline void check_report(const io::LoadReport& report) {
  if (!report.is_consistent()) fail("rows_loaded + skipped != rows_read: " + report.summary());
  for (const io::SkippedRow& row : report.skipped) {
    if (row.reason.empty()) fail("a skipped row without a reason");
  }
}

/// Strict and lenient loads of one input agree: a strict load that succeeds means a lenient one
/// skips nothing, and the first row a lenient load skips is the row, with the message, that a
/// strict load refuses. `lenient_report` is empty when the lenient load threw.
inline void check_policies_agree(const Outcome& strict, const Outcome& lenient,
                                 const std::optional<io::LoadReport>& lenient_report) {
  if (!lenient_report) {
    // A problem with the whole file (header, document structure), refused under both policies;
    // a strict load may have stopped earlier, at a bad row before it.
    if (strict.ok) fail("strict load succeeded, lenient load threw: " + lenient.error);
    return;
  }
  if (strict.ok) {
    if (!lenient_report->skipped.empty()) {
      fail("strict load succeeded but lenient load skipped rows: " + lenient_report->summary());
    }
    return;
  }
  if (lenient_report->skipped.empty()) {
    fail("strict load refused a row that the lenient load kept: " + strict.error);
  }
  const io::SkippedRow& first = lenient_report->skipped.front();
  if (first.position.line != strict.position.line ||
      first.position.column != strict.position.column ||
      strict.error.find(first.reason) == std::string::npos) {
    fail("lenient load's first skipped row is not the strict error: " + strict.error + " | " +
         first.position.to_string() + ": " + first.reason);
  }
}

}  // namespace marketshock::fuzz
