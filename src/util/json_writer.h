// JsonWriter: writes one JSON object quickly, fields in the order given.
//
// Event records are written millions of times; a DOM library builds a tree
// for each and is several times slower than writing the text directly.
// Strings are escaped as RFC 8259 requires; invalid UTF-8 never reaches here
// (the reader refuses it). Not thread-safe; cheap to create.
#pragma once

#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>

namespace warta {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // A value that is already JSON (e.g. an event record), written as it is.
  void Raw(std::string_view json) { Scalar(json); }
  void Key(std::string_view key) {
    Separate();
    Quoted(key);
    out_->push_back(':');
    after_key_ = true;
  }
  // A key written as a literal is one of our own field names, which hold no
  // character to escape: appended as it is, not scanned (scanning the keys
  // was two fifths of writing an event record).
  template <size_t N>
  void Key(const char (&key)[N]) {
    Separate();
    out_->push_back('"');
    out_->append(key, N - 1);
    out_->append("\":", 2);
    after_key_ = true;
  }
  void String(std::string_view value) {
    Separate();
    Quoted(value);
    need_comma_ = true;
  }
  void Null() { Scalar("null"); }
  void Bool(bool value) { Scalar(value ? "true" : "false"); }
  void Int(long long value) {
    char buffer[24];
    auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
    Scalar(std::string_view(buffer, static_cast<size_t>(written.ptr - buffer)));
  }
  void Double(double value, int decimals);
  void StringOrNull(std::string_view value) {
    if (value.empty())
      Null();
    else
      String(value);
  }

 private:
  void Quoted(std::string_view value);
  void Separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (need_comma_) out_->push_back(',');
  }
  void Open(char c) {
    Separate();
    out_->push_back(c);
    need_comma_ = false;
  }
  void Close(char c) {
    out_->push_back(c);
    need_comma_ = true;
  }
  void Scalar(std::string_view text) {
    Separate();
    out_->append(text);
    need_comma_ = true;
  }

  std::string* out_;
  bool need_comma_ = false;
  bool after_key_ = false;
};

inline void JsonWriter::Quoted(std::string_view value) {
  out_->push_back('"');
  size_t run = 0;  // start of the pending run of characters that need no escape
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && c != '"' && c != '\\') continue;
    out_->append(value.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out_->append("\\\"");
        break;
      case '\\':
        out_->append("\\\\");
        break;
      case '\n':
        out_->append("\\n");
        break;
      case '\r':
        out_->append("\\r");
        break;
      case '\t':
        out_->append("\\t");
        break;
      default: {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", byte);
        out_->append(buffer);
      }
    }
  }
  out_->append(value.data() + run, value.size() - run);
  out_->push_back('"');
}

// std::to_chars rounds as printf's "%.*f" does, without parsing a format.
inline void JsonWriter::Double(double value, int decimals) {
  char buffer[64];
  auto written =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  if (written.ec == std::errc()) {
    Scalar(std::string_view(buffer, static_cast<size_t>(written.ptr - buffer)));
    return;
  }
  std::string wide(400, '\0');  // a value too large for the buffer
  wide.resize(
      static_cast<size_t>(std::snprintf(wide.data(), wide.size(), "%.*f", decimals, value)));
  Scalar(wide);
}

}  // namespace warta
