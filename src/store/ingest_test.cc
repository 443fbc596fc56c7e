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
#include "store/ingest_test_support.h"
#include "store/store.h"
#include "store/store_test_support.h"
#include "util/text.h"
#include "util/tsv.h"

namespace warta {
namespace {

using testing::Corpus;
using testing::FreshPath;
using testing::Reading;

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
