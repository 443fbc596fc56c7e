// read: what every reader shares: the item a reader hands out, the checks an
// article's text must pass, and one JSON line as an Article. Files, folders
// and standard input are read by CorpusReader (corpus.h), whatever the
// command.
//
//   std::string warning;
//   auto article = ParseArticleJson(line, "feed.jsonl:3", &warning);
//   if (!article.ok()) report(article.status());   // the line is refused
//   if (!warning.empty()) warn(warning);           // kept, without a date
//
// Stateless and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "warta/article.h"
#include "warta/status.h"

namespace warta {

// Articles larger than this are refused with a clear error.
inline constexpr size_t kMaxArticleBytes = 16u << 20;

struct ReadItem {
  std::string location;  // "file.jsonl:12", "file.txt", "crawl.warc@OFFSET" or "<stdin>"
  Result<Article> article = Status::InvalidInput("nothing read");
  // A problem that did not stop the article (an unreadable publication date),
  // starting with the location; empty when there is none.
  std::string warning;
};

// How an input is read. kAuto: by its first bytes (corpus.h).
enum class InputFormat { kAuto, kPlain, kJsonLines, kHtml, kWarc };

// Checks that `text` can be coded: valid UTF-8, not binary, not empty, not
// larger than kMaxArticleBytes.
Status ValidateArticleText(const std::string& text);

// InvalidInput("WHAT is 50.3 MB, over the 16 MB limit").
Status OverLimit(std::string_view what, uint64_t bytes, uint64_t limit);

// "50.3 MB" for sizes of a megabyte or more (tenths cut, not rounded, so a
// size is never overstated), else "300 bytes"; for messages.
std::string DescribeSize(uint64_t bytes);

// The warning for a publication date that cannot be read: the article is
// kept and coded without one.
std::string DateNotUnderstood(std::string_view written);

// Parses one JSON line into an Article. `id` is a string or a number (its
// decimal text), `default_id` when absent or empty; `published` is read by
// ParsePublishedDate (util/date_format.h), as a string or a number (an epoch
// time). A `published` that cannot be read is no error: the article comes
// without one and *warning (when not null) says so.
Result<Article> ParseArticleJson(const std::string& line, const std::string& default_id,
                                 std::string* warning = nullptr);

}  // namespace warta
