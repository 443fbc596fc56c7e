#include "store/ingest.h"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <semaphore>
#include <thread>

#include "store/store.h"
#include "util/blocking_queue.h"

namespace warta {

namespace {

// Articles are numbered as they are read, so the writer can store them in
// that order whichever thread codes them first.
struct Work {
  long long sequence = 0;
  std::string location;
  Article article;
};

struct Coded {
  long long sequence = 0;
  std::string location;
  Result<CodedRecord> record = Status::InvalidInput("not coded");
};

// What the writer shares with the reading thread, under one lock.
struct Shared {
  std::mutex mutex;
  IngestProgress progress;
  std::vector<std::string> errors;  // from coding, for the reading thread to report
  Status write_status;              // the first failure to store; the run stops at it

  void Count(long long IngestProgress::*field) {
    std::lock_guard<std::mutex> lock(mutex);
    ++(progress.*field);
  }
  bool WritingOk() {
    std::lock_guard<std::mutex> lock(mutex);
    return write_status.ok();
  }
  // The progress so far; moves the errors gathered since the last call to *taken.
  IngestProgress Snapshot(double seconds, std::vector<std::string>* taken) {
    std::lock_guard<std::mutex> lock(mutex);
    taken->swap(errors);
    progress.seconds = seconds;
    return progress;
  }
};

// Codes what arrives on `in` until it is closed and drained.
void CodeAll(ArticleCoder* coder, BlockingQueue<Work>* in, BlockingQueue<Coded>* out) {
  Work work;
  while (in->Pop(&work)) {
    Coded coded{work.sequence, work.location, Status::InvalidInput("")};
    auto result = coder->Code(work.article);
    if (result.ok()) {
      coded.record = CodedRecord{std::move(work.article), result.value().language,
                                 std::move(result.value().events)};
    } else {
      coded.record = result.status().WithContext(work.location);
    }
    out->Push(std::move(coded));
  }
}

// The one writer: takes coded articles in any order, stores them in the
// order they were read (rows, story ids and which telling of an event comes
// first must not depend on thread timing), in transactions of `batch`.
class Writer {
 public:
  Writer(Store* store, size_t batch, Shared* shared, std::counting_semaphore<>* window)
      : store_(store), batch_size_(batch), shared_(shared), window_(window) {}

  void Run(BlockingQueue<Coded>* in) {
    Coded coded;
    while (in->Pop(&coded)) {
      waiting_.emplace(coded.sequence, std::move(coded));
      // The reader's window bounds how many wait here: memory stays flat.
      while (!waiting_.empty() && waiting_.begin()->first == next_) {
        Take(std::move(waiting_.begin()->second));
        waiting_.erase(waiting_.begin());
        ++next_;
        window_->release();
      }
    }
    Flush();
  }

 private:
  void Take(Coded coded) {
    if (!coded.record.ok()) {
      std::lock_guard<std::mutex> lock(shared_->mutex);
      ++shared_->progress.failed;
      shared_->errors.push_back(coded.record.status().message());
      return;
    }
    batch_.push_back(std::move(coded.record).value());
    if (batch_.size() >= batch_size_) Flush();
  }

  void Flush() {
    if (batch_.empty() || failed_) {
      batch_.clear();  // after a failure: drained, so the reader never waits
      return;
    }
    auto written = store_->WriteBatch(batch_);
    std::lock_guard<std::mutex> lock(shared_->mutex);
    if (!written.ok()) {
      shared_->write_status = written.status();
      failed_ = true;
    } else {
      shared_->progress.stored += written.value().articles;
      shared_->progress.skipped += static_cast<long long>(batch_.size()) - written.value().articles;
      shared_->progress.events += written.value().events;
    }
    batch_.clear();
  }

  Store* store_;
  size_t batch_size_;
  Shared* shared_;
  std::counting_semaphore<>* window_;
  std::map<long long, Coded> waiting_;  // coded early, by sequence
  long long next_ = 0;                  // the sequence to store next
  std::vector<CodedRecord> batch_;
  bool failed_ = false;  // the writer's own copy of "write_status is set"
};

// An article read and not stored yet, waiting to be claimed.
struct Unclaimed {
  std::string location;
  Article article;
  std::string hash;
};

// The reading side's stores: one to look up what is stored (it never waits
// for the writer), one to claim on.
struct Lookup {
  Store* reader;
  Store* claims;
  std::chrono::seconds lease;
};

// Releases the claims of ingests on this host that were killed, so that
// their articles need not wait for the lease.
Status ReleaseGoneClaimants(Store* claims) {
  auto claimants = claims->Claimants();
  if (!claimants.ok()) return claimants.status();
  for (const std::string& claimant : claimants.value()) {
    if (!ClaimantIsGone(claimant)) continue;
    Status status = claims->ReleaseClaims(claimant);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

// Claims `unclaimed` and hands what this ingest got to the coders (through
// `send`); what another ingest holds, or stored since it was read, is
// counted and left.
Status ClaimAndSend(const Lookup& lookup, std::vector<Unclaimed>* unclaimed, Shared* shared,
                    const std::function<void(Unclaimed)>& send) {
  Status released = ReleaseGoneClaimants(lookup.claims);
  if (!released.ok()) return released;
  std::vector<std::string> keys;
  for (const Unclaimed& u : *unclaimed) keys.push_back(u.hash);
  auto mine = lookup.claims->Claim(keys, lookup.lease);
  if (!mine.ok()) return mine.status();
  for (size_t i = 0; i < unclaimed->size(); ++i) {
    Unclaimed& u = (*unclaimed)[i];
    if (!mine.value()[i]) {
      shared->Count(&IngestProgress::claimed_elsewhere);
      continue;
    }
    // Another ingest may have stored it, and released its claim in the same
    // transaction, between the first look and the claim: asked again, after
    // the claim, it is never coded twice.
    auto stored = lookup.reader->HasArticle(u.article.id, u.hash);
    if (!stored.ok()) return stored.status();
    if (stored.value()) {
      shared->Count(&IngestProgress::skipped);
      continue;
    }
    shared->Count(&IngestProgress::coded);
    send(std::move(u));
  }
  unclaimed->clear();
  return Status::Ok();
}

// What the reading side does with what it reads.
struct Reading {
  const Lookup& lookup;
  size_t batch;
  Shared* shared;
  std::function<void(Unclaimed)> send;               // to the coders
  std::function<void(const std::string&)> on_error;  // may be empty
  std::function<void()> tick;                        // after each article
};

// Reads until the end of the input or a failure (its own, or the writer's:
// then reading stops), skips what is stored, and claims the rest a batch at
// a time, sending what this ingest got.
Status ReadAll(const Reading& r, const std::function<bool(ReadItem*)>& next) {
  std::vector<Unclaimed> unclaimed;
  Status status;
  ReadItem item;
  while (status.ok() && r.shared->WritingOk() && next(&item)) {
    r.shared->Count(&IngestProgress::read);
    if (!item.article.ok()) {
      r.shared->Count(&IngestProgress::failed);
      if (r.on_error) r.on_error(item.article.status().message());
      continue;
    }
    Article& article = item.article.value();
    std::string hash = TextHash(article.text);
    auto stored = r.lookup.reader->HasArticle(article.id, hash);
    if (stored.ok() && stored.value()) {
      r.shared->Count(&IngestProgress::skipped);
      continue;
    }
    unclaimed.push_back(Unclaimed{item.location, std::move(article), std::move(hash)});
    if (unclaimed.size() >= r.batch) status = ClaimAndSend(r.lookup, &unclaimed, r.shared, r.send);
    r.tick();
  }
  return status.ok() ? ClaimAndSend(r.lookup, &unclaimed, r.shared, r.send) : status;
}

// The stores an ingest uses, each a connection of its own, all under one claimant.
struct Stores {
  std::unique_ptr<Store> writer, reader, claims;
};

Result<Stores> OpenStores(const std::string& db_path, const StoreOptions& options) {
  Stores stores;
  for (auto [store, read_only] : {std::pair{&stores.writer, false},
                                  {&stores.reader, true},  // WAL: reads beside the writer
                                  {&stores.claims, false}}) {
    auto opened = read_only ? Store::OpenReadOnly(db_path, options) : Store::Open(db_path, options);
    if (!opened.ok()) return opened.status();
    *store = std::move(opened).value();
  }
  const std::string claimant = NewClaimant();
  stores.writer->SetClaimant(claimant);
  stores.claims->SetClaimant(claimant);
  return stores;
}

}  // namespace

Result<IngestProgress> Ingest(const std::string& db_path,
                              std::shared_ptr<const Resources> resources,
                              const std::function<bool(ReadItem*)>& next,
                              const IngestOptions& options) {
  auto stores = OpenStores(db_path, options.store);
  if (!stores.ok()) return stores.status();
  int jobs = options.jobs < 1 ? 1 : options.jobs;
  std::vector<std::unique_ptr<ArticleCoder>> coders;
  for (int i = 0; i < jobs; ++i) {
    auto coder = ArticleCoder::Create(resources);
    if (!coder.ok()) return coder.status();
    coders.push_back(std::move(coder).value());
  }

  // At most `in_flight` articles read but not yet stored; the queue to the
  // writer holds them all, so a coder never waits for it and the writer can
  // always take the article it needs next.
  const std::ptrdiff_t in_flight = static_cast<std::ptrdiff_t>(8 * options.batch);
  std::counting_semaphore<> window(in_flight);
  BlockingQueue<Work> to_code(4 * options.batch);
  BlockingQueue<Coded> to_store(static_cast<size_t>(in_flight));
  Shared shared;
  auto start = std::chrono::steady_clock::now();

  std::vector<std::thread> workers;
  std::atomic<int> running{jobs};
  for (int i = 0; i < jobs; ++i) {
    workers.emplace_back([&, coder = coders[i].get()] {
      CodeAll(coder, &to_code, &to_store);
      if (--running == 0) to_store.Close();
    });
  }
  Writer writer(stores.value().writer.get(), options.batch, &shared, &window);
  std::thread writing([&] { writer.Run(&to_store); });

  auto last = start;
  auto report = [&](bool force) {
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last < std::chrono::seconds(1)) return;
    last = now;
    std::vector<std::string> errors;
    IngestProgress snapshot =
        shared.Snapshot(std::chrono::duration<double>(now - start).count(), &errors);
    if (options.on_error) {
      for (const std::string& error : errors) options.on_error(error);
    }
    if (options.on_progress) options.on_progress(snapshot);
  };

  const Lookup lookup{stores.value().reader.get(), stores.value().claims.get(), options.lease};
  long long sequence = 0;
  auto send = [&](Unclaimed u) {
    window.acquire();
    to_code.Push(Work{sequence++, std::move(u.location), std::move(u.article)});
  };
  Status reading = ReadAll(
      {lookup, options.batch, &shared, send, options.on_error, [&] { report(false); }}, next);
  to_code.Close();
  for (std::thread& worker : workers) worker.join();
  writing.join();
  // (Should this fail, the claims left pass to others when their lease ends.)
  stores.value().claims->ReleaseClaims();
  report(true);
  if (!shared.write_status.ok()) return shared.write_status;
  if (!reading.ok()) return reading;
  return shared.progress;
}

}  // namespace warta
