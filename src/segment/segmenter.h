// segment: sentences and tokens, in Indonesian and English.
//
//   auto segmenter = Segmenter::Load("data");
//   std::vector<Sentence> sentences = segmenter.value()->Split(cleaned.text);
//
// Tokens are words (letters and digits, with inner hyphens and apostrophes:
// "Chon-il", "baru-baru", "don't"; dotted initialisms: "U.S."), numbers (with
// inner . , / : — "1.5", "12/10/2023", "08:30") and single punctuation marks.
// A sentence ends at . ! ? … (and the closing quotes after it) before a capital,
// digit, quote or the end, unless the word before the dot is a known
// abbreviation (data/segment/abbreviations.txt) or a single capital initial;
// a line break always ends a sentence (scraped text keeps titles and
// paragraphs on lines of their own).
//
// Offsets are byte offsets into the text given to Split. Thread-safe after Load.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "warta/status.h"

namespace warta {

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  size_t start = 0;
  size_t end = 0;
  std::string text;
  std::string lower;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first letter uppercase
  bool newline_before = false;
};

struct Sentence {
  size_t start = 0;
  size_t end = 0;
  std::vector<Token> tokens;
};

class Segmenter {
 public:
  static Result<std::unique_ptr<Segmenter>> Load(const std::string& data_dir);
  // A segmenter with a given abbreviation list (lowercase, with the dot).
  explicit Segmenter(std::unordered_set<std::string> abbreviations)
      : abbreviations_(std::move(abbreviations)) {}

  std::vector<Token> Tokenize(std::string_view text) const;
  std::vector<Sentence> Split(std::string_view text) const;

 private:
  bool EndsSentence(const std::vector<Token>& tokens, size_t i) const;

  std::unordered_set<std::string> abbreviations_;
};

}  // namespace warta
