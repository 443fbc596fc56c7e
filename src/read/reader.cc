#include "read/reader.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "util/text.h"

namespace warta {

namespace {

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string BaseName(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

// Reads a JSON string field; empty when absent or null.
Result<std::string> StringField(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::string();
  if (!it->is_string()) {
    return Status::InvalidInput(std::string("field \"") + key + "\" is not a string");
  }
  return it->get<std::string>();
}

}  // namespace

Status ValidateArticleText(const std::string& text) {
  if (text.size() > kMaxArticleBytes) {
    return Status::InvalidInput("article is " + std::to_string(text.size() >> 20) +
                                " MB, larger than the " + std::to_string(kMaxArticleBytes >> 20) +
                                " MB limit");
  }
  size_t nul = text.find('\0');
  if (nul != std::string::npos) {
    return Status::InvalidInput("binary data (NUL byte at byte " + std::to_string(nul) +
                                "), not text");
  }
  size_t invalid = FindInvalidUtf8(text);
  if (invalid != std::string::npos) {
    return Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(invalid));
  }
  if (Trim(text).empty()) return Status::InvalidInput("empty article (no text)");
  return Status::Ok();
}

Result<Article> ParseArticleJson(const std::string& line, const std::string& default_id) {
  nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
  if (object.is_discarded()) return Status::InvalidInput("not valid JSON");
  if (!object.is_object()) return Status::InvalidInput("JSON line is not an object");
  if (!object.contains("text")) return Status::InvalidInput("missing field \"text\"");
  Article article;
  for (auto [key, field] : {std::pair{"id", &article.id},
                            {"text", &article.text},
                            {"title", &article.title},
                            {"url", &article.url},
                            {"source", &article.source}}) {
    auto value = StringField(object, key);
    if (!value.ok()) return value.status();
    *field = value.value();
  }
  if (auto it = object.find("id"); it != object.end() && it->is_number_integer()) {
    article.id = std::to_string(it->get<long long>());
  }
  if (article.id.empty()) article.id = default_id;
  auto published = StringField(object, "published");
  if (!published.ok()) return published.status();
  if (!published.value().empty()) {
    // Accept "2023-10-12" and timestamps that start with it.
    auto date = Date::Parse(published.value().substr(0, 10));
    if (!date || date->precision != DatePrecision::kDay) {
      return Status::InvalidInput("field \"published\" is not a YYYY-MM-DD date: \"" +
                                  published.value() + "\"");
    }
    article.published = date;
  }
  Status valid = ValidateArticleText(article.text);
  if (!valid.ok()) return valid;
  return article;
}

ArticleReader::ArticleReader(std::string name, std::unique_ptr<std::istream> owned,
                             std::istream* in, bool json_lines)
    : name_(std::move(name)), owned_(std::move(owned)), in_(in), json_lines_(json_lines) {}

ArticleReader::~ArticleReader() = default;

Result<std::unique_ptr<ArticleReader>> ArticleReader::Open(const std::string& path,
                                                           InputFormat format) {
  bool json_lines = format == InputFormat::kJsonLines ||
                    (format == InputFormat::kAuto && EndsWith(path, ".jsonl"));
  if (path == "-") {
    return std::unique_ptr<ArticleReader>(
        new ArticleReader("<stdin>", nullptr, &std::cin, json_lines));
  }
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return Status::InvalidInput(path + ": is a folder, not a file");
  }
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) return Status::NotFound(path + ": cannot open file");
  std::istream* in = file.get();
  return std::unique_ptr<ArticleReader>(new ArticleReader(path, std::move(file), in, json_lines));
}

bool ArticleReader::Next(ReadItem* item) {
  if (done_) return false;
  return json_lines_ ? NextJsonLine(item) : NextPlain(item);
}

bool ArticleReader::NextPlain(ReadItem* item) {
  done_ = true;
  item->location = name_;
  // Read at most one byte past the limit so a huge input is refused without
  // holding all of it in memory.
  std::string text;
  char buffer[1 << 16];
  while (text.size() <= kMaxArticleBytes && in_->read(buffer, sizeof buffer).gcount() > 0) {
    text.append(buffer, static_cast<size_t>(in_->gcount()));
  }
  if (in_->bad()) {
    item->article = Status::IoError("read error").WithContext(name_);
    return true;
  }
  Status valid = ValidateArticleText(text);
  if (!valid.ok()) {
    item->article = valid.WithContext(name_);
    return true;
  }
  Article article;
  article.id = name_ == "<stdin>" ? "stdin" : BaseName(name_);
  article.text = std::move(text);
  item->article = std::move(article);
  return true;
}

bool ArticleReader::NextJsonLine(ReadItem* item) {
  std::string line;
  while (true) {
    if (!std::getline(*in_, line)) {
      done_ = true;
      return false;
    }
    ++line_number_;
    if (!Trim(line).empty()) break;  // blank lines separate nothing
  }
  item->location = name_ + ":" + std::to_string(line_number_);
  std::string default_id = (name_ == "<stdin>" ? std::string("stdin") : BaseName(name_)) + ":" +
                           std::to_string(line_number_);
  if (line.size() > kMaxArticleBytes) {
    item->article = Status::InvalidInput("line is " + std::to_string(line.size() >> 20) +
                                         " MB, larger than the " +
                                         std::to_string(kMaxArticleBytes >> 20) + " MB limit")
                        .WithContext(item->location);
    return true;
  }
  auto article = ParseArticleJson(line, default_id);
  item->article = article.ok() ? std::move(article)
                               : Result<Article>(article.status().WithContext(item->location));
  return true;
}

}  // namespace warta
