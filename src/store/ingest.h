// Ingest: read, code and store a corpus, resumably.
//
//   auto result = Ingest(db_path, resources, next_article, options);
//
// The caller's thread reads articles (next_article) and skips those already
// stored (same id or same text hash); `jobs` threads code them; one writer
// stores them in transactions of `batch` articles, in the order they were
// read, so the database is the same byte for byte whatever `jobs` is. Queues are bounded, so
// memory stays flat however large the corpus. A killed ingest loses only the
// batch in flight (rolled back by SQLite); running it again codes just what
// is missing, and never stores an article twice.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "read/reader.h"
#include "store/store.h"
#include "warta/pipeline.h"
#include "warta/status.h"

namespace warta {

struct IngestProgress {
  long long read = 0;     // articles read, good or bad
  long long stored = 0;   // articles coded and stored now
  long long skipped = 0;  // already in the database
  long long failed = 0;   // bad input or not codable (reported through on_error)
  long long events = 0;   // events coded in the stored articles
  double seconds = 0;
};

struct IngestOptions {
  int jobs = 1;  // coding threads; what is stored does not depend on it
  size_t batch = 200;
  StoreOptions store;  // busy timeout, fixed time stamp
  // Called from the caller's thread about once a second, and at the end.
  std::function<void(const IngestProgress&)> on_progress;
  // Called from the caller's thread (reading) or the writer (coding) for each
  // article that could not be read or coded; a message naming the input.
  std::function<void(const std::string&)> on_error;
};

// `next` fills a ReadItem and returns false at the end of the input.
Result<IngestProgress> Ingest(const std::string& db_path,
                              std::shared_ptr<const Resources> resources,
                              const std::function<bool(ReadItem*)>& next,
                              const IngestOptions& options);

}  // namespace warta
