#include "events/roles.h"

#include <algorithm>

#include "events/vocabulary.h"

namespace warta {

// "menuduh X melakukan", "mendesak X untuk", "menuntut X agar": the object
// is the subject of the next verb.
bool ObjectControls(const VerbPattern& pattern) {
  return pattern.accuse || cameo::ObjectActsNext(cameo::RootOf(pattern.code));
}

namespace {

// When the noun before the relative word at `k` (past any time expression)
// names an instrument (a bill, a law, a decree), the actor named before it
// (its maker); else kNoSubject.
int InstrumentMaker(const Context& cx, size_t k) {
  size_t at = k;
  while (at > 0 && cx.InTime(at - 1)) --at;
  bool instrument = false;  // a phrase of the kind ending right before `at`
  for (size_t n = 1; n <= 3 && n <= at; ++n) {
    instrument = instrument || cx.Match(LexiconKind::kInstrument, at - n) == n;
  }
  if (!instrument) return kNoSubject;
  for (int m = static_cast<int>(cx.mentions().size()) - 1; m >= 0; --m) {
    const Mention& mention = cx.mentions()[m];
    if (mention.end < at && !mention.location) return m;
  }
  return kNoSubject;
}

// "senjata yang dilarang": a verb right after "yang" has the noun before it
// as its subject, an actor only if that noun is one. False when the verb
// follows no such "yang".
bool SubjectOfRelative(const Context& cx, size_t verb_begin, int* subject) {
  const auto& mentions = cx.mentions();
  for (size_t back = 1; back <= 2 && back <= verb_begin; ++back) {
    size_t k = verb_begin - back;
    if (!cx.Is(LexiconKind::kRelative, k) || (k > 0 && cx.token(k - 1).text == ",")) continue;
    // "said that ASEAN condemned": an actor between is the verb's own subject.
    bool own = std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
      return m.begin > k && m.begin < verb_begin && !m.location;
    });
    if (own) return false;
    for (int m = static_cast<int>(mentions.size()) - 1; m >= 0; --m) {
      if (mentions[m].end == k && !mentions[m].location) {
        *subject = m;
        return true;
      }
    }
    // "passed a bill on Thursday that would impose sanctions on X": what an
    // enacted instrument does, its maker does (the verb shares the subject).
    *subject = InstrumentMaker(cx, k);
    return true;
  }
  return false;
}

// "penurunan tarif bagi produk Indonesia": an actor after "bagi", "kepada",
// "against", ... (with at most three lowercase words between) is the object of
// that preposition.
bool Oblique(const Context& cx, const Mention& mention, size_t from) {
  for (size_t back = 1; back <= 4 && back <= mention.begin && mention.begin - back >= from;
       ++back) {
    size_t k = mention.begin - back;
    if (cx.Is(LexiconKind::kOblique, k)) return true;
    // ("Atas hal itu Partai Gerindra mengingatkan": a demonstrative ends the
    // preposition's object.)
    const Token& token = cx.token(k);
    bool plain = token.kind == TokenKind::kWord && !token.capitalized &&
                 cx.analysis(k).voice == Voice::kNone && !cx.Is(LexiconKind::kDemonstrative, k);
    if (!plain) return false;
  }
  return false;
}

// "Malaysia selaku Ketua ASEAN menyerukan ...": the actor named before the
// role mention m acts in, or -1.
int RoleHolder(const Context& cx, int m, size_t boundary) {
  const Mention& mention = cx.mentions()[m];
  for (size_t back = 1; back <= 2 && back <= mention.begin && m > 0; ++back) {
    size_t r = mention.begin - back;
    if (!cx.Is(LexiconKind::kRole, r)) continue;
    const Mention& holder = cx.mentions()[m - 1];
    if (holder.end == r && holder.begin >= boundary && !holder.location) return m - 1;
  }
  return -1;
}

// "... fired rockets and Thai jets struck ...", "..., the Jordanian army
// said": an actor ending the clause after "and" or a comma is the next
// clause's subject.
bool OpensNextClause(const Context& cx, const Mention& mention, size_t limit) {
  size_t opens = mention.begin;
  if (opens > 0 && cx.Is(LexiconKind::kDemonstrative, opens - 1)) --opens;
  return mention.end == limit && limit < cx.tokens().size() && opens > 0 &&
         (cx.Is(LexiconKind::kConjunction, opens - 1) || cx.token(opens - 1).text == ",");
}

// "mengecam peluncuran tersebut sebagai ...": the object was a thing.
bool AfterAThing(const Context& cx, const VerbMatch& verb, const Mention& mention) {
  if (cx.english) return false;
  for (size_t k = verb.end; k < mention.begin; ++k) {
    if (cx.Is(LexiconKind::kDemonstrative, k) && !cx.Is(LexiconKind::kPluralPronoun, k)) {
      return true;
    }
  }
  return false;
}

// "condemned the strike on the school": a reaction to an act aims at
// whoever did it, not at what the act hit.
// ("mengecam serangan udara Israel": an actor right after the act did it.)
bool WhatAnActHit(const SentenceFrame& frame, const VerbMatch& verb, const Mention& mention) {
  const auto& acts = frame.acts;
  return cameo::AnswersActs(cameo::RootOf(verb.pattern->code)) && mention.begin > verb.end &&
         !acts[mention.begin - 1] &&
         std::any_of(acts.begin() + verb.end, acts.begin() + mention.begin,
                     [](bool a) { return a; });
}

// "mengecam serangan yang dilakukan oleh Israel", "menolak usulan yang
// diajukan DPR", "meragukan kasus yang disidik KPK": a reaction to a thing
// done aims at its doer, the agent of the passive relative clause after it
// (which may be past `limit`, when the relative's verb is a verb pattern).
bool DoerOfWhatIsAnswered(const Context& cx, const VerbMatch& verb, const Mention& mention,
                          size_t limit) {
  if (!cameo::AnswersActs(cameo::RootOf(verb.pattern->code)) || mention.begin <= verb.end) {
    return false;
  }
  for (size_t k = verb.end; k < mention.begin && k < limit; ++k) {
    size_t agent_at = 0;
    if (PassiveRelativeAt(cx.tokens(), *cx.input.analyses, cx.lexicon, k, &agent_at)) {
      return agent_at == mention.begin;
    }
  }
  // "condemned the attack carried out by Israel", "the strikes launched by
  // Russia", "penangkapan aktivis oleh polisi": the agent after "by"/"oleh"
  // that follows the thing answered (at least a word after the verb).
  size_t by = mention.begin - 1;
  return by > verb.end && by < limit && cx.Is(LexiconKind::kPassiveAgent, by);
}

// The object belongs to this clause: stop at "bahwa", "setelah", "that", ...
// A pledge or threat reaches into its complement ("berjanji untuk ... dengan
// Rusia"), an appeal or demand to its addressee ("mendesak agar DPR ...").
// A warning reaches past the "bahwa"/"that" right after it: whoever it
// says will suffer is its target ("memperingatkan bahwa Israel akan
// menerima hukuman berat").
bool PastABreak(const Context& cx, const SentenceFrame& frame, const VerbMatch& verb,
                const Mention& mention) {
  int root = cameo::RootOf(verb.pattern->code);
  bool reaches = cameo::ExpressesIntent(root) || ObjectControls(*verb.pattern);
  bool warns = root == cameo::kThreaten;
  for (size_t k = verb.end; k < mention.begin; ++k) {
    bool passes = (reaches && cx.Is(LexiconKind::kInfinitive, k)) || (warns && k == verb.end);
    if (frame.breaks[k] && !passes) return true;
  }
  return false;
}

}  // namespace

// "yang - menurut perkiraan PBB - sudah membunuh 200.000 orang", "according
// to the UN's estimates": the source a sentence cites is not who acts in it.
// ("Menurut Sri, pihaknya telah berkoordinasi ...": a speaker set off by a
// comma may be who the clause after it is about.)
bool Cited(const Context& cx, const Mention& mention) {
  size_t k = mention.begin;
  bool document = k > 0 && cx.Match(LexiconKind::kCitation, k - 1) == 1;
  if (document) --k;
  bool set_off = mention.end < cx.tokens().size() && cx.token(mention.end).text == ",";
  if (set_off && !document) return false;
  for (size_t back = 1; back <= 2 && back <= k; ++back) {
    if (cx.Match(LexiconKind::kAccordingTo, k - back) == back) return true;
  }
  return false;
}

int SubjectOf(const Context& cx, const std::vector<bool>& relative, size_t verb_begin,
              size_t boundary) {
  int subject = -1;
  if (SubjectOfRelative(cx, verb_begin, &subject)) return subject;
  const auto& mentions = cx.mentions();
  for (int m = static_cast<int>(mentions.size()) - 1; m >= 0; --m) {
    const Mention& mention = mentions[m];
    if (mention.end > verb_begin || mention.begin < boundary) continue;
    if (mention.location || Oblique(cx, mention, boundary) || Cited(cx, mention)) continue;
    if (relative[mention.begin] && !relative[verb_begin]) continue;
    int holder = RoleHolder(cx, m, boundary);
    return holder >= 0 ? holder : m;
  }
  return -1;
}

// The actor right before token k ("negara harusnya", "Jakarta must"), with at
// most two words between (juga, tetap, pun): the one an obligation is laid on.
int ActorBefore(const Context& cx, size_t begin, size_t k) {
  for (size_t m = 0; m < cx.mentions().size(); ++m) {
    const Mention& mention = cx.mentions()[m];
    if (mention.location || mention.begin < begin || mention.end > k) continue;
    bool near = mention.end + 2 >= k;
    for (size_t t = mention.end; t < k && near; ++t) {
      near = cx.token(t).kind == TokenKind::kWord && !cx.token(t).capitalized;
    }
    if (near) return static_cast<int>(m);
  }
  return -1;
}

int PartnerOf(const Context& cx, const VerbMatch& verb, size_t limit) {
  for (size_t k = verb.end; k + 1 < limit; ++k) {
    if (!cx.Is(LexiconKind::kPartner, k)) continue;
    int partner = MentionAt(cx, k + 1);
    if (partner >= 0 && !cx.mentions()[partner].location) return partner;
  }
  return -1;
}

int ObjectOf(const Context& cx, const SentenceFrame& frame, const VerbMatch& verb, size_t limit) {
  const auto& mentions = cx.mentions();
  for (size_t m = 0; m < mentions.size(); ++m) {
    const Mention& mention = mentions[m];
    if (mention.begin <= verb.begin || mention.location) continue;
    if (DoerOfWhatIsAnswered(cx, verb, mention, limit)) {
      return PastABreak(cx, frame, verb, mention) ? -1 : static_cast<int>(m);
    }
    if (mention.begin >= limit) continue;
    // ("send more troops to Poland": the pattern's own last word, a bare kind
    // of actor, is no object; "sebagai tersangka" names who the suspect is.)
    bool own_word = mention.end == verb.end && mention.begin + 1 == verb.end &&
                    verb.pattern->items.size() > 1 && !mention.actors.empty() &&
                    mention.actors.front().country.empty() && mention.actors.front().agent != "CRM";
    if (own_word) continue;
    if (frame.relative[mention.begin] && !frame.relative[verb.begin]) continue;
    // "a ceremony hosted by Malaysia": the agent of another verb.
    if (mention.begin > verb.end && cx.Is(LexiconKind::kPassiveAgent, mention.begin - 1)) {
      continue;
    }
    if (WhatAnActHit(frame, verb, mention)) {
      // ("condemned the attack on the school by Israel": its doer may follow.)
      for (size_t d = m + 1; d < mentions.size(); ++d) {
        if (mentions[d].location || !DoerOfWhatIsAnswered(cx, verb, mentions[d], limit)) continue;
        return PastABreak(cx, frame, verb, mentions[d]) ? -1 : static_cast<int>(d);
      }
      return -1;
    }
    if (OpensNextClause(cx, mention, limit) || AfterAThing(cx, verb, mention) ||
        PastABreak(cx, frame, verb, mention)) {
      return -1;
    }
    return static_cast<int>(m);
  }
  return -1;
}

int AgentOf(const Context& cx, const VerbMatch& verb, size_t limit) {
  size_t at = verb.end;
  // "dibantah keras oleh", "rejected outright by": an adverb or two may stand
  // between the verb and "oleh"/"by".
  for (size_t k = verb.end; k < limit && k < verb.end + 3; ++k) {
    if (cx.Is(LexiconKind::kPassiveAgent, k)) {
      at = k;
      break;
    }
    if (cx.token(k).kind != TokenKind::kWord || cx.token(k).capitalized) break;
  }
  bool marked = at < limit && cx.Is(LexiconKind::kPassiveAgent, at);
  if (marked) ++at;
  // ("questioned by prosecutors": the pattern may end in "by" itself.)
  marked = marked || cx.Is(LexiconKind::kPassiveAgent, verb.end - 1);
  if (cx.english && !marked) return -1;
  // "oleh aparat Polrestabes", "by the riot police": a word or two may
  // stand before the agent once "oleh"/"by" is written; without it, one
  // ("ditahan petugas Polres", "diperiksa penyidik KPK").
  size_t reach = marked ? 3 : 1;
  const auto& mentions = cx.mentions();
  for (size_t m = 0; m < mentions.size(); ++m) {
    if (mentions[m].location || mentions[m].begin < at || mentions[m].begin > at + reach) continue;
    if (mentions[m].begin >= limit) break;
    bool clear = true;
    for (size_t k = at; k < mentions[m].begin; ++k) {
      clear = clear && cx.token(k).kind == TokenKind::kWord;
    }
    if (clear) return static_cast<int>(m);
  }
  return -1;
}

bool IsQuoteOrComma(const std::string& text) {
  return text == "," || text == "”" || text == "\"" || text == "’";
}

int MentionAt(const Context& cx, size_t k) {
  for (size_t m = 0; m < cx.mentions().size(); ++m) {
    if (cx.mentions()[m].begin == k) return static_cast<int>(m);
  }
  return -1;
}

bool IsPassive(const Context& cx, const VerbMatch& verb) {
  const WordAnalysis& analysis = cx.analysis(verb.begin);
  if (!cx.english) return analysis.voice == Voice::kPassive;
  if (cx.token(verb.begin).lower == analysis.lemma) return false;  // not a participle
  for (size_t back = 1; back <= 3 && back <= verb.begin; ++back) {
    if (cx.Is(LexiconKind::kBe, verb.begin - back)) return true;
  }
  // "The talks, hosted by Turkey's foreign minister, ...": a participle
  // with its agent right after it.
  // (Not a reciprocal act: "The EU measures, agreed by foreign ministers".)
  bool participle =
      verb.begin > 0 && cx.token(verb.begin - 1).text == "," && !verb.pattern->reciprocal;
  return participle && verb.end < cx.tokens().size() && cx.Is(LexiconKind::kPassiveAgent, verb.end);
}

namespace {

enum class Join { kNone, kComma, kConjunction };

// How mention `a` is joined to the mention `b` right after it in a list.
// "dan"/"and" (also ", dan" and "and the": "South Korea, Japan and the
// United States") joins; a bare comma joins only in a list that ends in
// one (ListEndsInConjunction).
Join JoinBetween(const Context& cx, const Mention& a, const Mention& b) {
  if (a.location || b.location) return Join::kNone;
  if (b.begin == a.end + 1) {
    if (cx.Is(LexiconKind::kConjunction, a.end)) return Join::kConjunction;
    return cx.token(a.end).text == "," ? Join::kComma : Join::kNone;
  }
  bool two_words = b.begin == a.end + 2 && cx.Is(LexiconKind::kConjunction, a.end + 1);
  bool determined = b.begin == a.end + 2 && cx.Is(LexiconKind::kConjunction, a.end) &&
                    cx.Is(LexiconKind::kDemonstrative, a.end + 1);
  if (determined) return Join::kConjunction;
  // "Filipina, Vietnam, dan Malaysia", "A, B, and C": a serial comma, in a
  // list that has one already ("..., and the two sides agreed" opens a
  // clause).
  bool listed = a.begin > 0 && cx.token(a.begin - 1).text == "," &&
                std::any_of(cx.mentions().begin(), cx.mentions().end(),
                            [&](const Mention& m) { return m.end + 1 == a.begin; });
  if (two_words && listed && cx.token(a.end).text == ",") return Join::kConjunction;
  return Join::kNone;
}

// Whether the mentions from `m` on, joined by commas, end in one joined by
// a conjunction: "Filipina, Vietnam dan Malaysia" is a list; "keputusan
// Demokrat, Nazaruddin dicopot" is two phrases.
bool ListEndsInConjunction(const Context& cx, int m) {
  const auto& mentions = cx.mentions();
  for (; m + 1 < static_cast<int>(mentions.size()); ++m) {
    Join join = JoinBetween(cx, mentions[m], mentions[m + 1]);
    if (join != Join::kComma) return join == Join::kConjunction;
  }
  return false;
}

}  // namespace

std::vector<int> WithConjuncts(const Context& cx, int mention, bool leftwards) {
  const auto& mentions = cx.mentions();
  std::vector<int> group = {mention};
  int current = mention;
  while (true) {
    int next = leftwards ? current - 1 : current + 1;
    if (next < 0 || next >= static_cast<int>(mentions.size())) break;
    int later = leftwards ? current : next;
    Join join = JoinBetween(cx, mentions[later - 1], mentions[later]);
    if (join == Join::kNone) break;
    if (join == Join::kComma && !ListEndsInConjunction(cx, later)) break;
    group.push_back(next);
    current = next;
  }
  std::sort(group.begin(), group.end());
  return group;
}

}  // namespace warta
