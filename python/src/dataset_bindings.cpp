#include "dataset_bindings.hpp"

#include "columns.hpp"
#include "json_objects.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/core/iso_date.hpp>
#include <marketshock/core/quoted.hpp>
#include <marketshock/records/explain.hpp>
#include <marketshock/records/move_path.hpp>
#include <marketshock/records/ranking.hpp>
#include <marketshock/records/week_move.hpp>
#include <marketshock/report/explain_report.hpp>
#include <marketshock/report/records_json.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace marketshock::python {

namespace {

using boost::gregorian::date;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::optional<date> optional_date(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return parse_iso_date(*text);
}

// ---------------------------------------------------------------------------------------------
// securities

py::dict securities_columns(const MarketData& data) {
  const auto& rows = data.securities();
  py::dict c;
  c["symbol"] =
      string_column(rows, [](const SecurityRecord& r) { return r.security.symbol.str(); });
  c["issuer"] =
      string_column(rows, [](const SecurityRecord& r) { return r.security.issuer.key(); });
  c["issuer_name"] =
      string_column(rows, [&](const SecurityRecord& r) -> std::optional<std::string> {
        const Issuer* issuer = data.issuer(r.security.issuer);
        if (issuer == nullptr) return std::nullopt;
        return issuer->name;
      });
  c["name"] = string_column(rows, [](const SecurityRecord& r) { return r.security.name; });
  c["share_class"] =
      string_column(rows, [](const SecurityRecord& r) { return r.security.share_class; });
  c["exchange"] = string_column(
      rows, [](const SecurityRecord& r) { return std::string(to_string(r.security.exchange)); });
  c["gics_sector"] =
      string_column(rows, [](const SecurityRecord& r) { return r.security.gics_sector; });
  c["gics_industry"] =
      string_column(rows, [](const SecurityRecord& r) { return r.security.gics_industry; });
  c["price_basis"] =
      string_column(rows, [](const SecurityRecord& r) { return r.bars.basis().describe(); });
  c["price_source"] =
      string_column(rows, [](const SecurityRecord& r) { return r.provenance.source; });
  c["price_note"] = string_column(rows, [](const SecurityRecord& r) { return r.provenance.note; });
  c["price_flagged"] =
      bool_column(rows, [](const SecurityRecord& r) { return r.provenance.flagged; });
  c["first_bar"] = date_column(rows, [](const SecurityRecord& r) -> std::optional<date> {
    if (r.bars.empty()) return std::nullopt;
    return r.bars.dates().front();
  });
  c["last_bar"] = date_column(rows, [](const SecurityRecord& r) -> std::optional<date> {
    if (r.bars.empty()) return std::nullopt;
    return r.bars.dates().back();
  });
  c["bars"] = int_column(rows, [](const SecurityRecord& r) { return r.bars.size(); });
  c["share_counts"] = int_column(rows, [](const SecurityRecord& r) { return r.shares.size(); });
  return c;
}

// ---------------------------------------------------------------------------------------------
// moves

py::dict move_path_columns(const records::MovePath& path) {
  const auto& days = path.days;
  using records::PathDay;
  // As the CLI's JSON: a move across a gap keeps its market-value figures (its status and
  // sessions_spanned say it is no one-day move); every other status has none.
  const auto known = [](const PathDay& d, double value) {
    return d.move.has_market_value_figures() ? value : kNaN;
  };
  py::dict c;
  c["date"] = date_column(days, [](const PathDay& d) { return d.move.date; });
  c["previous_date"] = date_column(days, [](const PathDay& d) { return d.move.previous_date; });
  c["close"] = float_column(days, [](const PathDay& d) { return d.move.close; });
  c["prev_close"] = float_column(days, [](const PathDay& d) { return d.move.previous_close; });
  c["return"] = float_column(days, [](const PathDay& d) { return d.move.close_return; });
  c["open"] = float_column(days, [](const PathDay& d) { return d.move.open; });
  c["low"] = float_column(days, [](const PathDay& d) { return d.move.low; });
  c["high"] = float_column(days, [](const PathDay& d) { return d.move.high; });
  c["open_gap_return"] =
      float_column(days, [](const PathDay& d) { return d.move.open_gap_return; });
  c["intraday_low_return"] =
      float_column(days, [](const PathDay& d) { return d.move.intraday_low_return; });
  c["intraday_high_return"] =
      float_column(days, [](const PathDay& d) { return d.move.intraday_high_return; });
  c["split_ratio"] = float_column(days, [](const PathDay& d) { return d.move.split_ratio; });
  c["market_value_status"] = string_column(
      days, [](const PathDay& d) { return std::string(to_string(d.move.market_value_status)); });
  c["sessions_spanned"] =
      int_column(days, [](const PathDay& d) { return d.move.sessions_spanned; });
  c["previous_market_value_usd"] = float_column(
      days, [&](const PathDay& d) { return known(d, d.move.previous_market_value_usd); });
  c["market_value_usd"] =
      float_column(days, [&](const PathDay& d) { return known(d, d.move.market_value_usd); });
  c["market_value_change_usd"] = float_column(
      days, [&](const PathDay& d) { return known(d, d.move.market_value_change_usd); });
  c["market_value_change_return"] = float_column(
      days, [&](const PathDay& d) { return known(d, d.move.market_value_change_return); });
  c["open_gap_change_usd"] =
      float_column(days, [&](const PathDay& d) { return known(d, d.move.open_gap_change_usd); });
  c["intraday_low_change_usd"] = float_column(
      days, [&](const PathDay& d) { return known(d, d.move.intraday_low_change_usd); });
  c["intraday_high_change_usd"] = float_column(
      days, [&](const PathDay& d) { return known(d, d.move.intraday_high_change_usd); });
  c["shares"] = float_column(
      days, [](const PathDay& d) { return d.move.shares ? d.move.shares->record.shares : kNaN; });
  c["shares_source"] = string_column(days, [](const PathDay& d) -> std::optional<std::string> {
    if (!d.move.shares) return std::nullopt;
    return d.move.shares->record.source;
  });
  c["shares_measure"] = string_column(days, [](const PathDay& d) -> std::optional<std::string> {
    if (!d.move.shares) return std::nullopt;
    return d.move.shares->record.measure;
  });
  c["shares_as_of"] = date_column(days, [](const PathDay& d) -> std::optional<date> {
    if (!d.move.shares) return std::nullopt;
    return d.move.shares->effective;
  });
  c["cumulative_return"] = float_column(days, [](const PathDay& d) { return d.cumulative_return; });
  c["cumulative_change_usd"] =
      float_column(days, [](const PathDay& d) { return d.cumulative_change_usd; });
  return c;
}

py::dict moves(const Dataset& ds, const std::string& symbol, const std::string& from_text,
               const std::optional<std::string>& to_text) {
  // In the command-line tool's order, so that the same bad input gives the same error.
  const date from = parse_iso_date(from_text);
  const date to = to_text ? parse_iso_date(*to_text) : from;
  const MarketData& data = ds.data();
  const SecurityRecord& security = data.record(data.require(symbol));
  const auto path = records::move_path(data, symbol, from, to);
  const auto week = records::week_in_history(data, symbol, from);
  // The basis, period and week of the tool's JSON document, from the same report function.
  const nlohmann::json document = report::moves_json(security, path, week);
  py::dict out;
  out["days"] = move_path_columns(path);
  out["symbol"] = security.security.symbol.str();
  out["name"] = security.security.name;
  out["basis"] = to_python(document.at("basis"));
  out["period"] = to_python(document.at("period"));
  out["week"] = to_python(document.at("week"));
  return out;
}

// ---------------------------------------------------------------------------------------------
// records

records::Measure parse_measure(const std::string& by) {
  if (by == "usd") return records::Measure::usd;
  if (by == "pct") return records::Measure::percent;
  throw InvalidArgument(fmt::format("by must be 'usd' or 'pct', not {}", quoted_for_message(by)));
}

records::Grouping parse_grouping(const std::string& per) {
  if (per == "security") return records::Grouping::security;
  if (per == "issuer") return records::Grouping::issuer;
  throw InvalidArgument(
      fmt::format("per must be 'security' or 'issuer', not {}", quoted_for_message(per)));
}

std::string joined_symbols(const records::MoveEntry& e) {
  std::vector<std::string> symbols;
  symbols.reserve(e.symbols.size());
  for (const Symbol& s : e.symbols) symbols.push_back(s.str());
  return fmt::format("{}", fmt::join(symbols, "+"));
}

py::list symbol_lists(const std::vector<records::RankedMove>& moves) {
  py::list out(moves.size());
  std::size_t i = 0;
  for (const auto& r : moves) {
    py::list symbols;
    for (const Symbol& s : r.move.symbols) symbols.append(s.str());
    out[i++] = std::move(symbols);
  }
  return out;
}

py::dict ranked_columns(const std::vector<records::RankedMove>& moves) {
  using records::RankedMove;
  const auto previous = [](const RankedMove& r) -> const records::MoveEntry* {
    return r.previous_record ? &*r.previous_record : nullptr;
  };
  // Column order for print(): pandas shows the first and last columns of a wide frame, so the
  // move (symbol, date) comes first and its market-value change last.
  py::dict c;
  c["rank"] = int_column(moves, [](const RankedMove& r) { return r.rank; });
  c["symbol"] = string_column(moves, [](const RankedMove& r) { return joined_symbols(r.move); });
  c["date"] = date_column(moves, [](const RankedMove& r) { return r.move.date; });
  c["return"] = float_column(moves, [](const RankedMove& r) { return r.move.close_return; });
  c["record_at_the_time"] =
      bool_column(moves, [](const RankedMove& r) { return r.record_at_the_time; });
  c["previous_record_symbol"] =
      string_column(moves, [&](const RankedMove& r) -> std::optional<std::string> {
        if (const auto* p = previous(r)) return joined_symbols(*p);
        return std::nullopt;
      });
  c["previous_record_date"] = date_column(moves, [&](const RankedMove& r) -> std::optional<date> {
    if (const auto* p = previous(r)) return p->date;
    return std::nullopt;
  });
  c["previous_record_return"] = float_column(moves, [&](const RankedMove& r) {
    const auto* p = previous(r);
    return p != nullptr ? p->close_return : kNaN;
  });
  c["previous_record_market_value_change_usd"] = float_column(moves, [&](const RankedMove& r) {
    const auto* p = previous(r);
    return p != nullptr ? p->market_value_change_usd : kNaN;
  });
  c["previous_record_previous_market_value_usd"] = float_column(moves, [&](const RankedMove& r) {
    const auto* p = previous(r);
    return p != nullptr ? p->previous_market_value_usd : kNaN;
  });
  c["previous_record_issuer"] =
      string_column(moves, [&](const RankedMove& r) -> std::optional<std::string> {
        if (const auto* p = previous(r)) return p->issuer.key();
        return std::nullopt;
      });
  c["issuer"] = string_column(moves, [](const RankedMove& r) { return r.move.issuer.key(); });
  c["symbols"] = symbol_lists(moves);
  c["value"] = float_column(moves, [](const RankedMove& r) { return r.move.value; });
  c["previous_market_value_usd"] =
      float_column(moves, [](const RankedMove& r) { return r.move.previous_market_value_usd; });
  c["market_value_change_usd"] =
      float_column(moves, [](const RankedMove& r) { return r.move.market_value_change_usd; });
  return c;
}

py::dict excluded_columns(const std::vector<records::ExcludedMoves>& excluded) {
  using records::ExcludedMoves;
  py::dict c;
  c["symbol"] = string_column(excluded, [](const ExcludedMoves& e) { return e.symbol.str(); });
  c["issuer"] = string_column(excluded, [](const ExcludedMoves& e) { return e.issuer.key(); });
  c["reason"] = string_column(
      excluded, [](const ExcludedMoves& e) { return std::string(to_string(e.reason)); });
  c["first"] = date_column(excluded, [](const ExcludedMoves& e) { return e.first; });
  c["last"] = date_column(excluded, [](const ExcludedMoves& e) { return e.last; });
  c["sessions"] = int_column(excluded, [](const ExcludedMoves& e) { return e.sessions; });
  c["sessions_spanned"] =
      int_column(excluded, [](const ExcludedMoves& e) { return e.sessions_spanned; });
  return c;
}

py::dict records_result(Dataset& ds, std::int64_t top, const std::optional<std::string>& as_of,
                        const std::optional<std::string>& from,
                        const std::optional<std::string>& to, const std::string& universe,
                        const std::string& by, bool gains, const std::string& per) {
  if (top < 1) throw InvalidArgument(fmt::format("top N must be at least 1, got {}", top));
  records::RankingQuery query;
  query.top = static_cast<std::size_t>(top);
  query.direction = gains ? records::Direction::gains : records::Direction::losses;
  query.measure = parse_measure(by);
  query.per = parse_grouping(per);
  query.as_of = optional_date(as_of);
  query.from = optional_date(from);
  query.to = optional_date(to);
  if (universe != "all") query.universe = universe;

  std::optional<records::Ranking> ranking;
  {
    // The first ranking builds the table of every move; later ones reuse it.
    py::gil_scoped_release release;
    ranking.emplace(records::rank_moves(ds.move_table(), query));
  }
  py::dict out;
  out["records"] = ranked_columns(ranking->moves);
  py::dict holders;
  holders["key"] =
      string_column(ranking->holders, [](const records::HolderCount& h) { return h.key; });
  holders["count"] =
      int_column(ranking->holders, [](const records::HolderCount& h) { return h.count; });
  out["holders"] = std::move(holders);
  out["excluded"] = excluded_columns(ranking->excluded);
  out["as_of"] = format_iso_date(ranking->as_of);
  out["from"] = format_iso_date(ranking->from);
  out["to"] = format_iso_date(ranking->to);
  out["universe"] = ranking->query.universe.value_or("all");
  out["by"] = std::string(to_string(ranking->query.measure));
  out["direction"] = std::string(to_string(ranking->query.direction));
  out["per"] = std::string(to_string(ranking->query.per));
  out["candidates"] = ranking->candidate_count;
  return out;
}

// ---------------------------------------------------------------------------------------------
// explain

py::dict candidate_columns(const std::vector<records::CandidateBasis>& candidates) {
  using records::CandidateBasis;
  py::dict c;
  c["basis"] = string_column(candidates, [](const CandidateBasis& b) { return b.description; });
  c["start_date"] = date_column(candidates, [](const CandidateBasis& b) { return b.start_date; });
  c["start_price"] =
      float_column(candidates, [](const CandidateBasis& b) { return b.start_price; });
  c["start_kind"] = string_column(candidates, [](const CandidateBasis& b) { return b.start_kind; });
  c["end_date"] = date_column(candidates, [](const CandidateBasis& b) { return b.end_date; });
  c["end_price"] = float_column(candidates, [](const CandidateBasis& b) { return b.end_price; });
  c["end_kind"] = string_column(candidates, [](const CandidateBasis& b) { return b.end_kind; });
  c["shares"] = float_column(candidates, [](const CandidateBasis& b) { return b.shares; });
  c["shares_as_of"] =
      date_column(candidates, [](const CandidateBasis& b) { return b.shares_as_of; });
  c["shares_source"] =
      string_column(candidates, [](const CandidateBasis& b) { return b.shares_source; });
  c["shares_measure"] =
      string_column(candidates, [](const CandidateBasis& b) { return b.shares_measure; });
  c["shares_in_force"] =
      bool_column(candidates, [](const CandidateBasis& b) { return b.shares_in_force; });
  c["change_usd"] = float_column(candidates, [](const CandidateBasis& b) { return b.change_usd; });
  c["change_fraction"] =
      float_column(candidates, [](const CandidateBasis& b) { return b.change_fraction; });
  c["distance"] = float_column(candidates, [](const CandidateBasis& b) { return b.distance; });
  return c;
}

py::dict implied_columns(const std::vector<records::ImpliedPrice>& prices) {
  using records::ImpliedPrice;
  py::dict c;
  c["shares"] = float_column(prices, [](const ImpliedPrice& p) { return p.shares; });
  c["shares_as_of"] = date_column(prices, [](const ImpliedPrice& p) { return p.shares_as_of; });
  c["shares_source"] = string_column(prices, [](const ImpliedPrice& p) { return p.shares_source; });
  c["shares_in_force"] =
      bool_column(prices, [](const ImpliedPrice& p) { return p.shares_in_force; });
  c["price"] = float_column(prices, [](const ImpliedPrice& p) { return p.price; });
  c["within_day_range"] =
      bool_column(prices, [](const ImpliedPrice& p) { return p.within_day_range; });
  return c;
}

py::dict explain(const Dataset& ds, const std::string& symbol, const std::string& session,
                 std::optional<double> usd, std::optional<double> fraction) {
  records::PublishedFigure figure;
  figure.usd = usd;
  figure.fraction = fraction;
  const date day = parse_iso_date(session);
  std::optional<records::Explanation> e;
  {
    py::gil_scoped_release release;
    e.emplace(records::explain_figure(ds.data(), symbol, day, figure));
  }
  py::dict out;
  out["candidates"] = candidate_columns(e->candidates);
  out["implied_prices"] = implied_columns(e->implied_prices);
  out["symbol"] = e->symbol.str();
  out["date"] = format_iso_date(e->session);
  py::dict figure_out;
  if (e->figure.usd) figure_out["usd"] = *e->figure.usd;
  if (e->figure.fraction) figure_out["fraction"] = *e->figure.fraction;
  out["figure"] = std::move(figure_out);
  py::dict day_out;
  day_out["previous_close"] = e->previous_close;
  day_out["open"] = e->open;
  day_out["high"] = e->high;
  day_out["low"] = e->low;
  day_out["close"] = e->close;
  out["day"] = std::move(day_out);
  out["verdict"] = report::explanation_verdict(*e);
  out["reproduced"] = report::is_reproduced(*e);
  out["intraday_figure"] = report::is_intraday_figure(*e);
  return out;
}

// ---------------------------------------------------------------------------------------------
// load reports

py::dict load_report_columns(const std::vector<io::LoadReport>& reports) {
  using io::LoadReport;
  py::dict c;
  c["file"] = string_column(reports, [](const LoadReport& r) { return r.file; });
  c["rows_read"] = int_column(reports, [](const LoadReport& r) { return r.rows_read; });
  c["rows_loaded"] = int_column(reports, [](const LoadReport& r) { return r.rows_loaded; });
  c["rows_skipped"] = int_column(reports, [](const LoadReport& r) { return r.skipped.size(); });
  return c;
}

py::dict skipped_row_columns(const std::vector<io::LoadReport>& reports) {
  std::vector<io::SkippedRow> rows;
  for (const auto& r : reports) rows.insert(rows.end(), r.skipped.begin(), r.skipped.end());
  using io::SkippedRow;
  py::dict c;
  c["file"] = string_column(rows, [](const SkippedRow& s) { return s.position.file; });
  c["line"] = int_column(rows, [](const SkippedRow& s) { return s.position.line; });
  c["column"] = int_column(rows, [](const SkippedRow& s) { return s.position.column; });
  c["reason"] = string_column(rows, [](const SkippedRow& s) { return s.reason; });
  return c;
}

}  // namespace

Dataset::Dataset(std::filesystem::path directory, io::LoadPolicy policy)
    : directory_(std::move(directory)),
      policy_(policy),
      loaded_(io::load_dataset(directory_, policy)) {}

const records::MoveTable& Dataset::move_table() {
  std::call_once(table_built_,
                 [this] { table_ = std::make_unique<records::MoveTable>(loaded_.data); });
  return *table_;
}

void bind_dataset(py::module_& m) {
  py::class_<Dataset> cls(m, "Dataset",
                          "A dataset directory loaded into memory (see marketshock.Dataset, which "
                          "wraps this class and returns pandas DataFrames).");
  cls.def_property_readonly("directory", &Dataset::directory, "The directory it was loaded from.")
      .def_property_readonly(
          "name", [](const Dataset& ds) { return ds.data().name(); }, "The dataset's name.")
      .def_property_readonly(
          "policy", [](const Dataset& ds) { return std::string(io::to_string(ds.policy())); },
          "'strict' or 'lenient'.")
      .def_property_readonly(
          "load_seconds", [](const Dataset& ds) { return ds.loaded().seconds; },
          "Seconds the load took.")
      .def_property_readonly(
          "bytes_read", [](const Dataset& ds) { return ds.loaded().bytes_read; },
          "Bytes of the tables read.")
      .def(
          "metadata",
          [](const Dataset& ds) {
            nlohmann::json j;
            to_json(j, ds.loaded().metadata);
            return to_python(j);
          },
          "manifest.json without the checksums, as a dict.")
      .def(
          "load_report", [](const Dataset& ds) { return load_report_columns(ds.loaded().reports); },
          "One row per table: file, rows_read, rows_loaded, rows_skipped (columns).")
      .def(
          "skipped_rows",
          [](const Dataset& ds) { return skipped_row_columns(ds.loaded().reports); },
          "Every row a lenient load skipped: file, line, column (0: unknown), reason (columns).")
      .def(
          "securities", [](const Dataset& ds) { return securities_columns(ds.data()); },
          "Every security, sorted by symbol (columns).")
      .def("moves", &moves, py::arg("symbol"), py::arg("start"), py::arg("end") = py::none(),
           "The CLI's `moves SYMBOL --from START --to END --json`: day columns, basis, period, "
           "week.")
      .def("records", &records_result, py::arg("top"), py::arg("as_of"), py::arg("since"),
           py::arg("until"), py::arg("universe"), py::arg("by"), py::arg("gains"), py::arg("per"),
           "The CLI's `records --json`: record columns, holders, excluded, query. Releases the "
           "GIL; builds the table of all moves on the first call.")
      .def("explain", &explain, py::arg("symbol"), py::arg("date"), py::arg("usd") = py::none(),
           py::arg("fraction") = py::none(),
           "The CLI's `explain --json` with every candidate: candidates, implied prices, day, "
           "verdict. Releases the GIL.")
      .def(
          "build_move_table",
          [](Dataset& ds) {
            py::gil_scoped_release release;
            static_cast<void>(ds.move_table());
          },
          "Builds the table of every move now rather than at the first ranking (releases the "
          "GIL).");

  m.def(
      "load_dataset",
      [](const std::filesystem::path& directory, bool lenient) {
        py::gil_scoped_release release;
        return std::make_unique<Dataset>(
            directory, lenient ? io::LoadPolicy::lenient : io::LoadPolicy::strict);
      },
      py::arg("directory"), py::arg("lenient") = false,
      "Loads a dataset directory (checksums verified). Releases the GIL while loading.");
}

}  // namespace marketshock::python
