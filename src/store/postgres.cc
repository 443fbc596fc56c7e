#include "store/postgres.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace warta::sql {

namespace {

std::string TrimEnd(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// SQLite's placeholders as PostgreSQL's: ?N → $N, and a bare ? → the next
// number after the largest so far (as SQLite numbers it). Quoted text and
// names are left alone. `*count`: the largest number.
std::string NumberedPlaceholders(const std::string& sql, int* count) {
  std::string out;
  int largest = 0;
  char quote = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote != 0) {
      out += c;
      if (c == quote) quote = 0;  // a doubled quote closes and reopens: the same
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c != '?') {
      out += c;
      continue;
    }
    size_t end = i + 1;
    while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') ++end;
    int number = end > i + 1 ? std::atoi(sql.substr(i + 1, end - i - 1).c_str()) : largest + 1;
    largest = std::max(largest, number);
    out += '$';
    out += std::to_string(number);
    i = end - 1;
  }
  *count = largest;
  return out;
}

std::string Hex(const std::string& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out = "\\x";
  for (unsigned char byte : bytes) {
    out += kDigits[byte >> 4];
    out += kDigits[byte & 15];
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

std::string Duration(long long ms) {
  return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

void IgnoreNotice(void*, const char*) {}  // "already exists, skipping" and the like

}  // namespace

std::string PostgresDatabase::DisplayName(const std::string& target) {
  std::string name = target;
  // postgresql://user:secret@host/db → postgresql://user@host/db
  size_t start = name.find("://");
  if (start != std::string::npos) {
    start += 3;
    size_t at = name.find('@', start);
    size_t slash = name.find('/', start);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      size_t colon = name.find(':', start);
      if (colon != std::string::npos && colon < at) name.erase(colon, at - colon);
    }
  }
  // ...?password=secret&x=1 → ...?x=1
  for (const char* key : {"?password=", "&password="}) {
    size_t found = name.find(key);
    if (found == std::string::npos) continue;
    size_t end = name.find('&', found + 1);
    name.erase(found + 1, end == std::string::npos ? std::string::npos : end - found);
    if (name.back() == '?' || name.back() == '&') name.pop_back();
  }
  return name;
}

Result<std::unique_ptr<Database>> PostgresDatabase::Open(const std::string& target,
                                                         const OpenOptions& options) {
  const std::string name = DisplayName(target);
  // A bare "postgresql:": libpq's empty connection string, all from PG*.
  const std::string conninfo = target.find("://") == std::string::npos ? "" : target;
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (conn == nullptr) return Status::IoError(name + ": cannot connect: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = TrimEnd(PQerrorMessage(conn));
    PQfinish(conn);
    return Status::InvalidInput(name + ": cannot connect to PostgreSQL: " + message);
  }
  PQsetNoticeProcessor(conn, &IgnoreNotice, nullptr);
  std::unique_ptr<PostgresDatabase> db(new PostgresDatabase(conn, name));
  // Floats as the shortest text that reads back as the same double.
  std::string setup = "SET extra_float_digits = 3; SET lock_timeout = " +
                      std::to_string(options.busy_timeout.count()) + ";";
  if (options.read_only) setup += " SET default_transaction_read_only = on;";
  Status status = db->Execute(setup);
  if (!status.ok()) return status;
  db->busy_timeout_ms_ = options.busy_timeout.count();
  return std::unique_ptr<Database>(std::move(db));
}

PostgresDatabase::~PostgresDatabase() { PQfinish(conn_); }

Status PostgresDatabase::Failure(const PGresult* result, const std::string& detail) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  last_state_ = state ? state : "";
  std::string message = primary ? primary : TrimEnd(PQerrorMessage(conn_));
  if (last_state_ == "55P03") {  // lock_not_available: lock_timeout passed
    return Status::IoError(path() + " is locked: another process is writing to it (waited " +
                           Duration(busy_timeout_ms_) + "); try again when it has finished");
  }
  if (last_state_ == "57014") {  // query_canceled: statement_timeout passed
    return Status::IoError(path() + ": interrupted: " + message);
  }
  return Status::IoError(path() + ": " + message + detail);
}

void PostgresDatabase::Claim(PostgresStatement* next) {
  if (active_ != nullptr && active_ != next) active_->ReadRest();
  active_ = next;
}

void PostgresDatabase::BeginPipeline() {
  Claim(nullptr);
  if (!pipeline_ && PQenterPipelineMode(conn_)) pipeline_ = true;
}

Status PostgresDatabase::ReadPending() {
  for (; pending_ > 0; --pending_) {
    for (PGresult* result = PQgetResult(conn_); result != nullptr; result = PQgetResult(conn_)) {
      ExecStatusType type = PQresultStatus(result);
      if (type != PGRES_COMMAND_OK && type != PGRES_TUPLES_OK && pipeline_failure_.ok()) {
        pipeline_failure_ = Failure(result);
      }
      PQclear(result);
    }
  }
  return pipeline_failure_;
}

Status PostgresDatabase::EndPipeline() {
  if (!pipeline_) return Status::Ok();
  Claim(nullptr);
  if (!PQpipelineSync(conn_) && pipeline_failure_.ok()) pipeline_failure_ = Failure(nullptr);
  ReadPending();
  // Then the sync's own result; the pipeline ends when nothing is left to read.
  for (int idle = 0; idle < 2 && PQpipelineStatus(conn_) != PQ_PIPELINE_OFF;) {
    PGresult* result = PQgetResult(conn_);
    if (result != nullptr) {
      PQclear(result);
      idle = 0;
    } else if (!PQexitPipelineMode(conn_)) {
      ++idle;  // (a broken connection: its next statement fails)
    }
  }
  pipeline_ = false;
  return std::exchange(pipeline_failure_, Status::Ok());
}

Status PostgresDatabase::Execute(const std::string& sql) {
  Status ended = EndPipeline();
  Claim(nullptr);
  PGresult* result = PQexec(conn_, sql.c_str());
  ExecStatusType type = PQresultStatus(result);
  Status status;
  if (type == PGRES_COMMAND_OK || type == PGRES_TUPLES_OK || type == PGRES_EMPTY_QUERY) {
    changes_ = std::atoll(PQcmdTuples(result));
  } else {
    status = Failure(result);
  }
  PQclear(result);
  // A COMMIT after a failure in the pipeline rolled back: that failure is the news.
  return ended.ok() ? status : ended;
}

Result<std::unique_ptr<Statement>> PostgresDatabase::Prepare(const std::string& sql) {
  // (libpq prepares only outside a pipeline; statements are prepared once,
  // so this is rare.)
  const bool pipelined = pipeline_;
  Status ended = EndPipeline();
  if (!ended.ok()) return ended;
  Claim(nullptr);
  int parameters = 0;
  std::string text = NumberedPlaceholders(sql, &parameters);
  std::string name = std::string("warta_") + std::to_string(++next_statement_);
  PGresult* result = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
  Status status;
  if (PQresultStatus(result) != PGRES_COMMAND_OK)
    status = Failure(result, " in: " + sql.substr(0, 80));
  PQclear(result);
  if (pipelined) BeginPipeline();
  if (!status.ok()) return status;
  return std::unique_ptr<Statement>(
      new PostgresStatement(this, std::move(name), std::move(text), parameters));
}

void PostgresDatabase::SetDeadline(std::chrono::steady_clock::time_point deadline) {
  long long ms = 0;  // 0: no timeout
  if (deadline != std::chrono::steady_clock::time_point::max()) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    ms = std::max<long long>(1, left.count());
  }
  if (ms == timeout_ms_) return;
  // (A failure here shows again at the statement that follows.)
  if (Execute(std::string("SET statement_timeout = ") + std::to_string(ms)).ok()) timeout_ms_ = ms;
}

PostgresStatement::~PostgresStatement() {
  Reset();
  db_->Release(this);
  // Not through Execute: what the last statement changed stays to be asked.
  db_->EndPipeline();
  db_->Claim(nullptr);
  PQclear(PQexec(db_->conn_, ("DEALLOCATE " + name_).c_str()));
}

void PostgresStatement::Set(int index, std::optional<std::string> value) {
  if (index >= 1 && static_cast<size_t>(index) <= values_.size())
    values_[index - 1] = std::move(value);
}

void PostgresStatement::Bind(int index, double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  Set(index, std::string(text));
}

void PostgresStatement::BindBlob(int index, const std::string& bytes) { Set(index, Hex(bytes)); }

PGresult* PostgresStatement::NextResult() {
  if (!kept_.empty()) {
    PGresult* result = kept_.front();
    kept_.pop_front();
    return result;
  }
  if (!running_) return nullptr;
  PGresult* result = PQgetResult(db_->conn_);
  if (result == nullptr) {
    running_ = false;
    db_->Release(this);
  }
  return result;
}

void PostgresStatement::ReadRest() {
  while (running_) {
    PGresult* result = PQgetResult(db_->conn_);
    if (result == nullptr) {
      running_ = false;
      db_->Release(this);
    } else {
      kept_.push_back(result);
    }
  }
}

void PostgresStatement::ClearRow() {
  PQclear(row_);
  row_ = nullptr;
  row_index_ = 0;
}

bool PostgresStatement::SendQuery() {
  std::vector<const char*> values;
  for (const auto& value : values_) values.push_back(value ? value->c_str() : nullptr);
  return PQsendQueryPrepared(db_->conn_, name_.c_str(), static_cast<int>(values.size()),
                             values.data(), nullptr, nullptr, 0);
}

Status PostgresStatement::Send() {
  if (!db_->pipeline_) return Run();
  // After a failure the server skips the rest of the pipeline: say so now.
  if (!db_->pipeline_failure_.ok()) return db_->pipeline_failure_;
  db_->Claim(nullptr);
  Status status = SendQuery() ? Status::Ok() : db_->Failure(nullptr);
  if (status.ok()) ++db_->pending_;
  std::fill(values_.begin(), values_.end(), std::nullopt);
  return status;
}

bool PostgresStatement::Step(Status* status) {
  if (row_ != nullptr && row_index_ + 1 < PQntuples(row_)) {  // a whole result, read on
    ++row_index_;
    return true;
  }
  ClearRow();
  if (done_) return false;
  if (!started_) {
    started_ = true;
    db_->Claim(this);
    if (!SendQuery()) {
      db_->Release(this);
      done_ = true;
      *status = db_->Failure(nullptr);
      return false;
    }
    if (db_->pipeline_) {
      // The server sends what it holds; the statements before this one answer first.
      PQsendFlushRequest(db_->conn_);
      PQflush(db_->conn_);
      failure_ = db_->ReadPending();
    } else {
      PQsetSingleRowMode(db_->conn_);
    }
    running_ = true;
  }
  for (PGresult* result = NextResult(); result != nullptr; result = NextResult()) {
    ExecStatusType type = PQresultStatus(result);
    if (type == PGRES_SINGLE_TUPLE || (type == PGRES_TUPLES_OK && PQntuples(result) > 0)) {
      row_ = result;
      return true;
    }
    if (type == PGRES_TUPLES_OK || type == PGRES_COMMAND_OK) {
      db_->changes_ = std::atoll(PQcmdTuples(result));
    } else if (failure_.ok()) {
      failure_ = db_->Failure(result);
      if (db_->pipeline_ && db_->pipeline_failure_.ok()) db_->pipeline_failure_ = failure_;
    }
    PQclear(result);
  }
  done_ = true;
  if (!failure_.ok()) *status = failure_;
  return false;
}

Result<long long> PostgresStatement::Insert() {
  Status status;
  long long key = Step(&status) ? Int(0) : 0;
  while (Step(&status)) {
  }
  Reset();
  if (!status.ok()) return status;
  return key;
}

void PostgresStatement::Reset() {
  ClearRow();
  ReadRest();
  for (PGresult* result : kept_) PQclear(result);
  kept_.clear();
  std::fill(values_.begin(), values_.end(), std::nullopt);
  started_ = done_ = false;
  failure_ = Status::Ok();
}

std::string PostgresStatement::Text(int column) const {
  if (row_ == nullptr) return "";
  return std::string(PQgetvalue(row_, row_index_, column),
                     static_cast<size_t>(PQgetlength(row_, row_index_, column)));
}

std::string PostgresStatement::Blob(int column) const {
  std::string hex = Text(column);  // bytea as text: \x0a1b...
  std::string bytes;
  for (size_t i = 2; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(HexValue(hex[i]) * 16 + HexValue(hex[i + 1]));
  }
  return bytes;
}

long long PostgresStatement::Int(int column) const {
  return row_ ? std::strtoll(PQgetvalue(row_, row_index_, column), nullptr, 10) : 0;
}

double PostgresStatement::Double(int column) const {
  return row_ ? std::strtod(PQgetvalue(row_, row_index_, column), nullptr) : 0;
}

bool PostgresStatement::IsNull(int column) const {
  return row_ == nullptr || PQgetisnull(row_, row_index_, column);
}

}  // namespace warta::sql
