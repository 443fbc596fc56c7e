// The warta pipeline: an Article in, its events out.
//
//   warta::LoadOptions options;
//   options.data_dir = "data";
//   auto resources = warta::Resources::Load(options);      // once; shared, immutable
//   auto coder = warta::ArticleCoder::Create(resources.value());   // one per thread
//   auto coded = coder.value()->Code(article);
//   for (const warta::Event& e : coded.value().events) puts(ToJson(e).c_str());
//
// Stages, in order: clean → language → segment → analyse → actors → time →
// events; then duplicates within the article are folded (the same source,
// target, code and date said twice is one event).
//
// Resources hold every dictionary, compiled once, read-only and safe to share
// between threads. An ArticleCoder owns the per-thread parts (the Hunspell
// analyser and its cache) and must not be used by two threads at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "warta/article.h"
#include "warta/event.h"
#include "warta/status.h"

namespace warta {

struct LoadOptions {
  std::string data_dir = "data";
  std::string hunspell_dir = "/usr/share/hunspell";
};

struct CodeOptions {
  std::string language;  // "id" or "en" to override detection; empty: detect
  // When set, receives a readable account of each sentence: its tokens'
  // roots, the actors, dates and verb patterns found (`warta code --trace`).
  std::string* trace = nullptr;
  // False: no placement (every event and actor without a location), for
  // measuring what placement costs (warta_bench --no-places).
  bool places = true;
};

struct CodedArticle {
  std::string language;
  std::vector<Event> events;
};

class Resources {
 public:
  static Result<std::shared_ptr<const Resources>> Load(const LoadOptions& options);
  // Loads every data file and returns every problem found, each as
  // "file:line: message" (empty when all is well). Used by `warta dict check`.
  static std::vector<std::string> Check(const LoadOptions& options);
  ~Resources();

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  Resources() = default;
  std::unique_ptr<Impl> impl_;
};

class ArticleCoder {
 public:
  static Result<std::unique_ptr<ArticleCoder>> Create(std::shared_ptr<const Resources> resources);
  ~ArticleCoder();

  Result<CodedArticle> Code(const Article& article, const CodeOptions& options = {});

 private:
  ArticleCoder() = default;
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace warta
