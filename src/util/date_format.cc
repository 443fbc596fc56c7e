#include "util/date_format.h"

#include <array>
#include <cctype>
#include <vector>

namespace warta {

namespace {

// A run of digits, a run of letters (bytes of UTF-8 letters included), or one
// other character; white space only marks the token after it.
struct Token {
  enum class Kind { kDigits, kWord, kMark } kind;
  std::string_view text;
  bool spaced = false;  // white space (or the start) before it
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  bool spaced = true;
  for (size_t i = 0; i < text.size();) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      spaced = true;
      ++i;
      continue;
    }
    size_t end = i + 1;
    Token::Kind kind = Token::Kind::kMark;
    if (IsDigit(text[i])) {
      kind = Token::Kind::kDigits;
      while (end < text.size() && IsDigit(text[end])) ++end;
    } else if (IsLetter(text[i])) {
      kind = Token::Kind::kWord;
      while (end < text.size() && IsLetter(text[end])) ++end;
    }
    tokens.push_back({kind, text.substr(i, end - i), spaced});
    spaced = false;
    i = end;
  }
  return tokens;
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

// Indonesian and English month names, full and as feeds abbreviate them.
int MonthNumber(std::string_view word) {
  static const std::array<std::vector<std::string_view>, 12> kNames = {{
      {"januari", "january", "jan"},
      {"februari", "february", "feb", "pebruari", "peb"},
      {"maret", "march", "mar"},
      {"april", "apr"},
      {"mei", "may"},
      {"juni", "june", "jun"},
      {"juli", "july", "jul"},
      {"agustus", "august", "aug", "agu", "agt", "ags"},
      {"september", "sep", "sept"},
      {"oktober", "october", "oct", "okt"},
      {"november", "nopember", "nov", "nop"},
      {"desember", "december", "dec", "des"},
  }};
  if (word.size() < 3 || word.size() > 9) return 0;
  std::string lower = Lower(word);
  for (size_t month = 0; month < kNames.size(); ++month) {
    for (std::string_view name : kNames[month]) {
      if (lower == name) return static_cast<int>(month) + 1;
    }
  }
  return 0;
}

int Value(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::optional<Date> MakeDay(int year, int month, int day) {
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return Date::Day(year, month, day);
}

// Reads the tokens from a start position; every step checks its bounds.
class Cursor {
 public:
  Cursor(const std::vector<Token>& tokens, size_t at) : tokens_(tokens), at_(at) {}

  size_t at() const { return at_; }
  const Token* Peek(size_t ahead = 0) const {
    return at_ + ahead < tokens_.size() ? &tokens_[at_ + ahead] : nullptr;
  }
  // The digits here when there are `min` to `max` of them, and moves on.
  std::optional<int> Number(size_t min, size_t max) {
    const Token* token = Peek();
    if (token == nullptr || token->kind != Token::Kind::kDigits || token->text.size() < min ||
        token->text.size() > max) {
      return std::nullopt;
    }
    ++at_;
    return Value(token->text);
  }
  // Skips one of `marks` here, if there is one.
  void SkipMark(std::string_view marks) {
    const Token* token = Peek();
    if (token != nullptr && token->kind == Token::Kind::kMark &&
        marks.find(token->text[0]) != std::string_view::npos) {
      ++at_;
    }
  }
  // Skips "st", "nd", "rd" or "th" written right after a number.
  void SkipOrdinal() {
    const Token* token = Peek();
    if (token == nullptr || token->kind != Token::Kind::kWord || token->spaced) return;
    std::string lower = Lower(token->text);
    if (lower == "st" || lower == "nd" || lower == "rd" || lower == "th") ++at_;
  }

 private:
  const std::vector<Token>& tokens_;
  size_t at_;
};

bool IsMark(const Token* token, char mark) {
  return token != nullptr && token->kind == Token::Kind::kMark && token->text[0] == mark &&
         !token->spaced;
}

// Three numbers joined by one mark, starting at i: 2024-01-08, 08/01/2024.
std::optional<Date> NumericAt(const std::vector<Token>& tokens, size_t i) {
  Cursor cursor(tokens, i);
  const Token* mark = cursor.Peek(1);
  if (mark == nullptr || mark->kind != Token::Kind::kMark || mark->spaced) return std::nullopt;
  char separator = mark->text[0];
  if (separator != '-' && separator != '/' && separator != '.') return std::nullopt;
  // Not the middle of a longer run such as a version or an address (1.2.3.4).
  if (i >= 2 && !tokens[i].spaced && IsMark(&tokens[i - 1], separator) &&
      tokens[i - 2].kind == Token::Kind::kDigits) {
    return std::nullopt;
  }
  std::optional<int> parts[3];
  size_t sizes[3] = {0, 0, 0};
  for (int k = 0; k < 3; ++k) {
    if (k > 0 && !IsMark(cursor.Peek(), separator)) return std::nullopt;
    if (k > 0) cursor.SkipMark(std::string_view(&separator, 1));
    const Token* token = cursor.Peek();
    if (token == nullptr || (k > 0 && token->spaced)) return std::nullopt;
    sizes[k] = token->text.size();
    parts[k] = cursor.Number(1, 4);
    if (!parts[k]) return std::nullopt;
  }
  if (IsMark(cursor.Peek(), separator) && cursor.Peek(1) != nullptr &&
      cursor.Peek(1)->kind == Token::Kind::kDigits) {
    return std::nullopt;
  }
  if (sizes[0] == 4 && sizes[1] <= 2 && sizes[2] <= 2)
    return MakeDay(*parts[0], *parts[1], *parts[2]);
  if (sizes[0] > 2 || sizes[1] > 2 || (sizes[2] != 4 && sizes[2] != 2)) return std::nullopt;
  int year = *parts[2];
  if (sizes[2] == 2) year += year < 70 ? 2000 : 1900;
  int day = *parts[0], month = *parts[1];
  if (month > 12 && day <= 12) std::swap(day, month);  // 01/13/2024 can only be month first
  return MakeDay(year, month, day);
}

// The day written before the month name at i: "8", "8th", "8th of", "08-".
std::optional<int> DayBefore(const std::vector<Token>& tokens, size_t i) {
  size_t j = i;
  if (j > 0 && tokens[j - 1].kind == Token::Kind::kWord && Lower(tokens[j - 1].text) == "of") --j;
  if (j > 0 && tokens[j - 1].kind == Token::Kind::kMark && !tokens[j].spaced &&
      (tokens[j - 1].text == "-" || tokens[j - 1].text == "/" || tokens[j - 1].text == ".")) {
    --j;
  }
  if (j > 1 && !tokens[j - 1].spaced && tokens[j - 2].kind == Token::Kind::kDigits) {
    std::string ordinal = Lower(tokens[j - 1].text);
    if (ordinal == "st" || ordinal == "nd" || ordinal == "rd" || ordinal == "th") --j;
  }
  if (j == 0) return std::nullopt;
  Cursor cursor(tokens, j - 1);
  return cursor.Number(1, 2);
}

// A date around the month name at i: "8 Januari 2024", "January 8, 2024",
// "2024 Jan 08".
std::optional<Date> NamedAt(const std::vector<Token>& tokens, size_t i) {
  int month = MonthNumber(tokens[i].text);
  if (month == 0) return std::nullopt;
  if (auto day = DayBefore(tokens, i)) {
    Cursor after(tokens, i + 1);
    after.SkipMark(",.-/");
    if (auto year = after.Number(4, 4)) return MakeDay(*year, month, *day);
  }
  Cursor after(tokens, i + 1);
  after.SkipMark(".-/");
  auto day = after.Number(1, 2);
  if (!day) return std::nullopt;
  after.SkipOrdinal();
  after.SkipMark(",.-/");
  if (auto year = after.Number(4, 4)) return MakeDay(*year, month, *day);
  size_t j = i;
  if (j > 0 && tokens[j - 1].kind == Token::Kind::kMark) --j;
  if (j == 0) return std::nullopt;
  Cursor before(tokens, j - 1);
  if (auto year = before.Number(4, 4)) return MakeDay(*year, month, *day);
  return std::nullopt;
}

// The whole text a number: seconds or milliseconds since the epoch, or
// YYYYMMDD.
std::optional<Date> WholeNumber(std::string_view text) {
  size_t digits = 0;
  while (digits < text.size() && IsDigit(text[digits])) ++digits;
  std::string_view fraction = text.substr(digits);
  if (!fraction.empty()) {
    if (fraction[0] != '.' || fraction.size() == 1) return std::nullopt;
    for (char c : fraction.substr(1)) {
      if (!IsDigit(c)) return std::nullopt;
    }
  }
  std::string_view whole = text.substr(0, digits);
  if (whole.size() == 8 && fraction.empty()) {
    return MakeDay(Value(whole.substr(0, 4)), Value(whole.substr(4, 2)), Value(whole.substr(6, 2)));
  }
  if (whole.size() < 9 || whole.size() > 14) return std::nullopt;
  long long value = 0;
  for (char c : whole) value = value * 10 + (c - '0');
  long long seconds = whole.size() <= 11 ? value : value / 1000;
  return CivilFromDays(static_cast<long>(seconds / 86400));
}

std::string_view TrimSpace(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

std::optional<Date> ParsePublishedDate(std::string_view text) {
  text = TrimSpace(text);
  if (!text.empty() && IsDigit(text.front())) {
    if (auto date = WholeNumber(text)) return date;
  }
  std::vector<Token> tokens = Tokenize(text);
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::optional<Date> date;
    if (tokens[i].kind == Token::Kind::kDigits) date = NumericAt(tokens, i);
    if (tokens[i].kind == Token::Kind::kWord) date = NamedAt(tokens, i);
    if (date) return date;
  }
  return std::nullopt;
}

}  // namespace warta
