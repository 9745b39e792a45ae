// The published claims about 2025-01-27 (shared/facts/deepseek_selloff.md, C1-C8), each checked
// against the library's own figures with its basis and a verdict.
#pragma once

#include <marketshock/core/market_data.hpp>
#include <marketshock/indices/contagion_session.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace deepseek {

/// One figure of one claim.
struct Check {
  std::string claim_id;  ///< "C1" .. "C8"
  std::string figure;    ///< what was published: "NVIDIA fell as much as 18%"
  std::string ours;      ///< what the data gives: "-18.17%"
  std::string basis;     ///< how: "intraday low 116.70 against the prior close 142.62"
  std::string verdict;   ///< "reproduced", "explained", "not reproduced"
  std::string why;       ///< one sentence: within what, by which basis, or why not
};

/// Evaluates every claim on `data`; `contagion` is the session analysis of 2025-01-27.
[[nodiscard]] std::vector<Check> check_claims(
    const marketshock::MarketData& data, const marketshock::indices::ContagionSession& contagion);

[[nodiscard]] std::string checks_text(const std::vector<Check>& checks);
[[nodiscard]] nlohmann::json checks_json(const std::vector<Check>& checks);

}  // namespace deepseek
