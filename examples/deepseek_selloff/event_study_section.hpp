// The event study of 2025-01-27: NVIDIA against the S&P 500 rebuilt without it (and against the
// plain index, to show what leaving it in does), and the AI-power peers against the same.
#pragma once

#include <marketshock/core/market_data.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace deepseek {

struct EventStudySection {
  std::string text;
  nlohmann::json json;
};

/// `peers`: symbols of the AI power & utilities peer group.
[[nodiscard]] EventStudySection event_study_section(const marketshock::MarketData& data,
                                                    const std::vector<marketshock::Symbol>& peers);

}  // namespace deepseek
