// Helpers the store's tests share: fresh database paths, a file's bytes, and
// SQL run on a connection of its own.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "util/tsv.h"

namespace warta::testing {

// A path in the test's temporary folder with no database (nor its WAL,
// shared-memory or journal files) left from an earlier run.
inline std::string FreshPath(const std::string& name) {
  std::string path = ::testing::TempDir() + name;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path + suffix);
  }
  return path;
}

inline std::string Bytes(const std::string& path) {
  auto bytes = ReadFileToString(path);
  return bytes.ok() ? bytes.value() : "(unreadable)";
}

// Runs `sql` on its own connection, as another program (or an older warta) would.
inline void RunSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

}  // namespace warta::testing
