// Fuzz target: a WARC archive (plain, gzip or zstd by the first bytes, from an
// in-memory ByteSource) through WarcReader: record headers, Content-Length,
// HTTP responses, chunked and gzip/deflate bodies, then ArticleFromHtml.
//
// Checks: reading ends, and stays ended; every item is located
// "fuzz.warc@OFFSET" with offsets that never go back; an article passes CheckArticle, but for its
// id and url, which come unchecked from the record header (see IdAndUrl); an error has a message.
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "read/decompress.h"
#include "read/warc.h"

namespace {

// The record offset in an item's location "fuzz.warc@OFFSET".
uint64_t OffsetOf(const std::string& location) {
  const std::string prefix = "fuzz.warc@";
  FUZZ_CHECK(location.starts_with(prefix));
  const std::string digits = location.substr(prefix.size());
  FUZZ_CHECK(!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos);
  return std::stoull(digits);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto source = warta::OpenMemoryByteSource(warta::fuzz::AsText(data, size), "fuzz.warc");
  FUZZ_CHECK(source.ok());
  warta::WarcReader warc(source.value().get(), "fuzz.warc");
  warta::ReadItem item;
  bool first = true;
  uint64_t last = 0;
  while (warc.Next(&item)) {
    uint64_t offset = OffsetOf(item.location);
    // (Non-decreasing: a corrupt gzip member's error and the record read
    // after skipping it may name the same record start.)
    FUZZ_CHECK(first || offset >= last);
    first = false;
    last = offset;
    warta::fuzz::CheckArticle(item.article, warta::fuzz::IdAndUrl::kRawWarcHeader);
  }
  FUZZ_CHECK(!warc.Next(&item));
  return 0;
}
