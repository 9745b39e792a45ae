// The Dow Jones Industrial Average's composition, transcribed from public sources:
//
// - The 30 members from 2024-02-26: S&P Dow Jones Indices, "Amazon.com Set to Join Dow Jones
//   Industrial Average; Uber to Join Dow Jones Transportation Average", PR Newswire, New York,
//   2024-02-20 (https://menafn.com/1107877225/ ; also
//   https://uk.advfn.com/stock-market/NYSE/UBER/share-news/Amazon-com-Set-to-Join-Dow-Jones-Industrial-Averag/93323014):
//   Amazon.com replaces Walgreens Boots Alliance "effective prior to the open of trading on
//   Monday, February 26" (the day Walmart's 3:1 split took effect). The release names only the
//   change; the whole list "as of February 26, 2024" is the one of
//   https://blockwise.info/what-is-the-dow-jones-industrial-average (30 companies, AMZN in, WBA
//   out), and agrees with the release of 2024-11-01 naming INTC and DOW as members.
// - 2024-11-08: S&P Dow Jones Indices, "NVIDIA and Sherwin-Williams Set to Join Dow Jones
//   Industrial Average; Vistra to Join Dow Jones Utility Average", PR Newswire, New York,
//   2024-11-01 (https://menafn.com/1108843032/ ; also finanznachrichten.de of 2024-11-02):
//   NVIDIA replaces Intel and Sherwin-Williams replaces Dow Inc. "effective prior to the open of
//   trading on Friday, November 8".
// - No change through 2025-04-30: the component lists of indexarb.org dated 2025-01-30 and
//   2025-02-20 (and of March 2026) are the 2024-11-08 composition.
//
// Intervals start on 2024-02-26 even for members that joined earlier: the dataset's bars of most
// members start 2024-08-01, and no earlier composition is transcribed here. An interval's end is
// the first session out (the dataset's convention).
#include "djia_composition.hpp"

#include <fmt/format.h>

#include <array>
#include <optional>

namespace marketshock::recipe {

namespace {

using boost::gregorian::date;

struct DjiaInterval {
  const char* symbol;
  date start;
  std::optional<date> end;
};

std::vector<DjiaInterval> djia_intervals() {
  const date feb_26_2024(2024, 2, 26);
  const date nov_8_2024(2024, 11, 8);
  // The composition of 2024-02-26, in ticker order.
  constexpr std::array kFebruary2024 = {"AAPL", "AMGN", "AMZN", "AXP", "BA",  "CAT", "CRM",  "CSCO",
                                        "CVX",  "DIS",  "DOW",  "GS",  "HD",  "HON", "IBM",  "INTC",
                                        "JNJ",  "JPM",  "KO",   "MCD", "MMM", "MRK", "MSFT", "NKE",
                                        "PG",   "TRV",  "UNH",  "V",   "VZ",  "WMT"};
  std::vector<DjiaInterval> out;
  for (const char* symbol : kFebruary2024) {
    const std::string_view s(symbol);
    // Intel and Dow Inc. left on 2024-11-08, replaced by NVIDIA and Sherwin-Williams.
    const bool left = s == "INTC" || s == "DOW";
    out.push_back({symbol, feb_26_2024, left ? std::optional<date>(nov_8_2024) : std::nullopt});
  }
  out.push_back({"NVDA", nov_8_2024, std::nullopt});
  out.push_back({"SHW", nov_8_2024, std::nullopt});
  return out;
}

}  // namespace

IndexMembership djia_membership(const std::set<Symbol>& in_dataset, BuildContext& context) {
  IndexMembership djia("djia", "Dow Jones Industrial Average");
  std::size_t added = 0;
  for (const DjiaInterval& interval : djia_intervals()) {
    const Symbol symbol(interval.symbol);
    if (!in_dataset.contains(symbol)) {
      context.note("membership", symbol.str(),
                   "Dow Jones Industrial Average member without bars in the dataset: left out");
      continue;
    }
    djia.add_interval(symbol, interval.start, interval.end);
    ++added;
  }
  context.note("membership", "",
               fmt::format("Dow Jones Industrial Average: {} securities from the S&P Dow Jones "
                           "Indices announcements of 2024-02-20 (AMZN for WBA from 2024-02-26) "
                           "and 2024-11-01 (NVDA for INTC, SHW for DOW from 2024-11-08); intervals "
                           "start 2024-02-26 (see djia_composition.cpp)",
                           added));
  return djia;
}

}  // namespace marketshock::recipe
