#include <marketshock/report/number_format.hpp>

#include <fmt/format.h>

#include <cmath>

namespace marketshock::report {

std::string fixed(double value, const NumberStyle& style) {
  const double x = value * style.scale;
  if (!std::isfinite(x)) return "n/a";
  return style.sign == Sign::always
             ? fmt::format("{}{:+.{}f}{}", style.prefix, x, style.decimals, style.suffix)
             : fmt::format("{}{:.{}f}{}", style.prefix, x, style.decimals, style.suffix);
}

std::string percent(double fraction, NumberStyle style) {
  style.scale = 100.0;
  return fixed(fraction, style);
}

std::string billions(double usd, NumberStyle style) {
  style.scale = 1.0;
  return fixed(usd / 1e9, style);  // divided, not scaled by 1e-9: 1e9 is exact, 1e-9 is not
}

}  // namespace marketshock::report
