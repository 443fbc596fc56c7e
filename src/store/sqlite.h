// Thin RAII wrappers over SQLite's C API: a Database (connection) and a
// Statement (prepared, parameters bound by position). Errors are Status
// values whose message names the database file and carries SQLite's message;
// a database another process keeps locked past the busy timeout says so.
// Every connection has the SQL function warta_km(lat1, lon1, lat2, lon2):
// the great-circle distance in kilometres (geo.h).
// Not thread-safe: one Database per thread.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "warta/status.h"

namespace warta::sql {

struct OpenOptions {
  // Never writes. A WAL database in a folder the user cannot write to (so
  // SQLite cannot create its shared-memory file) is read as immutable when no
  // write-ahead log is pending, which means no writer is running.
  bool read_only = false;
  // How long a statement waits for another connection's write lock before
  // failing with "another process is writing to it".
  std::chrono::milliseconds busy_timeout = std::chrono::seconds(30);
};

class Database {
 public:
  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                const OpenOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Status Execute(const std::string& sql);  // one or more statements, no results
  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }
  long long LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  // The last failure as a Status naming the file; `rc` is SQLite's code.
  Status ErrorStatus(int rc, const std::string& detail = "") const;
  // SQLite's primary code of the last failure (SQLITE_NOTADB, ...).
  int LastErrorCode() const { return sqlite3_errcode(db_); }
  // Statements still running at `deadline` stop with an "interrupted" error,
  // so no query can hold a server thread for long. No deadline: max().
  void SetDeadline(std::chrono::steady_clock::time_point deadline) { deadline_ = deadline; }

 private:
  Database(sqlite3* db, std::string path, std::chrono::milliseconds busy_timeout)
      : db_(db), path_(std::move(path)), busy_timeout_(busy_timeout) {}
  // Opens `name` (the path, or a URI for it) with SQLite's `flags`.
  static Result<std::unique_ptr<Database>> Connect(const std::string& path, const std::string& name,
                                                   int flags, const OpenOptions& options);
  static int CheckDeadline(void* self);
  sqlite3* db_;
  std::string path_;
  std::chrono::milliseconds busy_timeout_;
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

// A prepared statement lent for one use, reset when the loan ends. A
// statement stopped before its last row keeps its read transaction open, and
// with it an old snapshot: the connection's next write then fails at once
// with "database is locked" (SQLite cannot wait for a snapshot to become
// current), and the write-ahead log cannot be checkpointed past it.
class Loan {
 public:
  explicit Loan(Statement* statement) : statement_(statement) {}
  Loan(Loan&& other) noexcept : statement_(std::exchange(other.statement_, nullptr)) {}
  Loan& operator=(Loan&&) = delete;
  ~Loan() {
    if (statement_ != nullptr) statement_->Reset();
  }
  Statement* operator->() const { return statement_; }
  Statement& operator*() const { return *statement_; }

 private:
  Statement* statement_;
};

}  // namespace warta::sql
