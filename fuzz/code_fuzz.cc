// Fuzz target: any bytes through the reader's checks and the whole pipeline
// must never crash, hang or read out of bounds.
//
// With clang: clang++ -fsanitize=fuzzer,address ... gives a libFuzzer binary.
// Without (the default build), main() below runs a deterministic smoke test:
// mutated slices of the golden articles and random bytes, under whatever
// sanitizers the build uses (CI runs it in the address/UB-sanitizer build).
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "read/reader.h"
#include "util/tsv.h"
#include "warta/pipeline.h"

namespace {

warta::ArticleCoder* Coder() {
  static std::unique_ptr<warta::ArticleCoder> coder = [] {
    warta::LoadOptions options;
    options.data_dir = std::string(WARTA_SOURCE_DIR) + "/data";
    auto resources = warta::Resources::Load(options);
    if (!resources.ok()) {
      std::fprintf(stderr, "%s\n", resources.status().message().c_str());
      std::abort();
    }
    return std::move(warta::ArticleCoder::Create(resources.value())).value();
  }();
  return coder.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (!warta::ValidateArticleText(text).ok()) return 0;  // refused cleanly: fine
  warta::Article article;
  article.id = "fuzz";
  article.text = text;
  article.published = warta::Date::Day(2023, 10, 12);
  for (const char* language : {"id", "en"}) {
    auto coded = Coder()->Code(article, warta::CodeOptions{language});
    if (!coded.ok()) continue;
    for (const warta::Event& event : coded.value().events) {
      // Evidence offsets must point into the input.
      if (event.evidence.sentence.end > text.size() ||
          event.evidence.sentence.start > event.evidence.sentence.end) {
        std::abort();
      }
      (void)warta::ToJson(event);
    }
  }
  return 0;
}

#ifndef WARTA_LIBFUZZER
int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::atoi(argv[1]) : 300;
  std::vector<std::string> seeds;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(WARTA_SOURCE_DIR) + "/tests/golden")) {
    if (entry.path().extension() != ".jsonl") continue;
    auto text = warta::ReadFileToString(entry.path().string());
    if (text.ok()) seeds.push_back(text.value());
  }
  // The corpus scripts/fuzz keeps (and crash regressions), each once.
  int replayed = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(WARTA_SOURCE_DIR) + "/fuzz/corpus/code")) {
    auto bytes = warta::ReadFileToString(entry.path().string());
    if (!bytes.ok()) continue;
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.value().data()),
                           bytes.value().size());
    ++replayed;
  }
  std::mt19937 random(7);
  const char* pieces[] = {"“",
                          "”",
                          "‘",
                          "[and]",
                          "\n",
                          " di ",
                          " oleh ",
                          " – ",
                          "Kim",
                          "(",
                          ")",
                          ".",
                          ",",
                          "\xC3\xA9",
                          "e\xCC\x81",
                          " kedua pria tersebut ",
                          " sebulan setelah ",
                          "12/10/2023",
                          "Sumber\n"};
  for (int round = 0; round < rounds; ++round) {
    std::string input;
    if (round % 5 == 0) {
      for (int i = 0; i < 200; ++i) input.push_back(static_cast<char>(random() % 256));
    } else {
      const std::string& seed = seeds[random() % seeds.size()];
      size_t start = random() % seed.size();
      input = seed.substr(start, random() % 1500);
      for (int edits = random() % 12; edits > 0; --edits) {
        size_t at = input.empty() ? 0 : random() % input.size();
        if (random() % 2) {
          input.insert(at, pieces[random() % std::size(pieces)]);
        } else if (!input.empty()) {
          input.erase(at, 1 + random() % 8);
        }
      }
    }
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  }
  std::printf("fuzz smoke: %d corpus files and %d inputs, no crash\n", replayed, rounds);
  return 0;
}
#endif
