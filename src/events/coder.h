// events: who did what to whom in one sentence.
//
//   EventCoder coder(verbs, lexicon, "id");      // per language; cheap
//   std::vector<CodedEvent> events = coder.Code(sentence, &state);
//
// Code is a short driver over named passes, each in its own file:
//
//   frame.h        the sentence's verbs (longest pattern first, never inside
//                  a name or a date), asides, clause breaks, and the verb each
//                  pledge governs
//   for each verb, carrying a VerbChain (clause.h) to the next:
//     clauses.h      subject (nearest actor to the left, or shared with the
//                    main clause or the previous verb), object (first actor to
//                    the right, before the next verb), with the role finders
//                    of roles.h
//     nominal.h      an event noun's doer ("kunjungan Modi ke Moskow"); a
//                    passive's subject is its target, its agent the source
//     speech.h       a statement's speaker ("..., kata Puan", "Menurut
//                    Puan,", "..., ujarnya"); what is said gives it its code
//                    and target ("X harus ...": an appeal to X); what the
//                    speaker says it did ("pihaknya telah ...") is its act
//     suppression.h  what is no event: urged, denied, said, aimed at,
//                    background, a description
//     flags.h        negated, and the modality (asserted, alleged, intended)
//     dating.h       the date: the nearest time expression, shifts, "pada
//                    kesempatan itu"; else the publication day; never after
//                    the publication day unless the event is intended
//     recode.h       a pledge's or threat's specific code
//     pairing.h      sources and targets into events, both ways for
//                    reciprocal acts
//   then, over the sentence's events: statements that only attribute an act
//   the sentence reports, or that a more specific one outdoes, dropped
//   (speech.h), codes
//   by doer (recode.h), repeated acts dropped (suppression.h), and the
//   meeting and date remembered for the next sentence.
//
// The rules over a whole article's events (implicit targets, duplicates,
// unnamed actors' countries) are in article_rules.h; the shared names for
// CAMEO roots and agent groups in vocabulary.h.
//
// Thread-safe: the coder is immutable; per-article state lives in CoderState.
#pragma once

#include <string>
#include <vector>

#include "analyse/lexicon.h"
#include "events/coded_event.h"
#include "events/verbs.h"

namespace warta {

class EventCoder {
 public:
  EventCoder(const VerbDictionary& verbs, const Lexicon& lexicon, const std::string& language)
      : verbs_(verbs), lexicon_(lexicon), english_(language == "en") {}

  std::vector<CodedEvent> Code(const SentenceInput& input, CoderState* state) const;

 private:
  const VerbDictionary& verbs_;
  const Lexicon& lexicon_;
  bool english_;
};

}  // namespace warta
