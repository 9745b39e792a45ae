#include "data_option.hpp"

#include <marketshock/io/message_text.hpp>

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <system_error>

namespace marketshock::cli {

std::string refuse_empty_path(const std::string& value) {
  return value.empty() ? "an empty path names no dataset (omit the option for the embedded one)"
                       : std::string();
}

void add_data_option(CLI::App& cmd, std::string& target) {
  cmd.add_option("--data", target,
                 "dataset directory (default: $MARKETSHOCK_DATA if set, else the embedded "
                 "dataset)")
      ->check(refuse_empty_path, "", "NONEMPTY");
}

std::filesystem::path dataset_directory(const std::string& option) {
  if (!option.empty()) return option;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return io::default_dataset_directory(ec ? std::filesystem::current_path() : exe.parent_path());
}

io::LoadedDataset load(const std::string& option, io::LoadPolicy policy) {
  const auto dir = dataset_directory(option);
  const bool tty = isatty(fileno(stderr)) != 0;
  const std::string shown = io::display_name(dir);
  if (tty) fmt::print(stderr, "loading {} ...\r", shown);
  auto loaded = io::load_dataset(dir, policy);
  if (tty) fmt::print(stderr, "{:<{}}\r", "", shown.size() + 12);
  return loaded;
}

}  // namespace marketshock::cli
