#include <marketshock/stats/event_study.hpp>

#include "detail/distributions.hpp"

#include <marketshock/core/require.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace marketshock::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check_spec(const EventStudySpec& spec, Eigen::Index event_row, Eigen::Index rows) {
  MARKETSHOCK_REQUIRE(spec.min_estimation >= 3, "event study: min_estimation {} is below 3",
                      spec.min_estimation);
  MARKETSHOCK_REQUIRE(!spec.windows.empty(), "event study: no CAR window");
  MARKETSHOCK_REQUIRE(spec.estimation.first <= spec.estimation.last,
                      "event study: estimation window {} is reversed", to_string(spec.estimation));
  for (const RelativeWindow& w : spec.windows) {
    MARKETSHOCK_REQUIRE(w.first <= w.last, "event study: window {} is reversed", to_string(w));
    MARKETSHOCK_REQUIRE(spec.estimation.last < w.first,
                        "event study: estimation window {} overlaps window {}",
                        to_string(spec.estimation), to_string(w));
    MARKETSHOCK_REQUIRE(event_row + w.last < rows,
                        "event study: window {} reaches {} sessions past the data", to_string(w),
                        event_row + w.last - rows + 1);
  }
  MARKETSHOCK_REQUIRE(event_row + spec.estimation.first >= 0,
                      "event study: estimation window {} starts {} sessions before the data",
                      to_string(spec.estimation), -(event_row + spec.estimation.first));
}

RelativeWindow event_range_of(const EventStudySpec& spec) {
  RelativeWindow range = spec.windows.front();
  for (const RelativeWindow& w : spec.windows) {
    range.first = std::min(range.first, w.first);
    range.last = std::max(range.last, w.last);
  }
  return range;
}

Eigen::Index seg_start(Eigen::Index event_row, RelativeWindow w) {
  return event_row + w.first;
}
Eigen::Index seg_size(RelativeWindow w) {
  return static_cast<Eigen::Index>(w.days());
}

WindowAbnormal window_abnormal(const NormalReturnFit& fit, RelativeWindow w,
                               const Eigen::Ref<const Eigen::VectorXd>& returns,
                               const Eigen::Ref<const Eigen::VectorXd>& market,
                               const Eigen::Ref<const Eigen::VectorXd>& abnormal) {
  WindowAbnormal out;
  out.window = w;
  if (!is_usable(fit.status)) return out;
  Eigen::VectorXd used_market(abnormal.size());
  double car = 0.0;
  double growth = 1.0;
  double normal_growth = 1.0;
  Eigen::Index days = 0;
  for (Eigen::Index t = 0; t < abnormal.size(); ++t) {
    if (!std::isfinite(abnormal(t))) continue;
    car += abnormal(t);
    growth *= 1.0 + returns(t);
    normal_growth *= 1.0 + normal_return(fit, market(t));
    used_market(days++) = market(t);
  }
  out.days = static_cast<std::size_t>(days);
  if (days == 0) return out;
  out.car = car;
  out.car_variance = abnormal_sum_variance(fit, used_market.head(days));
  out.scar = car / std::sqrt(out.car_variance);
  out.p_value = detail::student_two_sided(out.scar, static_cast<double>(fit.degrees_of_freedom));
  out.bhar = growth - normal_growth;
  return out;
}

}  // namespace

std::string to_string(RelativeWindow window) {
  const auto day = [](int d) { return d == 0 ? std::string("0") : fmt::format("{:+}", d); };
  return fmt::format("[{},{}]", day(window.first), day(window.last));
}

std::optional<RelativeWindow> try_parse_relative_window(std::string_view text) noexcept {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
  }
  const auto comma = text.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  const auto parse = [](std::string_view part) -> std::optional<int> {
    if (!part.empty() && part.front() == '+') part.remove_prefix(1);
    int value = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (ec != std::errc() || end != part.data() + part.size() || part.empty()) return std::nullopt;
    return value;
  };
  const auto first = parse(text.substr(0, comma));
  const auto last = parse(text.substr(comma + 1));
  if (!first || !last || *first > *last) return std::nullopt;
  return RelativeWindow{*first, *last};
}

FirmEventStudy firm_event_study(const Eigen::Ref<const Eigen::VectorXd>& returns,
                                const Eigen::Ref<const Eigen::VectorXd>& market,
                                Eigen::Index event_row, const EventStudySpec& spec) {
  MARKETSHOCK_REQUIRE(returns.size() == market.size(),
                      "event study: {} firm returns but {} benchmark returns", returns.size(),
                      market.size());
  check_spec(spec, event_row, returns.size());
  FirmEventStudy out;
  const RelativeWindow est = spec.estimation;
  const Eigen::Index e0 = seg_start(event_row, est);
  out.fit = fit_normal_returns(spec.model, returns.segment(e0, seg_size(est)),
                               market.segment(e0, seg_size(est)), spec.min_estimation);
  out.estimation_abnormal = abnormal_returns(out.fit, returns.segment(e0, seg_size(est)),
                                             market.segment(e0, seg_size(est)));
  out.event_range = event_range_of(spec);
  const Eigen::Index r0 = seg_start(event_row, out.event_range);
  const Eigen::Index rn = seg_size(out.event_range);
  out.event_abnormal = abnormal_returns(out.fit, returns.segment(r0, rn), market.segment(r0, rn));
  out.event_standardised = Eigen::VectorXd::Constant(rn, kNaN);
  for (Eigen::Index t = 0; t < rn; ++t) {
    if (!std::isfinite(out.event_abnormal(t))) continue;
    const double variance = abnormal_sum_variance(out.fit, market.segment(r0 + t, 1));
    out.event_standardised(t) = out.event_abnormal(t) / std::sqrt(variance);
  }
  for (const RelativeWindow& w : spec.windows) {
    const Eigen::Index offset = w.first - out.event_range.first;
    out.windows.push_back(window_abnormal(out.fit, w,
                                          returns.segment(seg_start(event_row, w), seg_size(w)),
                                          market.segment(seg_start(event_row, w), seg_size(w)),
                                          out.event_abnormal.segment(offset, seg_size(w))));
  }
  return out;
}

std::vector<FirmEventStudy> event_study(const Eigen::Ref<const Eigen::MatrixXd>& returns,
                                        const Eigen::Ref<const Eigen::MatrixXd>& market,
                                        Eigen::Index event_row, const EventStudySpec& spec) {
  MARKETSHOCK_REQUIRE(market.cols() == 1 || market.cols() == returns.cols(),
                      "event study: {} benchmark columns for {} firms", market.cols(),
                      returns.cols());
  MARKETSHOCK_REQUIRE(market.rows() == returns.rows(),
                      "event study: {} firm sessions but {} benchmark sessions", returns.rows(),
                      market.rows());
  std::vector<FirmEventStudy> out;
  out.reserve(static_cast<std::size_t>(returns.cols()));
  for (Eigen::Index j = 0; j < returns.cols(); ++j) {
    out.push_back(
        firm_event_study(returns.col(j), market.col(market.cols() == 1 ? 0 : j), event_row, spec));
  }
  return out;
}

}  // namespace marketshock::stats
