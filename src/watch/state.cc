#include "watch/state.h"

namespace warta::watch {

namespace {

const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS watch_feeds (
  url TEXT PRIMARY KEY,
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS watch_pages (
  url TEXT PRIMARY KEY,
  feed TEXT NOT NULL,
  published TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS watch_pages_pending ON watch_pages(state);
)";

}  // namespace

Result<std::unique_ptr<WatchState>> WatchState::Open(const std::string& db_path,
                                                     const StoreOptions& options) {
  {
    // The store creates (or checks) the event database first: the watch
    // tables go only into a database that is warta's.
    auto store = Store::Open(db_path, options);
    if (!store.ok()) return store.status();
  }
  sql::OpenOptions open;
  open.busy_timeout = options.busy_timeout;
  auto db = sql::Database::Open(db_path, open);
  if (!db.ok()) return db.status();
  // Pending pages in the order they were found: the rowid SQLite tables
  // have, which PostgreSQL's must be given.
  const sql::Dialect& dialect = db.value()->dialect();
  Status status = db.value()->Execute(dialect.Ddl(kSchema));
  if (status.ok() && dialect.postgres())
    status = db.value()->Execute(dialect.AddRowId("watch_pages"));
  if (!status.ok()) return status;
  return std::unique_ptr<WatchState>(new WatchState(std::move(db).value()));
}

Status WatchState::Run(const std::string& sql, const std::vector<std::string>& values) {
  auto statement = sql::Statement::Prepare(db_.get(), sql);
  if (!statement.ok()) return statement.status();
  for (size_t i = 0; i < values.size(); ++i)
    statement.value()->Bind(static_cast<int>(i + 1), values[i]);
  return statement.value()->Run();
}

Result<Validators> WatchState::FeedValidators(const std::string& feed_url) {
  auto statement = sql::Statement::Prepare(
      db_.get(), "SELECT etag, last_modified FROM watch_feeds WHERE url = ?");
  if (!statement.ok()) return statement.status();
  statement.value()->Bind(1, feed_url);
  Status status;
  Validators validators;
  if (statement.value()->Step(&status)) {
    validators = {statement.value()->Text(0), statement.value()->Text(1)};
  }
  if (!status.ok()) return status;
  return validators;
}

Status WatchState::SaveFeedValidators(const std::string& feed_url, const Validators& validators) {
  return Run(
      "INSERT INTO watch_feeds(url, etag, last_modified) VALUES(?, ?, ?) "
      "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified",
      {feed_url, validators.etag, validators.last_modified});
}

Result<bool> WatchState::AddPage(const std::string& url, const std::string& feed,
                                 const std::optional<Date>& published) {
  Status status =
      Run("INSERT INTO watch_pages(url, feed, published) VALUES(?, ?, ?) ON CONFLICT DO NOTHING",
          {url, feed, published ? published->ToString() : ""});
  if (!status.ok()) return status;
  return db_->Changes() > 0;
}

Result<std::vector<PendingPage>> WatchState::Pending() {
  auto statement = sql::Statement::Prepare(db_.get(),
                                           "SELECT url, feed, published, attempts FROM watch_pages "
                                           "WHERE state = 'pending' ORDER BY rowid");
  if (!statement.ok()) return statement.status();
  std::vector<PendingPage> pages;
  Status status;
  while (statement.value()->Step(&status)) {
    PendingPage page{statement.value()->Text(0), statement.value()->Text(1), std::nullopt,
                     static_cast<int>(statement.value()->Int(3))};
    page.published = Date::Parse(statement.value()->Text(2));
    pages.push_back(std::move(page));
  }
  if (!status.ok()) return status;
  return pages;
}

Status WatchState::MarkDone(const std::string& url) {
  return Run("UPDATE watch_pages SET state = 'done', reason = '' WHERE url = ?", {url});
}

Status WatchState::MarkRefused(const std::string& url, const std::string& reason) {
  return Run("UPDATE watch_pages SET state = 'refused', reason = ? WHERE url = ?", {reason, url});
}

Result<int> WatchState::CountAttempt(const std::string& url, const std::string& reason) {
  Status status = Run("UPDATE watch_pages SET attempts = attempts + 1, reason = ? WHERE url = ?",
                      {reason, url});
  if (!status.ok()) return status;
  auto statement =
      sql::Statement::Prepare(db_.get(), "SELECT attempts FROM watch_pages WHERE url = ?");
  if (!statement.ok()) return statement.status();
  statement.value()->Bind(1, url);
  int attempts = 0;
  if (statement.value()->Step(&status)) attempts = static_cast<int>(statement.value()->Int(0));
  if (!status.ok()) return status;
  return attempts;
}

Result<std::string> WatchState::PageState(const std::string& url) {
  auto statement =
      sql::Statement::Prepare(db_.get(), "SELECT state FROM watch_pages WHERE url = ?");
  if (!statement.ok()) return statement.status();
  statement.value()->Bind(1, url);
  Status status;
  std::string state;
  if (statement.value()->Step(&status)) state = statement.value()->Text(0);
  if (!status.ok()) return status;
  return state;
}

}  // namespace warta::watch
