/// \file normalise_ticker.hpp
/// \brief normalise_ticker: the one rule that turns a vendor's ticker text into a Symbol.
#pragma once

#include <marketshock/core/symbol.hpp>

#include <optional>
#include <string_view>

namespace marketshock::io {

/// The vendor ticker `vendor_ticker` as a Symbol in the project's dot form.
///
/// Rule: share-class separators are written '.' in the project (`BRK.B`, `BF.B`), while Yahoo and
/// others write '-' (`BRK-B`) and some exchanges '/' (`BRK/B`); every '-' and '/' becomes '.'.
/// Nothing else changes: no trimming, no case folding (a lower-case or padded field means a wrong
/// column, not a ticker). The result must be a valid Symbol (1 to 15 characters of A-Z 0-9 .)
/// that neither starts nor ends with '.', so index tickers such as `^GSPC` are rejected.
/// Examples: "BRK-B", "BRK/B", "BRK.B" -> BRK.B; "NVDA" -> NVDA; "brk.b", " NVDA", "", "^GSPC",
/// "BRK-" -> invalid.
/// \throws InvalidArgument naming the text and the rule it breaks.
[[nodiscard]] Symbol normalise_ticker(std::string_view vendor_ticker);

/// The non-throwing twin of normalise_ticker(): nullopt when the text is not a ticker.
[[nodiscard]] std::optional<Symbol> try_normalise_ticker(std::string_view vendor_ticker) noexcept;

}  // namespace marketshock::io
