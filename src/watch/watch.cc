#include "watch/watch.h"

#include <poll.h>

#include <algorithm>

#include "read/corpus.h"
#include "read/html.h"
#include "watch/feed.h"
#include "watch/folder.h"
#include "watch/robots.h"
#include "watch/state.h"

namespace warta::watch {

namespace {

using Clock = std::chrono::steady_clock;

// What became of one pending page.
enum class PageOutcome { kRead, kDeferred, kRefused };

bool Readable(int fd) {
  pollfd polled{fd, POLLIN, 0};
  return poll(&polled, 1, 0) > 0 && (polled.revents & (POLLIN | POLLHUP)) != 0;
}

bool IsHtml(const std::string& content_type) {
  return content_type.empty() || content_type == "text/html" ||
         content_type == "application/xhtml+xml";
}

std::string Seconds(Clock::duration duration) {
  return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(duration).count()) + " s";
}

}  // namespace

class Watcher::Impl {
 public:
  Impl(std::string db_path, std::shared_ptr<const Resources> resources, WatchOptions options,
       std::unique_ptr<WatchState> state, std::unique_ptr<HttpClient> http)
      : db_path_(std::move(db_path)),
        resources_(std::move(resources)),
        options_(std::move(options)),
        state_(std::move(state)),
        http_(std::move(http)) {}

  Status Run(int stop_fd);
  Result<IngestProgress> ScanFolders(const std::function<bool()>& stopping);
  Result<CycleReport> PollFeeds(const std::function<bool()>& stopping);

 private:
  struct Backoff {
    int failures = 0;
    Clock::time_point until;
  };
  struct Robots {
    RobotsRules rules;
    Clock::time_point fetched;
  };

  void Log(const std::string& line) const {
    if (options_.on_log) options_.on_log("watch: " + line);
  }
  Clock::time_point Now() const { return options_.clock ? options_.clock() : Clock::now(); }
  Result<IngestProgress> IngestItems(const std::function<bool(ReadItem*)>& next);
  // Ingests what `reader` reads until it ends or `stopping` says so; its
  // warnings are logged.
  Result<IngestProgress> IngestRead(CorpusReader& reader, const std::function<bool()>& stopping);
  Status IngestLanded(const std::vector<LandedFile>& files, const std::function<bool()>& stopping);

  bool BackingOff(const std::string& origin) const;
  void Failed(const std::string& origin, const std::string& what);
  void Succeeded(const std::string& origin) { backoff_.erase(origin); }
  Result<RobotsRules> RobotsFor(const std::string& origin);

  void PollFeed(const std::string& feed, CycleReport* report);
  Status RecordLinks(const std::string& feed, const HttpResponse& response, CycleReport* report);
  Status FetchPending(const std::function<bool()>& stopping, CycleReport* report);
  PageOutcome FetchPage(const PendingPage& page, ReadItem* item);
  PageOutcome PageFailed(const PendingPage& page, const std::string& origin,
                         const std::string& reason);
  PageOutcome Refuse(const PendingPage& page, const std::string& reason);
  void LogCycle(const CycleReport& report) const;

  std::string db_path_;
  std::shared_ptr<const Resources> resources_;
  WatchOptions options_;
  std::unique_ptr<WatchState> state_;
  std::unique_ptr<HttpClient> http_;
  std::map<std::string, Backoff> backoff_;  // by origin
  std::map<std::string, Robots> robots_;    // by origin
};

Result<IngestProgress> Watcher::Impl::IngestItems(const std::function<bool(ReadItem*)>& next) {
  IngestOptions ingest;
  ingest.batch = options_.batch;
  ingest.store = options_.store;
  ingest.on_error = [this](const std::string& message) { Log(message); };
  return Ingest(db_path_, resources_, next, ingest);
}

Result<IngestProgress> Watcher::Impl::IngestRead(CorpusReader& reader,
                                                 const std::function<bool()>& stopping) {
  return IngestItems([&](ReadItem* item) {
    if (stopping()) return false;
    bool more = reader.Next(item);
    if (more && !item->warning.empty()) Log(item->warning);
    return more;
  });
}

Result<IngestProgress> Watcher::Impl::ScanFolders(const std::function<bool()>& stopping) {
  if (options_.folders.empty()) return IngestProgress{};
  auto reader = CorpusReader::Open(options_.folders);
  if (!reader.ok()) return reader.status();
  auto progress = IngestRead(*reader.value(), stopping);
  if (progress.ok()) {
    const IngestProgress& p = progress.value();
    Log("scan: " + std::to_string(p.read) + " read, " + std::to_string(p.stored) + " stored, " +
        std::to_string(p.skipped) + " already stored, " + std::to_string(p.failed) + " failed, " +
        std::to_string(p.events) + " events");
  }
  return progress;
}

Status Watcher::Impl::IngestLanded(const std::vector<LandedFile>& files,
                                   const std::function<bool()>& stopping) {
  if (files.empty()) return Status::Ok();
  std::vector<std::pair<std::string, std::string>> inputs;
  for (const LandedFile& file : files) inputs.emplace_back(file.path, file.id);
  auto reader = CorpusReader::OpenFilesAs(inputs);
  if (!reader.ok()) return reader.status();
  auto progress = IngestRead(*reader.value(), stopping);
  if (!progress.ok()) return progress.status();
  const IngestProgress& p = progress.value();
  Log(std::to_string(files.size()) + " file(s) landed: " + std::to_string(p.stored) + " stored, " +
      std::to_string(p.skipped) + " already stored, " + std::to_string(p.failed) + " failed, " +
      std::to_string(p.events) + " events");
  return Status::Ok();
}

bool Watcher::Impl::BackingOff(const std::string& origin) const {
  auto found = backoff_.find(origin);
  return found != backoff_.end() && Now() < found->second.until;
}

void Watcher::Impl::Failed(const std::string& origin, const std::string& what) {
  Backoff& backoff = backoff_[origin];
  ++backoff.failures;
  auto delay = options_.backoff_base * (1LL << std::min(backoff.failures - 1, 20));
  delay = std::min<std::chrono::seconds>(delay, options_.backoff_max);
  backoff.until = Now() + delay;
  Log(what + "; " + origin + " rested for " + Seconds(delay) + " (failure " +
      std::to_string(backoff.failures) + ")");
}

Result<RobotsRules> Watcher::Impl::RobotsFor(const std::string& origin) {
  auto cached = robots_.find(origin);
  if (cached != robots_.end() && Now() - cached->second.fetched < std::chrono::hours(24)) {
    return cached->second.rules;
  }
  auto response = http_->Get({origin + "/robots.txt", "", ""});
  if (!response.ok()) return response.status();
  long status = response.value().status;
  // RFC 9309: no robots.txt (4xx) allows everything; a server error forbids
  // everything until it answers.
  if (status >= 500) return Status::IoError(origin + "/robots.txt: HTTP " + std::to_string(status));
  RobotsRules rules = status >= 200 && status < 300
                          ? RobotsRules::Parse(response.value().body, "warta")
                          : RobotsRules::AllowAll();
  robots_[origin] = {rules, Now()};
  return rules;
}

void Watcher::Impl::PollFeed(const std::string& feed, CycleReport* report) {
  std::string origin = UrlOrigin(feed);
  if (origin.empty()) {
    ++report->feeds_failed;
    return Log(feed + ": not an http or https URL");
  }
  if (BackingOff(origin)) return;  // counted with nothing: its host rests
  auto validators = state_->FeedValidators(feed);
  if (!validators.ok()) return Log(validators.status().message());
  auto response = http_->Get({feed, validators.value().etag, validators.value().last_modified});
  if (!response.ok() || response.value().status >= 500) {
    ++report->feeds_failed;
    return Failed(origin, response.ok() ? feed + ": HTTP " + std::to_string(response.value().status)
                                        : response.status().message());
  }
  long status = response.value().status;
  if (status == 304) {
    Succeeded(origin);
    ++report->feeds_unchanged;
    return;
  }
  if (status != 200) {
    ++report->feeds_failed;
    return Failed(origin, feed + ": HTTP " + std::to_string(status));
  }
  Succeeded(origin);
  Status recorded = RecordLinks(feed, response.value(), report);
  if (!recorded.ok()) {
    ++report->feeds_failed;
    return Failed(origin, recorded.message());
  }
  ++report->feeds_fetched;
}

// The feed's new links become pending pages; then its validators are kept,
// so a 304 later never hides links that were not recorded.
Status Watcher::Impl::RecordLinks(const std::string& feed, const HttpResponse& response,
                                  CycleReport* report) {
  auto parsed = ParseFeed(response.body, feed);
  if (!parsed.ok()) return parsed.status();
  for (const FeedItem& item : parsed.value().items) {
    std::string link = ResolveUrl(response.final_url, item.link);
    if (UrlOrigin(link).empty()) {
      Log(feed + ": item link \"" + item.link + "\" is not an http(s) URL; left out");
      continue;
    }
    auto added = state_->AddPage(link, feed, item.published);
    if (!added.ok()) return added.status();
    if (added.value()) ++report->new_links;
  }
  return state_->SaveFeedValidators(feed, {response.etag, response.last_modified});
}

PageOutcome Watcher::Impl::Refuse(const PendingPage& page, const std::string& reason) {
  Log(page.url + ": " + reason + "; not fetched again");
  Status status = state_->MarkRefused(page.url, reason);
  if (!status.ok()) Log(status.message());
  return PageOutcome::kRefused;
}

PageOutcome Watcher::Impl::PageFailed(const PendingPage& page, const std::string& origin,
                                      const std::string& reason) {
  Failed(origin, page.url + ": " + reason);
  auto attempts = state_->CountAttempt(page.url, reason);
  if (attempts.ok() && attempts.value() >= options_.max_attempts) {
    return Refuse(page, reason + " (" + std::to_string(attempts.value()) + " attempts)");
  }
  return PageOutcome::kDeferred;
}

PageOutcome Watcher::Impl::FetchPage(const PendingPage& page, ReadItem* item) {
  std::string origin = UrlOrigin(page.url);
  if (BackingOff(origin)) return PageOutcome::kDeferred;
  auto robots = RobotsFor(origin);
  if (!robots.ok()) return PageFailed(page, origin, "robots.txt: " + robots.status().message());
  if (!robots.value().Allows(UrlPathAndQuery(page.url)))
    return Refuse(page, "forbidden by robots.txt");
  auto response = http_->Get({page.url, "", ""});
  if (!response.ok() && response.status().code() == Status::Code::kInvalidData) {
    return Refuse(page, response.status().message().substr(page.url.size() + 2));  // too large
  }
  if (!response.ok()) return PageFailed(page, origin, response.status().message());
  const HttpResponse& got = response.value();
  if (got.status >= 500 || got.status == 429) {
    return PageFailed(page, origin, "HTTP " + std::to_string(got.status));
  }
  Succeeded(origin);
  if (got.status != 200) return Refuse(page, "HTTP " + std::to_string(got.status));
  if (!IsHtml(got.content_type)) return Refuse(page, "not an HTML page (" + got.content_type + ")");
  item->location = page.url;
  item->warning.clear();
  item->article = ArticleFromHtml(got.body, page.url, &item->warning);
  if (item->article.ok()) {
    Article& article = item->article.value();
    if (article.url.empty()) article.url = page.url;
    article.id = article.url;  // the page's own URL, as the corpus reader names a page
    if (page.published) article.published = page.published;
  } else {
    item->article = item->article.status().WithContext(page.url);
  }
  if (!item->warning.empty()) Log(page.url + ": " + item->warning);
  return PageOutcome::kRead;
}

Status Watcher::Impl::FetchPending(const std::function<bool()>& stopping, CycleReport* report) {
  auto pending = state_->Pending();
  if (!pending.ok()) return pending.status();
  if (pending.value().empty()) return Status::Ok();
  std::vector<std::string> read;  // marked done once stored
  size_t next_page = 0;
  auto next = [&](ReadItem* item) {
    while (next_page < pending.value().size() && !stopping()) {
      const PendingPage& page = pending.value()[next_page++];
      PageOutcome outcome = FetchPage(page, item);
      if (outcome == PageOutcome::kDeferred) ++report->pages_deferred;
      if (outcome == PageOutcome::kRefused) ++report->pages_refused;
      if (outcome != PageOutcome::kRead) continue;
      ++report->pages_fetched;
      read.push_back(page.url);
      return true;
    }
    return false;
  };
  auto progress = IngestItems(next);
  if (!progress.ok()) return progress.status();
  report->ingest = progress.value();
  for (const std::string& url : read) {
    Status status = state_->MarkDone(url);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

void Watcher::Impl::LogCycle(const CycleReport& r) const {
  Log("cycle: feeds " + std::to_string(r.feeds_fetched) + " fetched, " +
      std::to_string(r.feeds_unchanged) + " unchanged, " + std::to_string(r.feeds_failed) +
      " failed; " + std::to_string(r.new_links) + " new links; pages " +
      std::to_string(r.pages_fetched) + " fetched, " + std::to_string(r.ingest.stored) +
      " stored, " + std::to_string(r.ingest.skipped) + " already stored, " +
      std::to_string(r.ingest.failed) + " unreadable, " + std::to_string(r.pages_deferred) +
      " deferred, " + std::to_string(r.pages_refused) + " refused; " +
      std::to_string(r.ingest.events) + " events");
}

Result<CycleReport> Watcher::Impl::PollFeeds(const std::function<bool()>& stopping) {
  CycleReport report;
  for (const std::string& feed : options_.feeds) {
    if (stopping()) break;
    PollFeed(feed, &report);
  }
  Status status = FetchPending(stopping, &report);
  if (!status.ok()) return status;
  LogCycle(report);
  return report;
}

Status Watcher::Impl::Run(int stop_fd) {
  auto stopping = [stop_fd] { return Readable(stop_fd); };
  std::unique_ptr<FolderWatch> folders;
  if (!options_.folders.empty()) {
    // Watched before the scan, so nothing landing during it is missed.
    auto opened = FolderWatch::Open(options_.folders);
    if (!opened.ok()) return opened.status();
    folders = std::move(opened).value();
    auto scanned = ScanFolders(stopping);
    if (!scanned.ok()) return scanned.status();
  }
  auto next_poll = Clock::now();
  while (!stopping()) {
    if (!options_.feeds.empty() && Clock::now() >= next_poll) {
      auto polled = PollFeeds(stopping);
      if (!polled.ok()) return polled.status();
      next_poll = Clock::now() + options_.interval;
    }
    int timeout = -1;
    if (!options_.feeds.empty()) {
      auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next_poll - Clock::now());
      timeout = static_cast<int>(std::clamp<long long>(wait.count(), 0, 60 * 60 * 1000));
    }
    pollfd polled[2] = {{stop_fd, POLLIN, 0}, {folders ? folders->fd() : -1, POLLIN, 0}};
    if (poll(polled, 2, timeout) < 0 && errno != EINTR) return Status::IoError("poll failed");
    if (folders == nullptr || (polled[1].revents & POLLIN) == 0) continue;
    auto landed = folders->TakeLanded();
    if (!landed.ok()) return landed.status();
    if (landed.value().rescan) {
      Log("folder events were lost; reading the folders again");
      auto scanned = ScanFolders(stopping);
      if (!scanned.ok()) return scanned.status();
    }
    Status status = IngestLanded(landed.value().files, stopping);
    if (!status.ok()) return status;
  }
  Log("stopped");
  return Status::Ok();
}

Watcher::Watcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Watcher::~Watcher() = default;

Result<std::unique_ptr<Watcher>> Watcher::Create(const std::string& db_path,
                                                 std::shared_ptr<const Resources> resources,
                                                 const WatchOptions& options) {
  auto state = WatchState::Open(db_path, options.store);
  if (!state.ok()) return state.status();
  auto http = HttpClient::Create(options.http);
  if (!http.ok()) return http.status();
  return std::unique_ptr<Watcher>(new Watcher(std::make_unique<Impl>(
      db_path, std::move(resources), options, std::move(state).value(), std::move(http).value())));
}

Status Watcher::Run(int stop_fd) { return impl_->Run(stop_fd); }
Result<IngestProgress> Watcher::ScanFolders(const std::function<bool()>& stopping) {
  return impl_->ScanFolders(stopping);
}
Result<CycleReport> Watcher::PollFeeds(const std::function<bool()>& stopping) {
  return impl_->PollFeeds(stopping);
}

}  // namespace warta::watch
