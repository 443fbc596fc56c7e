#include "store/sqlite.h"

#include <cctype>
#include <cstdio>
#include <filesystem>

#include "store/geo.h"

namespace warta::sql {

namespace {

// A "file:" URI for `path`: every byte but unreserved ones and '/' escaped.
std::string FileUri(const std::string& path, const std::string& query) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      uri += static_cast<char>(c);
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", c);
      uri += escaped;
    }
  }
  return uri + "?" + query;
}

// Whether a write-ahead log holds changes not yet in the database file.
bool WalPending(const std::string& path) {
  std::error_code error;
  auto size = std::filesystem::file_size(path + "-wal", error);
  return !error && size > 0;
}

// warta_km(lat1, lon1, lat2, lon2): the great-circle distance in kilometres,
// null when any argument is null (an event without a place).
void DistanceFunction(sqlite3_context* context, int argc, sqlite3_value** argv) {
  double degrees[4];
  for (int i = 0; i < argc; ++i) {
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
      sqlite3_result_null(context);
      return;
    }
    degrees[i] = sqlite3_value_double(argv[i]);
  }
  sqlite3_result_double(context, GreatCircleKm(degrees[0], degrees[1], degrees[2], degrees[3]));
}

std::string Duration(std::chrono::milliseconds wait) {
  long long ms = wait.count();
  return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

}  // namespace

Result<std::unique_ptr<Database>> SqliteDatabase::Connect(const std::string& path,
                                                          const std::string& name, int flags,
                                                          const OpenOptions& options) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::InvalidInput(path + ": cannot open database: " + message);
  }
  sqlite3_busy_timeout(db, static_cast<int>(options.busy_timeout.count()));
  sqlite3_create_function(db, "warta_km", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                          &DistanceFunction, nullptr, nullptr);
  std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(db, path, options.busy_timeout));
  // Checked every few thousand virtual-machine steps: cheap, and often enough.
  sqlite3_progress_handler(db, 4096, &SqliteDatabase::CheckDeadline, database.get());
  return std::unique_ptr<Database>(std::move(database));
}

Result<std::unique_ptr<Database>> SqliteDatabase::Open(const std::string& path,
                                                       const OpenOptions& options) {
  if (!options.read_only) {
    return Connect(path, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, options);
  }
  auto db = Connect(path, path, SQLITE_OPEN_READONLY, options);
  if (!db.ok()) return db;
  // Reading a WAL database takes its shared-memory file (-shm), which SQLite
  // cannot create in a folder this user may not write to.
  auto* sqlite = static_cast<SqliteDatabase*>(db.value().get());
  int rc = sqlite3_exec(sqlite->handle(), "SELECT COUNT(*) FROM sqlite_master", nullptr, nullptr,
                        nullptr);
  rc &= 0xff;
  if (rc != SQLITE_READONLY && rc != SQLITE_CANTOPEN) return db;  // other errors: the caller's
  if (WalPending(path)) {
    return Status::IoError(path + ": cannot read it here: its write-ahead log " + path +
                           "-wal holds changes, and reading them takes a shared-memory file "
                           "that cannot be made in this folder; fold them in where it can "
                           "(sqlite3 " +
                           path + " 'PRAGMA wal_checkpoint(TRUNCATE)')");
  }
  // No log pending: no writer is running, and the file alone is the database.
  return Connect(path, FileUri(path, "immutable=1"), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                 options);
}

int SqliteDatabase::CheckDeadline(void* self) {
  return std::chrono::steady_clock::now() > static_cast<SqliteDatabase*>(self)->deadline_ ? 1 : 0;
}

SqliteDatabase::~SqliteDatabase() { sqlite3_close(db_); }

Status SqliteDatabase::Execute(const std::string& sql) {
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : ErrorStatus(rc);
}

Status SqliteDatabase::ErrorStatus(int rc, const std::string& detail) const {
  if ((rc & 0xff) == SQLITE_BUSY) {
    return Status::IoError(path() + " is locked: another process is writing to it (waited " +
                           Duration(busy_timeout_) + "); try again when it has finished");
  }
  return Status::IoError(path() + ": " + sqlite3_errmsg(db_) + detail);
}

Result<std::unique_ptr<Statement>> SqliteDatabase::Prepare(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr);
  if (rc != SQLITE_OK) return ErrorStatus(rc, " in: " + sql.substr(0, 80));
  return std::unique_ptr<Statement>(new SqliteStatement(this, stmt));
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::Bind(int index, const std::string& value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}
void SqliteStatement::Bind(int index, long long value) { sqlite3_bind_int64(stmt_, index, value); }
void SqliteStatement::Bind(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
void SqliteStatement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }
void SqliteStatement::BindBlob(int index, const std::string& bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
}
std::string SqliteStatement::Blob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  return data ? std::string(static_cast<const char*>(data),
                            static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
              : std::string();
}

bool SqliteStatement::Step(Status* status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) *status = db_->ErrorStatus(rc);
  return false;
}

Result<long long> SqliteStatement::Insert() {
  Status status = Run();
  if (!status.ok()) return status;
  return db_->LastInsertId();
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string SqliteStatement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  return text ? std::string(reinterpret_cast<const char*>(text),
                            static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
              : std::string();
}
long long SqliteStatement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
double SqliteStatement::Double(int column) const { return sqlite3_column_double(stmt_, column); }

}  // namespace warta::sql
