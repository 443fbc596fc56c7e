#include "events/speech.h"

#include <algorithm>

#include "events/frame.h"
#include "events/roles.h"
#include "events/vocabulary.h"
#include "util/text.h"

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
  if (!IsQuoteOrComma(before)) return -1;
  size_t at = verb.end;
  if (at < limit && cx.Is(LexiconKind::kDemonstrative, at)) ++at;
  // (", kata seorang pejabat": the speaker is the official, one of a body.)
  if (at < limit) at += cx.Match(LexiconKind::kOnePerson, at);
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

// "pihaknya", "kami", "partainya": in what a speaker says, the speaker's own
// side, never whom the statement is about.
bool SpeakersOwnSide(const Context& cx, const Mention& mention) {
  return cx.Is(LexiconKind::kSelfReference, mention.begin) ||
         (mention.resolved && HasNyaClitic(cx.token(mention.end - 1).lower));
}

// The tokens a speech clause reports: after "Menurut X," or "X mengatakan",
// to the sentence's end; before an attribution ("..., kata X", "...,
// ujarnya", "dikatakan X"), from the sentence's start.
TokenRange SaidSpan(const Context& cx, const Clause& clause, int speaker) {
  size_t size = cx.tokens().size();
  const VerbMatch& verb = *clause.verb;
  bool speaker_after = speaker >= 0 && cx.mentions()[speaker].begin >= verb.end;
  if (cx.Is(LexiconKind::kAccordingTo, verb.begin)) {
    // ("..., according to Japan's defence ministry, possibly ...": what
    // stands before it is said.)
    if (verb.begin > 0 && IsQuoteOrComma(cx.token(verb.begin - 1).text)) return {0, verb.begin};
    size_t said = speaker_after ? cx.mentions()[speaker].end : verb.end;
    if (said < size && cx.token(said).text == ",") return {said + 1, size};
    return {0, verb.begin};
  }
  bool after_quote = verb.begin > 0 && IsQuoteOrComma(cx.token(verb.begin - 1).text);
  // ("Tanpa dukungan itu, lanjut Ruhut, mustahil Jokowi maju ...": an
  // attribution set between commas inside what is said.)
  size_t speaker_end = speaker_after ? cx.mentions()[speaker].end : size;
  bool inserted = after_quote && speaker_end + 1 < size && cx.token(speaker_end).text == "," &&
                  cx.token(speaker_end + 1).kind == TokenKind::kWord;
  if (inserted) return {0, size};
  if (speaker_after || after_quote) return {0, verb.begin};
  // '"...," the Kremlin spokesman said.': the verb ends the sentence and what
  // is said stands before its speaker.
  bool ends = true;
  for (size_t k = verb.end; k < size && ends; ++k) {
    ends = cx.token(k).kind == TokenKind::kPunct || cx.InTime(k);
  }
  if (ends) return {0, speaker >= 0 ? cx.mentions()[speaker].begin : verb.begin};
  // ("called the attack a war crime": the words inside the pattern are said.)
  return {verb.begin + 1, size};
}

// The first actor in [begin, end) that is not the speaker, a place or a
// dateline.
int FirstActorIn(const Context& cx, size_t begin, size_t end, int speaker) {
  for (size_t m = 0; m < cx.mentions().size(); ++m) {
    const Mention& mention = cx.mentions()[m];
    if (mention.begin < begin || mention.end > end || mention.location || mention.dateline ||
        mention.actors.empty() || static_cast<int>(m) == speaker) {
      continue;
    }
    // ("Didi mengatakan partainya ...", "pihaknya": the speaker's own side.)
    if (SpeakersOwnSide(cx, mention)) continue;
    // ("Menteri X mengatakan pemerintah terus berupaya ...": the speaker's
    // own body, named by its kind, is who acts in what is said, not whom it
    // is about.)
    if (speaker >= 0 && !mention.named && !cx.mentions()[speaker].actors.empty() &&
        mention.actors.front().code == cx.mentions()[speaker].actors.front().code) {
      continue;
    }
    return static_cast<int>(m);
  }
  return -1;
}

// "Militer Israel mengatakan pihaknya telah membom ...", "menyatakan,
// pesawat-pesawat tempurnya telah melancarkan ...", "said it had struck":
// what is said is the speaker's own act when its subject refers back to the
// speaker (kami, pihaknya, a noun with the clitic -nya; we, it, its).
bool SpeakerActs(const Context& cx, const Clause& clause) {
  for (size_t k = clause.boundary; k < clause.verb->begin; ++k) {
    if (cx.Is(LexiconKind::kSelfReference, k)) return true;
    bool clitic = !cx.english && HasNyaClitic(cx.token(k).lower);
    if (clitic && cx.token(k).kind == TokenKind::kWord) return true;
  }
  return false;
}

// "Seorang nelayan di Ranai mengatakan ...", "a resident said": one of the
// people, speaking for no one.
// "kata seorang pejabat kementerian", "a senior official said": one of a
// body's people, unnamed, is an anonymous source (CODING.md: no statement).
bool PrivatePerson(const Context& cx, const Mention& speaker) {
  if (speaker.begin == 0 || speaker.actors.empty()) return false;
  if (!cx.Is(LexiconKind::kOnePerson, speaker.begin - 1)) return false;
  const std::string& agent = speaker.actors.front().agent;
  bool ordinary = agents::IsOrdinaryPeople(agent) || agent.empty();
  bool anonymous = !speaker.person && !speaker.named;
  return ordinary || anonymous;
}

// "Menurut WHO, sedikitnya 16 rumah sakit ...": a comment that reports
// figures attributes a fact; it is no statement of its own. (Dates are not
// figures; only "menurut"/"according to" is read so: "X said 60 percent of
// the file is done" is X's statement.)
bool ReportsFigures(const Context& cx, TokenRange span) {
  for (size_t k = span.begin; k < span.end; ++k) {
    if (cx.token(k).kind == TokenKind::kNumber && !cx.InTime(k)) return true;
  }
  return false;
}

// Whether the tokens of `span` are on a political matter: they name a
// political actor (a state, a body, an official; not a place) or a political
// word ("pemilu", "koalisi", "sanctions"). Someone whose role the text does
// not give is a political speaker only in a sentence on such a matter.
bool Political(const Context& cx, TokenRange span, int speaker) {
  for (size_t m = 0; m < cx.mentions().size(); ++m) {
    const Mention& mention = cx.mentions()[m];
    if (static_cast<int>(m) == speaker || mention.location || mention.dateline) continue;
    if (mention.begin < span.begin || mention.end > span.end || mention.actors.empty()) continue;
    const Actor& actor = mention.actors.front();
    if (!actor.agent.empty() || !actor.country.empty()) return true;
  }
  return cx.AnyBetween(LexiconKind::kPoliticalTopic, span.begin, span.end);
}

// "badai itu akan menurunkan curah hujan", "laba paruh pertamanya tidak
// mengindikasikan tren": what is said is about markets, business, weather or
// sport (lexicon `off_topic`) and names no political matter and no actor with
// a political role or a state (a company or ordinary people do not count).
bool OffTopic(const Context& cx, TokenRange span, int speaker) {
  if (!cx.AnyBetween(LexiconKind::kOffTopic, span.begin, span.end) ||
      cx.AnyBetween(LexiconKind::kPoliticalTopic, span.begin, span.end)) {
    return false;
  }
  for (size_t m = 0; m < cx.mentions().size(); ++m) {
    const Mention& mention = cx.mentions()[m];
    if (static_cast<int>(m) == speaker || mention.location || mention.dateline) continue;
    if (mention.begin < span.begin || mention.end > span.end || mention.actors.empty()) continue;
    const Actor& actor = mention.actors.front();
    if (actor.agent.empty() ? !actor.country.empty()
                            : !agents::SpeaksWithoutPoliticalRole(actor.agent)) {
      return false;
    }
  }
  return true;
}

// A comment whose words say more takes their code ("keliru": 111).
// ("Firman meyakini ada perbuatan melawan hukum yang dilakukan KPU": a belief
// or a worry that finds fault is a criticism too.)
void TakeStance(const WhatIsSaid& said, CodedEvent* event) {
  if (said.stance == nullptr) return;
  const std::string& code = CodeOf(*event);
  bool mood = code == cameo::kHopeCode || code == cameo::kWorryCode;
  bool fault = cameo::RootOf(said.stance->code) == cameo::kDisapprove;
  if (code == cameo::kCommentCode || (mood && fault)) event->code = said.stance->code;
}

// "Nurul berharap Jokowi bisa lebih tampil", "berharap agar pemerintah ...",
// "hopes Jakarta will ...": a hope that names, first, another actor who is to
// act is an appeal to that actor (020), not an optimistic comment.
void HopeAsAppeal(const Context& cx, const Clause& clause, int speaker, WhatIsSaid* said,
                  CodedEvent* event) {
  if (CodeOf(*event) != cameo::kHopeCode || !cx.Is(LexiconKind::kHope, clause.verb->begin)) return;
  size_t k = said->span.begin;
  while (k < said->span.end &&
         (cx.Is(LexiconKind::kPurpose, k) || cx.Is(LexiconKind::kSubordinator, k))) {
    ++k;
  }
  int addressee = MentionAt(cx, k);
  if (addressee < 0 || addressee == speaker) return;
  const Mention& mention = cx.mentions()[addressee];
  if (mention.location || mention.dateline || mention.actors.empty()) return;
  // ("berharap kadernya tetap di kabinet": the speaker's own side.)
  if (SpeakersOwnSide(cx, mention) || HasNyaClitic(cx.token(mention.end - 1).lower)) return;
  event->code = cameo::kAppealCode;
  said->about = addressee;
}

}  // namespace

WhatIsSaid ReadWhatIsSaid(const Context& cx, const VerbDictionary& verbs, const Clause& clause,
                          int speaker) {
  WhatIsSaid said;
  said.span = SaidSpan(cx, clause, speaker);
  const std::vector<Token>& tokens = cx.tokens();
  const std::vector<bool> unblocked(tokens.size(), false);
  for (size_t k = said.span.begin; k < said.span.end;) {
    VerbMatch cue;
    if (!verbs.StanceAt(tokens, *cx.input.analyses, unblocked, k, &cue) ||
        cue.end > said.span.end) {
      ++k;
      continue;
    }
    k = cue.end;
    const std::string& code = cue.pattern->code;
    if (code == VerbPattern::kNoEvent) continue;
    // ("koalisi merah putih yang mendukung Prabowo": an act in a relative
    // clause tells who someone is, not what the speaker thinks of it; "presiden
    // yang taat asas" is the speaker's verdict.)
    bool describes = cue.begin > 0 && cx.Is(LexiconKind::kRelative, cue.begin - 1) &&
                     cx.analysis(cue.begin).voice != Voice::kNone;
    if (describes) continue;
    // "tidak harus", "not wrong": a negated cue says the opposite; passed over.
    // ("tidak adanya dukungan", "tak pernah setuju": one word may stand between.)
    bool negation_before =
        (cue.begin > 0 && cx.Is(LexiconKind::kNegation, cue.begin - 1)) ||
        (cue.begin > 1 && cx.Is(LexiconKind::kNegation, cue.begin - 2) &&
         cx.token(cue.begin - 1).kind == TokenKind::kWord && !cx.token(cue.begin - 1).capitalized);
    bool negated = negation_before && code != "016" && code != "120";
    if (negated) continue;
    if (cameo::RootOf(code) == cameo::kAppeal) {
      // An obligation is an appeal only when it is laid on an actor.
      int addressee = ActorBefore(cx, said.span.begin, cue.begin);
      if (addressee < 0 || addressee == speaker) continue;
      said.about = addressee;
    }
    // ("Wajar saja jika DPR melakukan interpelasi akibat kecerobohan Menkum":
    // a fault found anywhere in what is said outweighs approval before it.)
    if (said.stance != nullptr && cameo::RootOf(code) != cameo::kDisapprove) continue;
    said.stance = cue.pattern;
    if (cameo::RootOf(code) != cameo::kDiplomaticCooperation) break;
  }
  // (A denial is aimed at whoever accused, seldom named in what is denied.)
  bool denial = said.stance != nullptr ? said.stance->code == cameo::kDenyCode
                                       : clause.pattern->code == cameo::kDenyCode;
  if (said.about < 0 && !denial) {
    said.about = FirstActorIn(cx, said.span.begin, said.span.end, speaker);
  }
  return said;
}

bool CodeWhatIsSaid(const Context& cx, const VerbDictionary& verbs, Clause* clause,
                    CodedEvent* base) {
  int speaker = clause->sources.empty() ? -1 : clause->sources.front();
  if (speaker >= 0 && PrivatePerson(cx, cx.mentions()[speaker])) return false;
  WhatIsSaid said = ReadWhatIsSaid(cx, verbs, *clause, speaker);
  TakeStance(said, base);
  HopeAsAppeal(cx, *clause, speaker, &said, base);
  bool according = cx.Is(LexiconKind::kAccordingTo, clause->verb->begin);
  // "Menurut laporan ...", "according to estimates": a document is cited.
  if (according && cx.Is(LexiconKind::kCitation, clause->verb->end)) return false;
  if (according && CodeOf(*base) == cameo::kCommentCode && ReportsFigures(cx, said.span)) {
    return false;
  }
  bool role_known = speaker >= 0 && !cx.mentions()[speaker].actors.empty() &&
                    !agents::SpeaksOnlyOnPolitics(cx.mentions()[speaker].actors.front().agent);
  if (!role_known && !Political(cx, {0, cx.tokens().size()}, speaker)) return false;
  // Talk with no political content is no statement, whoever says it
  // (CODING.md: economic statistics, market moves, weather and sport are no
  // events); a specific act said about them still is ("mengecam kenaikan
  // harga": 111; a denial: 016).
  const std::string& code = CodeOf(*base);
  bool comment =
      code == cameo::kCommentCode || code == cameo::kWorryCode || code == cameo::kHopeCode;
  if (comment && OffTopic(cx, said.span, speaker)) return false;
  if (clause->targets.empty() && said.about >= 0) clause->targets = {said.about};
  return true;
}

bool UnnamedSpeaker(const Context& cx, const Clause& clause) {
  if (!clause.pattern->say || cx.english) return false;
  const VerbMatch& verb = *clause.verb;
  if (HasNyaClitic(cx.token(verb.begin).lower)) {
    // "..., ujarnya": the clitic is the speaker, whoever stands before.
    if (verb.begin == 0) return false;
    return IsQuoteOrComma(cx.token(verb.begin - 1).text);
  }
  if (!clause.sources.empty() || !clause.subjects.empty()) return false;
  // "Ia menilai ...", "Dia juga membantah ...": a pronoun no one named before.
  for (size_t k = verb.begin; k > 0 && k + 3 > verb.begin; --k) {
    if (cx.Is(LexiconKind::kPronoun, k - 1)) return true;
    if (cx.token(k - 1).kind != TokenKind::kWord) return false;
  }
  return false;
}

bool AccordingToPronoun(const Context& cx, const Clause& clause) {
  const VerbMatch& verb = *clause.verb;
  if (!clause.pattern->say || cx.english) return false;
  if (HasNyaClitic(cx.token(verb.end - 1).lower)) return true;
  return verb.end < cx.tokens().size() && cx.Is(LexiconKind::kPronoun, verb.end);
}

void AddUnnamedStatement(const Context& cx, const VerbDictionary& verbs, const Clause& clause,
                         const CodedEvent& base, const std::optional<Actor>& last_speaker,
                         std::vector<CodedEvent>* events) {
  WhatIsSaid said = ReadWhatIsSaid(cx, verbs, clause, -1);
  CodedEvent event = base;
  TakeStance(said, &event);
  HopeAsAppeal(cx, clause, -1, &said, &event);
  event.source = last_speaker.value_or(Actor{});
  event.source_range = {clause.verb->begin, clause.verb->begin};
  if (said.about >= 0) {
    const Mention& about = cx.mentions()[said.about];
    if (!about.actors.empty() && !about.actors.front().SameAs(event.source)) {
      event.target = about.actors.front();
      event.target_range = {about.begin, about.end};
    }
  }
  event.confidence = event.target ? 0.6 : 0.4;
  events->push_back(std::move(event));
}

void RememberSpeaker(const std::vector<CodedEvent>& events, CoderState* state) {
  for (const CodedEvent& event : events) {
    bool bare_state = event.source.agent.empty() && event.source.code == event.source.country;
    if (!event.source.name.empty() && !bare_state && event.source_range.end > 0) {
      state->last_speaker = event.source;
    }
  }
}

bool IsAttribution(const Context& cx, const Clause& clause) {
  return AttributedSpeaker(cx, clause) >= 0;
}

int AttributedSpeaker(const Context& cx, const Clause& clause) {
  if (!clause.pattern->say) return -1;
  if (cx.Is(LexiconKind::kAccordingTo, clause.verb->begin)) {
    return MentionAt(cx, clause.verb->end);
  }
  int inverted = InvertedSpeaker(cx, *clause.verb, clause.limit);
  if (inverted >= 0) return inverted;
  return TrailingAttribution(cx, *clause.verb, clause.subject) ? clause.subject : -1;
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
                  !Declared(cx, frame, clause) && !timed && !SpeakerActs(cx, clause);
  *said_open = (clause.pattern->say && clause.pattern->code == cameo::kCommentCode) || reported;
  return reported;
}

void DropStatements(std::vector<CodedEvent>* events) {
  // A statement counts when a political actor makes it (not residents,
  // medics or companies). A plain one (010) is no event where the sentence
  // reports an act, which "X said" only attributes, nor beside a more
  // specific statement of its speaker's. A statement whose words say more (a
  // criticism read from "terlalu bersemangat saat mencalonkan ...") is its
  // own act beside the one it speaks of.
  // (An act only intended, "mengapa Jokowi akan menolak", is what is said,
  // not a fact the saying attributes.)
  // (An act only alleged, "mengatakan KPK melanggar kesepakatan", is what is
  // said too, as is one said not to be done: "fraksi tidak bisa menahan
  // kepergian Nazaruddin".)
  bool reports_act = std::any_of(events->begin(), events->end(), [](const CodedEvent& e) {
    return !e.pattern->say && e.modality == Modality::kAsserted && !e.negated;
  });
  auto plain = [](const CodedEvent& e) { return CodeOf(e) == cameo::kCommentCode; };
  auto more_specific = [&](const CodedEvent& e) {
    return std::any_of(events->begin(), events->end(), [&](const CodedEvent& other) {
      return &other != &e && !plain(other) && other.source.SameAs(e.source);
    });
  };
  std::vector<bool> drop(events->size(), false);
  for (size_t i = 0; i < events->size(); ++i) {
    const CodedEvent& e = (*events)[i];
    if (!e.pattern->say) continue;
    bool attributes = plain(e) && reports_act;
    // ("mengaku khawatir ...": the speech verb and the one it declares
    // tell one statement.)
    bool told = std::any_of(events->begin(), events->begin() + i, [&](const CodedEvent& other) {
      return other.pattern->say && CodeOf(other) == CodeOf(e) && other.source.SameAs(e.source);
    });
    drop[i] = attributes || told || agents::SpeaksWithoutPoliticalRole(e.source.agent) ||
              (plain(e) && more_specific(e));
  }
  // (A specific statement is dropped for an act of its own speaker's: "India
  // menuding Pakistan ..., sementara Islamabad membantah tuduhan itu" keeps
  // Islamabad's denial.)
  for (size_t i = 0; i < events->size(); ++i) {
    const CodedEvent& e = (*events)[i];
    if (!e.pattern->say || drop[i]) continue;
    drop[i] = std::any_of(events->begin(), events->end(), [&](const CodedEvent& other) {
      return !other.pattern->say && other.source.SameAs(e.source);
    });
  }
  std::vector<CodedEvent> kept;
  for (size_t i = 0; i < events->size(); ++i) {
    if (!drop[i]) kept.push_back(std::move((*events)[i]));
  }
  *events = std::move(kept);
}

}  // namespace warta
