// The SQLite implementation of database.h: a file. Errors name the file and
// carry SQLite's message; a database another process keeps locked past the
// busy timeout says so. Every connection has the SQL function warta_km.
// Not thread-safe: one connection per thread.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <string>

#include "store/database.h"

namespace warta::sql {

class SqliteDatabase : public Database {
 public:
  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                const OpenOptions& options = {});
  ~SqliteDatabase() override;

  Status Execute(const std::string& sql) override;
  Result<std::unique_ptr<Statement>> Prepare(const std::string& sql) override;
  long long Changes() const override { return sqlite3_changes(db_); }
  bool LastFailureBusy() const override { return (sqlite3_errcode(db_) & 0xff) == SQLITE_BUSY; }
  bool LastFailureNotDatabase() const override { return sqlite3_errcode(db_) == SQLITE_NOTADB; }
  void SetDeadline(std::chrono::steady_clock::time_point deadline) override {
    deadline_ = deadline;
  }

  sqlite3* handle() { return db_; }
  long long LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  // The last failure as a Status naming the file; `rc` is SQLite's code.
  Status ErrorStatus(int rc, const std::string& detail = "") const;

 private:
  SqliteDatabase(sqlite3* db, std::string path, std::chrono::milliseconds busy_timeout)
      : Database(std::move(path), Engine::kSqlite), db_(db), busy_timeout_(busy_timeout) {}
  // Opens `name` (the path, or a URI for it) with SQLite's `flags`.
  static Result<std::unique_ptr<Database>> Connect(const std::string& path, const std::string& name,
                                                   int flags, const OpenOptions& options);
  static int CheckDeadline(void* self);
  sqlite3* db_;
  std::chrono::milliseconds busy_timeout_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
};

class SqliteStatement : public Statement {
 public:
  SqliteStatement(SqliteDatabase* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override;

  void Bind(int index, const std::string& value) override;
  void Bind(int index, long long value) override;
  void Bind(int index, double value) override;
  void BindNull(int index) override;
  void BindBlob(int index, const std::string& bytes) override;
  bool Step(Status* status) override;
  Result<long long> Insert() override;
  void Reset() override;

  std::string Text(int column) const override;
  std::string Blob(int column) const override;
  long long Int(int column) const override;
  double Double(int column) const override;
  bool IsNull(int column) const override {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }

 private:
  SqliteDatabase* db_;
  sqlite3_stmt* stmt_;
};

}  // namespace warta::sql
