/// \file step_series.hpp
/// \brief StepSeries<T>: values effective from a date (inclusive) until the next one.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace marketshock {

namespace detail {
/// Throws DataError: step `index` (1-based) dated `date` does not follow step `index - 1`.
[[noreturn]] void throw_unsorted_step(std::size_t index, boost::gregorian::date date,
                                      boost::gregorian::date previous);
}  // namespace detail

/// One step: `value` is in force from `effective` (inclusive) until the next step's date.
template <typename T>
struct Step {
  boost::gregorian::date effective;
  T value;
};

/// An effective-dated series, used for shares outstanding and index membership.
/// Immutable once built; lookups never insert. As-of lookup is O(log n).
template <typename T>
class StepSeries {
 public:
  StepSeries() = default;

  /// Takes steps sorted by strictly increasing effective date; throws DataError naming the
  /// offending dates otherwise (two values for one date would make as-of lookups ambiguous).
  explicit StepSeries(std::vector<Step<T>> steps) : steps_(std::move(steps)) {
    for (std::size_t i = 1; i < steps_.size(); ++i) {
      if (!(steps_[i - 1].effective < steps_[i].effective)) {
        detail::throw_unsorted_step(i + 1, steps_[i].effective, steps_[i - 1].effective);
      }
    }
  }

  /// The step in force on `day` (latest effective <= day); nullptr before the first step.
  [[nodiscard]] const Step<T>* step_as_of(boost::gregorian::date day) const noexcept {
    auto it = std::upper_bound(
        steps_.begin(), steps_.end(), day,
        [](boost::gregorian::date d, const Step<T>& s) { return d < s.effective; });
    if (it == steps_.begin()) return nullptr;
    return &*std::prev(it);
  }

  /// The value in force on `day`; empty before the first effective date.
  [[nodiscard]] std::optional<T> as_of(boost::gregorian::date day) const {
    const Step<T>* step = step_as_of(day);
    if (step == nullptr) return std::nullopt;
    return step->value;
  }

  [[nodiscard]] std::span<const Step<T>> steps() const noexcept { return steps_; }
  [[nodiscard]] std::size_t size() const noexcept { return steps_.size(); }
  [[nodiscard]] bool empty() const noexcept { return steps_.empty(); }

 private:
  std::vector<Step<T>> steps_;
};

}  // namespace marketshock
