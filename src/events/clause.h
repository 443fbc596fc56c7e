// The shapes the event coder's passes hand each other (see coder.h for the
// order they run in):
//
//   Context        the sentence and its language's function words; read by all
//   SentenceFrame  the sentence's verbs and the marks around them, made once
//                  per sentence by FrameSentence (frame.h)
//   Clause         one verb and its roles, filled pass by pass
//   VerbChain      what one verb leaves to the next verb of the same sentence
//
// Mentions are named by their index into SentenceInput::mentions; -1 is none.
// All of it lives for one call of EventCoder::Code; nothing here is shared
// between threads.
#pragma once

#include <algorithm>
#include <vector>

#include "analyse/lexicon.h"
#include "events/coded_event.h"
#include "events/verbs.h"

namespace warta {

struct Context {
  const SentenceInput& input;
  const Lexicon& lexicon;
  bool english;

  const std::vector<Token>& tokens() const { return *input.tokens; }
  const Token& token(size_t k) const { return (*input.tokens)[k]; }
  const WordAnalysis& analysis(size_t k) const { return (*input.analyses)[k]; }
  const std::vector<Mention>& mentions() const { return *input.mentions; }
  const std::vector<TimeExpression>& times() const { return *input.times; }

  // Whether a phrase of `kind` starts at token k; its length in tokens.
  bool Is(LexiconKind kind, size_t k) const { return lexicon.Is(kind, *input.tokens, k); }
  size_t Match(LexiconKind kind, size_t k) const { return lexicon.Match(kind, *input.tokens, k); }
  // Whether a phrase of `kind` starts at any of tokens [from, to).
  bool AnyBetween(LexiconKind kind, size_t from, size_t to) const {
    for (size_t k = from; k < to; ++k) {
      if (Is(kind, k)) return true;
    }
    return false;
  }
  // Whether token k is part of a time expression.
  bool InTime(size_t k) const {
    return std::any_of(input.times->begin(), input.times->end(),
                       [&](const TimeExpression& t) { return k >= t.begin && k < t.end; });
  }
};

struct SentenceFrame {
  std::vector<VerbMatch> verbs;     // the verb patterns, in order, none inside a name or date
  std::vector<bool> acts;           // per token: an event noun that is another verb's object
  std::vector<bool> relative;       // per token: inside an aside (", yang ... ,")
  std::vector<bool> breaks;         // per token: a clause break (subordinator, "sebulan setelah")
  std::vector<size_t> complements;  // per verb: the verb it pledges or threatens, else verbs.size()

  // Whether verb j is what the verb before it pledges or threatens (and so
  // told by that one, not on its own).
  bool Governed(size_t j) const { return j > 0 && complements[j - 1] == j; }
};

struct Clause {
  size_t index = 0;  // the verb's place in SentenceFrame::verbs
  const VerbMatch* verb = nullptr;
  const VerbPattern* pattern = nullptr;
  size_t boundary = 0;    // where the previous verb ends (0 for the first)
  size_t complement = 0;  // the verb it pledges or threatens, else verbs.size()
  size_t limit = 0;       // where its arguments end: the next verb after it and its complement

  int subject = -1;           // its own subject (or, for an event noun, its doer)
  std::vector<int> subjects;  // who does it: the subject and its conjuncts, or inherited
  bool inherited = false;     // `subjects` come from an earlier verb
  bool coordinated = false;   // it follows "dan", "and" or a comma (not one closing an aside)
  int doer = -1;              // an event noun's doer named right after it ("kunjungan Modi")

  std::vector<int> sources;  // the event's sources and targets, before pairing
  std::vector<int> targets;
  bool hosted_told = false;  // a passive hosting or mediation naming no one
};

struct VerbChain {
  // Roles.
  std::vector<int> previous_sources;  // the last verb's sources that were not empty
  std::vector<int> passive_subjects;  // the last verb's subjects, when it was passive
  std::vector<int> main_sources;      // the first verb with a subject of its own: its sources
  std::vector<int> main_targets;      // ... and its targets
  int previous_object = -1;           // the last verb's first target
  std::vector<int> previous_targets;
  bool previous_controls = false;    // the last verb's object acts next ("mendesak X untuk")
  bool subordinate_subject = false;  // the last verb's subject opened a reported clause
  bool inside_accusation = false;    // an accusation was told: what follows is alleged

  // Frames the last verb left open.
  bool appeal_open = false;  // an appeal or demand, or a verb it urged
  bool denial_open = false;  // a denial, or a verb it denied
  bool said_open = false;    // a plain statement, or a verb it told
  bool aim_open = false;     // an aim ("agar ...", "so that ...")
  bool intent_open = false;  // an intended event (its planner's next acts are planned too)
};

}  // namespace warta
