// watch/state: what warta watch remembers across restarts, in two tables of
// the event database itself (so a copy of the database carries it):
//
//   watch_feeds  url, etag, last_modified: the validators of each feed's last
//                answer, sent back as a conditional GET
//   watch_pages  url, feed, published, state, attempts, reason: every item
//                link seen in a feed. "pending" until its page is stored (or
//                found already stored); "done" after; "refused" when it never
//                will be (robots.txt, not HTML, 404, too many failures), with
//                the reason
//
// A page is marked done only after the ingest that read it has returned, so
// a watcher killed mid-batch fetches it again on restart (the store then
// skips it if it had landed). Not thread-safe: one per thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/store.h"
#include "warta/date.h"
#include "warta/status.h"

namespace warta::watch {

struct Validators {
  std::string etag, last_modified;
};

struct PendingPage {
  std::string url, feed;
  std::optional<Date> published;  // the feed's date for it
  int attempts = 0;
};

class WatchState {
 public:
  // Opens (creating, when new) the event database at `db_path` and the watch tables in it.
  static Result<std::unique_ptr<WatchState>> Open(const std::string& db_path,
                                                  const StoreOptions& options);

  Result<Validators> FeedValidators(const std::string& feed_url);
  Status SaveFeedValidators(const std::string& feed_url, const Validators& validators);

  // Records a link as pending unless it is known; true when it is new.
  Result<bool> AddPage(const std::string& url, const std::string& feed,
                       const std::optional<Date>& published);
  // Every pending page, oldest first.
  Result<std::vector<PendingPage>> Pending();
  Status MarkDone(const std::string& url);
  Status MarkRefused(const std::string& url, const std::string& reason);
  // One more failed attempt; returns how many there have been.
  Result<int> CountAttempt(const std::string& url, const std::string& reason);
  // The state of a page ("pending", "done", "refused"), empty when unknown; for tests and logs.
  Result<std::string> PageState(const std::string& url);

 private:
  explicit WatchState(std::unique_ptr<sql::Database> db) : db_(std::move(db)) {}
  Status Run(const std::string& sql, const std::vector<std::string>& values);
  std::unique_ptr<sql::Database> db_;
};

}  // namespace warta::watch
