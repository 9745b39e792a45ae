#include <marketshock/io/dataset/shares_listing_check.hpp>

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/require.hpp>
#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>
#include <utility>

namespace marketshock::io {

namespace {

using boost::gregorian::date;

// How many early counts the check's detail lists before "...".
constexpr std::size_t kExamples = 10;

void require_lead(int max_lead_days) {
  MARKETSHOCK_REQUIRE(max_lead_days >= 0, "the lead before the first bar must not be negative: {}",
                      max_lead_days);
}

// Calendar days from `effective` to `first_bar` when the count is too early, else nothing.
std::optional<long> too_early(date effective, date first_bar, int max_lead_days) {
  const long days_before = (first_bar - effective).days();
  if (days_before > max_lead_days) return days_before;
  return std::nullopt;
}

}  // namespace

std::vector<ShareCountBeforeListing> find_share_counts_before_listing(const MarketData& data,
                                                                      int max_lead_days) {
  require_lead(max_lead_days);
  std::vector<ShareCountBeforeListing> found;
  for (const SecurityRecord& record : data.securities()) {
    if (record.bars.size() == 0) continue;
    const date first_bar = record.bars.dates().front();
    // Steps are sorted by date: the early ones, if any, come first.
    for (const Step<SharesRecord>& step : record.shares.steps()) {
      const auto days_before = too_early(step.effective, first_bar, max_lead_days);
      if (!days_before) break;
      found.push_back({record.security.symbol, step.effective, first_bar, *days_before,
                       step.value.source, step.value.reference});
    }
  }
  return found;
}

CheckResult check_share_counts_near_listing(const MarketData& data, int max_lead_days) {
  const auto found = find_share_counts_before_listing(data, max_lead_days);
  CheckResult result{
      fmt::format("share counts take effect at most {} days before the first bar", max_lead_days),
      found.empty() ? CheckVerdict::ok : CheckVerdict::failed, ""};
  if (found.empty()) {
    result.detail = "no share count before that";
    return result;
  }
  std::vector<std::string> examples;
  for (std::size_t i = 0; i < std::min(found.size(), kExamples); ++i) {
    const ShareCountBeforeListing& f = found[i];
    examples.push_back(fmt::format("{} {} ({} days before its first bar {}; {} {})", f.symbol,
                                   format_iso_date(f.effective), f.days_before,
                                   format_iso_date(f.first_bar), f.source, f.reference));
  }
  result.detail = fmt::format("{} share count{} too early, e.g. {}{}", found.size(),
                              found.size() == 1 ? "" : "s", fmt::join(examples, "; "),
                              found.size() > kExamples ? "; ..." : "");
  return result;
}

LoadReport verify_share_counts_near_listing(CsvReader& shares, const MarketData& data,
                                            LoadPolicy policy, int max_lead_days) {
  require_lead(max_lead_days);
  const auto [symbol_column, effective_column] =
      shares.require_columns({"symbol", "effective_date"});
  // Init-captures, not the bindings themselves: clang-tidy 16's analyzer misreads a captured
  // structured binding as an undefined pointer (LLVM issue 91835, fixed in LLVM 21).
  return for_each_row(
      shares, policy,
      [&, symbol_column = symbol_column, effective_column = effective_column](const CsvRow& row) {
        const std::string_view text = row.text(symbol_column);
        const auto symbol = Symbol::try_parse(text);
        const auto id = symbol ? data.find(*symbol) : std::nullopt;
        if (!id) {
          throw row.error(symbol_column, fmt::format("unknown symbol {} (not in the dataset)",
                                                     quoted_for_message(text)));
        }
        const date effective = row.as_date(effective_column);
        const DailyBars& bars = data.record(*id).bars;
        if (bars.size() == 0) return;
        const date first_bar = bars.dates().front();
        if (const auto days_before = too_early(effective, first_bar, max_lead_days)) {
          throw DataError(
              row.position(effective_column),
              fmt::format("column {}: share count of {} effective {}, {} days before its "
                          "first bar {} (at most {} allowed)",
                          quoted_for_message(row.column_name(effective_column)), *symbol,
                          format_iso_date(effective), *days_before, format_iso_date(first_bar),
                          max_lead_days));
        }
      });
}

}  // namespace marketshock::io
