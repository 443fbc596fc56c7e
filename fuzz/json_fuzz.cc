// Fuzz target: JSON lines as `warta ingest` reads a .jsonl file. Any bytes go
// through an in-memory ByteSource (plain, gzip or zstd by the first bytes), a
// LineReader and ParseArticleJson for each line that is not blank.
//
// Checks: reading ends; every line is numbered once; every article accepted
// passes CheckArticle (valid text, an id, a day date, UTF-8 fields); every
// refusal has a message.
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "read/decompress.h"
#include "read/reader.h"

namespace {

// Lower than the real 16 MB, so inputs of fuzzing size reach the over-long
// line path too.
constexpr size_t kMaxLineBytes = 1024;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto source = warta::OpenMemoryByteSource(warta::fuzz::AsText(data, size), "fuzz.jsonl");
  FUZZ_CHECK(source.ok());
  warta::LineReader lines(source.value().get(), kMaxLineBytes);
  std::string line;
  while (true) {
    long before = lines.line_number();
    auto got = lines.Next(&line);
    FUZZ_CHECK(lines.line_number() <= before + 1);
    if (!got.ok()) {
      FUZZ_CHECK(!got.status().message().empty());
      continue;  // a refused line or the source's error: the next call goes on or ends
    }
    if (!got.value()) break;
    if (warta::Trim(line).empty()) continue;
    std::string id = "fuzz.jsonl:" + std::to_string(lines.line_number());
    warta::fuzz::CheckArticle(warta::ParseArticleJson(line, id));
  }
  return 0;
}
