// libFuzzer target: the Nasdaq-100 membership YAML year file (parse_ndx_year). Bad input may only
// raise ParseError or DataError, and strict and lenient parses agree.
#include "fuzz_support.hpp"

#include <marketshock/io/vendor/ndx_membership.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace marketshock;
  const std::string text = fuzz::as_text(data, size);
  std::optional<io::NdxYear> strict_year;
  std::optional<io::NdxYear> lenient_year;
  const auto strict = fuzz::refuse_only_bad_input([&] {
    strict_year = io::parse_ndx_year(text, "n100-ticker-changes-2025.yaml", io::LoadPolicy::strict);
  });
  const auto lenient = fuzz::refuse_only_bad_input([&] {
    lenient_year =
        io::parse_ndx_year(text, "n100-ticker-changes-2025.yaml", io::LoadPolicy::lenient);
  });
  if (strict_year) fuzz::check_report(strict_year->report);
  if (lenient_year) {
    fuzz::check_report(lenient_year->report);
    const std::size_t records =
        (lenient_year->tickers_on_jan_1 ? 1 : 0) + lenient_year->changes.size();
    if (records != lenient_year->report.rows_loaded) fuzz::fail("records kept != rows loaded");
  }
  fuzz::check_policies_agree(strict, lenient,
                             lenient_year ? std::optional(lenient_year->report) : std::nullopt);
  return 0;
}
