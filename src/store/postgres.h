// The PostgreSQL implementation of database.h, over libpq: a database on a
// server, named by a connection string ("postgresql://user@host/warta", or
// "postgresql:" for the PG* environment variables). Messages name it
// without its password.
//
// Statements are prepared on the server once and run with their parameters
// sent as text, typed by the server from where they stand (SQLite's ?N are
// rewritten $N). Rows arrive one at a time (libpq's single-row mode), so a
// query over millions of events keeps memory flat; when another statement
// runs on the connection before a query has read its last row, the rest of
// that query's rows are read into memory first (one connection runs one
// statement at a time).
//
// Read-only connections run every statement in a read-only transaction. A
// deadline becomes the server's statement_timeout. Writers wait for one
// another's advisory lock (Dialect::BeginWrite) at most the busy timeout
// (lock_timeout). Not thread-safe: one connection per thread.
//
// In a pipeline (BeginPipeline, libpq's pipeline mode) statements Sent go
// out at once and their results are read only when a statement that reads
// is run (its own rows then come whole, not one at a time: what a write
// batch reads is a few rows); Execute first ends the pipeline, reporting
// the first failure in it.
#pragma once

#include <libpq-fe.h>

#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace warta::sql {

class PostgresStatement;

class PostgresDatabase : public Database {
 public:
  static Result<std::unique_ptr<Database>> Open(const std::string& target,
                                                const OpenOptions& options = {});
  ~PostgresDatabase() override;

  Status Execute(const std::string& sql) override;
  Result<std::unique_ptr<Statement>> Prepare(const std::string& sql) override;
  long long Changes() const override { return changes_; }
  bool LastFailureBusy() const override { return last_state_ == "55P03"; }
  void SetDeadline(std::chrono::steady_clock::time_point deadline) override;
  void BeginPipeline() override;

  // The connection string without its password, as messages show it.
  static std::string DisplayName(const std::string& target);

 private:
  friend class PostgresStatement;
  PostgresDatabase(PGconn* conn, std::string name)
      : Database(std::move(name), Engine::kPostgres), conn_(conn) {}
  // A failure as a Status naming the database; notes its SQLSTATE.
  Status Failure(const PGresult* result, const std::string& detail = "");
  // Before another statement runs: the one still streaming rows reads the rest.
  void Claim(PostgresStatement* next);
  void Release(PostgresStatement* statement) {
    if (active_ == statement) active_ = nullptr;
  }
  // Reads the results of the statements Sent before the one just sent; the
  // first failure among them (it aborted the rest).
  Status ReadPending();
  // Leaves pipeline mode (a sync, and every result read); the first failure in it.
  Status EndPipeline();

  PGconn* conn_;
  long long changes_ = 0;
  std::string last_state_;  // SQLSTATE of the last failure
  PostgresStatement* active_ = nullptr;
  int next_statement_ = 0;         // names the prepared statements
  long long timeout_ms_ = 0;       // the statement_timeout set (0: none)
  long long busy_timeout_ms_ = 0;  // the lock_timeout set
  bool pipeline_ = false;          // in libpq's pipeline mode
  int pending_ = 0;                // statements Sent whose results are not read yet
  Status pipeline_failure_;        // the first failure in the pipeline
};

class PostgresStatement : public Statement {
 public:
  PostgresStatement(PostgresDatabase* db, std::string name, std::string sql, int parameters)
      : db_(db), name_(std::move(name)), sql_(std::move(sql)), values_(parameters) {}
  ~PostgresStatement() override;

  void Bind(int index, const std::string& value) override { Set(index, value); }
  void Bind(int index, long long value) override { Set(index, std::to_string(value)); }
  void Bind(int index, double value) override;
  void BindNull(int index) override { Set(index, std::nullopt); }
  void BindBlob(int index, const std::string& bytes) override;
  bool Step(Status* status) override;
  Result<long long> Insert() override;
  Status Send() override;
  void Reset() override;

  std::string Text(int column) const override;
  std::string Blob(int column) const override;
  long long Int(int column) const override;
  double Double(int column) const override;
  bool IsNull(int column) const override;

 private:
  friend class PostgresDatabase;
  void Set(int index, std::optional<std::string> value);
  // Takes the query's results up to its end from the connection.
  void ReadRest();
  // The next result from the connection, or from what ReadRest kept.
  PGresult* NextResult();
  void ClearRow();
  // Sends the statement with its parameters; false when it could not be sent.
  bool SendQuery();

  PostgresDatabase* db_;
  std::string name_, sql_;
  std::vector<std::optional<std::string>> values_;
  bool started_ = false;        // sent since the last Reset
  bool running_ = false;        // results still to come from the connection
  bool done_ = false;           // the last row was read (or the statement failed)
  std::deque<PGresult*> kept_;  // results read ahead by ReadRest
  PGresult* row_ = nullptr;     // the result holding the current row
  int row_index_ = 0;           // the current row's in row_
  Status failure_;              // the first failure of this run
};

}  // namespace warta::sql
