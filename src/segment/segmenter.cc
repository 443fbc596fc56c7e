#include "segment/segmenter.h"

#include <sstream>

#include "util/text.h"
#include "util/tsv.h"

namespace warta {

namespace {

bool IsWordChar(int32_t cp) {
  return IsAlphaCodePoint(cp) || IsDigitCodePoint(cp) ||
         (cp >= 0x300 && cp <= 0x36F);  // combining marks stay inside words
}

bool IsQuote(std::string_view token) {
  return token == "\"" || token == "'" || token == "“" || token == "”" || token == "‘" ||
         token == "’" || token == "«" || token == "»";
}

bool IsSentenceEnd(std::string_view token) {
  return token == "." || token == "!" || token == "?" || token == "…";
}

int32_t PeekCodePoint(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  return DecodeUtf8(text, &pos);
}

// Extends a word or number token that starts at `pos`; returns its end.
size_t ScanWord(std::string_view text, size_t pos, bool* is_number) {
  *is_number = IsDigitCodePoint(PeekCodePoint(text, pos));
  int letters_since_dot = 0;
  bool dotted = false;
  while (pos < text.size()) {
    size_t next = pos;
    int32_t cp = DecodeUtf8(text, &next);
    if (IsWordChar(cp)) {
      if (!IsDigitCodePoint(cp)) *is_number = false;
      ++letters_since_dot;
      pos = next;
      continue;
    }
    int32_t after = PeekCodePoint(text, next);
    // "Chon-il", "don't" join; the possessive "'s" stays a token of its own.
    bool possessive = (cp == '\'' || cp == 0x2019) && (after == 's' || after == 'S') &&
                      !IsWordChar(PeekCodePoint(text, next + 1));
    bool joins_word = (cp == '-' || cp == '\'' || cp == 0x2019) && IsWordChar(after) &&
                      !*is_number && !possessive;
    bool joins_number =
        *is_number && (cp == '.' || cp == ',' || cp == '/' || cp == ':') && IsDigitCodePoint(after);
    // Initialisms: U.S. / A.S. — single letters separated by dots.
    bool joins_initial = cp == '.' && letters_since_dot == 1 && IsUpperCodePoint(after) &&
                         (PeekCodePoint(text, next + 1) == '.');
    bool closes_initial = cp == '.' && dotted && letters_since_dot == 1;
    if (joins_word || joins_number || joins_initial) {
      dotted = dotted || joins_initial;
      letters_since_dot = 0;
      pos = next;
      continue;
    }
    if (closes_initial) pos = next;
    break;
  }
  return pos;
}

}  // namespace

Result<std::unique_ptr<Segmenter>> Segmenter::Load(const std::string& data_dir) {
  std::string path = data_dir + "/segment/abbreviations.txt";
  auto content = ReadFileToString(path);
  if (!content.ok()) return content.status();
  std::unordered_set<std::string> abbreviations;
  std::istringstream lines(content.value());
  std::string line;
  while (std::getline(lines, line)) {
    std::string_view word = Trim(line);
    if (word.empty() || word.front() == '#') continue;
    abbreviations.insert(ToLower(word));
  }
  return std::make_unique<Segmenter>(std::move(abbreviations));
}

std::vector<Token> Segmenter::Tokenize(std::string_view text) const {
  std::vector<Token> tokens;
  size_t pos = 0;
  bool newline = false;
  while (pos < text.size()) {
    size_t start = pos;
    size_t next = pos;
    int32_t cp = DecodeUtf8(text, &next);
    if (cp == '\n') newline = true;
    if (cp < 0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f') {
      pos = next;
      continue;
    }
    Token token;
    token.start = start;
    token.newline_before = newline;
    newline = false;
    if (IsWordChar(cp)) {
      bool is_number = false;
      pos = ScanWord(text, pos, &is_number);
      token.kind = is_number ? TokenKind::kNumber : TokenKind::kWord;
    } else {
      pos = next;
      token.kind = TokenKind::kPunct;
    }
    token.end = pos;
    token.text = std::string(text.substr(start, pos - start));
    token.lower = ToLower(token.text);
    token.capitalized = token.kind == TokenKind::kWord && StartsUpper(token.text);
    tokens.push_back(std::move(token));
  }
  return tokens;
}

bool Segmenter::EndsSentence(const std::vector<Token>& tokens, size_t i) const {
  if (!IsSentenceEnd(tokens[i].text)) return false;
  if (i + 1 >= tokens.size()) return true;
  if (tokens[i].text == "." && i > 0) {
    const Token& before = tokens[i - 1];
    bool adjacent = before.end == tokens[i].start;
    if (adjacent && abbreviations_.count(before.lower + ".")) return false;
    bool initial = adjacent && before.kind == TokenKind::kWord && before.text.size() == 1 &&
                   before.capitalized;
    if (initial) return false;
  }
  const Token& next = tokens[i + 1];
  return next.capitalized || next.kind == TokenKind::kNumber || IsQuote(next.text) ||
         next.newline_before || next.text == "(" || next.text == "[";
}

std::vector<Sentence> Segmenter::Split(std::string_view text) const {
  std::vector<Token> tokens = Tokenize(text);
  std::vector<Sentence> sentences;
  Sentence current;
  auto finish = [&]() {
    if (current.tokens.empty()) return;
    current.start = current.tokens.front().start;
    current.end = current.tokens.back().end;
    sentences.push_back(std::move(current));
    current = Sentence();
  };
  // Decide every boundary first, then move the tokens into their sentences.
  std::vector<bool> ends(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) ends[i] = EndsSentence(tokens, i);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].newline_before) finish();
    current.tokens.push_back(std::move(tokens[i]));
    if (!ends[i]) continue;
    // Closing quotes and brackets right after the end belong to the sentence.
    while (i + 1 < tokens.size() && !tokens[i + 1].newline_before &&
           (tokens[i + 1].text == "”" || tokens[i + 1].text == "’" || tokens[i + 1].text == ")" ||
            (tokens[i + 1].text == "\"" && tokens[i + 1].start == current.tokens.back().end))) {
      current.tokens.push_back(std::move(tokens[++i]));
    }
    finish();
  }
  finish();
  return sentences;
}

}  // namespace warta
