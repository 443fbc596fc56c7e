#include "events/coder.h"

#include "events/clause.h"
#include "events/clauses.h"
#include "events/dating.h"
#include "events/flags.h"
#include "events/frame.h"
#include "events/nominal.h"
#include "events/pairing.h"
#include "events/recode.h"
#include "events/speech.h"
#include "events/suppression.h"
#include "events/vocabulary.h"

namespace warta {

namespace {

// The event every pairing of the clause shares: code, verb, flags and date
// (which needs the flags).
CodedEvent BaseEvent(const Context& cx, const SentenceFrame& frame, const Clause& clause,
                     VerbChain* chain, const CoderState& state) {
  CodedEvent base;
  base.pattern = clause.pattern;
  if (clause.complement < frame.verbs.size()) {
    base.code = IntentCode(*clause.pattern, *frame.verbs[clause.complement].pattern);
  }
  base.verb = {clause.verb->begin, clause.verb->end};
  MarkFlags(cx, clause, chain, &base);
  DateOf(cx, frame.relative, *clause.verb, clause.boundary, state, &base);
  return base;
}

}  // namespace

std::vector<CodedEvent> EventCoder::Code(const SentenceInput& input, CoderState* state) const {
  Context cx{input, lexicon_, english_};
  SentenceFrame frame = FrameSentence(cx, verbs_);
  VerbChain chain;
  std::vector<CodedEvent> events;
  for (size_t j = 0; j < frame.verbs.size(); ++j) {
    if (frame.Governed(j)) continue;  // told by its pledge
    Clause clause = OpenClause(cx, frame, j);
    FindSubjects(cx, frame, &chain, &clause);
    FindDoer(cx, &clause);
    if (int speaker = AttributedSpeaker(cx, clause); speaker >= 0) {
      // "..., kata Anis": Anis's statement, unless the sentence reports an act.
      clause.sources = {speaker};
      CodedEvent base = BaseEvent(cx, frame, clause, &chain, *state);
      if (CodeWhatIsSaid(cx, verbs_, &clause, &base)) {
        PairActors(cx, clause, base, state->last_meeting, &events);
      }
      continue;
    }
    // ("ini menurut kami, ucap Nurul": "menurut" names its speaker after it;
    // with none there, the statement is the one the sentence attributes.)
    if (cx.Is(LexiconKind::kAccordingTo, clause.verb->begin)) {
      if (AccordingToPronoun(cx, clause)) {
        CodedEvent base = BaseEvent(cx, frame, clause, &chain, *state);
        AddUnnamedStatement(cx, verbs_, clause, base, state->last_speaker, &events);
      }
      continue;
    }
    FindRoles(cx, frame, chain, &clause);
    CasualtyRoles(cx, &clause);
    if (UnnamedSpeaker(cx, clause)) {
      CodedEvent base = BaseEvent(cx, frame, clause, &chain, *state);
      AddUnnamedStatement(cx, verbs_, clause, base, state->last_speaker, &events);
      continue;
    }
    bool no_event = Suppressed(cx, frame, clause, &chain);
    CarryRoles(cx, frame, clause, &chain);
    if (no_event) continue;
    CodedEvent base = BaseEvent(cx, frame, clause, &chain, *state);
    if (clause.pattern->accuse) chain.inside_accusation = true;
    if (clause.pattern->say && !CodeWhatIsSaid(cx, verbs_, &clause, &base)) continue;
    // ("Tedjo mengatakan KPK melanggar kesepakatan": a statement that finds
    // fault makes what it says was done alleged, as an accusation verb does.)
    if (clause.pattern->say && cameo::RootOf(CodeOf(base)) == cameo::kDisapprove) {
      chain.inside_accusation = true;
    }
    PairActors(cx, clause, base, state->last_meeting, &events);
  }
  DropStatements(&events);
  for (CodedEvent& event : events) RecodeByDoer(&event);
  DropRepeatedActs(&events);
  RememberMeeting(events, state);
  RememberSpeaker(events, state);
  RememberDate(cx, events, state);
  return events;
}

}  // namespace warta
