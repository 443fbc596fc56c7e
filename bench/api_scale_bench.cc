// warta_api_scale_bench: how fast every /api/* query shape answers on a large
// database (issue 13's goal: under 100 ms at 10 million events).
//
//   warta_api_scale_bench [--events 10000000] [--db /tmp/warta-api-scale.db] [--runs 10]
//   warta_api_scale_bench --events 1000000 --db postgresql://localhost/warta_bench
//
// --db is an SQLite file or a PostgreSQL connection string (database.h), and
// the same query shapes run on either through the code the server runs.
//
// Generates the database (api_scale_generator.h: bulk SQL into the store's
// own tables and indexes, with Zipf-skewed actors, codes, outlets and
// places) unless --db already holds at least --events events; then calls
// Api::Handle, the function the HTTP server calls, for each query shape: one
// untimed run to warm the cache, then --runs timed runs, printing p50, p99
// and max per shape, peak memory and the database's size. The database is
// kept, so a second run measures only queries.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include "api_scale_generator.h"
#include "golden_corpus.h"
#include "serve/api.h"
#include "store/database.h"

namespace {

using Params = std::map<std::string, std::string>;

struct Shape {
  std::string path;
  Params params;
};

// Every endpoint, each with the parameter mixes the page and analysts send.
std::vector<Shape> Shapes() {
  return {
      {"/api/events", {}},
      {"/api/events", {{"actor", "Prabowo"}}},
      {"/api/events", {{"actor", "ISR"}}},
      {"/api/events", {{"actor", "IDNGOV"}, {"root", "04"}}},
      {"/api/events", {{"country", "MYS"}}},
      {"/api/events", {{"root", "19"}}},
      {"/api/events", {{"code", "0311"}}},
      {"/api/events", {{"from", "2020-03-01"}, {"to", "2020-03-31"}}},
      {"/api/events", {{"from", "2019"}, {"to", "2019"}, {"quad", "4"}}},
      {"/api/events", {{"dyad", "IDN:MYS"}}},
      {"/api/events", {{"place", "IDN.JK"}}},
      {"/api/events", {{"place", "Surabaya"}}},
      {"/api/events", {{"near", "-6.2,106.8,50"}}},
      {"/api/events", {{"name", "Widodo"}}},
      {"/api/events", {{"lang", "en"}}},
      {"/api/events", {{"source", "Outlet 7"}}},
      {"/api/events", {{"modality", "any"}, {"negated", "any"}}},
      {"/api/events", {{"statements", "no"}}},
      {"/api/events", {{"order", "oldest"}}},
      {"/api/events", {{"offset", "10000"}}},
      {"/api/events", {{"actor", "Prabowo"}, {"offset", "5000"}, {"limit", "100"}}},
      {"/api/timeline", {}},
      {"/api/timeline", {{"period", "week"}}},
      {"/api/timeline", {{"dyad", "IDN:ISR"}}},
      {"/api/timeline", {{"actor", "Prabowo"}}},
      {"/api/timeline", {{"root", "19"}}},
      {"/api/network", {}},
      {"/api/network", {{"root", "19"}}},
      {"/api/network", {{"country", "IDN"}}},
      {"/api/network", {{"from", "2024-01-01"}, {"to", "2024-12-31"}}},
      {"/api/places", {}},
      {"/api/places", {{"actor", "Prabowo"}}},
      {"/api/places", {{"place", "IDN"}}},
      {"/api/places", {{"root", "14"}}},
      {"/api/actors", {{"q", "pra"}}},
      {"/api/actors", {{"q", "IDN"}}},
      {"/api/actors", {{"q", "tokoh 1"}}},
      {"/api/event/ROW", {}},
      {"/api/stats", {}},
      {"/api/stats", {{"statements", "no"}}},
      {"/api/stats", {{"modality", "any"}, {"negated", "any"}}},
  };
}

long long CountEvents(const std::string& db) {
  if (!warta::sql::IsPostgres(db) && !std::filesystem::exists(db)) return 0;
  auto store = warta::Store::OpenReadOnly(db);
  if (!store.ok()) return 0;
  warta::QueryFilter every;  // of any kind
  every.kinds.modalities.clear();
  every.kinds.negated = std::nullopt;
  auto count = store.value()->Count(every);
  return count.ok() ? count.value() : 0;
}

// The database's size: an SQLite file with its write-ahead log, or a
// PostgreSQL database as the server counts it (tables, indexes, TOAST).
double DatabaseMb(const std::string& path) {
  double bytes = 0;
  if (warta::sql::IsPostgres(path)) {
    auto db = warta::sql::Database::Open(path, {/*read_only=*/true});
    if (!db.ok()) return 0;
    auto size = db.value()->Prepare("SELECT pg_database_size(current_database())");
    warta::Status status;
    if (size.ok() && size.value()->Step(&status)) bytes = static_cast<double>(size.value()->Int(0));
    return bytes / 1e6;
  }
  for (const char* suffix : {"", "-wal"}) {
    std::error_code error;
    auto size = std::filesystem::file_size(path + suffix, error);
    if (!error) bytes += static_cast<double>(size);
  }
  return bytes / 1e6;
}

double Percentile(const std::vector<double>& sorted, double p) {
  size_t at = static_cast<size_t>(std::ceil(p * static_cast<double>(sorted.size()))) - 1;
  return sorted[std::min(at, sorted.size() - 1)];
}

// Times one shape; returns its slowest run. An event's row is drawn anew per run.
double TimeShape(warta::Api* api, const Shape& shape, int runs, long long stored,
                 std::mt19937_64* random) {
  std::vector<double> times;
  int status = 200;
  for (int r = 0; r <= runs; ++r) {
    std::string path = shape.path;
    if (path == "/api/event/ROW") {
      path = "/api/event/" + std::to_string(1 + static_cast<long long>((*random)() % stored));
    }
    auto start = std::chrono::steady_clock::now();
    int answered = api->Handle(path, shape.params).status;
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (answered != 200) status = answered;
    if (r > 0) times.push_back(ms);  // the first run warms the cache
  }
  std::sort(times.begin(), times.end());
  std::string shown;
  for (const auto& [name, value] : shape.params) {
    shown += (shown.empty() ? "" : "&") + name + "=" + value;
  }
  std::printf("| %-14s | %-38s | %9.1f | %9.1f | %9.1f |%s\n", shape.path.substr(5).c_str(),
              shown.c_str(), Percentile(times, 0.5), Percentile(times, 0.99), times.back(),
              status == 200 ? "" : (" HTTP " + std::to_string(status)).c_str());
  std::fflush(stdout);
  return times.back();
}

}  // namespace

int main(int argc, char** argv) {
  long long events = 10000000;
  int runs = 10;
  std::string db = "/tmp/warta-api-scale.db";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--events") == 0) events = std::atoll(argv[i + 1]);
    if (std::strcmp(argv[i], "--db") == 0) db = argv[i + 1];
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::max(1, std::atoi(argv[i + 1]));
  }
  {  // a database made by an older warta is upgraded, as `warta ingest` would
     // (before counting: a reader does not read an older PostgreSQL database)
    auto start = std::chrono::steady_clock::now();
    auto upgrade = warta::Store::Open(db);
    std::printf("opened to write (upgrading an older schema) in %.1f s\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (!upgrade.ok()) {
      std::fprintf(stderr, "%s\n", upgrade.status().message().c_str());
      return 1;
    }
  }
  long long stored = CountEvents(db);
  if (stored < events) {
    auto made = warta::bench::GenerateEventDatabase(db, events, 17);
    if (!made.ok()) {
      std::fprintf(stderr, "%s\n", made.status().message().c_str());
      return 1;
    }
    const auto& m = made.value();
    std::printf(
        "generated %s: %lld events, %lld mentions, %lld articles, %lld stories in %.0f s "
        "(rows %.0f s, then indexes and summaries)\n",
        warta::sql::DisplayName(db).c_str(), m.events, m.mentions, m.articles, m.stories, m.seconds,
        m.load_seconds);
  }
  stored = CountEvents(db);
  std::printf("database (%s): %lld events, %.0f MB\n",
              warta::sql::IsPostgres(db) ? "PostgreSQL" : "SQLite", stored, DatabaseMb(db));
  auto pool = warta::StorePool::Open(db, 1);
  if (!pool.ok()) {
    std::fprintf(stderr, "%s\n", pool.status().message().c_str());
    return 1;
  }
  warta::Api api(pool.value().get(), std::chrono::seconds(600));
  std::mt19937_64 random(23);
  std::printf("| %-14s | %-38s | %9s | %9s | %9s |\n", "endpoint", "parameters", "p50 ms", "p99 ms",
              "max ms");
  std::printf("|%s|%s|%s|%s|%s|\n", std::string(16, '-').c_str(), std::string(40, '-').c_str(),
              std::string(11, '-').c_str(), std::string(11, '-').c_str(),
              std::string(11, '-').c_str());
  double slowest = 0;
  int over = 0;
  for (const Shape& shape : Shapes()) {
    double ms = TimeShape(&api, shape, runs, stored, &random);
    slowest = std::max(slowest, ms);
    over += ms >= 100 ? 1 : 0;
  }
  std::printf("%d of %zu shapes over 100 ms at their slowest; slowest %.1f ms\n", over,
              Shapes().size(), slowest);
  std::printf("peak memory %.1f MB, database %.0f MB\n", warta::bench::PeakRssKb() / 1024.0,
              DatabaseMb(db));
  return 0;
}
