// Ingest on several threads: what is stored must not depend on thread
// timing, and a writer that fails stops the run cleanly. The names carry
// "Concurrent" so the ThreadSanitizer build runs them (scripts/test).
#include "store/ingest.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "../../tests/test_support.h"
#include "store/export.h"
#include "store/store.h"
#include "store/store_test_support.h"
#include "util/text.h"
#include "util/tsv.h"

namespace warta {
namespace {

using testing::FreshPath;

// The golden articles and edited copies of them from other outlets (some
// known only by their URL, some by nothing), so that stories gather several
// tellings and which comes first matters; then short articles of the dev set.
std::vector<Article> Corpus() {
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

std::function<bool(ReadItem*)> Reading(const std::vector<Article>* corpus) {
  auto at = std::make_shared<size_t>(0);
  return [corpus, at](ReadItem* item) {
    if (*at >= corpus->size()) return false;
    item->location = "corpus:" + std::to_string(*at + 1);
    item->article = (*corpus)[(*at)++];
    return true;
  };
}

// Every event as GDELT rows and JSON lines: rows, story ids, event ids, counts.
std::string Dump(const std::string& path) {
  auto store = Store::OpenReadOnly(path);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return "";
  std::string dump;
  Status status = store.value()->Query(QueryFilter{}, [&](const StoredEvent& e) {
    dump += ExportRow(e, ExportFormat::kGdelt) + ExportRow(e, ExportFormat::kJsonLines);
  });
  EXPECT_TRUE(status.ok()) << status.message();
  return dump;
}

// Issue 11: `--jobs 2` changed story ids, rows and event ids between runs.
TEST(IngestConcurrentTest, WhatIsStoredDoesNotDependOnTheNumberOfThreads) {
  std::vector<Article> corpus = Corpus();
  ASSERT_GE(corpus.size(), 50u);
  std::string expected;
  for (int jobs : {1, 4, 3}) {
    std::string path = FreshPath("warta-ingest-jobs.db");
    IngestOptions options;
    options.jobs = jobs;
    options.batch = 5;
    options.store.fixed_time = 1700000000;
    auto result = Ingest(path, testing::SharedResources(), Reading(&corpus), options);
    ASSERT_TRUE(result.ok()) << result.status().message();
    EXPECT_EQ(result.value().read, static_cast<long long>(corpus.size()));
    std::string dump = Dump(path);
    EXPECT_NE(dump.find("\t20231114221320\t"), std::string::npos) << "the fixed DATEADDED";
    if (expected.empty()) {
      expected = dump;
      ASSERT_GT(std::count(dump.begin(), dump.end(), '\n'), 60);
    } else {
      EXPECT_EQ(dump, expected) << "with " << jobs << " threads";
    }
  }
}

// Issue 11: the reading thread read the writer's failure without its lock.
TEST(IngestConcurrentTest, AWriterThatCannotStoreStopsTheRunAndSaysWhy) {
  std::vector<Article> corpus = Corpus();
  std::string path = FreshPath("warta-ingest-fails.db");
  sqlite3* other = nullptr;
  auto read = Reading(&corpus);
  bool locked = false;
  auto next = [&](ReadItem* item) {
    if (!locked) {  // once Ingest has made the schema: another process starts writing
      locked = true;
      sqlite3_open(path.c_str(), &other);
      EXPECT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    }
    return read(item);
  };
  IngestOptions options;
  options.jobs = 3;
  options.batch = 2;
  options.store.busy_timeout = std::chrono::milliseconds(50);
  auto result = Ingest(path, testing::SharedResources(), next, options);
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), Status::Code::kIoError);
  EXPECT_NE(result.status().message().find(path + " is locked: another process is writing to it"),
            std::string::npos)
      << result.status().message();
}

}  // namespace
}  // namespace warta
