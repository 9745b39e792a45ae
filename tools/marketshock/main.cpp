// marketshock: the command-line tool. Every failure ends as one line on stderr and a non-zero
// exit status: 2 for bad usage, 1 for bad data or a failed analysis. Never a stack trace.
#include "commands.hpp"

#include <marketshock/core/error.hpp>
#include <marketshock/core/quoted.hpp>
#include <marketshock/version.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <exception>
#include <string_view>

namespace {

/// Longest error line printed. Messages repeat what was typed (CLI11's "The following argument
/// was not expected: ..." quotes an argument whole), so every message is escaped (no control
/// byte, no terminal escape, no second line) and cut here.
constexpr std::size_t kMaxErrorChars = 400;

void print_error(std::string_view message, std::string_view suffix = {}) {
  fmt::print(stderr, "marketshock: error: {}{}\n",
             marketshock::escaped_for_message(message, kMaxErrorChars), suffix);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"marketshock: market-event forensics (moves, records, contagion)", "marketshock"};
  app.set_version_flag("--version", std::string(marketshock::kVersion));
  app.require_subcommand(1);
  marketshock::cli::add_calendar_command(app);
  marketshock::cli::add_dataset_command(app);
  marketshock::cli::add_moves_command(app);
  marketshock::cli::add_records_command(app);
  marketshock::cli::add_contagion_command(app);
  marketshock::cli::add_explain_command(app);
  marketshock::cli::add_eventstudy_command(app);
  marketshock::cli::add_connectedness_command(app);
  marketshock::cli::add_correlation_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    print_error(e.what(), " (see marketshock --help)");
    return 2;
  } catch (const marketshock::Error& e) {
    print_error(e.message());
    return 1;
  } catch (const std::exception& e) {
    print_error(e.what());
    return 1;
  }
  return 0;
}
