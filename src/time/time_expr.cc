#include "time/time_expr.h"

#include <map>

#include "analyse/lexicon.h"
#include "util/text.h"

namespace warta {

namespace {

// A plain integer token ("12", "1948"), or -1.
int IntegerToken(const Token& token) {
  if (token.kind != TokenKind::kNumber || token.text.size() > 4) return -1;
  int value = 0;
  for (char c : token.text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool IsYear(int value) { return value >= 1800 && value <= 2100; }

// "29/10/2013" or "29-10-2013" as a day.
std::optional<Date> NumericDate(const Token& token) {
  if (token.kind != TokenKind::kNumber) return std::nullopt;
  std::vector<std::string> parts = Split(token.text, '/');
  if (parts.size() != 3) return std::nullopt;
  int day = std::atoi(parts[0].c_str()), month = std::atoi(parts[1].c_str());
  int year = std::atoi(parts[2].c_str());
  if (parts[2].size() == 2) year += 2000;
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) || !IsYear(year)) {
    return std::nullopt;
  }
  return Date::Day(year, month, day);
}

long Ordinal(const Date& date) { return DaysFromCivil(date.year, date.month, date.day); }

// A day and month without a year: the year that puts it on or before the
// publication (allowing a week ahead for announced events).
std::optional<Date> InferDay(int month, int day, const std::optional<Date>& published) {
  if (!published || day > DaysInMonth(published->year, month)) return std::nullopt;
  Date candidate = Date::Day(published->year, month, day);
  if (Ordinal(candidate) > Ordinal(*published) + 7) candidate.year -= 1;
  if (day > DaysInMonth(candidate.year, month)) return std::nullopt;
  return candidate;
}

std::optional<Date> InferMonth(int month, const std::optional<Date>& published) {
  if (!published) return std::nullopt;
  return Date::Month(month > published->month ? published->year - 1 : published->year, month);
}

std::optional<Date> Relative(const std::optional<Date>& published, int amount, char unit) {
  if (!published) return std::nullopt;
  switch (unit) {
    case 'd':
      return AddDays(*published, amount);
    case 'w': {
      Date day = AddDays(*published, 7L * amount);
      return Date::Month(day.year, day.month);
    }
    case 'm': {
      Date month = AddMonths(*published, amount);
      return Date::Month(month.year, month.month);
    }
    default:
      return Date::Year(published->year + amount);
  }
}

}  // namespace

Result<std::unique_ptr<TimeFinder>> TimeFinder::Load(const std::string& data_dir,
                                                     const std::string& language,
                                                     const Segmenter& segmenter,
                                                     Diagnostics* diagnostics) {
  static const std::map<std::string, Kind> kKinds = {{"month", kMonth},
                                                     {"weekday", kWeekday},
                                                     {"unit", kUnit},
                                                     {"last", kLast},
                                                     {"next", kNext},
                                                     {"this", kThis},
                                                     {"relative_day", kRelativeDay},
                                                     {"number", kNumber},
                                                     {"one_unit", kOneUnit},
                                                     {"after", kAfter},
                                                     {"preposition", kPreposition},
                                                     {"anaphor", kAnaphor}};
  std::string path = data_dir + "/time/" + language + ".tsv";
  auto file = ReadTsv(path);
  if (!file.ok()) return file.status();
  Diagnostics local;
  Diagnostics* diag = &local;
  std::unique_ptr<TimeFinder> finder(new TimeFinder());
  for (const TsvRecord& record : file.value().records) {
    const auto& f = record.fields;
    auto kind = f.size() == 3 ? kKinds.find(f[0]) : kKinds.end();
    if (kind == kKinds.end()) {
      diag->Error(path, record.line, "expected `kind<TAB>value<TAB>words` with a known kind");
      continue;
    }
    Word word;
    bool is_unit = kind->second == kUnit || kind->second == kOneUnit;
    if (is_unit) {
      static const std::map<std::string, char> kUnits = {
          {"day", 'd'}, {"week", 'w'}, {"month", 'm'}, {"year", 'y'}};
      auto unit = kUnits.find(f[1]);
      if (unit == kUnits.end()) {
        diag->Error(path, record.line, "unit must be day, week, month or year");
        continue;
      }
      word.unit = unit->second;
    } else {
      char* end = nullptr;
      word.value = static_cast<int>(std::strtol(f[1].c_str(), &end, 10));
      if (f[1].empty() || *end != '\0') {
        diag->Error(path, record.line, "value must be a whole number");
        continue;
      }
    }
    word.capitalised = kind->second == kMonth || kind->second == kWeekday;
    for (const std::string& phrase : Split(f[2], '|')) {
      std::vector<std::string> words = PhraseWords(segmenter, phrase);
      if (words.empty()) {
        diag->Error(path, record.line, "empty word in list");
        continue;
      }
      finder->first_words_.insert(words.front());
      finder->tables_[kind->second].Add(std::move(words), word);
    }
  }
  for (auto& table : finder->tables_) table.Compile();
  if (diagnostics != nullptr) diagnostics->Merge(local);
  if (!local.ok()) return local.ToStatus();
  return finder;
}

size_t TimeFinder::Match(Kind kind, const std::vector<Token>& tokens, size_t i, Word* word) const {
  if (i >= tokens.size()) return 0;
  return tables_[kind].Visit(tokens, i, [&](const PhraseTable<Word>::Entry& entry) {
    if (entry.value.capitalised && !tokens[i].capitalized) return false;
    *word = entry.value;
    return true;
  });
}

std::optional<TimeExpression> TimeFinder::MatchMonthDate(
    const std::vector<Token>& tokens, size_t i, const std::optional<Date>& published) const {
  Word month, unit, relation;
  auto year_at = [&](size_t k) { return k < tokens.size() ? IntegerToken(tokens[k]) : -1; };
  int day = year_at(i);
  // 12 Oktober [1948]
  if (day >= 1 && day <= 31 && Match(kMonth, tokens, i + 1, &month)) {
    size_t end = i + 2;
    int year = year_at(end);
    std::optional<Date> date;
    if (IsYear(year)) {
      ++end;
      if (day <= DaysInMonth(year, month.value)) date = Date::Day(year, month.value, day);
    } else {
      date = InferDay(month.value, day, published);
    }
    return TimeExpression{i, end, TimeKind::kDate, date};
  }
  size_t length = Match(kMonth, tokens, i, &month);
  if (length == 0) return std::nullopt;
  size_t k = i + length;
  int next = year_at(k);
  // March 3[, 2023]
  if (next >= 1 && next <= 31) {
    size_t end = k + 1;
    size_t year_index = end < tokens.size() && tokens[end].text == "," ? end + 1 : end;
    int year = year_at(year_index);
    if (IsYear(year)) {
      return TimeExpression{i, year_index + 1, TimeKind::kDate, Date::Day(year, month.value, next)};
    }
    return TimeExpression{i, end, TimeKind::kDate, InferDay(month.value, next, published)};
  }
  // Agustus 2023
  if (IsYear(next))
    return TimeExpression{i, k + 1, TimeKind::kDate, Date::Month(next, month.value)};
  // Februari tahun lalu / February last year
  size_t a = Match(kUnit, tokens, k, &unit);
  size_t b = a ? 0
               : Match(kLast, tokens, k, &relation) + Match(kNext, tokens, k, &relation) +
                     Match(kThis, tokens, k, &relation);
  int offset = 0;
  size_t end = k;
  Word dummy;
  if (a && unit.unit == 'y') {
    if (size_t n = Match(kLast, tokens, k + a, &dummy))
      offset = -1, end = k + a + n;
    else if (size_t n2 = Match(kNext, tokens, k + a, &dummy))
      offset = 1, end = k + a + n2;
    else if (size_t n3 = Match(kThis, tokens, k + a, &dummy))
      end = k + a + n3;
  } else if (b && Match(kUnit, tokens, k + b, &unit) && unit.unit == 'y') {
    offset = Match(kLast, tokens, k, &dummy) ? -1 : Match(kNext, tokens, k, &dummy) ? 1 : 0;
    end = k + b + 1;
  }
  if (end > k) {
    std::optional<Date> date;
    if (published) date = Date::Month(published->year + offset, month.value);
    return TimeExpression{i, end, TimeKind::kDate, date};
  }
  return TimeExpression{i, k, TimeKind::kDate, InferMonth(month.value, published)};
}

std::optional<TimeExpression> TimeFinder::MatchRelative(
    const std::vector<Token>& tokens, size_t i, const std::optional<Date>& published) const {
  Word unit, word;
  // tahun 1948 / in 2019 / sejak 2014
  size_t lead = Match(kUnit, tokens, i, &unit);
  if (lead && unit.unit != 'y') lead = 0;
  if (lead == 0) lead = Match(kPreposition, tokens, i, &word);
  if (lead && i + lead < tokens.size() && IsYear(IntegerToken(tokens[i + lead]))) {
    return TimeExpression{i, i + lead + 1, TimeKind::kDate,
                          Date::Year(IntegerToken(tokens[i + lead]))};
  }
  // bulan lalu, tahun depan, tahun ini
  if (size_t n = Match(kUnit, tokens, i, &unit)) {
    int sign = Match(kLast, tokens, i + n, &word) ? -1 : Match(kNext, tokens, i + n, &word) ? 1 : 0;
    size_t m = Match(kLast, tokens, i + n, &word) + Match(kNext, tokens, i + n, &word) +
               Match(kThis, tokens, i + n, &word);
    if (m)
      return TimeExpression{i, i + n + m, TimeKind::kDate, Relative(published, sign, unit.unit)};
  }
  // last month, next year, this week
  for (Kind relation : {kLast, kNext, kThis}) {
    size_t n = Match(relation, tokens, i, &word);
    size_t m = n ? Match(kUnit, tokens, i + n, &unit) : 0;
    if (m) {
      int sign = relation == kLast ? -1 : relation == kNext ? 1 : 0;
      return TimeExpression{i, i + n + m, TimeKind::kDate, Relative(published, sign, unit.unit)};
    }
  }
  // dua hari lalu, 3 days ago, sebulan setelah, two days after
  int amount = IntegerToken(tokens[i]);
  size_t n = amount > 0 ? 1 : 0;
  if (n == 0 && (n = Match(kNumber, tokens, i, &word))) amount = word.value;
  size_t m = n ? Match(kUnit, tokens, i + n, &unit) : 0;
  if (m == 0 && (m = Match(kOneUnit, tokens, i, &unit))) n = 0, amount = 1;
  if (m == 0) return std::nullopt;
  size_t k = i + n + m;
  if (size_t after = Match(kAfter, tokens, k, &word)) {
    TimeExpression shift{i, k + after, TimeKind::kShift, std::nullopt};
    shift.shift_amount = amount;
    shift.shift_unit = unit.unit;
    return shift;
  }
  if (size_t ago = Match(kLast, tokens, k, &word)) {
    return TimeExpression{i, k + ago, TimeKind::kDate, Relative(published, -amount, unit.unit)};
  }
  return std::nullopt;
}

std::optional<TimeExpression> TimeFinder::MatchAt(const std::vector<Token>& tokens, size_t i,
                                                  const std::optional<Date>& published) const {
  Word word;
  if (size_t n = Match(kAnaphor, tokens, i, &word)) {
    return TimeExpression{i, i + n, TimeKind::kAnaphor, std::nullopt};
  }
  if (size_t n = Match(kRelativeDay, tokens, i, &word)) {
    std::optional<Date> date;
    if (published) date = AddDays(*published, word.value);
    return TimeExpression{i, i + n, TimeKind::kDate, date};
  }
  if (auto date = NumericDate(tokens[i])) return TimeExpression{i, i + 1, TimeKind::kDate, date};
  if (size_t n = Match(kWeekday, tokens, i, &word)) {
    size_t end = i + n;
    // "Selasa (29/10/2013)": the written date wins.
    if (end + 2 < tokens.size() && tokens[end].text == "(" && tokens[end + 2].text == ")") {
      if (auto date = NumericDate(tokens[end + 1])) {
        return TimeExpression{i, end + 3, TimeKind::kDate, date};
      }
    }
    Word last;
    bool before = (i > 0 && Match(kLast, tokens, i - 1, &last)) || Match(kLast, tokens, end, &last);
    if (!(i > 0 && Match(kLast, tokens, i - 1, &last))) end += Match(kLast, tokens, end, &last);
    std::optional<Date> date;
    if (published) {
      int back = (Weekday(*published) - word.value + 7) % 7;
      if (back == 0 && before) back = 7;
      date = AddDays(*published, -back);
    }
    return TimeExpression{i, end, TimeKind::kDate, date};
  }
  if (auto month_date = MatchMonthDate(tokens, i, published)) return month_date;
  return MatchRelative(tokens, i, published);
}

std::vector<TimeExpression> TimeFinder::Find(const std::vector<Token>& tokens,
                                             const std::optional<Date>& published) const {
  std::vector<TimeExpression> found;
  Word word;
  for (size_t i = 0; i < tokens.size();) {
    // Prefilter: most tokens are neither numbers nor the start of a time word.
    bool candidate = tokens[i].kind == TokenKind::kNumber || first_words_.count(tokens[i].lower);
    if (!candidate) {
      ++i;
      continue;
    }
    auto expression = MatchAt(tokens, i, published);
    if (!expression) {
      ++i;
      continue;
    }
    // Take in the words that introduce it ("pada hari", "on", "in").
    while (expression->begin > 0 && expression->begin > (found.empty() ? 0 : found.back().end) &&
           Match(kPreposition, tokens, expression->begin - 1, &word) == 1) {
      --expression->begin;
    }
    i = expression->end;
    found.push_back(*expression);
  }
  return found;
}

std::optional<Date> TimeFinder::ApplyShift(const std::optional<Date>& date,
                                           const TimeExpression& shift) {
  if (!date) return std::nullopt;
  int amount = -shift.shift_amount;
  switch (shift.shift_unit) {
    case 'd':
      return date->precision == DatePrecision::kDay ? AddDays(*date, amount) : *date;
    case 'w': {
      if (date->precision != DatePrecision::kDay) return *date;
      Date day = AddDays(*date, 7L * amount);
      return Date::Month(day.year, day.month);
    }
    case 'm': {
      if (date->precision == DatePrecision::kYear) return *date;
      Date month = AddMonths(*date, amount);
      return Date::Month(month.year, month.month);
    }
    default:
      return Date::Year(date->year + amount);
  }
}

}  // namespace warta
