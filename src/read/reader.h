// read: turns input files into Articles, one at a time.
//
//   auto reader = ArticleReader::Open("articles.jsonl");
//   ReadItem item;
//   while (reader.value()->Next(&item)) {
//     if (!item.article.ok()) { report(item.article.status()); continue; }
//     Code(item.article.value());
//   }
//
// A path ending in ".jsonl" is JSON lines (one article object a line, only
// "text" required); "-" is standard input; anything else is one plain-text
// article. Articles are streamed: memory holds one article at a time, so it
// stays flat however large the input. A bad article (broken UTF-8, binary,
// empty, too large, a JSON line that is not an object or lacks "text") is an
// error item naming the input and line; reading goes on with the next one.
// Not thread-safe: one reader per thread.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "warta/article.h"
#include "warta/status.h"

namespace warta {

// Articles larger than this are refused with a clear error.
inline constexpr size_t kMaxArticleBytes = 16u << 20;

struct ReadItem {
  std::string location;  // "file.jsonl:12", "file.txt" or "<stdin>"
  Result<Article> article = Status::InvalidInput("nothing read");
};

enum class InputFormat { kAuto, kPlain, kJsonLines };

class ArticleReader {
 public:
  static Result<std::unique_ptr<ArticleReader>> Open(const std::string& path,
                                                     InputFormat format = InputFormat::kAuto);
  ~ArticleReader();

  // Fills *item and returns true, or returns false at the end of the input.
  bool Next(ReadItem* item);

 private:
  ArticleReader(std::string name, std::unique_ptr<std::istream> owned, std::istream* in,
                bool json_lines);
  bool NextPlain(ReadItem* item);
  bool NextJsonLine(ReadItem* item);

  std::string name_;
  std::unique_ptr<std::istream> owned_;
  std::istream* in_;
  bool json_lines_;
  bool done_ = false;
  long line_number_ = 0;
};

// Checks that `text` can be coded: valid UTF-8, not binary, not empty, not
// larger than kMaxArticleBytes.
Status ValidateArticleText(const std::string& text);

// Parses one JSON line into an Article (id defaults to `default_id`).
Result<Article> ParseArticleJson(const std::string& line, const std::string& default_id);

}  // namespace warta
