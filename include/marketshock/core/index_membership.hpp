/// \file index_membership.hpp
/// \brief IndexMembership: which securities belonged to an index on a date (point in time).
#pragma once

#include <marketshock/core/step_series.hpp>
#include <marketshock/core/symbol.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace marketshock {

/// Membership of one index over time. Each symbol has a StepSeries<bool>: true from the first
/// session it is a member, false from the first session it is not.
class IndexMembership {
 public:
  IndexMembership() = default;
  /// `id` is the dataset's index key ("sp500", "ndx100"); `name` is for display.
  IndexMembership(std::string id, std::string name);

  /// Adds a membership interval [start, end) for `symbol`; `end` empty means still a member.
  /// Throws DataError when it overlaps or touches an interval already added for the symbol.
  void add_interval(const Symbol& symbol, boost::gregorian::date start,
                    std::optional<boost::gregorian::date> end);

  [[nodiscard]] const std::string& id() const noexcept { return id_; }
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] bool is_member(const Symbol& symbol, boost::gregorian::date day) const;
  /// Members on `day`, sorted by symbol.
  [[nodiscard]] std::vector<Symbol> members_on(boost::gregorian::date day) const;
  /// Every symbol that was a member at some time.
  [[nodiscard]] std::vector<Symbol> all_symbols() const;
  /// The intervals of `symbol` as (start, end) pairs; end empty while still a member.
  [[nodiscard]] std::vector<
      std::pair<boost::gregorian::date, std::optional<boost::gregorian::date>>>
  intervals(const Symbol& symbol) const;

 private:
  std::string id_;
  std::string name_;
  std::map<Symbol, StepSeries<bool>> membership_;
};

}  // namespace marketshock
