// read/warc: the news pages in a WARC web archive (WARC/1.0 and 1.1), as
// Articles.
//
//   auto source = OpenByteSource("crawl.warc.gz");
//   WarcReader warc(source.value().get(), "crawl.warc.gz");
//   ReadItem item;
//   while (warc.Next(&item)) { ... }   // item.location: "crawl.warc.gz@OFFSET"
//
// Records are read one at a time (memory: one record, at most
// kMaxWarcRecordBytes). Only `WARC-Type: response` records whose block is an
// HTTP response with status 200 and a text/html (or XHTML) Content-Type become
// articles; every other record is skipped silently. The HTTP body is decoded
// from `Transfer-Encoding: chunked` and `Content-Encoding: gzip` / `deflate`,
// then read with ArticleFromHtml: the id is the WARC-Target-URI (the
// WARC-Record-ID when there is none), without angle brackets; the url is the
// page's own (og:url, canonical link), else the WARC-Target-URI.
//
// OFFSET is the record's byte offset in the decompressed stream (as read: the
// bytes of a skipped corrupt gzip member are not counted). A page that cannot
// be read (bad HTTP, no text, too large) is an error item and reading goes on
// with the next record; an unreadable publication date is a warning on the
// item. A corrupt gzip member is an error item for the record it cut, and
// reading goes on at the next record header after it (decompress.h). A
// record that cannot be delimited (a header with no blank line, no valid
// Content-Length, fewer bytes than it declares, not a WARC header at all) or
// any other read error of the source is an error item naming the file and the
// record's offset, and ends the file.
// Not thread-safe: one reader per thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "read/decompress.h"
#include "read/reader.h"

namespace warta {

// Records larger than this are skipped with an error (HTTP headers and the
// page itself).
inline constexpr uint64_t kMaxWarcRecordBytes = kMaxArticleBytes + (1u << 20);

class WarcReader {
 public:
  // `source` is not owned and must outlive the reader; `name` starts every
  // location and message.
  WarcReader(ByteSource* source, std::string name);

  // Fills *item with the next article or error and returns true; returns false
  // at the end of the file (or after an error that ends it).
  bool Next(ReadItem* item);

 private:
  struct RecordHeader {
    uint64_t offset = 0;
    uint64_t length = 0;
    std::map<std::string, std::string> fields;  // names lowercased
  };

  // Reads the next record header; false at the end of the stream.
  Result<bool> ReadHeader(RecordHeader* header);
  Status ReadFields(RecordHeader* header);
  // Reads or skips the record's block; the item to report, if any, in *item.
  bool ReadBlock(const RecordHeader& header, ReadItem* item);
  // An error item for the record at `offset`. It ends the file, unless it is
  // a source error after which the source goes on: then the next header is
  // looked for.
  bool Fail(uint64_t offset, const Status& status, ReadItem* item);
  std::string Location(uint64_t offset) const;

  std::string name_;
  LineReader lines_;
  std::string block_;  // the current record's block, reused
  bool done_ = false;
  bool resync_ = false;  // after lost bytes: lines before a "WARC/" line are skipped
};

}  // namespace warta
