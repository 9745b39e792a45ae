// Dating the splits that the share counts detected: the tick grid of each split-only vendor
// price file (split_dates.hpp) gives the exact date where it decides; the SEC's own split facts,
// where a companyfacts recording has them, are a cross-check reported beside it, never a source.
#pragma once

#include "build_context.hpp"

#include <marketshock/core/corporate_actions.hpp>
#include <marketshock/core/symbol.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace marketshock::recipe {

/// One us-gaap `StockholdersEquityNoteStockSplitConversionRatio1` fact of an SEC companyfacts
/// document: a split ratio a company reported for an instant (`start` empty: NVIDIA's 4 at
/// 2021-07-19, the last session before the split) or a period (its 10 for June 2024).
struct SecSplitFact {
  std::optional<boost::gregorian::date> start;
  boost::gregorian::date end;
  double ratio = 1.0;
  std::string form;
  std::string accession;
};

/// The split facts of every companyfacts response recorded under
/// `shares/dgunning__edgartools/tests/cassettes` (vcrpy YAML whose body is the JSON), by CIK in
/// decimal without leading zeros; one fact per (start, end, ratio). A recording that does not
/// read is noted and skipped; none at all gives an empty map.
[[nodiscard]] std::map<std::string, std::vector<SecSplitFact>> read_sec_split_facts(
    BuildContext& context);

/// Dates the splits of one security (`splits` sorted by date, as select_shares() detects them):
/// a split whose bracket the tick grid of a split-only price file decides gets its exact date
/// and no `earliest_after`; the others keep their bracket. Every split's `source` says which
/// file and evidence, or why the date stays a bracket; every finding and the cross-check
/// against `sec_facts` (the issuer's, possibly empty) are noted under "splits".
void date_splits(const Symbol& symbol, std::vector<Split>& splits,
                 const std::vector<SecSplitFact>& sec_facts, BuildContext& context);

}  // namespace marketshock::recipe
