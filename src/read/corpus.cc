#include "read/corpus.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "read/decompress.h"
#include "read/html.h"
#include "read/warc.h"
#include "util/text.h"

namespace warta {

namespace fs = std::filesystem;

struct CorpusReader::Folder {
  std::string root;                // the folder given
  std::string root_id;             // its name, first in its files' ids
  std::string relative;            // this folder, relative to root ("" for root)
  std::vector<std::string> names;  // sorted, hidden ones left out
  size_t next = 0;
};

class CorpusReader::FileItems {
 public:
  virtual ~FileItems() = default;
  // Fills *item and returns true, or returns false at the end of the file.
  virtual bool Next(ReadItem* item) = 0;
};

namespace {

// Enough of a file's first bytes to tell its format.
constexpr size_t kHeadBytes = 1024;

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// What a name says about a file's format (kAuto: nothing).
InputFormat FormatByName(const std::string& name) {
  std::string base = AsciiLower(StripCompressionSuffix(name));
  if (EndsWith(base, ".jsonl")) return InputFormat::kJsonLines;
  if (EndsWith(base, ".txt")) return InputFormat::kPlain;
  if (EndsWith(base, ".html") || EndsWith(base, ".htm")) return InputFormat::kHtml;
  if (EndsWith(base, ".warc")) return InputFormat::kWarc;
  return InputFormat::kAuto;
}

bool LooksLikeHtml(std::string_view start, std::string_view head) {
  if (start.size() < 2 || start[0] != '<') return false;
  if (start.starts_with("<?")) return AsciiLower(head).find("<html") != std::string::npos;
  return std::isalpha(static_cast<unsigned char>(start[1])) || start[1] == '!';
}

bool LooksLikeJsonObject(std::string_view start) {
  if (!start.starts_with("{")) return false;
  start.remove_prefix(1);
  while (!start.empty() && std::isspace(static_cast<unsigned char>(start.front()))) {
    start.remove_prefix(1);
  }
  return !start.empty() && (start.front() == '"' || start.front() == '}');
}

// The name an input goes by in ids: its last path component as it is on
// disk ("day1" for "data/day1/", the folder's own name for "." or "..").
std::string InputName(const std::string& input) {
  std::error_code error;
  fs::path path = fs::absolute(input, error);
  std::string normal = (error ? fs::path(input) : path).lexically_normal().generic_string();
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return fs::path(normal).filename().string();
}

// Reads the whole source, keeping at most `limit` + 1 bytes in *out; *size
// is the size of all of it, counted on after the limit (for the message).
Status ReadAtMost(ByteSource* source, size_t limit, std::string* out, uint64_t* size) {
  constexpr size_t kChunk = 1 << 16;
  out->clear();
  *size = 0;
  std::string scratch;
  while (true) {
    bool keep = out->size() <= limit;
    if (!keep && scratch.empty()) scratch.resize(kChunk);
    size_t kept = out->size();
    if (keep) out->resize(kept + kChunk);
    auto got = source->Read(keep ? out->data() + kept : scratch.data(), kChunk);
    size_t count = got.ok() ? got.value() : 0;
    if (keep) out->resize(kept + count);
    *size += count;
    if (!got.ok()) return got.status();
    if (count == 0) return Status::Ok();
  }
}

// A plain-text or HTML file: one article.
class WholeFileItems : public CorpusReader::FileItems {
 public:
  WholeFileItems(std::unique_ptr<ByteSource> source, std::string id, bool html)
      : source_(std::move(source)), path_(source_->name()), id_(std::move(id)), html_(html) {}

  bool Next(ReadItem* item) override {
    if (done_) return false;
    done_ = true;
    item->location = path_;
    std::string warning;
    item->article = Read(&warning);
    if (!warning.empty()) item->warning = path_ + ": " + warning;
    return true;
  }

 private:
  Result<Article> Read(std::string* warning) {
    std::string text;
    uint64_t size = 0;
    Status read = ReadAtMost(source_.get(), kMaxArticleBytes, &text, &size);
    source_.reset();
    if (!read.ok()) return read;  // the source's errors name the file
    if (size > kMaxArticleBytes) {
      return OverLimit(html_ ? "page" : "article", size, kMaxArticleBytes).WithContext(path_);
    }
    if (html_) return ReadHtml(text, warning);
    Status valid = ValidateArticleText(text);
    if (!valid.ok()) return valid.WithContext(path_);
    Article article;
    article.id = id_;
    article.text = std::move(text);
    return article;
  }

  // A page that names its URL goes by it: the same page saved twice, under
  // any file name, is one article.
  Result<Article> ReadHtml(const std::string& html, std::string* warning) {
    auto article = ArticleFromHtml(html, id_, warning);
    if (!article.ok()) return article.status().WithContext(path_);
    if (!article.value().url.empty()) article.value().id = article.value().url;
    return article;
  }

  std::unique_ptr<ByteSource> source_;
  std::string path_;
  std::string id_;
  bool html_;
  bool done_ = false;
};

// A JSON lines file: one article a line, blank lines skipped.
class JsonLinesItems : public CorpusReader::FileItems {
 public:
  JsonLinesItems(std::unique_ptr<ByteSource> source, std::string id)
      : source_(std::move(source)),
        lines_(source_.get()),
        path_(source_->name()),
        id_(std::move(id)) {}

  bool Next(ReadItem* item) override {
    std::string line;
    while (true) {
      long before = lines_.line_number();
      auto got = lines_.Next(&line);
      item->location = path_ + ":" + std::to_string(before + 1);
      if (!got.ok()) {
        // A refused line counts as read; a read error already names the file.
        bool refused = lines_.line_number() > before;
        item->article = refused ? got.status().WithContext(item->location) : got.status();
        return true;
      }
      if (!got.value()) return false;
      if (!Trim(line).empty()) break;
    }
    std::string warning;
    auto article =
        ParseArticleJson(line, id_ + ":" + std::to_string(lines_.line_number()), &warning);
    item->article = article.ok() ? std::move(article)
                                 : Result<Article>(article.status().WithContext(item->location));
    if (!warning.empty()) item->warning = item->location + ": " + warning;
    return true;
  }

 private:
  std::unique_ptr<ByteSource> source_;
  LineReader lines_;
  std::string path_;
  std::string id_;
};

// A WARC file: its HTML responses.
class WarcItems : public CorpusReader::FileItems {
 public:
  explicit WarcItems(std::unique_ptr<ByteSource> source)
      : source_(std::move(source)), warc_(source_.get(), source_->name()) {}

  bool Next(ReadItem* item) override { return warc_.Next(item); }

 private:
  std::unique_ptr<ByteSource> source_;
  WarcReader warc_;
};

}  // namespace

InputFormat DetectFormat(std::string_view head, const std::string& name) {
  std::string_view start = head;
  if (start.starts_with("\xEF\xBB\xBF")) start.remove_prefix(3);
  while (!start.empty() && std::isspace(static_cast<unsigned char>(start.front()))) {
    start.remove_prefix(1);
  }
  if (start.starts_with("WARC/")) return InputFormat::kWarc;
  if (LooksLikeJsonObject(start)) return InputFormat::kJsonLines;
  if (LooksLikeHtml(start, head)) return InputFormat::kHtml;
  InputFormat by_name = FormatByName(name);
  return by_name == InputFormat::kAuto ? InputFormat::kPlain : by_name;
}

CorpusReader::CorpusReader(std::vector<std::string> inputs, InputFormat stdin_format)
    : inputs_(std::move(inputs)), stdin_format_(stdin_format) {}

CorpusReader::~CorpusReader() = default;

Result<std::unique_ptr<CorpusReader>> CorpusReader::Open(const std::vector<std::string>& inputs,
                                                         InputFormat stdin_format) {
  if (inputs.empty()) return Status::InvalidInput("no input files or folders");
  return std::unique_ptr<CorpusReader>(new CorpusReader(inputs, stdin_format));
}

Result<std::unique_ptr<CorpusReader>> CorpusReader::OpenFilesAs(
    const std::vector<std::pair<std::string, std::string>>& files) {
  if (files.empty()) return Status::InvalidInput("no input files");
  std::vector<std::string> paths, ids;
  for (const auto& [path, id] : files) {
    paths.push_back(path);
    ids.push_back(id);
  }
  std::unique_ptr<CorpusReader> reader(new CorpusReader(std::move(paths), InputFormat::kAuto));
  reader->ids_ = std::move(ids);
  return reader;
}

bool CorpusReader::WalkReads(const std::string& name) {
  return !name.empty() && !name.starts_with(".") && FormatByName(name) != InputFormat::kAuto;
}

bool CorpusReader::Next(ReadItem* item) {
  item->warning.clear();
  while (true) {
    if (current_ != nullptr && current_->Next(item)) return true;
    current_.reset();
    FileRef file;
    Step step = NextFile(&file, item);
    if (step == Step::kEnd) return false;
    if (step == Step::kError) return true;
    auto opened = OpenFile(file);
    if (!opened.ok()) {
      item->location = file.path == "-" ? "<stdin>" : file.path;
      item->article = opened.status();  // names the file
      return true;
    }
    current_ = std::move(opened).value();
  }
}

CorpusReader::Step CorpusReader::NextFile(FileRef* file, ReadItem* item) {
  while (true) {
    std::error_code error;
    if (folders_.empty()) {
      if (next_input_ == inputs_.size()) return Step::kEnd;
      size_t index = next_input_++;
      const std::string& input = inputs_[index];
      if (index < ids_.size() && !ids_[index].empty()) {
        *file = {input, ids_[index], InputFormat::kAuto};
        return Step::kFile;
      }
      if (input == "-") {
        *file = {input, "stdin", stdin_format_};
        return Step::kFile;
      }
      if (!fs::is_directory(input, error)) {
        *file = {input, InputName(input), InputFormat::kAuto};
        return Step::kFile;
      }
      if (!EnterFolder(input, InputName(input), "", item)) return Step::kError;
      continue;
    }
    Folder& folder = folders_.back();
    if (folder.next == folder.names.size()) {
      folders_.pop_back();
      continue;
    }
    std::string root = folder.root, root_id = folder.root_id;
    std::string relative =
        (fs::path(folder.relative) / folder.names[folder.next++]).generic_string();
    std::string path = (fs::path(root) / relative).string();
    if (fs::is_directory(fs::symlink_status(path, error))) {
      if (!EnterFolder(root, root_id, relative, item)) return Step::kError;
    } else if (FormatByName(relative) != InputFormat::kAuto) {
      *file = {path, root_id.empty() ? relative : root_id + "/" + relative, InputFormat::kAuto};
      return Step::kFile;
    }
  }
}

bool CorpusReader::EnterFolder(const std::string& root, const std::string& root_id,
                               const std::string& relative, ReadItem* item) {
  Folder folder{root, root_id, relative, {}, 0};
  std::string path = (fs::path(root) / relative).string();
  std::error_code error;
  for (fs::directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
    std::string name = it->path().filename().string();
    if (!name.starts_with(".")) folder.names.push_back(std::move(name));
  }
  if (error) {
    item->location = path;
    item->article = Status::IoError("cannot list folder: " + error.message()).WithContext(path);
    return false;
  }
  std::sort(folder.names.begin(), folder.names.end());
  folders_.push_back(std::move(folder));
  return true;
}

Result<std::unique_ptr<CorpusReader::FileItems>> CorpusReader::OpenFile(const FileRef& file) {
  auto source = OpenByteSource(file.path);
  if (!source.ok()) return source.status();
  std::unique_ptr<ByteSource> bytes = std::move(source).value();
  InputFormat format = file.format;
  if (format == InputFormat::kAuto) format = DetectFormat(PeekHead(&bytes, kHeadBytes), file.path);
  switch (format) {
    case InputFormat::kJsonLines:
      return std::unique_ptr<FileItems>(
          std::make_unique<JsonLinesItems>(std::move(bytes), file.id));
    case InputFormat::kWarc:
      return std::unique_ptr<FileItems>(std::make_unique<WarcItems>(std::move(bytes)));
    case InputFormat::kHtml:
      return std::unique_ptr<FileItems>(
          std::make_unique<WholeFileItems>(std::move(bytes), file.id, true));
    default:
      return std::unique_ptr<FileItems>(
          std::make_unique<WholeFileItems>(std::move(bytes), file.id, false));
  }
}

}  // namespace warta
