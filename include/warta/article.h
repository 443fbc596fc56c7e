// An article as read from input: the unit warta codes.
//
// Only `text` is required. `id` defaults to the input's name (file name, or
// "file.jsonl:LINE" for JSON lines). Plain value type.
#pragma once

#include <optional>
#include <string>

#include "warta/date.h"

namespace warta {

struct Article {
  std::string id;
  std::string url;
  std::string source;
  std::string title;
  std::optional<Date> published;  // day precision when known
  std::string text;               // the original text, exactly as read
};

}  // namespace warta
