#include "events/suppression.h"

#include <algorithm>

#include "events/roles.h"
#include "events/speech.h"
#include "events/vocabulary.h"

namespace warta {

namespace {

// "pria yang diusung oleh Surya Paloh itu", "Bambang yang ditahan polisi": a
// passive relative clause on a definite actor (a name, or closed by "itu" /
// "tersebut") that names its doer. ("menteri yang diusung parpol" is any
// minister a party puts forward: a description.)
bool NamedDoerOfDefinite(const Context& cx, const Clause& clause) {
  if (clause.sources.empty() || clause.targets.empty()) return false;
  const Mention& head = cx.mentions()[clause.targets.front()];
  const Mention& doer = cx.mentions()[clause.sources.back()];
  bool closed = doer.end < cx.tokens().size() && cx.Is(LexiconKind::kDemonstrative, doer.end);
  return cx.token(head.begin).capitalized || closed;
}

// "tiga pemuda yang menempelkan poster", "warga yang menolak pemilu": a verb
// in a restrictive relative clause (no comma before "yang") says who someone
// is, not what happened, unless the clause dates it or is a passive that
// names the doer of a definite actor.
bool Describes(const Context& cx, const Clause& clause) {
  const VerbMatch& verb = *clause.verb;
  if (cx.english) return false;
  if (IsPassive(cx, verb) && NamedDoerOfDefinite(cx, clause)) return false;
  for (size_t back = 1; back <= 2 && back <= verb.begin; ++back) {
    size_t k = verb.begin - back;
    if (!cx.Is(LexiconKind::kRelative, k)) continue;
    if (k == 0 || cx.token(k - 1).kind == TokenKind::kPunct) return false;
    return std::none_of(cx.times().begin(), cx.times().end(), [&](const TimeExpression& t) {
      return t.begin > k && t.kind == TimeKind::kDate;
    });
  }
  return false;
}

// "Ketegangan memuncak sejak serangan ...", "the worst unrest since the coup":
// an act named after "since" with no actor before it is background. ("sejak
// Kremlin melancarkan invasi" tells who did it, and is an event; "Since
// Monday, police have ..." is a date.)
bool Background(const Context& cx, size_t from, size_t verb_begin) {
  for (size_t k = from; k < verb_begin; ++k) {
    if (!cx.Is(LexiconKind::kBackground, k)) continue;
    bool dated = std::any_of(cx.times().begin(), cx.times().end(), [&](const TimeExpression& t) {
      return t.begin <= k + 1 && t.end > k;
    });
    bool told = std::any_of(cx.mentions().begin(), cx.mentions().end(),
                            [&](const Mention& m) { return m.begin > k && m.end <= verb_begin; });
    bool comma = false;
    for (size_t c = k + 1; c < verb_begin; ++c) comma = comma || cx.token(c).text == ",";
    if (!dated && !told && !comma) return true;
  }
  return false;
}

// "mendesak X menerima gencatan senjata", "urged X to accept a ceasefire":
// what is urged or demanded has not happened; the appeal is the event.
// "urged Israel and Hamas to accept a ceasefire": any of those urged.
// ("Beijing's demand was rejected by Manila": a reaction to the demand with
// its own doer answers it.)
bool Urged(const Context& cx, const Clause& clause, VerbChain* chain) {
  const auto& urged_ones = chain->previous_targets;
  bool of_urged =
      std::find(urged_ones.begin(), urged_ones.end(), clause.subject) != urged_ones.end();
  bool answer = IsPassive(cx, *clause.verb) && !clause.sources.empty() &&
                cameo::AnswersActs(cameo::RootOf(clause.pattern->code));
  bool urged =
      chain->appeal_open && !answer && (clause.inherited || clause.subject < 0 || of_urged);
  chain->appeal_open = cameo::Urges(cameo::RootOf(clause.pattern->code)) || urged;
  return urged;
}

// "membantah menyerang fasilitas sipil", "denied that Moscow had deported
// children": what is denied is no event, until "dan"/"and" joins a new verb
// to the subject.
bool Denied(const Clause& clause, VerbChain* chain) {
  bool denied = chain->denial_open && !clause.coordinated;
  chain->denial_open = clause.pattern->code == cameo::kDenyCode || denied;
  return denied;
}

// "suap ... agar DPRD menyetujui APBD", "so that the talks can resume": an
// aim is not an act, nor is what "dan"/"and" joins to it.
bool Aim(const Context& cx, const Clause& clause, VerbChain* chain) {
  bool aim = cx.AnyBetween(LexiconKind::kPurpose, clause.boundary, clause.verb->begin) ||
             (chain->aim_open && clause.coordinated);
  chain->aim_open = aim;
  return aim;
}

}  // namespace

// "if Israel attacks again", "jika eksekusi mati terus ditunda": an act
// inside a condition has not happened.
bool Hypothetical(const Context& cx, size_t from, size_t verb_begin) {
  for (size_t k = from; k < verb_begin; ++k) {
    if (!cx.Is(LexiconKind::kCondition, k)) continue;
    bool comma = false;
    for (size_t c = k + 1; c < verb_begin; ++c) comma = comma || cx.token(c).text == ",";
    if (!comma) return true;
  }
  return false;
}

bool Suppressed(const Context& cx, const SentenceFrame& frame, const Clause& clause,
                VerbChain* chain) {
  // Each frame is updated whatever the others say.
  bool urged = Urged(cx, clause, chain);
  bool denied = Denied(clause, chain);
  bool reported = ReportedSpeech(cx, frame, clause, &chain->said_open);
  bool aim = Aim(cx, clause, chain);
  return urged || denied || reported || aim ||
         Background(cx, clause.boundary, clause.verb->begin) ||
         Hypothetical(cx, clause.boundary, clause.verb->begin) || Describes(cx, clause);
}

void DropRepeatedActs(std::vector<CodedEvent>* events) {
  std::vector<CodedEvent> kept;
  for (const CodedEvent& event : *events) {
    int root = cameo::RootOf(CodeOf(event));
    // "menyerang Kyiv, menewaskan 38 orang": a second act of the same kind by
    // the same actor with no target of its own is part of the first.
    // (Reactions of different kinds are not: "mengecam serangan itu dan
    // menuduh Israel ..." is a criticism and an accusation.)
    bool part =
        !event.target && std::any_of(events->begin(), events->end(), [&](const CodedEvent& other) {
          bool same = CodeOf(other) == CodeOf(event) || !cameo::IsReaction(root);
          return other.target && other.source.SameAs(event.source) && same &&
                 cameo::RootOf(CodeOf(other)) == root;
        });
    // "struck homes and a school ..., killing at least 70 people": one act
    // of violence on one state's people, told twice (assault, fighting and
    // mass violence alike).
    bool again = std::any_of(kept.begin(), kept.end(), [&](const CodedEvent& other) {
      return other.target && event.target && other.source.SameAs(event.source) &&
             (event.target->country.empty() || other.target->country == event.target->country) &&
             cameo::IsViolence(cameo::RootOf(CodeOf(other))) && cameo::IsViolence(root);
    });
    if (!part && !again) kept.push_back(event);
  }
  *events = std::move(kept);
}

}  // namespace warta
