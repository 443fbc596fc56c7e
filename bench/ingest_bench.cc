// warta_ingest_bench: how fast `warta ingest` stores a corpus, with one and
// with two coding threads, and whether memory stays flat.
//
//   warta_ingest_bench [--articles 100000] [--dir /tmp]
//
// Generates a JSON-lines corpus from the golden test articles with variations
// (ids, dates, states swapped, paragraphs reordered, so that stories group
// some of them), then ingests it into a fresh database with --jobs 1 and
// again with --jobs 2, printing articles/s and peak resident memory.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "golden_corpus.h"
#include "read/corpus.h"
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

}  // namespace

int main(int argc, char** argv) {
  long articles = 100000;
  std::string dir = "/tmp";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--articles") == 0) articles = std::atol(argv[i + 1]);
    if (std::strcmp(argv[i], "--dir") == 0) dir = argv[i + 1];
  }
  std::string corpus = dir + "/warta-ingest-bench.jsonl";
  WriteCorpus(corpus, articles);
  std::printf("corpus: %ld articles, %.1f MB\n", articles,
              std::filesystem::file_size(corpus) / 1e6);
  auto resources = warta::bench::LoadRepositoryResources();
  if (!resources.ok()) {
    std::fprintf(stderr, "%s\n", resources.status().message().c_str());
    return 1;
  }
  for (int jobs : {1, 2}) {
    std::string db = dir + "/warta-ingest-bench-" + std::to_string(jobs) + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
    auto reader = warta::CorpusReader::Open({corpus});
    warta::IngestOptions ingest;
    ingest.jobs = jobs;
    long quarter = 1;
    ingest.on_progress = [&](const warta::IngestProgress& p) {
      if (p.read * 4 < articles * quarter) return;
      std::printf("  jobs %d: %ld%% read, %lld stored, peak memory %.1f MB\n", jobs, quarter * 25,
                  p.stored, warta::bench::PeakRssKb() / 1024.0);
      ++quarter;
    };
    auto start = std::chrono::steady_clock::now();
    auto result = warta::Ingest(
        db, resources.value(), [&](warta::ReadItem* item) { return reader.value()->Next(item); },
        ingest);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!result.ok()) {
      std::fprintf(stderr, "%s\n", result.status().message().c_str());
      return 1;
    }
    std::printf(
        "ingest --jobs %d: %lld articles, %lld events in %.1f s: %.0f articles/s, "
        "database %.1f MB, peak memory %.1f MB\n",
        jobs, result.value().stored, result.value().events, seconds,
        result.value().stored / seconds, std::filesystem::file_size(db) / 1e6,
        warta::bench::PeakRssKb() / 1024.0);
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  }
  std::filesystem::remove(corpus);
  return 0;
}
