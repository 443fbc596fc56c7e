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

namespace {

// Reads the token at *pos or after it; false at the end of the text.
// *newline tells whether a line break came since the last token.
bool NextToken(std::string_view text, size_t* pos, bool* newline, Token* token) {
  while (*pos < text.size()) {
    size_t start = *pos;
    size_t next = start;
    int32_t cp = DecodeUtf8(text, &next);
    if (cp == '\n') *newline = true;
    if (cp < 0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f') {
      *pos = next;
      continue;
    }
    *token = Token();
    token->start = start;
    token->newline_before = *newline;
    *newline = false;
    if (IsWordChar(cp)) {
      bool is_number = false;
      *pos = ScanWord(text, start, &is_number);
      token->kind = is_number ? TokenKind::kNumber : TokenKind::kWord;
    } else {
      *pos = next;
      token->kind = TokenKind::kPunct;
    }
    token->end = *pos;
    token->text = std::string(text.substr(start, *pos - start));
    token->lower = ToLower(token->text);
    token->lower_hash = WordHash{}(token->lower);
    token->capitalized = token->kind == TokenKind::kWord && StartsUpper(token->text);
    return true;
  }
  return false;
}

bool ClosesSentence(const Token& token, const Token& last) {
  return !token.newline_before && (token.text == "”" || token.text == "’" || token.text == ")" ||
                                   (token.text == "\"" && token.start == last.end));
}

bool IsClausePunct(const Token& token) {
  return token.text == "," || token.text == ";" || token.text == ":" || token.text == "—" ||
         token.text == "–";
}

}  // namespace

std::vector<Token> Segmenter::Tokenize(std::string_view text) const {
  std::vector<Token> tokens;
  size_t pos = 0;
  bool newline = false;
  Token token;
  while (NextToken(text, &pos, &newline, &token)) tokens.push_back(std::move(token));
  return tokens;
}

bool IsDatelineName(const std::vector<Token>& tokens, size_t begin, size_t end,
                    bool first_sentence) {
  if (!first_sentence || begin != 0 || end >= tokens.size()) return false;
  const std::string& next = tokens[end].text;
  return next == "(" || next == "," || next == "/" || next == "-";
}

bool Segmenter::EndsSentence(const Token* before, const Token& token, const Token* next) const {
  if (!IsSentenceEnd(token.text)) return false;
  if (next == nullptr) return true;
  if (token.text == "." && before != nullptr) {
    bool adjacent = before->end == token.start;
    if (adjacent && abbreviations_.count(before->lower + ".")) return false;
    bool initial = adjacent && before->kind == TokenKind::kWord && before->text.size() == 1 &&
                   before->capitalized;
    if (initial) return false;
  }
  return next->capitalized || next->kind == TokenKind::kNumber || IsQuote(next->text) ||
         next->newline_before || next->text == "(" || next->text == "[";
}

std::vector<Sentence> Segmenter::Split(std::string_view text) const {
  std::vector<Sentence> sentences;
  SentenceReader reader(*this, text);
  Sentence sentence;
  while (reader.Next(&sentence)) sentences.push_back(std::move(sentence));
  return sentences;
}

SentenceReader::SentenceReader(const Segmenter& segmenter, std::string_view text)
    : segmenter_(segmenter), text_(text) {}

bool SentenceReader::Fill(size_t count) {
  Token token;
  while (ahead_.size() < count && NextToken(text_, &pos_, &newline_, &token)) {
    ahead_.push_back(std::move(token));
  }
  return ahead_.size() >= count;
}

bool SentenceReader::Next(Sentence* sentence) {
  *sentence = Sentence();
  std::vector<Token>& tokens = sentence->tokens;
  while (Fill(1)) {
    if (ahead_.front().newline_before && !tokens.empty()) break;
    Token token = std::move(ahead_.front());
    ahead_.pop_front();
    const Token* next = Fill(1) ? &ahead_.front() : nullptr;
    // The token before: this sentence's last, or the previous sentence's.
    const Token* last = !tokens.empty() ? &tokens.back() : has_last_ ? &last_ : nullptr;
    bool ends = segmenter_.EndsSentence(last, token, next);
    tokens.push_back(std::move(token));
    if (ends) {
      // Closing quotes and brackets right after the end belong to the sentence,
      // up to the cap: "... kata.’" at token 200, or "Selesai.)))…", would
      // otherwise make a sentence past it (found by fuzz/segment_fuzz).
      while (tokens.size() < kMaxSentenceTokens && Fill(1) &&
             ClosesSentence(ahead_.front(), tokens.back())) {
        tokens.push_back(std::move(ahead_.front()));
        ahead_.pop_front();
      }
      break;
    }
    if (tokens.size() >= kMaxSentenceTokens) {
      CutRunOn(&tokens);
      break;
    }
  }
  if (tokens.empty()) return false;
  last_ = tokens.back();
  has_last_ = true;
  sentence->start = tokens.front().start;
  sentence->end = tokens.back().end;
  return true;
}

void SentenceReader::CutRunOn(std::vector<Token>* tokens) {
  // The last clause mark in the second half, so the pieces stay clauses.
  size_t cut = tokens->size();
  for (size_t i = tokens->size() - 1; i >= tokens->size() / 2; --i) {
    if (IsClausePunct((*tokens)[i])) {
      cut = i + 1;
      break;
    }
  }
  for (size_t i = tokens->size(); i > cut; --i) ahead_.push_front(std::move((*tokens)[i - 1]));
  tokens->resize(cut);
}

}  // namespace warta
