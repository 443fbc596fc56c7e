// What the fuzz targets share: invariant checks that end the run loudly, so
// libFuzzer keeps the input that broke one (and the smoke run fails), and the
// checks every reader's articles must pass. Header-only: each target is one
// small file plus this.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "read/reader.h"
#include "util/text.h"
#include "warta/article.h"

namespace warta::fuzz {

// What the smoke run is replaying ("corpus/json/line.jsonl", "mutation 17")
// and its bytes; empty under libFuzzer, which saves the input itself.
struct SmokeInput {
  std::string name;
  std::string_view bytes;
};
inline SmokeInput& CurrentInput() {
  static SmokeInput input;
  return input;
}

// Says which check failed, saves a smoke run's input as ./fuzz-failure (so a
// mutation can be replayed: `json_fuzz fuzz-failure`) and aborts.
[[noreturn]] inline void Fail(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", file, line, condition);
  const SmokeInput& input = CurrentInput();
  if (!input.name.empty()) {
    std::FILE* out = std::fopen("fuzz-failure", "wb");
    if (out != nullptr) {
      std::fwrite(input.bytes.data(), 1, input.bytes.size(), out);
      std::fclose(out);
    }
    std::fprintf(stderr, "input: %s, saved as ./fuzz-failure\n", input.name.c_str());
  }
  std::abort();
}

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline std::string DataDir() { return std::string(WARTA_SOURCE_DIR) + "/data"; }

}  // namespace warta::fuzz

// Like assert, but never compiled out (the fuzz builds are release builds).
#define FUZZ_CHECK(condition) \
  ((condition) ? (void)0 : ::warta::fuzz::Fail(#condition, __FILE__, __LINE__))

namespace warta::fuzz {

// Whether an article's id and url must be non-empty and valid UTF-8.
enum class IdAndUrl {
  kChecked,
  // The WARC reader takes the id and (failing the page's own) the url from the
  // record header's raw bytes, unchecked: a record without WARC-Record-ID gets
  // an empty id, and invalid UTF-8 passes through. Known, left to the owners of
  // src/read (see fuzz/README.md); the rest of the article is checked.
  kRawWarcHeader,
};

// What every reader promises of an article it accepts: text that
// ValidateArticleText accepts, an id, a day-precision publication date when
// there is one, and valid UTF-8 fields (the event record and the web API's
// answers are JSON, which must be UTF-8).
inline void CheckArticle(const Result<Article>& article, IdAndUrl id = IdAndUrl::kChecked) {
  if (!article.ok()) {
    FUZZ_CHECK(!article.status().message().empty());
    return;
  }
  const Article& a = article.value();
  FUZZ_CHECK(ValidateArticleText(a.text).ok());
  FUZZ_CHECK(!a.published || a.published->precision == DatePrecision::kDay);
  FUZZ_CHECK(FindInvalidUtf8(a.title) == std::string::npos);
  FUZZ_CHECK(FindInvalidUtf8(a.source) == std::string::npos);
  if (id == IdAndUrl::kRawWarcHeader) return;
  FUZZ_CHECK(!a.id.empty());
  FUZZ_CHECK(FindInvalidUtf8(a.id) == std::string::npos);
  FUZZ_CHECK(FindInvalidUtf8(a.url) == std::string::npos);
}

}  // namespace warta::fuzz
