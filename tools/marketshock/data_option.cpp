#include "data_option.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <system_error>

namespace marketshock::cli {

void add_data_option(CLI::App& cmd, std::string& target) {
  cmd.add_option("--data", target,
                 "dataset directory (default: the embedded dataset; or set MARKETSHOCK_DATA)");
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
  if (tty) fmt::print(stderr, "loading {} ...\r", dir.string());
  auto loaded = io::load_dataset(dir, policy);
  if (tty) fmt::print(stderr, "{:<{}}\r", "", dir.string().size() + 12);
  return loaded;
}

}  // namespace marketshock::cli
