// read/decompress: input files as streams of bytes, decompressed on the fly.
//
//   auto source = OpenByteSource("crawl.warc.gz");
//   if (!source.ok()) return source.status();
//   LineReader lines(source.value().get());
//   std::string line;
//   while (true) {
//     Result<bool> got = lines.Next(&line);
//     if (!got.ok()) { report(got.status()); continue; }  // a line refused, or a read error
//     if (!got.value()) break;                             // the end
//     Use(line);
//   }
//
// OpenByteSource looks at the first bytes of the file, not at its name:
// gzip (1f 8b; several members one after another, as WARC.gz files are, read
// as one stream), zstd (28 b5 2f fd; several frames likewise) or plain bytes.
// A corrupt or truncated compressed stream is an error naming the file and the
// offset in the compressed file where it was found:
// "crawl.warc.gz: corrupt gzip data at byte 40960 (invalid block type)".
// A corrupt gzip member costs only its own bytes: the source skips to the
// next member (the next 1f 8b 08 header after the corrupt point) and goes on,
// as crawls write one member per record; the error says where it went on
// ("...; skipped to the next gzip member at byte 81920"). Every other error
// ends the stream.
//
// Memory is bounded by fixed buffers (64 KB each), whatever the file size; a
// LineReader also holds the current line, at most its cap.
// Not thread-safe: one source (and one reader over it) per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "read/reader.h"
#include "warta/status.h"

namespace warta {

// A stream of bytes read front to back.
class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `size` bytes into `buffer` and returns how many; 0 only at the
  // end of the stream. On an error (I/O, corrupt or truncated data) returns
  // it; when ended() then says so, the same error comes from then on: the
  // stream is over. Otherwise (a corrupt gzip member) the bytes up to the
  // next member are lost and the next call goes on after them. Bytes before
  // the error have been delivered by earlier calls.
  virtual Result<size_t> Read(char* buffer, size_t size) = 0;

  // After Read returned an error: whether it ended the stream.
  virtual bool ended() const = 0;

  // The name errors carry (the path given to OpenByteSource).
  virtual const std::string& name() const = 0;
};

// Opens `path` (a file, not a folder; "-" is standard input, named
// "<stdin>") for reading, choosing plain, gzip or zstd by the first bytes.
// Errors: NotFound (cannot open), InvalidInput (a folder), IoError.
Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path);

// Reads `bytes` in memory exactly as OpenByteSource reads a file holding them
// (same format detection, same errors, named `name`). The bytes are not
// copied: they must outlive the source. For tests and fuzz targets, which
// would otherwise write every input to a file.
Result<std::unique_ptr<ByteSource>> OpenMemoryByteSource(std::string_view bytes, std::string name);

// Reads the first `size` bytes of *source (fewer when it is shorter) and
// returns them; *source is replaced by a source that gives the same bytes
// again, then the rest. An error met while reading them is not lost: the new
// source returns it after those bytes.
std::string PeekHead(std::unique_ptr<ByteSource>* source, size_t size);

// `name` without a final ".gz" or ".zst" (any case): "a.warc.gz" -> "a.warc".
std::string StripCompressionSuffix(const std::string& name);

// Splits a ByteSource into lines ("\n" or "\r\n" ends one), and reads raw
// blocks between them (for formats that mix header lines and bodies, WARC).
// Does not own the source, which must outlive it.
class LineReader {
 public:
  explicit LineReader(ByteSource* source, size_t max_line_bytes = kMaxArticleBytes);

  // Sets *line to the next line without its line end and returns true; returns
  // false at the end of the stream. A line longer than the cap is skipped, not
  // loaded: it is an InvalidInput error ("line is 17.5 MB, over the 16 MB
  // limit") and the next call goes on after it. An error from the source is
  // returned once (the line it cut is dropped); after it the reader is at its
  // end unless the source goes on (ByteSource::ended), and then the next call
  // reads what follows the bytes lost.
  Result<bool> Next(std::string* line);

  // Appends up to `size` bytes to *out and returns how many (fewer only at the
  // end of the stream).
  Result<size_t> ReadBytes(size_t size, std::string* out);
  // Skips up to `size` bytes and returns how many (fewer only at the end).
  Result<size_t> Skip(size_t size);

  // Whether the last call's error came from the source (not a refused line).
  bool source_error() const { return source_error_; }
  // True at the end of the stream, or after a source error that ended it.
  bool ended() const { return at_end_; }

  // Lines returned (or refused) so far: the number of the last one.
  long line_number() const { return line_number_; }
  // Bytes of the (decompressed) stream consumed so far.
  uint64_t offset() const { return offset_; }

 private:
  // Makes sure unread bytes are buffered; false at the end or on an error
  // (stored in error_).
  bool Fill();
  // Consumes `count` buffered bytes, appending them to *out when not null.
  size_t Take(size_t count, std::string* out);

  ByteSource* source_;
  size_t max_line_bytes_;
  std::unique_ptr<char[]> buffer_;
  size_t begin_ = 0;
  size_t end_ = 0;
  bool at_end_ = false;
  bool source_error_ = false;
  Status error_;
  long line_number_ = 0;
  uint64_t offset_ = 0;
};

}  // namespace warta
