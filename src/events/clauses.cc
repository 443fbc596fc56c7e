#include "events/clauses.h"

#include <algorithm>

#include "events/nominal.h"
#include "events/roles.h"
#include "events/speech.h"
#include "events/vocabulary.h"

namespace warta {

namespace {

// "Mesir dan Qatar, yang bersama AS menengahi perundingan, juga mengecam
// ...": after an aside the clause's subject stands before it.
int SubjectBeforeAside(const Context& cx, const SentenceFrame& frame, const Clause& clause) {
  size_t outer = 0;
  for (size_t p = clause.index; p-- > 0;) {
    if (!frame.relative[frame.verbs[p].begin]) {
      outer = frame.verbs[p].end;
      break;
    }
  }
  return SubjectOf(cx, frame.relative, clause.verb->begin, outer);
}

// ", Selasa (4/6), menuntut ...": a verb after a comma that follows the
// previous verb's objects continues that verb's subject.
bool InPreviousObject(const Context& cx, const SentenceFrame& frame, const VerbChain& chain,
                      const Clause& clause, int subject) {
  if (subject < 0 || clause.index == 0 || chain.previous_object < 0) return false;
  const Mention& mention = cx.mentions()[subject];
  if (mention.begin < frame.verbs[clause.index - 1].end) return false;
  for (size_t k = mention.end; k < clause.verb->begin; ++k) {
    if (cx.token(k).text == ",") return true;
  }
  return false;
}

// "... and accused", ", accusing him", ", menewaskan": a verb after a
// conjunction or comma.
// (Not the comma that closes an aside: "NUG, pemerintahan bayangan yang
// ..., mengecam".)
bool IsCoordinated(const Context& cx, const SentenceFrame& frame, const Clause& clause) {
  size_t begin = clause.verb->begin;
  bool closes_aside =
      !cx.english && begin > 0 && frame.relative[begin - 1] && !frame.relative[begin];
  return clause.index > 0 && begin > 0 && !closes_aside &&
         (cx.Is(LexiconKind::kConjunction, begin - 1) || cx.token(begin - 1).text == ",");
}

// The target of an active verb: its object.
void FindObjects(const Context& cx, const SentenceFrame& frame, const VerbChain& chain,
                 Clause* clause) {
  bool pledge = clause->complement < frame.verbs.size();
  VerbMatch object_verb = pledge ? frame.verbs[clause->complement] : *clause->verb;
  if (clause->doer >= 0) {
    // The object comes after the doer ("serangan Israel ke Gaza").
    size_t doer_end = cx.mentions()[clause->subjects.back()].end;
    object_verb.begin = doer_end - 1;
    object_verb.end = doer_end;
  }
  int object = ObjectOf(cx, frame, object_verb, clause->limit);
  // ("melakukan pembahasan kabinet dengan Joko Widodo": the other party of a
  // meeting or talks is who comes after "dengan"/"with", not what is talked
  // about.)
  if (int partner = PartnerOf(cx, object_verb, clause->limit);
      clause->pattern->reciprocal && partner >= 0) {
    object = partner;
  }
  if (object >= 0) clause->targets = WithConjuncts(cx, object, false);
  // "menuduh pesawat AS melanggar ... dan mengancam akan menembak jatuh
  // pesawat tersebut": a threat joined to the main clause, with no one
  // of its own, is aimed at the main clause's target.
  bool threat = cameo::RootOf(clause->pattern->code) == cameo::kThreaten;
  if (clause->targets.empty() && threat && clause->coordinated && clause->inherited) {
    clause->targets = chain.main_targets;
  }
}

}  // namespace

Clause OpenClause(const Context& cx, const SentenceFrame& frame, size_t j) {
  Clause clause;
  clause.index = j;
  clause.verb = &frame.verbs[j];
  clause.pattern = clause.verb->pattern;
  clause.boundary = j > 0 ? frame.verbs[j - 1].end : 0;
  // "berjanji akan menemui X", "threatened to expel X": the pledge or threat
  // is the event, its target and kind come from the verb it governs.
  clause.complement = frame.complements[j];
  size_t after = clause.complement < frame.verbs.size() ? clause.complement + 1 : j + 1;
  clause.limit = after < frame.verbs.size() ? frame.verbs[after].begin : cx.tokens().size();
  return clause;
}

void FindSubjects(const Context& cx, const SentenceFrame& frame, VerbChain* chain, Clause* clause) {
  size_t j = clause->index;
  size_t begin = clause->verb->begin;
  int subject = SubjectOf(cx, frame.relative, begin, clause->boundary);
  if (subject == -1 && j > 0 && !frame.relative[begin] &&
      frame.relative[frame.verbs[j - 1].begin]) {
    subject = SubjectBeforeAside(cx, frame, *clause);
  }
  bool in_previous_object = InPreviousObject(cx, frame, *chain, *clause, subject);
  clause->coordinated = IsCoordinated(cx, frame, *clause);
  bool passive = IsPassive(cx, *clause->verb);
  if (clause->coordinated && passive && subject < 0 && !chain->passive_subjects.empty()) {
    // "Bambang ditangkap dan ditetapkan sebagai tersangka": passives joined
    // by "dan" befall one subject.
    clause->subjects = chain->passive_subjects;
    clause->inherited = true;
  } else if (clause->coordinated && chain->subordinate_subject) {
    // "said that ASEAN condemned the strike and called on the junta": the
    // reported clause's subject goes on.
    clause->subjects = chain->previous_sources;
    clause->inherited = true;
    subject = -1;
  } else if (clause->coordinated && !chain->main_sources.empty()) {
    // "X said ... and accused Y": the verb after "and" shares the main
    // clause's subject, not that of the last verb in the report, and is
    // that subject's own act, not part of an accusation.
    clause->subjects = chain->main_sources;
    chain->inside_accusation = false;
    clause->inherited = true;
    subject = -1;
  } else if (subject == kNoSubject) {
    subject = -1;
  } else if (subject >= 0 && !in_previous_object &&
             !(subject == chain->previous_object && !chain->previous_controls)) {
    clause->subjects = WithConjuncts(cx, subject, /*leftwards=*/true);
  } else if (j > 0) {
    clause->subjects = chain->previous_sources;
    clause->inherited = true;
  }
  clause->subject = subject;
}

void FindRoles(const Context& cx, const SentenceFrame& frame, const VerbChain& chain,
               Clause* clause) {
  clause->sources = clause->subjects;
  if (clause->pattern->say) {
    StatementRoles(cx, clause);
  } else if (clause->pattern->received) {
    ReceivedRoles(cx, clause);
  } else if (IsPassive(cx, *clause->verb)) {
    PassiveRoles(cx, frame, clause);
  } else if (!clause->pattern->no_target) {
    FindObjects(cx, frame, chain, clause);
  }
}

void CarryRoles(const Context& cx, const SentenceFrame& frame, const Clause& clause,
                VerbChain* chain) {
  int subject = clause.subject;
  size_t subject_begin = subject >= 0 ? cx.mentions()[subject].begin : 0;
  chain->subordinate_subject =
      subject >= 0 && !clause.inherited && subject_begin > clause.boundary &&
      std::any_of(frame.breaks.begin() + clause.boundary, frame.breaks.begin() + subject_begin,
                  [](bool b) { return b; });
  if (!clause.sources.empty()) chain->previous_sources = clause.sources;
  if (chain->main_sources.empty() && !clause.inherited) {
    chain->main_sources = clause.sources;
    chain->main_targets = clause.targets;
  }
  // "Pada pertemuan Senin, Retno mendesak ...": what follows an Indonesian
  // act with no actor at all is no one's object. (An English one is mostly
  // inside a noun phrase: "Israel's demand to keep troops".)
  bool actorless = clause.subjects.empty() && !cx.english;
  chain->previous_object = clause.targets.empty() || actorless ? -1 : clause.targets.front();
  chain->previous_targets = clause.targets;
  chain->passive_subjects.clear();
  if (IsPassive(cx, *clause.verb)) chain->passive_subjects = clause.subjects;
  chain->previous_controls = ObjectControls(*clause.pattern);
}

}  // namespace warta
