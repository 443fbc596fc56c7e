// language: which language an article is written in, by CLD2.
//
// warta codes Indonesian ("id") and English ("en"). Malay is reported as
// Indonesian (CLD2 confuses the two on short texts, and warta's Indonesian
// dictionaries read Malay news well enough). Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace warta {

struct LanguageGuess {
  std::string code;  // ISO 639-1 ("id", "en", "fr", ...) or "un" when unknown
  bool reliable = false;
};

LanguageGuess DetectLanguage(std::string_view text);

// True for the languages warta has dictionaries for.
bool IsSupportedLanguage(const std::string& code);

}  // namespace warta
