// The subcommands of the marketshock tool. Each registers itself on the app and runs through
// a callback; failures are exceptions, turned into one-line errors by main().
#pragma once

#include <CLI/CLI.hpp>

namespace marketshock::cli {

/// `marketshock calendar --from D --to D [--json]`: NYSE sessions and closures in a range.
void add_calendar_command(CLI::App& app);

/// `marketshock dataset check [DIR]` and `marketshock dataset build --from RAW --out DIR`.
void add_dataset_command(CLI::App& app);
/// The `build` subcommand of `dataset` (dataset_build_command.cpp).
void add_dataset_build_command(CLI::App& dataset);

/// `marketshock moves SYMBOL --from D [--to D]`: daily moves, the period and the week.
void add_moves_command(CLI::App& app);
/// `marketshock records [--top N] [--as-of D] ...`: record one-day moves.
void add_records_command(CLI::App& app);
/// `marketshock explain SYMBOL DATE (--usd X | --pct P)`: the bases behind a published figure.
void add_explain_command(CLI::App& app);
/// `marketshock contagion --date D [--index ...] [--exclude ...]`: index moves rebuilt and
/// attributed.
void add_contagion_command(CLI::App& app);
void add_eventstudy_command(CLI::App& app);     ///< `eventstudy SYMBOL... --event D`: CARs, tests.
void add_connectedness_command(CLI::App& app);  ///< `connectedness SYMBOL...`: Diebold-Yilmaz.
void add_correlation_command(CLI::App& app);    ///< `correlation TARGET... --source S`: FR test.

}  // namespace marketshock::cli
