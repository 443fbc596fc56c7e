#include "events/nominal.h"

#include <algorithm>
#include <string>

#include "events/roles.h"
#include "events/vocabulary.h"

namespace warta {

namespace {

// An Indonesian event noun whose doer follows it ("serangan Israel ke Gaza",
// "kunjungan Modi ke Moskow"). A pe-...-an noun names a process whose
// following actor is mostly its patient ("penangkapan Bupati X"), so it is
// left out; per-...-an nouns are joint acts ("pertemuan A dan B").
// The noun must open its phrase: start the sentence or follow punctuation or
// a preposition ("bertepatan dengan kunjungan ..."); after a verb it is that
// verb's object ("mengakhiri kerja sama partai itu"), after a noun part of it
// ("hasil kerja sama kepolisian kedua negara").
bool DoerFollows(const Context& cx, const VerbMatch& match) {
  const WordAnalysis& first = cx.analysis(match.begin);
  bool noun = first.nominal || match.pattern->noun || first.voice == Voice::kNone;
  return noun && OpensPhrase(cx.tokens(), cx.lexicon, match.begin) &&
         !ProcessNoun(cx.token(match.begin).lower);
}

// "tembakan roket dari Libanon menghantam Israel utara", "rockets fired from
// Syria hit the Golan Heights": force with no actor of its own, by a weapon
// (lexicon kind `weapon`), comes from the state named after "dari"/"from" in
// the words before it.
void OriginDoer(const Context& cx, Clause* clause) {
  if (!cameo::IsViolence(cameo::RootOf(clause->pattern->code))) return;
  for (size_t k = clause->boundary; k + 1 < clause->verb->begin; ++k) {
    if (!cx.Is(LexiconKind::kSource, k) || cx.Is(LexiconKind::kPassiveAgent, k)) continue;
    // (Only what is fired comes from somewhere: "wisatawan dari Malaysia"
    // are people of no state's doing.)
    // (The weapon may be the event noun before this verb: "tembakan roket".)
    if (!cx.AnyBetween(LexiconKind::kWeapon, k >= 3 ? k - 3 : 0, k)) continue;
    int m = MentionAt(cx, k + 1);
    if (m < 0) continue;
    const Mention& mention = cx.mentions()[m];
    if (mention.end > clause->verb->begin || !mention.is_state || mention.actors.empty()) continue;
    clause->doer = m;
    clause->subjects = {m};
    clause->subject = m;
    clause->inherited = false;
    return;
  }
}

}  // namespace

// "serangan udara yang dilancarkan Israel", "... yang dilakukan oleh polisi":
// an event noun, "yang", a passive verb, then (after an optional "oleh") its
// agent, whose first token goes to *agent_at.
bool PassiveRelativeAfter(const Context& cx, const VerbMatch& match, size_t* agent_at) {
  const WordAnalysis& first = cx.analysis(match.begin);
  bool noun = first.nominal || match.pattern->noun || first.voice == Voice::kNone;
  return noun &&
         PassiveRelativeAt(cx.tokens(), *cx.input.analyses, cx.lexicon, match.end, agent_at);
}

void FindDoer(const Context& cx, Clause* clause) {
  // "bertepatan dengan kunjungan Perdana Menteri India ke Moskow": an event
  // noun's doer named right after it is its source, and its target follows.
  // "serangan udara yang dilancarkan Israel", "protes keras yang disampaikan
  // Menlu X": so is the agent of a passive relative clause right after it.
  if (clause->subjects.empty()) OriginDoer(cx, clause);
  if (cx.english) return;
  size_t doer_at = clause->verb->end;
  bool relative = PassiveRelativeAfter(cx, *clause->verb, &doer_at);
  if (!relative && !DoerFollows(cx, *clause->verb)) return;
  int doer = MentionAt(cx, doer_at);
  if (doer < 0 || cx.mentions()[doer].location) return;
  clause->doer = doer;
  clause->subjects = WithConjuncts(cx, doer, false);
  clause->subject = doer;
  clause->inherited = false;
}

void PassiveRoles(const Context& cx, const SentenceFrame& frame, Clause* clause) {
  const std::string& code = clause->pattern->code;
  int agent = AgentOf(cx, *clause->verb, clause->limit);
  // "ditangkap dan ditetapkan sebagai tersangka oleh Bareskrim": passives
  // joined by "dan" share the agent written after the last.
  for (size_t next = clause->index + 1; agent < 0 && next < frame.verbs.size(); ++next) {
    const VerbMatch& verb = frame.verbs[next];
    bool joined = verb.begin > 0 && frame.verbs[next - 1].end + 1 == verb.begin &&
                  cx.Is(LexiconKind::kConjunction, verb.begin - 1);
    if (!joined || !IsPassive(cx, verb)) break;
    size_t limit = next + 1 < frame.verbs.size() ? frame.verbs[next + 1].begin : cx.tokens().size();
    agent = AgentOf(cx, verb, limit);
  }
  clause->targets = clause->subjects;
  clause->hosted_told =
      (code == cameo::kHostVisitCode || code == cameo::kMediateCode) && clause->subjects.empty();
  // "The attack on Ukraine's grid was condemned by ...": the act's doer.
  size_t boundary = clause->boundary;
  bool of_act = !clause->subjects.empty() && cameo::AnswersActs(cameo::RootOf(code)) &&
                cx.mentions()[clause->subjects.front()].begin > boundary &&
                std::any_of(frame.acts.begin() + boundary,
                            frame.acts.begin() + cx.mentions()[clause->subjects.front()].begin,
                            [](bool a) { return a; });
  if (of_act) clause->targets.clear();
  clause->sources = agent >= 0 ? WithConjuncts(cx, agent, false) : std::vector<int>();
  clause->inherited = false;
}

void ReceivedRoles(const Context& cx, Clause* clause) {
  clause->targets = clause->subjects;
  clause->sources.clear();
  clause->inherited = false;
  // The doer: the actor right after the act ("menerima dukungan kader
  // Demokrat"), else the first actor after "dari"/"from" ("dari Amerika
  // Serikat" is read as a place by the actors stage; here it is who acts).
  int right_after = MentionAt(cx, clause->verb->end);
  if (right_after >= 0 && !cx.mentions()[right_after].location) {
    clause->sources = WithConjuncts(cx, right_after, false);
    return;
  }
  for (size_t k = clause->verb->end; k + 1 < clause->limit; ++k) {
    int from = cx.Is(LexiconKind::kSource, k) ? MentionAt(cx, k + 1) : -1;
    if (from >= 0) {
      clause->sources = WithConjuncts(cx, from, false);
      return;
    }
  }
}

void CasualtyRoles(const Context& cx, Clause* clause) {
  const VerbMatch& verb = *clause->verb;
  if (!cameo::IsViolence(cameo::RootOf(clause->pattern->code))) return;
  // The casualty phrase ends right before the noun, past determiners and an
  // actor's adjective ("in an Israeli air strike").
  size_t end = verb.begin;
  int adjective = -1;
  while (end > clause->boundary) {
    if (cx.Is(LexiconKind::kDeterminer, end - 1)) {
      --end;
      continue;
    }
    int m = -1;
    for (size_t i = 0; i < cx.mentions().size(); ++i) {
      if (cx.mentions()[i].end == end && !cx.mentions()[i].location) m = static_cast<int>(i);
    }
    if (m < 0 || adjective >= 0) break;
    adjective = m;
    end = cx.mentions()[m].begin;
  }
  size_t begin = end;
  for (size_t n = 1; n <= 4 && n <= end; ++n) {
    if (cx.Match(LexiconKind::kCasualty, end - n) == n) begin = end - n;
  }
  if (begin == end) return;
  // Who was hurt: the actor before the phrase, a word or two of verb
  // ("were", "sudah") between.
  int victim = ActorBefore(cx, 0, begin);
  if (victim < 0) return;
  clause->targets = WithConjuncts(cx, victim, true);
  int doer = clause->doer >= 0 ? clause->doer : AgentOf(cx, verb, clause->limit);
  if (doer < 0) doer = adjective;
  clause->sources = doer >= 0 ? WithConjuncts(cx, doer, false) : std::vector<int>();
  clause->inherited = false;
}

}  // namespace warta
