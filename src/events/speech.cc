#include "events/speech.h"

#include <algorithm>

#include "events/frame.h"
#include "events/roles.h"
#include "events/vocabulary.h"

namespace warta {

namespace {

// "..., the Jordanian army said on Sunday.": a speech verb ending the
// sentence whose speaker comes right after a comma or quote.
bool TrailingAttribution(const Context& cx, const VerbMatch& verb, int subject) {
  if (subject < 0) return false;
  for (size_t k = verb.end; k < cx.tokens().size(); ++k) {
    if (!cx.InTime(k) && cx.token(k).kind != TokenKind::kPunct) return false;
  }
  size_t begin = cx.mentions()[subject].begin;
  if (begin > 0 && cx.Is(LexiconKind::kDemonstrative, begin - 1)) --begin;
  if (begin == 0) return false;
  const std::string& before = cx.token(begin - 1).text;
  return before == "," || before == "”" || before == "\"";
}

// "“...,” kata Puan", "..., said the minister": the speaker follows the verb.
int InvertedSpeaker(const Context& cx, const VerbMatch& verb, size_t limit) {
  if (verb.begin == 0) return -1;
  const std::string& before = cx.token(verb.begin - 1).text;
  if (before != "," && before != "”" && before != "\"" && before != "’") return -1;
  size_t at = verb.end;
  if (at < limit && cx.Is(LexiconKind::kDemonstrative, at)) ++at;
  for (size_t m = 0; m < cx.mentions().size(); ++m) {
    const Mention& mention = cx.mentions()[m];
    if (mention.begin != at) continue;
    // ("..., membantah kapal penjaga pantai itu melanggar ...": an actor that
    // is the subject of the next verb is what is said, not who says it.)
    bool subject_of_next = limit < cx.tokens().size() && mention.end <= limit;
    for (size_t k = mention.end; k < limit && subject_of_next; ++k) {
      subject_of_next = cx.token(k).kind != TokenKind::kPunct;
    }
    return subject_of_next ? -1 : static_cast<int>(m);
  }
  return -1;
}

// "menyatakan keluar dari koalisi": whether the verb is what the speech verb
// right before it declares its speaker does. ("menyatakan akan bertemu ...":
// an intention or negation may stand between.)
bool Declared(const Context& cx, const SentenceFrame& frame, const Clause& clause) {
  size_t j = clause.index;
  if (cx.english || j == 0 || !frame.verbs[j - 1].pattern->say) return false;
  size_t begin = clause.verb->begin;
  size_t said_end = frame.verbs[j - 1].end;
  while (said_end < begin) {
    size_t n = std::max(cx.Match(LexiconKind::kIntention, said_end),
                        cx.Match(LexiconKind::kNegation, said_end));
    if (n == 0) break;
    said_end += n;
  }
  return said_end == begin && !(cx.analysis(begin).nominal && StartsClause(cx, clause.verb->end));
}

}  // namespace

bool IsAttribution(const Context& cx, const Clause& clause) {
  if (!clause.pattern->say) return false;
  return InvertedSpeaker(cx, *clause.verb, clause.limit) >= 0 ||
         TrailingAttribution(cx, *clause.verb, clause.subject);
}

void StatementRoles(const Context& cx, Clause* clause) {
  int agent = IsPassive(cx, *clause->verb) ? AgentOf(cx, *clause->verb, clause->limit) : -1;
  if (agent < 0) return;
  clause->sources = WithConjuncts(cx, agent, false);
  clause->inherited = false;
}

bool ReportedSpeech(const Context& cx, const SentenceFrame& frame, const Clause& clause,
                    bool* said_open) {
  // ("mengumumkan ..., seusai berbicara dengan X": a clause of time is the
  // speaker's own act, not what is said.)
  bool timed = cx.AnyBetween(LexiconKind::kPreposition, clause.boundary, clause.verb->begin);
  bool reported = *said_open && clause.inherited && !clause.coordinated &&
                  !Declared(cx, frame, clause) && !timed;
  *said_open = (clause.pattern->say && clause.pattern->code == cameo::kCommentCode) || reported;
  return reported;
}

void DropStatements(std::vector<CodedEvent>* events) {
  // A specific statement counts when a political actor makes it (not
  // residents, medics or companies) and the sentence says nothing more
  // specific.
  events->erase(std::remove_if(events->begin(), events->end(),
                               [](const CodedEvent& e) {
                                 return e.pattern->say &&
                                        (e.pattern->code == cameo::kCommentCode ||
                                         agents::SpeaksWithoutPoliticalRole(e.source.agent));
                               }),
                events->end());
  // (A statement is dropped for a more specific act of its own speaker's:
  // "India menuding Pakistan ..., sementara Islamabad membantah tuduhan itu"
  // keeps Islamabad's denial.)
  std::vector<Actor> specific_speakers;
  for (const CodedEvent& e : *events) {
    if (!e.pattern->say) specific_speakers.push_back(e.source);
  }
  auto outdone = [&](const CodedEvent& e) {
    return e.pattern->say && std::any_of(specific_speakers.begin(), specific_speakers.end(),
                                         [&](const Actor& a) { return a.SameAs(e.source); });
  };
  events->erase(std::remove_if(events->begin(), events->end(), outdone), events->end());
}

}  // namespace warta
