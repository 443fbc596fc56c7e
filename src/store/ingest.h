// Ingest: read, code and store a corpus, resumably.
//
//   auto result = Ingest(db_path, resources, next_article, options);
//
// The caller's thread reads articles (next_article), skips those already
// stored (same id or same text hash) and claims the rest, `batch` at a time
// (store.h, "Claims"), so that several ingests on one database, in threads,
// processes or machines, each code a share of one corpus: an article another
// ingest has claimed is skipped (counted in claimed_elsewhere), one claimed
// longer than `lease` ago is taken over. `jobs` threads code what was
// claimed; one writer stores it in transactions of `batch` articles, in the
// order it was read, so the database is the same byte for byte whatever
// `jobs` is (several ingests at once store the same articles, events,
// stories and counts as one, though rows and story ids may be numbered in
// another order). Queues are bounded, so memory stays flat however large the
// corpus. A killed ingest loses only the batch in flight (rolled back by the
// database), and its claims pass to others when the lease ends; running it
// again codes just what is missing, and never stores an article twice.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "read/reader.h"
#include "store/store.h"
#include "warta/pipeline.h"
#include "warta/status.h"

namespace warta {

struct IngestProgress {
  long long read = 0;               // articles read, good or bad
  long long stored = 0;             // articles coded and stored now
  long long skipped = 0;            // already in the database
  long long failed = 0;             // bad input or not codable (reported through on_error)
  long long claimed_elsewhere = 0;  // being coded by another ingest: left to it
  long long coded = 0;              // given to this ingest's coders
  long long events = 0;             // events coded in the stored articles
  double seconds = 0;
};

struct IngestOptions {
  int jobs = 1;  // coding threads; what is stored does not depend on it
  size_t batch = 200;
  // A claim older than this is another ingest's that stopped: taken over.
  std::chrono::seconds lease = std::chrono::minutes(10);
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
