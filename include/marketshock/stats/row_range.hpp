/// \file row_range.hpp
/// \brief RowRange: a half-open range of rows (sessions) of a return matrix.
#pragma once

#include <Eigen/Core>

namespace marketshock::stats {

/// Rows [begin, end) of a return series or matrix.
struct RowRange {
  Eigen::Index begin = 0;
  Eigen::Index end = 0;
  /// end - begin (negative when reversed).
  [[nodiscard]] constexpr Eigen::Index size() const noexcept { return end - begin; }
};

}  // namespace marketshock::stats
