// read/corpus: every article in a list of files, folders and standard input,
// one at a time. Every command that reads articles (code, clean, eval,
// ingest) reads them through this one reader, so a file means the same to all.
//
//   auto corpus = CorpusReader::Open({"crawl/", "extra.jsonl.gz", "-"});
//   ReadItem item;
//   while (corpus.value()->Next(&item)) {
//     if (!item.warning.empty()) warn(item.warning);  // an unreadable date: kept
//     if (!item.article.ok()) { report(item.article.status()); continue; }
//     Code(item.article.value());
//   }
//
// Inputs are read in the order given; "-" is standard input. A folder is
// walked recursively in sorted (byte-wise) order of names, leaving out hidden
// files and folders (".name"), files whose name (a final ".gz" or ".zst"
// stripped) does not end in .jsonl, .txt, .html, .htm or .warc, and symbolic
// links to folders. A file given by itself is read whatever its name.
//
// A file is decompressed by its magic bytes (gzip, zstd; decompress.h), then
// read by what its first bytes are (DetectFormat), its name deciding only
// when they do not tell:
//
//   JSON lines  one article a line (ParseArticleJson); location "file:LINE",
//               default id "ID:LINE"
//   HTML        one article (ArticleFromHtml); location "file"; id the page's
//               URL (og:url, else the canonical link), else ID
//   WARC        the HTML responses (WarcReader); location "file@OFFSET", id
//               the WARC-Target-URI
//   plain text  one article; location "file", id ID
//
// where "file" is the path as reached (the input given + the path under it)
// and ID the file's path relative to the folder holding the input given: for
// `day1` (or `./data/day1/`) the file `day1/0001.txt` is "day1/0001.txt"; a
// file given by itself is its own name ("0001.txt"); standard input is
// "stdin". So files of the same name in different folders have different
// ids, and the id does not depend on where the command runs.
//
// Every bad article, line, record or file (unreadable, corrupt, truncated) is
// an error item naming its location, and reading goes on with the next; an
// unreadable publication date is only a warning on the item. Memory holds one
// article (or one WARC record) and the listings of the folders being walked.
// Not thread-safe: one reader per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "read/reader.h"
#include "warta/status.h"

namespace warta {

// How a file is read, from its first bytes (after decompression): "WARC/"
// is WARC, "{" followed by a quote or "}" is JSON lines, a tag ("<html",
// "<!DOCTYPE", "<p", ...) is HTML; leading white space and a UTF-8 byte order
// mark are skipped. When the bytes do not tell, the name does (.jsonl,
// .html, .htm, .warc, with .gz or .zst after them); else plain text.
InputFormat DetectFormat(std::string_view head, const std::string& name);

class CorpusReader {
 public:
  // Fails only on an empty list; missing or unreadable inputs become error
  // items as they are reached. `stdin_format` reads standard input in that
  // format instead of detecting it.
  static Result<std::unique_ptr<CorpusReader>> Open(const std::vector<std::string>& inputs,
                                                    InputFormat stdin_format = InputFormat::kAuto);
  // Reads `files` (path, id) as a folder walk would meet them: each file's
  // articles take the id given ("inbox/day1/0001.txt"), not the file's own
  // name. For a file that has just landed in a watched folder (warta watch),
  // so it is the article the next full scan of the folder would read.
  static Result<std::unique_ptr<CorpusReader>> OpenFilesAs(
      const std::vector<std::pair<std::string, std::string>>& files);
  // Whether a folder walk reads a file of this name (not hidden, a known
  // extension; see above).
  static bool WalkReads(const std::string& name);
  ~CorpusReader();

  // Fills *item and returns true, or returns false when every input is read.
  bool Next(ReadItem* item);

  class FileItems;  // the items of one open file (corpus.cc)

 private:
  struct Folder;  // a folder being walked (corpus.cc)
  struct FileRef {
    std::string path;  // to open ("-" for standard input), and for locations
    std::string id;    // the id of its articles
    InputFormat format = InputFormat::kAuto;
  };
  enum class Step { kFile, kError, kEnd };

  CorpusReader(std::vector<std::string> inputs, InputFormat stdin_format);
  // The next file to read (kFile), or an error item about a folder (kError).
  Step NextFile(FileRef* file, ReadItem* item);
  // Lists a folder and starts walking it; on failure fills *item.
  bool EnterFolder(const std::string& root, const std::string& root_id, const std::string& relative,
                   ReadItem* item);
  Result<std::unique_ptr<FileItems>> OpenFile(const FileRef& file);

  std::vector<std::string> inputs_;
  std::vector<std::string> ids_;  // the id of each input's articles; empty: by the rules above
  InputFormat stdin_format_;
  size_t next_input_ = 0;
  std::vector<Folder> folders_;  // the walk's stack, innermost last
  std::unique_ptr<FileItems> current_;
};

}  // namespace warta
