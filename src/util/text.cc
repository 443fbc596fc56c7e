#include "util/text.h"

#include <utf8proc.h>

namespace warta {

int32_t DecodeUtf8(std::string_view text, size_t* pos) {
  unsigned char byte = static_cast<unsigned char>(text[*pos]);
  if (byte < 0x80) {
    ++*pos;
    return byte;
  }
  utf8proc_int32_t code_point = -1;
  auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + *pos),
                                 static_cast<utf8proc_ssize_t>(text.size() - *pos), &code_point);
  if (length <= 0) {
    *pos += 1;
    return -1;
  }
  *pos += static_cast<size_t>(length);
  return code_point;
}

void AppendUtf8(int32_t code_point, std::string* out) {
  utf8proc_uint8_t buffer[4];
  auto length = utf8proc_encode_char(code_point, buffer);
  out->append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(length));
}

size_t FindInvalidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    size_t start = pos;
    if (DecodeUtf8(text, &pos) < 0) return start;
  }
  return std::string_view::npos;
}

std::string ToLower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      out.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte + 32)
                                               : static_cast<char>(byte));
      ++pos;
      continue;
    }
    int32_t code_point = DecodeUtf8(text, &pos);
    if (code_point < 0) continue;
    AppendUtf8(utf8proc_tolower(code_point), &out);
  }
  return out;
}

bool IsAlphaCodePoint(int32_t code_point) {
  if (code_point < 0x80) {
    return (code_point >= 'a' && code_point <= 'z') || (code_point >= 'A' && code_point <= 'Z');
  }
  auto category = utf8proc_category(code_point);
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

bool IsUpperCodePoint(int32_t code_point) {
  if (code_point < 0x80) return code_point >= 'A' && code_point <= 'Z';
  return utf8proc_category(code_point) == UTF8PROC_CATEGORY_LU;
}

bool IsDigitCodePoint(int32_t code_point) {
  if (code_point < 0x80) return code_point >= '0' && code_point <= '9';
  return utf8proc_category(code_point) == UTF8PROC_CATEGORY_ND;
}

bool StartsUpper(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    int32_t code_point = DecodeUtf8(text, &pos);
    if (IsAlphaCodePoint(code_point)) return IsUpperCodePoint(code_point);
  }
  return false;
}

bool AllUpper(std::string_view text) {
  size_t pos = 0;
  bool any_letter = false;
  while (pos < text.size()) {
    int32_t code_point = DecodeUtf8(text, &pos);
    if (!IsAlphaCodePoint(code_point)) continue;
    if (!IsUpperCodePoint(code_point)) return false;
    any_letter = true;
  }
  return any_letter;
}

bool HasNyaClitic(std::string_view word) {
  return word.size() > 5 && word.compare(word.size() - 3, 3, "nya") == 0;
}

std::string_view Trim(std::string_view text) {
  const char* kSpace = " \t\r\n\f\v";
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      parts.emplace_back(text.substr(start));
      return parts;
    }
    parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace warta
