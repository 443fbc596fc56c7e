// Thin RAII wrappers over SQLite's C API: a Database (connection) and a
// Statement (prepared, parameters bound by position). Errors are Status
// values carrying SQLite's message. Not thread-safe: one Database per thread.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "warta/status.h"

namespace warta::sql {

class Database {
 public:
  static Result<std::unique_ptr<Database>> Open(const std::string& path, bool read_only = false);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Status Execute(const std::string& sql);  // one or more statements, no results
  sqlite3* handle() { return db_; }
  long long LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  std::string Error() const { return sqlite3_errmsg(db_); }
  // Statements still running at `deadline` stop with an "interrupted" error,
  // so no query can hold a server thread for long. No deadline: max().
  void SetDeadline(std::chrono::steady_clock::time_point deadline) { deadline_ = deadline; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  static int CheckDeadline(void* self);
  sqlite3* db_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
};

class Statement {
 public:
  static Result<std::unique_ptr<Statement>> Prepare(Database* db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are numbered from 1, as in SQLite.
  void Bind(int index, const std::string& value);
  void Bind(int index, long long value);
  void Bind(int index, double value);
  void BindNull(int index);
  void BindBlob(int index, const std::string& bytes);
  void BindOptional(int index, const std::string& value) {
    if (value.empty())
      BindNull(index);
    else
      Bind(index, value);
  }
  // Steps once: true while a row is available; errors end in *status.
  bool Step(Status* status);
  Status Run();  // steps to the end, for statements without results
  void Reset();

  std::string Text(int column) const;
  std::string Blob(int column) const;
  long long Int(int column) const;
  double Double(int column) const;
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

 private:
  Statement(Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Database* db_;
  sqlite3_stmt* stmt_;
};

}  // namespace warta::sql
