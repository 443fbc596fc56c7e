#include "store/ingest.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "store/store.h"
#include "util/blocking_queue.h"

namespace warta {

namespace {

struct Work {
  std::string location;
  Article article;
};

struct Coded {
  std::string location;
  Result<CodedRecord> record = Status::InvalidInput("not coded");
};

}  // namespace

Result<IngestProgress> Ingest(const std::string& db_path,
                              std::shared_ptr<const Resources> resources,
                              const std::function<bool(ReadItem*)>& next,
                              const IngestOptions& options) {
  auto writer_store = Store::Open(db_path);
  if (!writer_store.ok()) return writer_store.status();
  auto reader_store = Store::Open(db_path);  // WAL: reads beside the writer
  if (!reader_store.ok()) return reader_store.status();
  int jobs = options.jobs < 1 ? 1 : options.jobs;
  std::vector<std::unique_ptr<ArticleCoder>> coders;
  for (int i = 0; i < jobs; ++i) {
    auto coder = ArticleCoder::Create(resources);
    if (!coder.ok()) return coder.status();
    coders.push_back(std::move(coder).value());
  }

  BlockingQueue<Work> to_code(4 * options.batch);
  BlockingQueue<Coded> to_store(4 * options.batch);
  std::mutex progress_mutex;
  IngestProgress progress;
  std::vector<std::string> writer_errors;
  Status write_status;
  auto start = std::chrono::steady_clock::now();

  std::vector<std::thread> workers;
  std::atomic<int> running{jobs};
  for (int i = 0; i < jobs; ++i) {
    workers.emplace_back([&, coder = coders[i].get()] {
      Work work;
      while (to_code.Pop(&work)) {
        Coded coded{work.location, Status::InvalidInput("")};
        auto result = coder->Code(work.article);
        if (result.ok()) {
          coded.record = CodedRecord{std::move(work.article), result.value().language,
                                     std::move(result.value().events)};
        } else {
          coded.record = result.status().WithContext(work.location);
        }
        to_store.Push(std::move(coded));
      }
      if (--running == 0) to_store.Close();
    });
  }

  std::thread writer([&] {
    std::vector<CodedRecord> batch;
    auto flush = [&] {
      if (batch.empty() || !write_status.ok()) return;
      auto written = writer_store.value()->WriteBatch(batch);
      std::lock_guard<std::mutex> lock(progress_mutex);
      if (!written.ok()) {
        write_status = written.status();
      } else {
        progress.stored += written.value().articles;
        progress.skipped += static_cast<long long>(batch.size()) - written.value().articles;
        progress.events += written.value().events;
      }
      batch.clear();
    };
    Coded coded;
    while (to_store.Pop(&coded)) {
      if (!coded.record.ok()) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        ++progress.failed;
        writer_errors.push_back(coded.record.status().message());
        continue;
      }
      batch.push_back(std::move(coded.record).value());
      if (batch.size() >= options.batch) flush();
    }
    flush();
  });

  auto last = std::chrono::steady_clock::now();
  auto report = [&](bool force) {
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last < std::chrono::seconds(1)) return;
    last = now;
    std::vector<std::string> errors;
    IngestProgress snapshot;
    {
      std::lock_guard<std::mutex> lock(progress_mutex);
      errors.swap(writer_errors);
      progress.seconds = std::chrono::duration<double>(now - start).count();
      snapshot = progress;
    }
    if (options.on_error) {
      for (const std::string& error : errors) options.on_error(error);
    }
    if (options.on_progress) options.on_progress(snapshot);
  };

  ReadItem item;
  while (write_status.ok() && next(&item)) {
    {
      std::lock_guard<std::mutex> lock(progress_mutex);
      ++progress.read;
    }
    if (!item.article.ok()) {
      {
        std::lock_guard<std::mutex> lock(progress_mutex);
        ++progress.failed;
      }
      if (options.on_error) options.on_error(item.article.status().message());
      continue;
    }
    Article& article = item.article.value();
    auto stored = reader_store.value()->HasArticle(article.id, TextHash(article.text));
    if (stored.ok() && stored.value()) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      ++progress.skipped;
      continue;
    }
    to_code.Push(Work{item.location, std::move(article)});
    report(false);
  }
  to_code.Close();
  for (std::thread& worker : workers) worker.join();
  writer.join();
  report(true);
  if (!write_status.ok()) return write_status.WithContext(db_path);
  return progress;
}

}  // namespace warta
