#include "share_selection.hpp"

#include "split_tolerance.hpp"

#include <marketshock/core/iso_date.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace marketshock::recipe {

namespace {

using boost::gregorian::date;

struct Restated {
  io::ShareObservation observation;
  double factor = 1.0;
};

void sort_by_date(std::vector<io::ShareObservation>& list) {
  std::stable_sort(list.begin(), list.end(),
                   [](const io::ShareObservation& a, const io::ShareObservation& b) {
                     return a.as_of < b.as_of;
                   });
  // Same date twice (a count repeated by a second source): keep the first.
  list.erase(std::unique(list.begin(), list.end(),
                         [](const io::ShareObservation& a, const io::ShareObservation& b) {
                           return a.as_of == b.as_of;
                         }),
             list.end());
}

// Drops restated counts that io::flag_share_outliers() finds: a run of up to two counts more than
// 4% from both neighbours while they agree within 3% (Yahoo's AMZN 2022-04 and AVGO 2024-07,
// FMP's two bogus RVTY quarters of 2023), or a lone spike beyond both of two disagreeing
// neighbours (FMP's MET 2023 Q1). Each drop is noted with its reason.
std::vector<Restated> drop_isolated_spikes(const Symbol& symbol, std::vector<Restated> list,
                                           BuildContext& context) {
  std::vector<io::ShareObservation> restated;
  for (const Restated& r : list) {
    io::ShareObservation o = r.observation;
    o.shares *= r.factor;
    restated.push_back(std::move(o));
  }
  io::ShareSeriesCheckOptions options;
  options.outlier_threshold = 0.04;
  const auto flagged = io::flag_share_outliers(restated, options);
  std::vector<Restated> kept;
  for (Restated& r : list) {
    const auto hit = std::find_if(flagged.begin(), flagged.end(), [&](const io::ShareOutlier& f) {
      return f.observation.as_of == r.observation.as_of;
    });
    if (hit == flagged.end()) {
      kept.push_back(std::move(r));
      continue;
    }
    context.note("shares", symbol.str(),
                 fmt::format("{} count {:.0f} of {} dropped ({}): {} [{}]", r.observation.source,
                             r.observation.shares, format_iso_date(r.observation.as_of),
                             to_string(hit->kind), hit->reason, r.observation.reference));
  }
  return kept;
}

// Basis shares implied by a Yahoo snapshot: market cap / the dataset's own close that session.
// Since the dataset close is the traded close divided by the later splits, this is the count
// on the dataset's split basis, whatever splits happened.
std::map<date, double> snapshot_basis_shares(const Symbol& symbol, const PriceChoice& prices,
                                             const BuildContext& context) {
  std::map<date, double> out;
  const auto it = context.snapshots.find(symbol);
  if (it == context.snapshots.end()) return out;
  for (const io::SnapshotQuote& q : it->second) {
    const auto row = prices.bars.find(q.session);
    if (!row || !(q.market_cap > 0.0)) continue;
    out[q.session] = q.market_cap / prices.bars.close()[*row];
  }
  return out;
}

// Restates point-in-time counts: splits between consecutive counts are detected from the jumps
// (a ratio within 3% of a split ratio); the last count is taken to be on the price basis, then
// checked against the snapshot-implied basis shares and corrected by the split ratio they show.
std::vector<Restated> restate_point_in_time(const Symbol& symbol,
                                            std::vector<io::ShareObservation> list,
                                            const std::map<date, double>& snapshot_shares,
                                            BuildContext& context, std::vector<Split>& detected) {
  std::vector<Restated> out;
  if (list.empty()) return out;
  std::vector<double> factor(list.size(), 1.0);
  for (std::size_t i = list.size() - 1; i-- > 0;) {
    factor[i] = factor[i + 1];
    // Large ratios tolerate a month of issuance or a vendor's rounding (Yahoo's AVGO 10:1 of
    // 2024 shows as 10.46); a 3-for-2 must be closer, since buybacks move counts by percents.
    const double ratio = list[i + 1].shares / list[i].shares;
    const bool large = ratio > 1.9 || ratio < 1.0 / 1.9;
    const auto split = split_ratio_within(ratio, large ? 0.08 : 0.03);
    if (split && *split != 1.0) {
      factor[i] *= *split;
      detected.push_back(
          {list[i + 1].as_of, *split, list[i].as_of,
           fmt::format("{} counts of {} and {}", list[i].source, format_iso_date(list[i].as_of),
                       format_iso_date(list[i + 1].as_of))});
      context.note("shares", symbol.str(),
                   fmt::format("{}: split of ratio {} detected between {} and {} (counts {:.0f} -> "
                               "{:.0f}); earlier counts restated x{}",
                               list[i].source, *split, format_iso_date(list[i].as_of),
                               format_iso_date(list[i + 1].as_of), list[i].shares,
                               list[i + 1].shares, *split));
    }
  }
  // Check against the snapshots: the count in force at a snapshot session, restated, should
  // equal the snapshot's basis shares up to timing (a few percent).
  for (const auto& [session, basis_shares] : snapshot_shares) {
    auto in_force =
        std::upper_bound(list.begin(), list.end(), session,
                         [](date d, const io::ShareObservation& o) { return d < o.as_of; });
    if (in_force == list.begin()) continue;
    const std::size_t i = static_cast<std::size_t>(in_force - list.begin()) - 1;
    const double ratio = basis_shares / (list[i].shares * factor[i]);
    const auto correction = split_ratio_within(ratio, 0.08);
    if (correction && *correction != 1.0) {
      context.note("shares", symbol.str(),
                   fmt::format("{} counts are {}x off the Yahoo snapshot of {} (a split after the "
                               "last count): all restated x{}",
                               list[i].source, *correction, format_iso_date(session), *correction));
      for (double& f : factor) f *= *correction;
    } else if (!correction) {
      context.note("shares", symbol.str(),
                   fmt::format("{} count of {} restated ({:.0f}) is {:.3f}x the Yahoo snapshot "
                               "market cap / close of {}; no split ratio explains it",
                               list[i].source, format_iso_date(list[i].as_of),
                               list[i].shares * factor[i], ratio, format_iso_date(session)));
    }
    break;  // one snapshot decides; the others would say the same
  }
  for (std::size_t i = 0; i < list.size(); ++i) out.push_back({list[i], factor[i]});
  return drop_isolated_spikes(symbol, std::move(out), context);
}

// FMP counts are split-adjusted as of the day FMP's data was taken; a later split shows as a
// constant ratio to the snapshot (or to a restated point-in-time count) near the same date.
std::vector<Restated> restate_fmp(const Symbol& symbol, std::vector<io::ShareObservation> list,
                                  const std::map<date, double>& snapshot_shares,
                                  const std::vector<Restated>& point_in_time,
                                  BuildContext& context) {
  std::vector<Restated> out;
  if (list.empty()) return out;
  std::optional<double> factor;
  double measured = 1.0;
  std::string how;
  const auto nearest = [&](date d) {
    return std::min_element(list.begin(), list.end(), [&](const auto& a, const auto& b) {
      return std::abs((a.as_of - d).days()) < std::abs((b.as_of - d).days());
    });
  };
  if (!snapshot_shares.empty()) {
    const auto& [session, basis_shares] = *snapshot_shares.rbegin();
    const auto fmp = nearest(session);
    measured = basis_shares / fmp->shares;
    factor = split_ratio_within(measured, 0.08);
    how = fmp->shares > 0 ? fmt::format("Yahoo snapshot of {}", format_iso_date(session)) : "";
  } else if (!point_in_time.empty()) {
    const Restated& last = point_in_time.back();
    const auto fmp = nearest(last.observation.as_of);
    measured = last.observation.shares * last.factor / fmp->shares;
    factor = split_ratio_within(measured, 0.08);
    how = fmt::format("{} count of {}", last.observation.source,
                      format_iso_date(last.observation.as_of));
  }
  if (!factor) {
    factor = 1.0;
    context.note("shares", symbol.str(),
                 how.empty()
                     ? "fmp_quarterly counts not cross-checked (no snapshot or other count): "
                       "taken as on the price basis"
                     : fmt::format("fmp_quarterly counts are {:.3f}x the {}: no split "
                                   "ratio explains it; taken as they are",
                                   measured, how));
  } else if (*factor != 1.0) {
    context.note("shares", symbol.str(),
                 fmt::format("fmp_quarterly counts predate a split: restated x{} (measured against "
                             "the {})",
                             *factor, how));
  }
  for (io::ShareObservation& o : list) out.push_back({std::move(o), *factor});
  return drop_isolated_spikes(symbol, std::move(out), context);
}

// One split seen by both sources becomes one row whose bracket is the union of theirs: vendor
// month-end counts can lag a split by a month (Yahoo's TSLA 5:1 of 2020-08-31 shows between
// September and October), so only the union is sure to contain the effective date.
std::vector<Split> merge_detected_splits(std::vector<Split> a, const std::vector<Split>& b) {
  for (const Split& s : b) {
    const auto same = std::find_if(a.begin(), a.end(), [&](const Split& x) {
      return x.ratio == s.ratio && *x.earliest_after <= s.effective &&
             *s.earliest_after <= x.effective;
    });
    if (same == a.end()) {
      a.push_back(s);
      continue;
    }
    same->earliest_after = std::min(*same->earliest_after, *s.earliest_after);
    same->effective = std::max(same->effective, s.effective);
    same->source += "; " + s.source;
  }
  std::sort(a.begin(), a.end(),
            [](const Split& x, const Split& y) { return x.effective < y.effective; });
  return a;
}

SharesRecord to_record(const Restated& r) {
  return SharesRecord{
      r.observation.shares * r.factor, r.observation.shares, r.factor,
      r.observation.measure,           r.observation.source, r.observation.reference};
}

}  // namespace

StepSeries<SharesRecord> select_shares(const Symbol& symbol, ShareCandidates candidates,
                                       const PriceChoice& prices, BuildContext& context,
                                       std::vector<Split>& detected) {
  if (candidates.secondary_class) {
    context.note("shares", symbol.str(),
                 "no count: every source gives the issuer's all-class total, which is carried by "
                 "the issuer's class A line; this class has no market value of its own");
    return {};
  }
  if (prices.bars.basis().dividend_adjusted) {
    context.note("shares", symbol.str(),
                 "no count: prices are dividend-adjusted, so no market value");
    return {};
  }
  // Counts from more than a year before the first bar never apply; dropping them also keeps
  // old corporate history (mergers read as splits) out of the dataset.
  const date keep_from = prices.bars.dates().front() - boost::gregorian::days(400);
  for (auto* list : {&candidates.sec, &candidates.yahoo_monthly, &candidates.fmp}) {
    std::erase_if(*list, [&](const io::ShareObservation& o) { return o.as_of < keep_from; });
    sort_by_date(*list);
  }
  // The primary class's counts are all-class totals: the snapshot caps then describe the same
  // total and stay usable as a check.
  const auto snapshot_shares = snapshot_basis_shares(symbol, prices, context);
  std::vector<std::vector<Restated>> by_priority;
  // Both point-in-time sources detect splits; the SEC brackets are kept where both saw one.
  std::vector<Split> from_sec;
  std::vector<Split> from_yahoo;
  by_priority.push_back(
      restate_point_in_time(symbol, candidates.sec, snapshot_shares, context, from_sec));
  by_priority.push_back(restate_point_in_time(symbol, candidates.yahoo_monthly, snapshot_shares,
                                              context, from_yahoo));
  detected = merge_detected_splits(std::move(from_sec), from_yahoo);
  const std::vector<Restated>& best_point_in_time =
      !by_priority[0].empty() ? by_priority[0] : by_priority[1];
  by_priority.push_back(
      restate_fmp(symbol, candidates.fmp, snapshot_shares, best_point_in_time, context));
  std::vector<Restated> implied;
  implied.reserve(snapshot_shares.size());
  for (const auto& [session, shares] : snapshot_shares) {
    implied.push_back(
        {io::ShareObservation{symbol, session, shares, prices.bars.basis().split,
                              "Yahoo snapshot market cap / close", "yahoo_snapshot",
                              fmt::format("snapshot of the {} close", format_iso_date(session))},
         1.0});
  }
  by_priority.push_back(std::move(implied));

  // The highest-priority source that has counts is used whole; a lower one fills only the
  // dates before the first count of every source above it.
  std::vector<Step<SharesRecord>> steps;
  std::optional<date> covered_from;
  for (const auto& list : by_priority) {
    std::vector<Step<SharesRecord>> earlier;
    for (const Restated& r : list) {
      if (covered_from && !(r.observation.as_of < *covered_from)) break;
      earlier.push_back({r.observation.as_of, to_record(r)});
    }
    if (earlier.empty()) continue;
    steps.insert(steps.begin(), earlier.begin(), earlier.end());
    covered_from = steps.front().effective;
  }
  if (steps.empty()) context.note("shares", symbol.str(), "no share count in any source");
  if (candidates.primary_of_several && !steps.empty()) {
    for (auto& s : steps) s.value.measure += "; issuer total, all classes";
  }
  return StepSeries<SharesRecord>(std::move(steps));
}

}  // namespace marketshock::recipe
