/// \file number_format.hpp
/// \brief The one number formatter of the text reports: fixed decimals, a sign policy, a scale
/// and units, "n/a" for a missing value.
#pragma once

#include <string>
#include <string_view>

namespace marketshock::report {

/// When a number gets a sign.
enum class Sign {
  negative,  ///< "-1.25", "1.25" (the default).
  always,    ///< "-1.25", "+1.25", "+0.00".
};

/// How to write a number: `value x scale` with `decimals` decimals, between `prefix` and
/// `suffix` ("$" and "B", or "" and "%").
struct NumberStyle {
  int decimals = 2;
  Sign sign = Sign::negative;
  double scale = 1.0;
  std::string_view prefix = {};
  std::string_view suffix = {};
};

/// `value` in `style`; "n/a" (without prefix or suffix) when value is NaN or infinite.
/// fixed(-0.16968, {.decimals = 2, .scale = 100}) = "-16.97".
[[nodiscard]] std::string fixed(double value, const NumberStyle& style = {});

/// A fraction as percent, without the % sign unless `style` adds it: percent(-0.16968) =
/// "-16.97"; percent(0.0123, {.sign = Sign::always, .suffix = "%"}) = "+1.23%". `style.scale`
/// is ignored (it is 100).
[[nodiscard]] std::string percent(double fraction, NumberStyle style = {});

/// USD in billions, one decimal unless `style` says otherwise: billions(-592.66e9) = "-592.7";
/// billions(-592.66e9, {.decimals = 1, .prefix = "$", .suffix = "B"}) = "$-592.7B".
/// `style.scale` is ignored (the value is divided by 1e9).
[[nodiscard]] std::string billions(double usd, NumberStyle style = {.decimals = 1});

}  // namespace marketshock::report
