#include <dataset_recipe/dataset_build.hpp>

#include <fmt/format.h>

#include <map>

namespace marketshock::recipe {

std::string DatasetBuildReport::render() const {
  std::string out = fmt::format("securities: {}, bar rows: {}, share rows: {}\n", securities,
                                bar_rows, share_rows);
  out += "price source per security:\n";
  for (const auto& [source, n] : price_sources) out += fmt::format("  {:<40} {:>4}\n", source, n);
  out += "share source (latest count) per security:\n";
  for (const auto& [source, n] : share_sources) out += fmt::format("  {:<40} {:>4}\n", source, n);
  out += fmt::format("missing from the dataset: {}\n", missing.size());
  for (const auto& m : missing) out += fmt::format("  {}\n", m);
  std::map<std::string, std::vector<const BuildNote*>> by_topic;
  for (const auto& n : notes) by_topic[n.topic].push_back(&n);
  for (const auto& [topic, list] : by_topic) {
    out += fmt::format("{} ({} notes):\n", topic, list.size());
    for (const BuildNote* n : list) {
      out += n->symbol.empty() ? fmt::format("  {}\n", n->text)
                               : fmt::format("  {}: {}\n", n->symbol, n->text);
    }
  }
  out += fmt::format("files with skipped rows: {}\n", load_reports.size());
  for (const auto& r : load_reports) out += r.summary(5) + "\n";
  return out;
}

}  // namespace marketshock::recipe
