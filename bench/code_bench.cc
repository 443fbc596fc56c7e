// warta_bench: how fast `warta code` codes, and whether memory stays flat.
//
//   warta_bench [--mb 100] [--corpus /tmp/warta-bench.jsonl] [--long-kb 800] [--no-places]
//
// Writes a corpus of JSON-lines articles of about the given size, made from the
// golden test articles (tests/golden/) with variations (publication dates,
// states swapped, paragraphs reordered), then codes it through the same path
// as the CLI (CorpusReader → ArticleCoder → JSON) on one thread, printing
// articles/s, MB/s and peak resident memory at each quarter of the input, so a
// growing peak would show. Then codes single articles of growing size, once as
// one run-on line (no sentence ends: the segmenter must cut it) and once as
// ordinary paragraphs, printing seconds per MB for each: flat when the time is
// linear in the input. --no-places codes without placement (no event or
// actor located), to measure what placement costs.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "golden_corpus.h"
#include "read/corpus.h"
#include "util/tsv.h"
#include "warta/pipeline.h"

namespace {

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

// Writes about `megabytes` MB of varied articles; returns the article count.
long WriteCorpus(const std::string& path, long megabytes) {
  std::vector<nlohmann::json> templates = warta::bench::GoldenArticles();
  const std::pair<const char*, const char*> swaps[] = {
      {"Australia", "Jepang"}, {"Belarus", "Iran"},       {"Armenia", "Georgia"},
      {"Thailand", "Vietnam"}, {"Indonesia", "Malaysia"}, {"China", "India"}};
  std::mt19937 random(42);
  std::ofstream out(path, std::ios::binary);
  long bytes = 0, count = 0;
  while (bytes < megabytes * 1000000L && !templates.empty()) {
    nlohmann::json article = templates[count % templates.size()];
    std::string text = article["text"];
    if (random() % 2) {
      auto [from, to] = swaps[random() % std::size(swaps)];
      text = ReplaceAll(text, from, to);
    }
    // Move the last paragraph to the front now and then.
    size_t last = text.rfind("\n\n");
    if (random() % 3 == 0 && last != std::string::npos)
      text = text.substr(last + 2) + "\n\n" + text.substr(0, last);
    article["text"] = text;
    article["id"] = "bench-" + std::to_string(count);
    char date[11];
    std::snprintf(date, sizeof date, "20%02d-%02d-%02d", 15 + static_cast<int>(random() % 10),
                  1 + static_cast<int>(random() % 12), 1 + static_cast<int>(random() % 28));
    article["published"] = date;
    std::string line = article.dump() + "\n";
    out << line;
    bytes += static_cast<long>(line.size());
    ++count;
  }
  return count;
}

// One article of about `bytes` bytes made of the golden texts: as paragraphs,
// or run on as one line with every sentence end turned into a comma.
std::string LongArticle(size_t bytes, bool run_on) {
  std::vector<nlohmann::json> templates = warta::bench::GoldenArticles();
  std::string text;
  for (size_t i = 0; text.size() < bytes && !templates.empty(); ++i) {
    std::string piece = templates[i % templates.size()]["text"];
    if (run_on) {
      piece = ReplaceAll(ReplaceAll(ReplaceAll(piece, "\n", " "), ". ", ", "), "  ", " ");
    }
    text += piece + (run_on ? ", " : "\n\n");
  }
  return text;
}

void CodeLongArticles(warta::ArticleCoder* coder, size_t max_kb,
                      const warta::CodeOptions& options) {
  for (bool run_on : {true, false}) {
    for (size_t kb = 100; kb <= max_kb; kb *= 2) {
      warta::Article article;
      article.id = "long";
      article.text = LongArticle(kb * 1000, run_on);
      auto start = std::chrono::steady_clock::now();
      auto result = coder->Code(article, options);
      double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::printf(
          "one %s article of %4zu kB: %.3f s, %.2f s per MB, %zu events, peak memory %.1f MB\n",
          run_on ? "run-on" : "paragraphed", article.text.size() / 1000, seconds,
          seconds / (article.text.size() / 1e6), result.ok() ? result.value().events.size() : 0,
          warta::bench::PeakRssKb() / 1024.0);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  long megabytes = 100;
  long long_kb = 800;
  std::string corpus = "/tmp/warta-bench.jsonl";
  warta::CodeOptions options;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--no-places") == 0) {
      options.places = false;
      continue;
    }
    if (i + 1 >= argc) break;
    if (std::strcmp(argv[i], "--mb") == 0) megabytes = std::atol(argv[i + 1]);
    if (std::strcmp(argv[i], "--corpus") == 0) corpus = argv[i + 1];
    if (std::strcmp(argv[i], "--long-kb") == 0) long_kb = std::atol(argv[i + 1]);
    ++i;
  }
  long articles = WriteCorpus(corpus, megabytes);
  long corpus_bytes = static_cast<long>(std::filesystem::file_size(corpus));
  std::printf("corpus: %s, %ld articles, %.1f MB%s\n", corpus.c_str(), articles, corpus_bytes / 1e6,
              options.places ? "" : " (no placement)");

  auto start_load = std::chrono::steady_clock::now();
  auto resources = warta::bench::LoadRepositoryResources();
  if (!resources.ok()) {
    std::fprintf(stderr, "%s\n", resources.status().message().c_str());
    return 1;
  }
  auto coder = warta::ArticleCoder::Create(resources.value());
  double load_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_load).count();
  std::printf("load: %.3f s (dictionaries and Hunspell), peak memory %.1f MB\n", load_seconds,
              warta::bench::PeakRssKb() / 1024.0);

  auto reader = warta::CorpusReader::Open({corpus});
  warta::ReadItem item;
  long coded = 0, events = 0, text_bytes = 0, output_bytes = 0;
  int next_quarter = 1;
  auto start = std::chrono::steady_clock::now();
  while (reader.value()->Next(&item)) {
    if (!item.article.ok()) continue;
    text_bytes += static_cast<long>(item.article.value().text.size());
    auto result = coder.value()->Code(item.article.value(), options);
    if (!result.ok()) continue;
    for (const warta::Event& event : result.value().events) {
      output_bytes += static_cast<long>(warta::ToJson(event).size()) + 1;
      ++events;
    }
    ++coded;
    if (coded * 4 >= articles * next_quarter) {
      double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::printf("%3d%%: %ld articles, %.0f articles/s, %.2f MB/s of text, peak memory %.1f MB\n",
                  next_quarter * 25, coded, coded / seconds, text_bytes / 1e6 / seconds,
                  warta::bench::PeakRssKb() / 1024.0);
      ++next_quarter;
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "total: %ld articles, %ld events, %.1f s, %.0f articles/s, %.2f MB/s of input "
      "(%.2f MB/s of article text), output %.1f MB, peak memory %.1f MB\n",
      coded, events, seconds, coded / seconds, corpus_bytes / 1e6 / seconds,
      text_bytes / 1e6 / seconds, output_bytes / 1e6, warta::bench::PeakRssKb() / 1024.0);
  std::filesystem::remove(corpus);
  CodeLongArticles(coder.value().get(), static_cast<size_t>(long_kb), options);
  return 0;
}
