/// \file explain_report.hpp
/// \brief Text and JSON of an Explanation: the candidate bases of a published figure.
#pragma once

#include <marketshock/records/explain.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <string>

namespace marketshock::report {

/// Distance within which a basis counts as reproducing a USD figure (1%) or a percent figure
/// (0.25 percentage points): press figures are rounded to about that.
inline constexpr double kReproducedUsd = 0.01;
inline constexpr double kReproducedFraction = 0.0025;

/// The candidate the verdict rests on: among those within tolerance, the first on the share
/// count in force that day (any, for a percent figure); else the nearest.
[[nodiscard]] const records::CandidateBasis& verdict_basis(const records::Explanation& e);

/// True when verdict_basis() is within tolerance of the figure.
[[nodiscard]] bool is_reproduced(const records::Explanation& e);

/// True when no basis is within tolerance but the figure fits a price inside the day's range on
/// the count in force: a figure written during the session.
[[nodiscard]] bool is_intraday_figure(const records::Explanation& e);

/// One line: "reproduced by <basis> within x%" or "no daily basis within 1%; the figure fits a
/// price of $P during the session (range L..H) on N shares".
[[nodiscard]] std::string explanation_verdict(const records::Explanation& e);

/// The day's prices, the `top` nearest candidates as a table, the implied prices, the verdict.
[[nodiscard]] std::string explanation_text(const records::Explanation& e, std::size_t top);

/// The document of `marketshock explain` (schema "marketshock.explain", json_document.hpp):
/// `{"symbol", "date", "figure", "day", "candidates": [...], "implied_prices", "verdict"}`.
[[nodiscard]] nlohmann::json explanation_json(const records::Explanation& e, std::size_t top);

}  // namespace marketshock::report
