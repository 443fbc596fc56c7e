// A large synthetic event database for warta_api_scale_bench, written by bulk
// SQL in the store's own tables (schema from Store::Open, the same columns,
// the same indexes), because the store's writing path (story look-up,
// de-duplication, one event at a time) would take hours for 10 million
// events on two cores.
//
// What it holds, with skew like a real crawl: stories of one to four
// articles (each article telling about five events, the later articles of a
// story telling again some events of the first: more mentions, articles and
// outlets per event); actors drawn by a Zipf law from a head of frequent ones
// (Prabowo Subianto, Israel, Joko Widodo, ...) and a long tail; CAMEO codes
// and outlets by Zipf laws too; dates over 2015-2025, more recent more often,
// some only to the month, a few undated; most events asserted, some alleged,
// intended or negated; two events in three placed, at Indonesian provinces
// and cities and at countries (Zipf). Not written: article_bands and
// article_keys, which only the writer's story look-up reads.
//
// The indexes are dropped while rows are inserted and made again at the end
// from their own CREATE statements (faster than keeping them current row by
// row; the result is the same b-trees).
#pragma once

#include <string>

#include "warta/status.h"

namespace warta::bench {

struct GeneratedDatabase {
  long long events = 0, mentions = 0, articles = 0, stories = 0;
  double load_seconds = 0;  // writing the rows, before the indexes
  double seconds = 0;       // in all
};

// Writes a new database at `target` with at least `events` events: an SQLite
// file (removing any file there) or, for a PostgreSQL connection string
// (database.h), that database (dropping warta's tables there first).
Result<GeneratedDatabase> GenerateEventDatabase(const std::string& target, long long events,
                                                unsigned seed);

}  // namespace warta::bench
