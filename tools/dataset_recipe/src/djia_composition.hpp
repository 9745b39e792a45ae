// The Dow Jones Industrial Average's membership for the dataset: a composition table transcribed
// from S&P Dow Jones Indices' announcements (no raw file of ../shared/data has it).
#pragma once

#include "build_context.hpp"

#include <marketshock/core/index_membership.hpp>
#include <marketshock/core/symbol.hpp>

#include <set>

namespace marketshock::recipe {

/// Membership "djia" ("Dow Jones Industrial Average") of the securities in `in_dataset`:
/// intervals from the composition of 2024-02-26 and each change since, with the sources in
/// djia_composition.cpp. A member missing from `in_dataset` is noted in the build report and
/// left out.
[[nodiscard]] IndexMembership djia_membership(const std::set<Symbol>& in_dataset,
                                              BuildContext& context);

}  // namespace marketshock::recipe
