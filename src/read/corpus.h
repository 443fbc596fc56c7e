// read/corpus: every article in a list of files and folders, one at a time.
//
//   auto corpus = CorpusReader::Open({"crawl/", "extra.jsonl.gz"});
//   ReadItem item;
//   while (corpus.value()->Next(&item)) {
//     if (!item.article.ok()) { report(item.article.status()); continue; }
//     Code(item.article.value());
//   }
//
// Inputs are read in the order given. A folder is walked recursively in sorted
// (byte-wise) order of names, leaving out hidden files and folders (".name")
// and not following symbolic links to folders. Files are decompressed by their
// magic bytes (gzip, zstd; see decompress.h) and read by their name once a
// final ".gz" or ".zst" is stripped:
//
//   .jsonl        one article a line (ParseArticleJson); location "file:LINE",
//                 default id "ID:LINE"
//   .txt          one plain-text article; location "file", id ID
//   .html, .htm   one article (ArticleFromHtml); location "file", id ID
//   .warc         the HTML responses (WarcReader); location "file@OFFSET", id
//                 the WARC-Record-ID
//
// where "file" is the path as reached (folder given + relative path) and ID
// the path relative to the folder given, or the file's own name for a file
// given by itself. In folders, files of any other kind are left out; a file
// given by itself with another name is read as plain text.
//
// Every bad article, line, record or file (unreadable, corrupt, truncated) is
// an error item naming its location, and reading goes on with the next. Memory
// holds one article (or one WARC record) and the listings of the folders being
// walked. Not thread-safe: one reader per thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "read/reader.h"
#include "warta/status.h"

namespace warta {

class CorpusReader {
 public:
  // Fails only on an empty list; missing or unreadable inputs become error
  // items as they are reached.
  static Result<std::unique_ptr<CorpusReader>> Open(const std::vector<std::string>& inputs);
  ~CorpusReader();

  // Fills *item and returns true, or returns false when every input is read.
  bool Next(ReadItem* item);

  class FileItems;  // the items of one open file (corpus.cc)

 private:
  struct Folder;  // a folder being walked (corpus.cc)
  struct FileRef {
    std::string path;  // to open, and for locations
    std::string id;    // the id of its articles
    bool named = false;
  };
  enum class Step { kFile, kError, kEnd };

  explicit CorpusReader(std::vector<std::string> inputs);
  // The next file to read (kFile), or an error item about a folder (kError).
  Step NextFile(FileRef* file, ReadItem* item);
  // Lists a folder and starts walking it; on failure fills *item.
  bool EnterFolder(const std::string& root, const std::string& relative, ReadItem* item);
  Result<std::unique_ptr<FileItems>> OpenFile(const FileRef& file);

  std::vector<std::string> inputs_;
  size_t next_input_ = 0;
  std::vector<Folder> folders_;  // the walk's stack, innermost last
  std::unique_ptr<FileItems> current_;
};

}  // namespace warta
