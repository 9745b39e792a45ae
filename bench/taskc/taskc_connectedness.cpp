// Task C of bench/README.md (rolling Diebold-Yilmaz total connectedness) with marketshock:
// reads returns.csv with the project's CSV reader, runs stats::rolling_connectedness and
// writes tci.csv and directional_last.csv in Task C's exact format.
//
// usage: marketshock_taskc RETURNS_CSV OUT_DIR [--window 250] [--lags 1] [--horizon 10]
//                          [--threads 0]
// stderr: "peer=marketshock load_s=... compute_s=... write_s=... total_s=... windows=...
// threads=..."
#include <marketshock/core/error.hpp>
#include <marketshock/io/csv_reader.hpp>
#include <marketshock/stats/rolling_connectedness.hpp>

#include <fmt/format.h>
#include <fmt/os.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Arguments {
  std::string returns;
  std::string out;
  marketshock::stats::RollingConnectednessOptions options;
};

Arguments parse(int argc, char** argv) {
  Arguments a;
  std::vector<std::string_view> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const auto value = [&]() -> unsigned long {
      if (i + 1 >= argc) throw marketshock::InvalidArgument(fmt::format("{} needs a value", arg));
      return std::stoul(argv[++i]);
    };
    if (arg == "--window") {
      a.options.window = value();
    } else if (arg == "--lags") {
      a.options.lags = value();
    } else if (arg == "--horizon") {
      a.options.horizon = value();
    } else if (arg == "--threads") {
      a.options.threads = static_cast<unsigned>(value());
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 2) {
    throw marketshock::InvalidArgument(
        "usage: marketshock_taskc RETURNS_CSV OUT_DIR [--window 250] [--lags 1] [--horizon 10] "
        "[--threads 0]");
  }
  a.returns = positional[0];
  a.out = positional[1];
  return a;
}

// The returns matrix (T_r x N) and the symbol names, through the project's CSV reader.
Eigen::MatrixXd read_returns(const std::string& path, std::vector<std::string>& symbols) {
  marketshock::io::CsvReader reader = marketshock::io::CsvReader::from_file(path);
  symbols = reader.header();
  const std::size_t n = symbols.size();
  if (n == 0) throw marketshock::DataError(path + ": no columns");
  std::vector<double> values;
  marketshock::io::CsvRow row;
  while (reader.next(row)) {
    for (std::size_t j = 0; j < n; ++j) values.push_back(row.as_double(j));
  }
  const auto rows = static_cast<Eigen::Index>(values.size() / n);
  return Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
      values.data(), rows, static_cast<Eigen::Index>(n));
}

void write_outputs(const std::filesystem::path& out, const std::vector<std::string>& symbols,
                   const marketshock::stats::RollingConnectedness& dy) {
  std::filesystem::create_directories(out);
  {
    fmt::ostream tci = fmt::output_file((out / "tci.csv").string());
    tci.print("window_end_index,total_connectedness\n");
    for (std::size_t w = 0; w < dy.window_end.size(); ++w) {
      tci.print("{},{:.10f}\n", dy.window_end[w], dy.total(static_cast<Eigen::Index>(w)));
    }
  }
  fmt::ostream dir = fmt::output_file((out / "directional_last.csv").string());
  dir.print("symbol,to,from,net\n");
  const Eigen::Index last = dy.total.size() - 1;
  for (std::size_t j = 0; j < symbols.size(); ++j) {
    const auto k = static_cast<Eigen::Index>(j);
    dir.print("{},{:.10f},{:.10f},{:.10f}\n", symbols[j], dy.to(last, k), dy.from(last, k),
              dy.net(last, k));
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Arguments args = parse(argc, argv);
    const auto t0 = Clock::now();
    std::vector<std::string> symbols;
    const Eigen::MatrixXd returns = read_returns(args.returns, symbols);
    const double load_s = seconds_since(t0);
    const auto t1 = Clock::now();
    const marketshock::stats::RollingConnectedness dy =
        marketshock::stats::rolling_connectedness(returns, args.options);
    const double compute_s = seconds_since(t1);
    const auto t2 = Clock::now();
    write_outputs(args.out, symbols, dy);
    std::size_t not_ok = 0;
    for (const auto s : dy.status) not_ok += s == marketshock::StatStatus::ok ? 0 : 1;
    const unsigned threads =
        args.options.threads != 0 ? args.options.threads : std::thread::hardware_concurrency();
    fmt::print(stderr,
               "peer=marketshock load_s={:.3f} compute_s={:.3f} write_s={:.3f} total_s={:.3f} "
               "windows={} threads={} windows_not_ok={} exact_stability_checks={}\n",
               load_s, compute_s, seconds_since(t2), seconds_since(t0), dy.window_end.size(),
               threads, not_ok, dy.exact_stability_checks);
    return not_ok == 0 ? 0 : 1;
  } catch (const marketshock::Error& e) {
    fmt::print(stderr, "marketshock_taskc: error: {}\n", e.message());
  } catch (const std::exception& e) {
    fmt::print(stderr, "marketshock_taskc: error: {}\n", e.what());
  }
  return 2;
}
