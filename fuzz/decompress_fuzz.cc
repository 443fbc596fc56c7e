// Fuzz target: gzip and zstd decompression (ByteSource) and LineReader.
//
// Any bytes are read twice from an in-memory ByteSource, in raw reads of
// changing sizes and as lines. Then the bytes themselves are compressed, cut
// into two gzip members and two zstd frames, and read back.
//
// Checks: a read never returns more than asked; an error that ends the
// stream is sticky (the same message again), one that does not (a corrupt
// gzip member, skipped) lets reading go on, and the end stays the end; plain input (no magic bytes)
// reads back unchanged; LineReader consumes exactly the bytes the raw reads gave; the round trips
// give back the input (multi-member gzip, multi-frame zstd).
#include <zlib.h>
#include <zstd.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "read/decompress.h"

namespace {

// A decompression bomb stops here: enough to cross every buffer boundary.
constexpr size_t kMaxOutputBytes = 4 << 20;

struct Decoded {
  std::string bytes;
  bool failed = false;
};

Decoded ReadRaw(std::string_view input) {
  auto source = warta::OpenMemoryByteSource(input, "fuzz.bin");
  FUZZ_CHECK(source.ok());
  Decoded decoded;
  char buffer[1 << 17];
  const size_t sizes[] = {1, 7, 4096, sizeof buffer, 300};
  for (size_t i = 0; decoded.bytes.size() < kMaxOutputBytes; ++i) {
    size_t want = sizes[i % std::size(sizes)];
    auto got = source.value()->Read(buffer, want);
    if (!got.ok()) {
      FUZZ_CHECK(got.status().message().starts_with("fuzz.bin: "));
      decoded.failed = true;
      // A corrupt gzip member is skipped and reading goes on after it; an
      // error that ended the stream comes again.
      if (!source.value()->ended()) continue;
      auto again = source.value()->Read(buffer, want);
      FUZZ_CHECK(!again.ok() && again.status().message() == got.status().message());
      return decoded;
    }
    FUZZ_CHECK(got.value() <= want);
    if (got.value() == 0) {
      auto again = source.value()->Read(buffer, want);
      FUZZ_CHECK(again.ok() && again.value() == 0);
      return decoded;
    }
    decoded.bytes.append(buffer, got.value());
  }
  return decoded;
}

// Reads `input` as lines (a small cap, so some are skipped): it must fail as
// the raw reads did, or consume exactly the bytes they gave.
void CheckLines(std::string_view input, const Decoded& raw) {
  if (raw.bytes.size() >= kMaxOutputBytes) return;  // a bomb: the raw reads stopped early
  auto source = warta::OpenMemoryByteSource(input, "fuzz.bin");
  FUZZ_CHECK(source.ok());
  warta::LineReader lines(source.value().get(), 100);
  std::string line;
  bool failed = false;
  while (true) {
    auto got = lines.Next(&line);
    if (!got.ok()) {
      failed = failed || got.status().message().starts_with("fuzz.bin: ");
      continue;
    }
    if (!got.value()) break;
    FUZZ_CHECK(line.size() <= 100);
  }
  FUZZ_CHECK(failed == raw.failed);
  if (!failed) FUZZ_CHECK(lines.offset() == raw.bytes.size());
}

std::string GzipMember(std::string_view text) {
  z_stream stream{};
  FUZZ_CHECK(deflateInit2(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, text.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  FUZZ_CHECK(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string ZstdFrame(std::string_view text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  size_t size = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 1);
  FUZZ_CHECK(!ZSTD_isError(size));
  out.resize(size);
  return out;
}

void CheckRoundTrips(std::string_view text) {
  std::string_view head = text.substr(0, text.size() / 3);
  std::string_view tail = text.substr(head.size());
  for (const std::string& packed :
       {GzipMember(head) + GzipMember(tail), ZstdFrame(head) + ZstdFrame(tail)}) {
    Decoded decoded = ReadRaw(packed);
    FUZZ_CHECK(!decoded.failed && decoded.bytes == text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = warta::fuzz::AsText(data, size);
  Decoded raw = ReadRaw(input);
  bool compressed = input.starts_with("\x1f\x8b") || input.starts_with("\x28\xb5\x2f\xfd");
  if (!compressed) FUZZ_CHECK(!raw.failed && raw.bytes == input);
  CheckLines(input, raw);
  CheckRoundTrips(input);
  return 0;
}
