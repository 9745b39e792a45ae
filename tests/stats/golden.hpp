// Reading the golden files of scripts/make_stats_golden.py (tests/golden/stats): matrices as CSV
// through the project's CSV reader, reference results as JSON (null = NaN).
#pragma once

#include <marketshock/io/csv_reader.hpp>

#include <gtest/gtest.h>
#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

namespace marketshock::stats::golden {

inline std::filesystem::path path(const std::string& name) {
  return std::filesystem::path(MARKETSHOCK_SOURCE_DIR) / "tests" / "golden" / "stats" / name;
}

/// A CSV of doubles with a header (empty field = NaN), as rows x columns.
inline Eigen::MatrixXd read_matrix(const std::string& name,
                                   std::vector<std::string>* header = nullptr) {
  io::CsvReader reader = io::CsvReader::from_file(path(name));
  if (header != nullptr) *header = reader.header();
  const auto cols = static_cast<Eigen::Index>(reader.header().size());
  std::vector<double> values;
  io::CsvRow row;
  while (reader.next(row)) {
    for (Eigen::Index j = 0; j < cols; ++j) {
      values.push_back(row.as_double(static_cast<std::size_t>(j), io::EmptyField::nan));
    }
  }
  const auto rows = static_cast<Eigen::Index>(values.size()) / cols;
  return Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
      values.data(), rows, cols);
}

inline nlohmann::json read_json(const std::string& name) {
  std::ifstream in(path(name));
  EXPECT_TRUE(in.good()) << "cannot open " << path(name);
  return nlohmann::json::parse(in);
}

inline double number(const nlohmann::json& j) {
  return j.is_null() ? std::numeric_limits<double>::quiet_NaN() : j.get<double>();
}

inline Eigen::VectorXd vector(const nlohmann::json& j) {
  Eigen::VectorXd v(static_cast<Eigen::Index>(j.size()));
  for (std::size_t i = 0; i < j.size(); ++i) v(static_cast<Eigen::Index>(i)) = number(j[i]);
  return v;
}

inline Eigen::MatrixXd matrix(const nlohmann::json& j) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(j.size()), static_cast<Eigen::Index>(j[0].size()));
  for (std::size_t r = 0; r < j.size(); ++r) {
    for (std::size_t c = 0; c < j[r].size(); ++c) {
      m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = number(j[r][c]);
    }
  }
  return m;
}

/// Max |a - b| over entries, NaN matching NaN; +inf on a shape or NaN mismatch.
inline double max_abs_diff(const Eigen::Ref<const Eigen::MatrixXd>& a,
                           const Eigen::Ref<const Eigen::MatrixXd>& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return std::numeric_limits<double>::infinity();
  double worst = 0.0;
  for (Eigen::Index i = 0; i < a.rows(); ++i) {
    for (Eigen::Index j = 0; j < a.cols(); ++j) {
      if (std::isnan(a(i, j)) != std::isnan(b(i, j)))
        return std::numeric_limits<double>::infinity();
      if (!std::isnan(a(i, j))) worst = std::max(worst, std::abs(a(i, j) - b(i, j)));
    }
  }
  return worst;
}

/// |a - b| <= tol x |b| + 1e-14 (relative, with a floor for zeros), NaN matching NaN.
inline ::testing::AssertionResult near_rel(double a, double b, double tol) {
  if (std::isnan(a) && std::isnan(b)) return ::testing::AssertionSuccess();
  if (std::abs(a - b) <= tol * std::abs(b) + 1e-14) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << a << " vs " << b << " (diff " << a - b << ")";
}

}  // namespace marketshock::stats::golden
