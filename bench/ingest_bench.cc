// warta_ingest_bench: how fast `warta ingest` stores a corpus on SQLite or
// PostgreSQL, with one worker and with several sharing it through claims,
// against coding alone on the same corpus; and whether memory stays flat.
//
//   warta_ingest_bench [--articles 100000] [--dir /tmp] [--db postgresql://...]
//                      [--workers 1,2] [--jobs 1]
//
// Generates a JSON-lines corpus from the golden test articles with variations
// (ids, dates, states swapped, paragraphs reordered, so that stories group
// some of them); codes it without storing on 1 and on 2 threads; then, for
// each count of workers, ingests it into a fresh database with that many
// ingests at once (threads here, each with connections of its own and
// `--jobs` coding threads, as separate processes would be), printing
// articles/s, MB/s and peak resident memory. SQLite: a file in --dir.
// PostgreSQL: --db names a server database; each run works in a fresh schema
// (warta_ingest_bench), dropped after.
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "golden_corpus.h"
#include "read/corpus.h"
#include "store/database.h"
#include "store/ingest.h"
#include "util/tsv.h"

namespace {

void WriteCorpus(const std::string& path, long articles) {
  std::vector<nlohmann::json> templates = warta::bench::GoldenArticles();
  const char* swaps[][2] = {{"Australia", "Jepang"}, {"Belarus", "Iran"},
                            {"Armenia", "Georgia"},  {"Thailand", "Vietnam"},
                            {"China", "India"},      {"Indonesia", "Malaysia"}};
  std::mt19937 random(11);
  std::ofstream out(path);
  // Paragraphs of each template, to mix: most generated articles are new
  // stories, some repeat one (a republication), as in a real crawl.
  std::vector<std::vector<std::string>> paragraphs;
  for (const nlohmann::json& t : templates) {
    std::vector<std::string> parts;
    std::string text = t["text"];
    for (size_t start = 0; start < text.size();) {
      size_t end = text.find("\n\n", start);
      if (end == std::string::npos) end = text.size();
      parts.push_back(text.substr(start, end - start));
      start = end + 2;
    }
    paragraphs.push_back(parts);
  }
  for (long i = 0; i < articles; ++i) {
    size_t t = static_cast<size_t>(i) % templates.size();
    nlohmann::json article = templates[t];
    std::string text;
    for (size_t p = 0; p < 6; ++p) {
      const auto& pool = paragraphs[(t + (random() % 2) * 2) % paragraphs.size()];
      text += (p ? "\n\n" : "") + pool[random() % pool.size()];
    }
    auto* swap = swaps[random() % std::size(swaps)];
    for (size_t at = text.find(swap[0]); at != std::string::npos; at = text.find(swap[0], at + 1)) {
      text.replace(at, std::strlen(swap[0]), swap[1]);
    }
    text += "\n\n(" + std::to_string(i) + ")";  // every article's text differs
    article["text"] = text;
    article["id"] = "bench-" + std::to_string(i);
    char date[11];
    std::snprintf(date, sizeof date, "20%02d-%02d-%02d", 15 + static_cast<int>(random() % 10),
                  1 + static_cast<int>(random() % 12), 1 + static_cast<int>(random() % 28));
    article["published"] = date;
    out << article.dump() << "\n";
  }
}

struct Options {
  long articles = 100000;
  std::string dir = "/tmp";
  std::string db;  // a PostgreSQL server; "" for SQLite files in dir
  std::vector<int> workers = {1, 2};
  int jobs = 1;
};

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::vector<warta::Article> ReadAll(const std::string& corpus) {
  std::vector<warta::Article> articles;
  auto reader = warta::CorpusReader::Open({corpus});
  warta::ReadItem item;
  while (reader.ok() && reader.value()->Next(&item)) {
    if (item.article.ok()) articles.push_back(item.article.value());
  }
  return articles;
}

// Coding alone, on `threads` threads: the ceiling ingest is measured against.
void BenchCoding(const std::vector<warta::Article>& articles, double megabytes,
                 std::shared_ptr<const warta::Resources> resources, int threads) {
  std::atomic<size_t> next{0};
  std::atomic<long> events{0};
  auto start = std::chrono::steady_clock::now();
  // (Coders are made one after another, as Ingest makes them: making one
  // reads shared dictionaries.)
  std::vector<std::unique_ptr<warta::ArticleCoder>> coders;
  for (int t = 0; t < threads; ++t) {
    auto coder = warta::ArticleCoder::Create(resources);
    if (coder.ok()) coders.push_back(std::move(coder).value());
  }
  std::vector<std::thread> coding;
  for (auto& coder : coders) {
    coding.emplace_back([&, coder = coder.get()] {
      for (size_t i = next++; i < articles.size(); i = next++) {
        auto coded = coder->Code(articles[i]);
        if (coded.ok()) events += static_cast<long>(coded.value().events.size());
      }
    });
  }
  for (std::thread& thread : coding) thread.join();
  double seconds = Since(start);
  std::printf(
      "coding alone, %d thread(s): %zu articles, %ld events in %.1f s: %.0f articles/s, "
      "%.2f MB/s\n",
      threads, articles.size(), events.load(), seconds, articles.size() / seconds,
      megabytes / seconds);
}

// A fresh database for a run: an SQLite path, or a PostgreSQL schema.
std::string FreshDatabase(const Options& options, int workers) {
  if (options.db.empty()) {
    std::string db = options.dir + "/warta-ingest-bench-" + std::to_string(workers) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
    return db;
  }
  auto server = warta::sql::Database::Open(options.db);
  if (server.ok()) {
    server.value()->Execute(
        "DROP SCHEMA IF EXISTS warta_ingest_bench CASCADE; CREATE SCHEMA warta_ingest_bench");
  }
  return options.db + (options.db.find('?') == std::string::npos ? "?" : "&") +
         "options=-c%20search_path%3Dwarta_ingest_bench";
}

void DropDatabase(const Options& options, const std::string& db) {
  if (options.db.empty()) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
    return;
  }
  auto server = warta::sql::Database::Open(options.db);
  if (server.ok()) server.value()->Execute("DROP SCHEMA IF EXISTS warta_ingest_bench CASCADE");
}

// `workers` ingests of the corpus into one fresh database at once.
bool BenchIngest(const Options& options, const std::string& corpus, double megabytes,
                 std::shared_ptr<const warta::Resources> resources, int workers) {
  std::string db = FreshDatabase(options, workers);
  std::vector<warta::Result<warta::IngestProgress>> results(workers,
                                                            warta::Status::InvalidInput("not run"));
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> running;
  for (int w = 0; w < workers; ++w) {
    running.emplace_back([&, w] {
      auto reader = warta::CorpusReader::Open({corpus});
      if (!reader.ok()) {
        results[w] = reader.status();
        return;
      }
      warta::IngestOptions ingest;
      ingest.jobs = options.jobs;
      results[w] = warta::Ingest(
          db, resources, [&](warta::ReadItem* item) { return reader.value()->Next(item); }, ingest);
    });
  }
  for (std::thread& thread : running) thread.join();
  double seconds = Since(start);
  long long stored = 0, events = 0, coded = 0, elsewhere = 0;
  for (const auto& result : results) {
    if (!result.ok()) {
      std::fprintf(stderr, "%s\n", result.status().message().c_str());
      return false;
    }
    stored += result.value().stored;
    events += result.value().events;
    coded += result.value().coded;
    elsewhere += result.value().claimed_elsewhere;
  }
  std::string size = options.db.empty()
                         ? std::to_string(std::filesystem::file_size(db) / 1000000) + " MB"
                         : std::string("on the server");
  std::printf(
      "ingest, %s, %d worker(s) --jobs %d: %lld articles, %lld events in %.1f s: %.0f "
      "articles/s, %.2f MB/s (coded %lld, %lld left to another worker); database %s, peak "
      "memory %.1f MB\n",
      options.db.empty() ? "SQLite" : "PostgreSQL", workers, options.jobs, stored, events, seconds,
      stored / seconds, megabytes / seconds, coded, elsewhere, size.c_str(),
      warta::bench::PeakRssKb() / 1024.0);
  DropDatabase(options, db);
  return true;
}

std::vector<int> ParseList(const std::string& text) {
  std::vector<int> list;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    int value = std::atoi(text.substr(start, end - start).c_str());
    if (value > 0) list.push_back(value);
    start = end + 1;
  }
  return list;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--articles") options.articles = std::atol(value.c_str());
    if (flag == "--dir") options.dir = value;
    if (flag == "--db") options.db = value;
    if (flag == "--workers") options.workers = ParseList(value);
    if (flag == "--jobs") options.jobs = std::max(1, std::atoi(value.c_str()));
  }
  std::string corpus = options.dir + "/warta-ingest-bench.jsonl";
  WriteCorpus(corpus, options.articles);
  double megabytes = std::filesystem::file_size(corpus) / 1e6;
  std::printf("corpus: %ld articles, %.1f MB\n", options.articles, megabytes);
  auto resources = warta::bench::LoadRepositoryResources();
  if (!resources.ok()) {
    std::fprintf(stderr, "%s\n", resources.status().message().c_str());
    return 1;
  }
  {
    std::vector<warta::Article> articles = ReadAll(corpus);
    for (int threads : {1, 2}) BenchCoding(articles, megabytes, resources.value(), threads);
  }
  bool ok = true;
  for (int workers : options.workers) {
    ok = ok && BenchIngest(options, corpus, megabytes, resources.value(), workers);
  }
  std::filesystem::remove(corpus);
  return ok ? 0 : 1;
}
