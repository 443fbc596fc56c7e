#include "read/reader.h"

#include <nlohmann/json.hpp>

#include "util/date_format.h"
#include "util/text.h"

namespace warta {

namespace {

// Reads a JSON string field; empty when absent or null.
Result<std::string> StringField(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::string();
  if (!it->is_string()) {
    return Status::InvalidInput(std::string("field \"") + key + "\" is not a string");
  }
  return it->get<std::string>();
}

// The "id" field: feeds number their articles as often as they name them.
Result<std::string> IdField(const nlohmann::json& object) {
  auto it = object.find("id");
  if (it != object.end() && it->is_number()) return it->dump();  // 123 -> "123"
  return StringField(object, "id");
}

// The "published" field as a date. One that cannot be read is a warning, not
// an error: the article is still worth coding.
std::optional<Date> PublishedField(const nlohmann::json& object, std::string* warning) {
  auto it = object.find("published");
  if (it == object.end() || it->is_null()) return std::nullopt;
  std::string written = it->is_string() ? it->get<std::string>() : it->dump();
  if (Trim(written).empty()) return std::nullopt;
  std::optional<Date> date;
  if (it->is_string() || it->is_number()) date = ParsePublishedDate(written);
  if (!date && warning != nullptr) *warning = DateNotUnderstood(written);
  return date;
}

}  // namespace

std::string DescribeSize(uint64_t bytes) {
  if (bytes < (1u << 20)) return std::to_string(bytes) + " bytes";
  uint64_t tenths = bytes * 10 >> 20;
  std::string size = std::to_string(tenths / 10);
  if (tenths % 10 != 0) {
    size += '.';  // (appended step by step: g++ 12 warns wrongly on "." + ...)
    size += std::to_string(tenths % 10);
  }
  return size + " MB";
}

Status OverLimit(std::string_view what, uint64_t bytes, uint64_t limit) {
  return Status::InvalidInput(std::string(what) + " is " + DescribeSize(bytes) + ", over the " +
                              DescribeSize(limit) + " limit");
}

std::string DateNotUnderstood(std::string_view written) {
  constexpr size_t kShown = 80;
  std::string shown(written.substr(0, kShown));
  if (written.size() > kShown) {
    // Cut at a character boundary, not inside a UTF-8 sequence.
    while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) {
      shown.pop_back();
    }
    if (!shown.empty() && static_cast<unsigned char>(shown.back()) >= 0xC0) shown.pop_back();
    shown += "…";
  }
  return "publication date \"" + shown + "\" not understood; coded without one";
}

Status ValidateArticleText(const std::string& text) {
  if (text.size() > kMaxArticleBytes) return OverLimit("article", text.size(), kMaxArticleBytes);
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

Result<Article> ParseArticleJson(const std::string& line, const std::string& default_id,
                                 std::string* warning) {
  nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
  if (object.is_discarded()) return Status::InvalidInput("not valid JSON");
  if (!object.is_object()) return Status::InvalidInput("JSON line is not an object");
  if (!object.contains("text")) return Status::InvalidInput("missing field \"text\"");
  Article article;
  for (auto [key, field] : {std::pair{"text", &article.text},
                            {"title", &article.title},
                            {"url", &article.url},
                            {"source", &article.source}}) {
    auto value = StringField(object, key);
    if (!value.ok()) return value.status();
    *field = value.value();
  }
  auto id = IdField(object);
  if (!id.ok()) return id.status();
  article.id = id.value().empty() ? default_id : id.value();
  article.published = PublishedField(object, warning);
  Status valid = ValidateArticleText(article.text);
  if (!valid.ok()) return valid;
  return article;
}

}  // namespace warta
