// The store's view of a database, whichever engine holds it: a Database
// (connection) and a Statement (prepared, parameters bound by position),
// with an SQLite implementation (sqlite.h, a file) and a PostgreSQL one
// (postgres.h, a server). Errors are Status values whose message names the
// database (a file's path, or a connection string without its password).
//
//   auto db = sql::Database::Open("events.db");                // SQLite
//   auto db = sql::Database::Open("postgresql://host/warta");  // PostgreSQL
//   auto s = db.value()->Prepare("SELECT name FROM actors WHERE code = ?1");
//   s.value()->Bind(1, "IDNGOV");
//   while (s.value()->Step(&status)) use(s.value()->Text(0));
//
// SQL is written once, in the words both engines read alike: placeholders
// ?N (or ?, numbered in order), COALESCE, INSERT ... ON CONFLICT, IS NOT
// DISTINCT FROM, subqueries with aliases. What the two spell differently is
// asked of the Dialect below. Every connection has the SQL function
// warta_km(lat1, lon1, lat2, lon2): the great-circle distance in kilometres
// (geo.h). Not thread-safe: one Database per thread.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <utility>

#include "warta/status.h"

namespace warta::sql {

struct OpenOptions {
  // Never writes. SQLite: a WAL database in a folder the user cannot write to
  // is read as immutable when no write-ahead log is pending. PostgreSQL:
  // every statement runs in a read-only transaction.
  bool read_only = false;
  // How long a write waits for another connection's write lock before
  // failing with "another process is writing to it".
  std::chrono::milliseconds busy_timeout = std::chrono::seconds(30);
};

enum class Engine { kSqlite, kPostgres };

// Whether `target` names a PostgreSQL database: "postgresql://...",
// "postgres://..." or a bare "postgresql:" (the PG* environment variables
// say which). Anything else is an SQLite file's path.
bool IsPostgres(const std::string& target);

// `target` as messages show it: an SQLite path as it is, a PostgreSQL
// connection string without its password.
std::string DisplayName(const std::string& target);

// What SQLite and PostgreSQL write differently, in one place. The schema is
// written once in SQLite's words (types INTEGER, REAL, TEXT, BLOB, "INTEGER
// PRIMARY KEY" keys, "COLLATE NOCASE" indexes) and translated by Ddl().
struct Dialect {
  Engine engine = Engine::kSqlite;

  bool postgres() const { return engine == Engine::kPostgres; }
  // The schema in this engine's words. PostgreSQL: an INTEGER PRIMARY KEY
  // becomes an identity column; INTEGER a BIGINT (hashes and counts are 64
  // bits); REAL a DOUBLE PRECISION (SQLite's REAL is 8 bytes); BLOB a BYTEA;
  // TEXT compares byte by byte (COLLATE "C", as SQLite's BINARY); an index
  // on "column COLLATE NOCASE" is one on lower(column); the events' index
  // on their date keeps undated events first, as SQLite orders them.
  std::string Ddl(const std::string& sqlite_ddl) const;
  // Set up once per connection before the schema's transaction (SQLite's
  // journal mode, which it cannot change inside one); "" for none.
  const char* Pragmas() const;
  // Opens a transaction that writes, holding the database's write lock until
  // COMMIT (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock that every
  // warta writer takes, so writers take turns as they do on SQLite).
  const char* BeginWrite() const;
  // Opens a short transaction that writes without the writers' lock
  // (PostgreSQL: BEGIN; its rows are locked one by one), for ingest's claims.
  // SQLite has one write lock only: BEGIN IMMEDIATE.
  const char* BeginUnlocked() const;
  // The database's clock in whole seconds since 1970 UTC, as an SQL expression.
  const char* NowSeconds() const;
  // Put after an INSERT whose new row's key Statement::Insert() returns.
  std::string Returning(const std::string& key) const;
  // `column` equal to `value` regardless of ASCII case.
  std::string EqualsIgnoringCase(const std::string& column, const std::string& value) const;
  // LIKE ignoring ASCII case (SQLite's LIKE does; PostgreSQL's ILIKE on
  // COLLATE "C" text folds only ASCII too).
  const char* Like() const;
  // After ORDER BY column [DESC]: nulls sort low, as SQLite sorts them.
  const char* NullsLow(bool descending) const;
  // The LIMIT that takes every row, before an OFFSET.
  const char* NoLimit() const;
  // The Monday of the week of `day` (a YYYY-MM-DD text), as YYYY-MM-DD.
  std::string WeekStart(const std::string& day) const;
  // SUM of a REAL column, 0.0 over no rows (SQLite's TOTAL).
  std::string Total(const std::string& column) const;
  // Before a table's name where the file's own table is meant, not a
  // temporary view of the same name (SQLite: "main.").
  const char* OwnTables() const;
  // The base tables of the database (of the current schema), by name.
  const char* ListTables() const;
  // Adds a column "rowid" counting rows in insertion order to `table`, which
  // SQLite tables have of themselves; "" when nothing needs adding.
  std::string AddRowId(const std::string& table) const;
  // Statements the schema's transaction runs after the tables: PostgreSQL
  // defines warta_km (SQLite's connections define it in C++).
  std::string Functions() const;
};

class Statement;

class Database {
 public:
  // An SQLite file, or a PostgreSQL database when IsPostgres(target).
  static Result<std::unique_ptr<Database>> Open(const std::string& target,
                                                const OpenOptions& options = {});
  virtual ~Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  virtual Status Execute(const std::string& sql) = 0;  // one or more statements, no results
  virtual Result<std::unique_ptr<Statement>> Prepare(const std::string& sql) = 0;
  // Rows the last INSERT, UPDATE or DELETE changed.
  virtual long long Changes() const = 0;
  // The database as messages name it (no password).
  const std::string& path() const { return name_; }
  const Dialect& dialect() const { return dialect_; }
  // Whether the last failure was another writer's lock held past the busy timeout.
  virtual bool LastFailureBusy() const = 0;
  // Whether the last failure was a file that is not a database at all.
  virtual bool LastFailureNotDatabase() const { return false; }
  // Until the next Execute (which ends it: COMMIT, ROLLBACK), statements run
  // by Statement::Send() go out without waiting for their results, and a
  // failure among them shows at the next statement that reads (Step,
  // Insert, Run) or at that Execute. PostgreSQL: libpq's pipeline mode, so a
  // write batch costs a round trip per query that reads, not per statement.
  // SQLite: no change (a statement costs no round trip).
  virtual void BeginPipeline() {}
  // Statements still running at `deadline` stop with an "interrupted" error,
  // so no query can hold a server thread for long. No deadline: max().
  virtual void SetDeadline(std::chrono::steady_clock::time_point deadline) = 0;

 protected:
  Database(std::string name, Engine engine) : name_(std::move(name)) { dialect_.engine = engine; }

 private:
  std::string name_;
  Dialect dialect_;
};

class Statement {
 public:
  static Result<std::unique_ptr<Statement>> Prepare(Database* db, const std::string& sql) {
    return db->Prepare(sql);
  }
  virtual ~Statement() = default;

  // Parameters are numbered from 1.
  virtual void Bind(int index, const std::string& value) = 0;
  virtual void Bind(int index, long long value) = 0;
  virtual void Bind(int index, double value) = 0;
  virtual void BindNull(int index) = 0;
  virtual void BindBlob(int index, const std::string& bytes) = 0;
  void BindOptional(int index, const std::string& value) {
    if (value.empty())
      BindNull(index);
    else
      Bind(index, value);
  }
  // Steps once: true while a row is available; errors end in *status.
  virtual bool Step(Status* status) = 0;
  Status Run();  // steps to the end, for statements without results
  // Runs a statement whose results no one reads (not even Changes()); in a
  // pipeline (Database::BeginPipeline) without waiting for it.
  virtual Status Send() { return Run(); }
  // Runs an INSERT written with Dialect::Returning(key): the new row's key.
  virtual Result<long long> Insert() = 0;
  virtual void Reset() = 0;  // ready to run again, its parameters cleared

  virtual std::string Text(int column) const = 0;
  virtual std::string Blob(int column) const = 0;
  virtual long long Int(int column) const = 0;
  virtual double Double(int column) const = 0;
  virtual bool IsNull(int column) const = 0;

 protected:
  Statement() = default;
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
