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
// paragraphs on lines of their own). A run-on "sentence" (a page without
// punctuation, a list run together) is cut after kMaxSentenceTokens tokens,
// at its last clause mark (, ; : —) in the second half when it has one, so
// the work per sentence stays bounded and the whole text is linear.
//
// SentenceReader reads the sentences one at a time, so memory follows the
// longest sentence, not the text; Split collects them all.
//
// Offsets are byte offsets into the text given to Split. Thread-safe after Load.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "util/word_hash.h"
#include "warta/status.h"

namespace warta {

inline constexpr size_t kMaxSentenceTokens = 200;

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  size_t start = 0;
  size_t end = 0;
  std::string text;
  std::string lower;
  size_t lower_hash = 0;  // WordHash of `lower`: set with it, 0 when not set
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first letter uppercase
  bool newline_before = false;
};

// A token's lowercase form with its hash, for look-ups in WordMap tables.
inline HashedWord HashedLower(const Token& token) {
  return {token.lower, token.lower_hash != 0 ? token.lower_hash : WordHash{}(token.lower)};
}

struct Sentence {
  size_t start = 0;
  size_t end = 0;
  std::vector<Token> tokens;
};

// "JAKARTA, Kamis -", "GENEVA (Reuters) -", "YEREVAN/BAKU, Sept 14": whether
// a name at tokens [begin, end) of a sentence is where the story was filed:
// the article's first sentence opens with it and ( , / or - follows.
bool IsDatelineName(const std::vector<Token>& tokens, size_t begin, size_t end,
                    bool first_sentence);

class Segmenter {
 public:
  static Result<std::unique_ptr<Segmenter>> Load(const std::string& data_dir);
  // A segmenter with a given abbreviation list (lowercase, with the dot).
  explicit Segmenter(std::unordered_set<std::string> abbreviations)
      : abbreviations_(std::move(abbreviations)) {}

  std::vector<Token> Tokenize(std::string_view text) const;
  std::vector<Sentence> Split(std::string_view text) const;

 private:
  friend class SentenceReader;
  // Whether `token` ends a sentence, given the tokens around it (null: none).
  bool EndsSentence(const Token* before, const Token& token, const Token* next) const;

  std::unordered_set<std::string> abbreviations_;
};

// The sentences of `text`, one at a time. The segmenter and the text must
// outlive the reader. Not thread-safe; one reader per text.
class SentenceReader {
 public:
  SentenceReader(const Segmenter& segmenter, std::string_view text);
  // Fills *sentence with the next sentence; false at the end of the text.
  bool Next(Sentence* sentence);

 private:
  bool Fill(size_t count);  // buffers tokens until `count` are ahead, if the text has them
  void CutRunOn(std::vector<Token>* tokens);

  const Segmenter& segmenter_;
  std::string_view text_;
  size_t pos_ = 0;
  bool newline_ = false;
  std::deque<Token> ahead_;
  Token last_;  // the previous sentence's last token, for abbreviations and initials
  bool has_last_ = false;
};

}  // namespace warta
