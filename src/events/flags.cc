#include "events/flags.h"

#include <algorithm>

#include "events/vocabulary.h"

namespace warta {

namespace {

// The first token a negation or intention before the verb may stand at:
// three words back, but not inside the subject.
size_t FlagWindow(const VerbMatch& verb, size_t subject_end) {
  size_t from = verb.begin >= 3 ? verb.begin - 3 : 0;
  return std::max(from, subject_end);
}

bool IsNegated(const Context& cx, const VerbMatch& verb, size_t subject_end) {
  return cx.AnyBetween(LexiconKind::kNegation, FlagWindow(verb, subject_end), verb.begin);
}

Modality ModalityOf(const Context& cx, const VerbMatch& verb, size_t subject_end,
                    bool inside_accusation) {
  if (inside_accusation) return Modality::kAlleged;
  if (cx.AnyBetween(LexiconKind::kAllegation, 0, verb.begin)) return Modality::kAlleged;
  if (cameo::ExpressesIntent(cameo::RootOf(verb.pattern->code))) return Modality::kAsserted;
  if (cx.AnyBetween(LexiconKind::kIntention, FlagWindow(verb, subject_end), verb.begin)) {
    return Modality::kIntended;
  }
  return Modality::kAsserted;
}

}  // namespace

void MarkFlags(const Context& cx, const Clause& clause, VerbChain* chain, CodedEvent* event) {
  size_t subject_end = clause.subject >= 0 ? cx.mentions()[clause.subject].end : clause.boundary;
  event->negated = IsNegated(cx, *clause.verb, subject_end);
  event->modality = ModalityOf(cx, *clause.verb, subject_end, chain->inside_accusation);
  // "dijadwalkan bertemu lagi di Istanbul ... untuk membahas mekanisme",
  // "will travel to Cairo and meet": what the planner goes on to do is
  // planned too.
  if (clause.inherited && chain->intent_open && event->modality == Modality::kAsserted) {
    event->modality = Modality::kIntended;
  }
  chain->intent_open = event->modality == Modality::kIntended;
}

}  // namespace warta
