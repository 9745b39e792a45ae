#include "commands.hpp"

#include <dataset_recipe/dataset_build.hpp>
#include <dataset_recipe/embedded_dataset.hpp>
#include <marketshock/core/iso_date.hpp>

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

namespace marketshock::cli {

namespace {

struct BuildOptions {
  std::string raw;
  std::string out;
};

void run_build(const BuildOptions& options) {
  recipe::DatasetBuildOptions build = recipe::embedded_build_options(options.raw, options.out);
  if (isatty(fileno(stderr)) != 0) {
    build.progress = [](const std::string& line) { fmt::print(stderr, "  {}\n", line); };
  }
  const auto report = recipe::build_dataset(build);
  fmt::print("dataset written to {}\n{}", options.out, report.render());
}

}  // namespace

void add_dataset_build_command(CLI::App& dataset) {
  auto options = std::make_shared<BuildOptions>();
  CLI::App* cmd = dataset.add_subcommand(
      "build", "derive the dataset from the raw public files (the layout of shared/data)");
  cmd->add_option("--from", options->raw, "raw data folder (prices/, reference/, shares/)")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--out", options->out, "output dataset directory")->required();
  cmd->callback([options] { run_build(*options); });
}

}  // namespace marketshock::cli
