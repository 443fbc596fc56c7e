// The corpus the ingest tests share: golden articles, edited copies of
// them, short dev articles; and a reader over it.
#pragma once

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "../../tests/test_support.h"
#include "read/reader.h"
#include "util/text.h"
#include "util/tsv.h"

namespace warta::testing {

// The golden articles and edited copies of them from other outlets (some
// known only by their URL, some by nothing), so that stories gather several
// tellings and which comes first matters; then short articles of the dev set.
inline std::vector<Article> Corpus() {
  std::vector<Article> originals;
  std::string dir = std::string(WARTA_SOURCE_DIR) + "/tests/golden/";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.find(".expected.") != std::string::npos || entry.path().extension() != ".jsonl") {
      continue;
    }
    std::string text = ReadFileToString(entry.path().string()).value();
    auto article = ParseArticleJson(text.substr(0, text.find('\n')), name);
    if (article.ok()) originals.push_back(article.value());
  }
  std::sort(originals.begin(), originals.end(),
            [](const Article& a, const Article& b) { return a.id < b.id; });
  std::vector<Article> corpus;
  for (int copy = 0; copy < 4; ++copy) {
    for (Article article : originals) {
      if (copy > 0) {
        article.id += "-copy" + std::to_string(copy);
        article.text += " Salinan " + std::to_string(copy) + ".";
        article.source = copy == 1 ? "Outlet " + std::to_string(copy) : "";
        article.url = copy == 2 ? "https://www.copy" + std::to_string(copy) + ".example/a" : "";
      }
      corpus.push_back(article);
    }
  }
  std::string dev = ReadFileToString(testing::SharedDir() + "/dev/id-sentences.jsonl").value();
  for (const std::string& line : Split(dev, '\n')) {
    auto article = ParseArticleJson(line, "dev");
    if (article.ok() && corpus.size() < 70) corpus.push_back(article.value());
  }
  return corpus;
}

inline std::function<bool(ReadItem*)> Reading(const std::vector<Article>* corpus) {
  auto at = std::make_shared<size_t>(0);
  return [corpus, at](ReadItem* item) {
    if (*at >= corpus->size()) return false;
    item->location = "corpus:" + std::to_string(*at + 1);
    item->article = (*corpus)[(*at)++];
    return true;
  };
}

}  // namespace warta::testing
