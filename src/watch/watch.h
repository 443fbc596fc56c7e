// watch: keeps an event database current from live sources — folders where
// files land, and RSS/Atom feeds and sitemaps polled over HTTP(S). The stage
// behind `warta watch`.
//
//   WatchOptions options;
//   options.folders = {"inbox"};
//   options.feeds = {"https://example.com/rss"};
//   options.on_log = [](const std::string& line) { std::cerr << line << "\n"; };
//   auto watcher = Watcher::Create("events.db", resources, options);
//   Status status = watcher.value()->Run(stop_fd);  // until stop_fd is readable
//
// Everything is stored through the resumable ingest (store/ingest.h), and
// every file and page is read by the one corpus reader (read/corpus.h) or the
// HTML reader (read/html.h), so an article means the same as in `warta
// ingest`, and one already stored is skipped, never coded again.
//
// Folders: read whole at the start (what arrived while warta was down), then
// each file as it lands (watch/folder.h). Feeds: every `interval`, each feed
// is fetched with a conditional GET (its ETag and Last-Modified remembered
// in the database, watch/state.h); its new item links are recorded, then
// every pending page is fetched once, read as HTML and stored, dated by the
// feed's date for it when it gives one. robots.txt is honoured per origin
// (fetched once a day); a failure (no answer, 5xx, a redirect loop) backs off
// its origin exponentially (backoff_base, doubled per failure up to
// backoff_max) without holding up the others; pages that are not HTML, too
// large or gone (4xx) are refused for good, with the reason logged. One
// request at a time, so never two at once to one host.
//
// Stopping: Run returns when `stop_fd` becomes readable, after the batch in
// hand is stored; what was read is stored whole or not at all (the ingest's
// transactions), and a restart goes on from there. Not thread-safe: one
// Watcher per thread; Run's callbacks come from its thread.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "store/ingest.h"
#include "warta/pipeline.h"
#include "warta/status.h"
#include "watch/http.h"

namespace warta::watch {

struct WatchOptions {
  std::vector<std::string> folders;
  std::vector<std::string> feeds;  // RSS, Atom or sitemap URLs
  std::chrono::seconds interval{15 * 60};
  std::chrono::seconds backoff_base{60};
  std::chrono::seconds backoff_max{6 * 3600};
  int max_attempts = 5;  // a page failing this often is refused
  HttpOptions http;
  size_t batch = 200;  // articles per transaction
  StoreOptions store;
  // One line per event worth telling (a cycle's counts, each failure with its source and reason).
  std::function<void(const std::string&)> on_log;
  // The clock for back-off and robots.txt expiry; steady_clock when empty (tests move it).
  std::function<std::chrono::steady_clock::time_point()> clock;
};

// What one poll of the feeds did.
struct CycleReport {
  int feeds_fetched = 0;    // answered with a feed
  int feeds_unchanged = 0;  // 304 Not Modified
  int feeds_failed = 0;
  int new_links = 0;       // item links not seen before
  int pages_fetched = 0;   // pages read
  int pages_deferred = 0;  // left pending: their host is backing off, or a failure to retry
  int pages_refused = 0;   // never to be fetched again
  IngestProgress ingest;   // of the pages read: stored, already stored, failed
};

class Watcher {
 public:
  static Result<std::unique_ptr<Watcher>> Create(const std::string& db_path,
                                                 std::shared_ptr<const Resources> resources,
                                                 const WatchOptions& options);
  ~Watcher();

  // Runs until stop_fd is readable (or a database error): the folders' full
  // scan, then files as they land and the feeds every interval.
  Status Run(int stop_fd);

  // The steps Run takes, for tests and one-shot use. `stopping` is asked
  // between articles; when it says true, what was read is stored and the
  // step returns.
  Result<IngestProgress> ScanFolders(const std::function<bool()>& stopping);
  Result<CycleReport> PollFeeds(const std::function<bool()>& stopping);

 private:
  class Impl;
  explicit Watcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace warta::watch
