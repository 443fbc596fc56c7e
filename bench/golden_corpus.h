// What the benchmarks share: the golden test articles (tests/golden/) as JSON
// objects, the material they vary into large corpora, and peak memory.
#pragma once

#include <sys/resource.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "util/tsv.h"
#include "warta/pipeline.h"

namespace warta::bench {

// The repository's dictionaries, loaded as warta loads them.
inline Result<std::shared_ptr<const Resources>> LoadRepositoryResources() {
  LoadOptions options;
  options.data_dir = std::string(WARTA_SOURCE_DIR) + "/data";
  return Resources::Load(options);
}

// Peak resident memory of this process so far, in KB.
inline long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

inline std::vector<nlohmann::json> GoldenArticles() {
  std::vector<nlohmann::json> articles;
  std::string dir = std::string(WARTA_SOURCE_DIR) + "/tests/golden";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.find(".expected.") != std::string::npos || entry.path().extension() != ".jsonl") {
      continue;
    }
    auto text = ReadFileToString(entry.path().string());
    if (!text.ok()) continue;
    articles.push_back(nlohmann::json::parse(text.value().substr(0, text.value().find('\n'))));
  }
  return articles;
}

}  // namespace warta::bench
