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

enum class FileKind { kSkip, kPlain, kJsonLines, kHtml, kWarc };

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

FileKind KindOf(const std::string& name, bool named) {
  std::string base = StripCompressionSuffix(name);
  for (char& c : base) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (EndsWith(base, ".jsonl")) return FileKind::kJsonLines;
  if (EndsWith(base, ".txt")) return FileKind::kPlain;
  if (EndsWith(base, ".html") || EndsWith(base, ".htm")) return FileKind::kHtml;
  if (EndsWith(base, ".warc")) return FileKind::kWarc;
  return named ? FileKind::kPlain : FileKind::kSkip;
}

// Reads the whole source, but stops once it holds more than `limit` bytes.
Status ReadAtMost(ByteSource* source, size_t limit, std::string* out) {
  constexpr size_t kChunk = 1 << 16;
  out->clear();
  while (out->size() <= limit) {
    size_t size = out->size();
    out->resize(size + kChunk);
    auto got = source->Read(out->data() + size, kChunk);
    out->resize(size + (got.ok() ? got.value() : 0));
    if (!got.ok()) return got.status();
    if (got.value() == 0) break;
  }
  return Status::Ok();
}

// A plain-text or HTML file: one article.
class WholeFileItems : public CorpusReader::FileItems {
 public:
  WholeFileItems(std::unique_ptr<ByteSource> source, std::string path, std::string id, bool html)
      : source_(std::move(source)), path_(std::move(path)), id_(std::move(id)), html_(html) {}

  bool Next(ReadItem* item) override {
    if (done_) return false;
    done_ = true;
    item->location = path_;
    item->article = Read();
    return true;
  }

 private:
  Result<Article> Read() {
    std::string text;
    Status read = ReadAtMost(source_.get(), kMaxArticleBytes, &text);
    source_.reset();
    if (!read.ok()) return read;  // the source's errors name the file
    if (html_ && text.size() > kMaxArticleBytes) {
      return Status::InvalidInput("page is larger than the " + DescribeSize(kMaxArticleBytes) +
                                  " limit")
          .WithContext(path_);
    }
    if (html_) {
      auto article = ArticleFromHtml(text, id_);
      return article.ok() ? std::move(article)
                          : Result<Article>(article.status().WithContext(path_));
    }
    Status valid = ValidateArticleText(text);
    if (!valid.ok()) return valid.WithContext(path_);
    Article article;
    article.id = id_;
    article.text = std::move(text);
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
  JsonLinesItems(std::unique_ptr<ByteSource> source, std::string path, std::string id)
      : source_(std::move(source)),
        lines_(source_.get()),
        path_(std::move(path)),
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
    auto article = ParseArticleJson(line, id_ + ":" + std::to_string(lines_.line_number()));
    item->article = article.ok() ? std::move(article)
                                 : Result<Article>(article.status().WithContext(item->location));
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
  WarcItems(std::unique_ptr<ByteSource> source, const std::string& path)
      : source_(std::move(source)), warc_(source_.get(), path) {}

  bool Next(ReadItem* item) override { return warc_.Next(item); }

 private:
  std::unique_ptr<ByteSource> source_;
  WarcReader warc_;
};

}  // namespace

CorpusReader::CorpusReader(std::vector<std::string> inputs) : inputs_(std::move(inputs)) {}

CorpusReader::~CorpusReader() = default;

Result<std::unique_ptr<CorpusReader>> CorpusReader::Open(const std::vector<std::string>& inputs) {
  if (inputs.empty()) return Status::InvalidInput("no input files or folders");
  return std::unique_ptr<CorpusReader>(new CorpusReader(inputs));
}

bool CorpusReader::Next(ReadItem* item) {
  while (true) {
    if (current_ != nullptr && current_->Next(item)) return true;
    current_.reset();
    FileRef file;
    Step step = NextFile(&file, item);
    if (step == Step::kEnd) return false;
    if (step == Step::kError) return true;
    auto opened = OpenFile(file);
    if (!opened.ok()) {
      item->location = file.path;
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
      const std::string& input = inputs_[next_input_++];
      if (!fs::is_directory(input, error)) {
        *file = {input, fs::path(input).filename().string(), true};
        return Step::kFile;
      }
      if (!EnterFolder(input, "", item)) return Step::kError;
      continue;
    }
    Folder& folder = folders_.back();
    if (folder.next == folder.names.size()) {
      folders_.pop_back();
      continue;
    }
    std::string root = folder.root;
    std::string relative = (fs::path(folder.relative) / folder.names[folder.next++]).string();
    std::string path = (fs::path(root) / relative).string();
    if (fs::is_directory(fs::symlink_status(path, error))) {
      if (!EnterFolder(root, relative, item)) return Step::kError;
    } else if (KindOf(relative, false) != FileKind::kSkip) {
      *file = {path, relative, false};
      return Step::kFile;
    }
  }
}

bool CorpusReader::EnterFolder(const std::string& root, const std::string& relative,
                               ReadItem* item) {
  Folder folder{root, relative, {}, 0};
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
  switch (KindOf(file.path, file.named)) {
    case FileKind::kJsonLines:
      return std::unique_ptr<FileItems>(
          std::make_unique<JsonLinesItems>(std::move(bytes), file.path, file.id));
    case FileKind::kWarc:
      return std::unique_ptr<FileItems>(std::make_unique<WarcItems>(std::move(bytes), file.path));
    case FileKind::kHtml:
      return std::unique_ptr<FileItems>(
          std::make_unique<WholeFileItems>(std::move(bytes), file.path, file.id, true));
    default:
      return std::unique_ptr<FileItems>(
          std::make_unique<WholeFileItems>(std::move(bytes), file.path, file.id, false));
  }
}

}  // namespace warta
