// time: dates written in a sentence, resolved against the publication date.
//
//   auto finder = TimeFinder::Load("data", "id", segmenter);   // once per language
//   for (const TimeExpression& t : finder.value()->Find(tokens, published)) ...
//
// Understood, in both languages (words from data/time/<lang>.tsv):
//   explicit dates   12 Oktober 1948, March 3, 2023, 29/10/2013, Agustus 2023
//   months           pada bulan Agustus, Februari tahun lalu, in February last year
//   weekdays         pada hari Kamis, on Tuesday (the latest such day on or before
//                    publication; "(29/10/2013)" after a weekday wins)
//   relative         kemarin, hari ini, bulan lalu, tahun lalu, last month,
//                    dua hari lalu, three weeks ago, tahun ini
//   years            pada tahun 1948, in 2019, sejak 2014, tahun 1910-45 (start year)
//   shifts           sebulan setelah ..., two days after ...: events after the
//                    phrase happened that long before the sentence's own date
//   anaphors         pada kesempatan itu, on that occasion: the date of the
//                    previous dated sentence
// Without a publication date, relative expressions stay unresolved (date
// empty, text kept) and a month or day without a year is unresolved.
// Immutable after Load; Find() is thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "segment/segmenter.h"
#include "util/phrase_table.h"
#include "util/tsv.h"
#include "util/word_hash.h"
#include "warta/date.h"
#include "warta/status.h"

namespace warta {

enum class TimeKind { kDate, kShift, kAnaphor };

struct TimeExpression {
  size_t begin = 0;  // tokens [begin, end)
  size_t end = 0;
  TimeKind kind = TimeKind::kDate;
  std::optional<Date> date;  // kDate: the resolved date, if resolvable
  int shift_amount = 0;      // kShift: how many units before the sentence date
  char shift_unit = 'd';     // kShift: d, w, m, y
};

class TimeFinder {
 public:
  static Result<std::unique_ptr<TimeFinder>> Load(const std::string& data_dir,
                                                  const std::string& language,
                                                  const Segmenter& segmenter,
                                                  Diagnostics* diagnostics = nullptr);

  std::vector<TimeExpression> Find(const std::vector<Token>& tokens,
                                   const std::optional<Date>& published) const;

  // A date moved back by a shift expression.
  static std::optional<Date> ApplyShift(const std::optional<Date>& date,
                                        const TimeExpression& shift);

 private:
  enum Kind {
    kMonth,
    kWeekday,
    kUnit,
    kLast,
    kNext,
    kThis,
    kRelativeDay,
    kNumber,
    kOneUnit,
    kAfter,
    kPreposition,
    kAnaphor,
    kKindCount
  };
  struct Word {
    int value = 0;  // month, weekday, days, number
    char unit = 0;  // d w m y for units
    bool capitalised = false;
  };
  TimeFinder() = default;

  // Length of a phrase of `kind` at tokens[i] (0 if none); fills *word.
  size_t Match(Kind kind, const std::vector<Token>& tokens, size_t i, Word* word) const;
  std::optional<TimeExpression> MatchAt(const std::vector<Token>& tokens, size_t i,
                                        const std::optional<Date>& published) const;
  std::optional<TimeExpression> MatchMonthDate(const std::vector<Token>& tokens, size_t i,
                                               const std::optional<Date>& published) const;
  std::optional<TimeExpression> MatchRelative(const std::vector<Token>& tokens, size_t i,
                                              const std::optional<Date>& published) const;

  PhraseTable<Word> tables_[kKindCount];
  WordSet first_words_;  // prefilter over every table
};

}  // namespace warta
