#include "events/coder.h"

#include <algorithm>
#include <cstdlib>

namespace warta {

namespace {

bool ObjectControls(const VerbPattern& pattern) {
  // "menuduh X melakukan", "mendesak X untuk", "menuntut X agar": the object
  // is the subject of the next verb.
  std::string root = pattern.code.substr(0, 2);
  return pattern.accuse || root == "02" || root == "10" || root == "11";
}

// Praise, criticism and rejection: what they answer may be an act.
bool Reacts(const VerbPattern& pattern) {
  std::string root = pattern.code.substr(0, 2);
  return root == "05" || root == "11" || root == "12";
}

bool ExpressesIntent(const VerbPattern& pattern) {
  std::string root = pattern.code.substr(0, 2);
  return root == "03" || root == "13";
}

// The specific intent or threat code for what is pledged or threatened.
std::string IntentCode(const VerbPattern& intent, const VerbPattern& governed) {
  std::string root = governed.code.substr(0, 2);
  if (intent.code == "030") {
    if (root == "04") return "036";
    if (root == "05") return "032";
    if (root == "06") return "031";
    if (root == "07") return "033";
    if (root == "08") return "035";
  }
  if (intent.code == "130") {
    if (root == "16") return "131";
    if (root == "17") return "137";
    if (root == "18" || root == "19" || root == "20") return "138";
  }
  return intent.code;
}

double Confidence(const CodedEvent& event, bool from_dictionary, bool resolved) {
  double confidence = 0.4;
  if (from_dictionary) confidence += 0.2;
  if (resolved) confidence += 0.1;
  if (event.target) confidence += 0.2;
  if (event.pattern->items.size() > 1) confidence += 0.1;
  if (event.date_written) confidence += 0.1;
  return std::min(confidence, 1.0);
}

// "menyatakan serangan ditujukan ke ...": a noun with a verb right after it
// is the subject of a reported clause, not the speaker's act.
bool StartsClause(const SentenceInput& input, size_t at) {
  return at < input.analyses->size() && (*input.analyses)[at].voice != Voice::kNone &&
         !(*input.analyses)[at].nominal;
}

// The event's code: its own when the coder chose one, else its pattern's.
const std::string& CodeOf(const CodedEvent& event) {
  return event.code.empty() ? event.pattern->code : event.code;
}

// The CAMEO root of a code as a number ("1711" → 17).
int RootOf(const std::string& code) { return std::atoi(code.substr(0, 2).c_str()); }

// The code a clause's doer changes: force or damage by protesters,
// students, workers or residents is a violent protest (145: "sebagian
// mahasiswa membakar ban dan melempari aparat", "pendukung kedua paslon
// terlibat bentrok"); shooting or attacking people who are no armed party,
// by rebels, criminals or police, is unconventional violence (180: "KKB
// menembak mati seorang tukang ojek"; rockets and air strikes keep their own
// codes).
void RecodeByDoer(CodedEvent* event) {
  const std::string& code = CodeOf(*event);
  const std::string& by = event->source.agent;
  int root = RootOf(code);
  if ((by == "CVL" || by == "EDU" || by == "LAB") && root >= 17 && root <= 20) {
    event->code = "145";
    return;
  }
  if ((code != "190" && code != "193") || !event->target) return;
  const std::string& on = event->target->agent;
  // (So is police shooting them: "RA, mahasiswa ..., ditembak oleh anggota
  // Polres".)
  bool irregular = by == "REB" || by == "CRM" || by == "COP";
  bool armed = on.empty() || on == "MIL" || on == "COP" || on == "REB" || on == "CRM" ||
               on == "SPY" || on == "GOV";
  if (irregular && !armed) event->code = "180";
}

// An Indonesian event noun whose doer follows it ("serangan Israel ke Gaza",
// "kunjungan Modi ke Moskow"). A pe-...-an noun names a process whose
// following actor is mostly its patient ("penangkapan Bupati X"), so it is
// left out; per-...-an nouns are joint acts ("pertemuan A dan B").
// The noun must open its phrase: start the sentence or follow punctuation or
// a preposition ("bertepatan dengan kunjungan ..."); after a verb it is that
// verb's object ("mengakhiri kerja sama partai itu"), after a noun part of it
// ("hasil kerja sama kepolisian kedua negara").
bool DoerFollows(const SentenceInput& input, const Lexicon& lexicon, const VerbMatch& match) {
  const WordAnalysis& first = (*input.analyses)[match.begin];
  bool noun = first.nominal || match.pattern->noun || first.voice == Voice::kNone;
  if (match.begin > 0) {
    size_t before = match.begin - 1;
    bool opens = (*input.tokens)[before].kind == TokenKind::kPunct ||
                 lexicon.Is(LexiconKind::kPreposition, *input.tokens, before);
    if (!opens) return false;
  }
  const std::string& word = (*input.tokens)[match.begin].lower;
  bool process = word.size() > 4 && word.compare(0, 2, "pe") == 0 &&
                 word.compare(0, 3, "per") != 0 && word.compare(word.size() - 2, 2, "an") == 0;
  return noun && !process;
}

}  // namespace

bool EventCoder::AnyBetween(LexiconKind kind, const SentenceInput& input, size_t from,
                            size_t to) const {
  for (size_t k = from; k < to; ++k) {
    if (lexicon_.Is(kind, *input.tokens, k)) return true;
  }
  return false;
}

// "tiga pemuda yang menempelkan poster", "warga yang menolak pemilu": a verb
// in a restrictive relative clause (no comma before "yang") says who someone
// is, not what happened, unless the clause dates it.
bool EventCoder::Describes(const SentenceInput& input, const VerbMatch& verb) const {
  if (english_) return false;
  const auto& tokens = *input.tokens;
  for (size_t back = 1; back <= 2 && back <= verb.begin; ++back) {
    size_t k = verb.begin - back;
    if (!lexicon_.Is(LexiconKind::kRelative, tokens, k)) continue;
    if (k == 0 || tokens[k - 1].kind == TokenKind::kPunct) return false;
    return std::none_of(input.times->begin(), input.times->end(), [&](const TimeExpression& t) {
      return t.begin > k && t.kind == TimeKind::kDate;
    });
  }
  return false;
}

// "Ketegangan memuncak sejak serangan ...", "the worst unrest since the coup":
// an act named after "since" with no actor before it is background. ("sejak
// Kremlin melancarkan invasi" tells who did it, and is an event; "Since
// Monday, police have ..." is a date.)
bool EventCoder::Background(const SentenceInput& input, size_t from, size_t verb_begin) const {
  for (size_t k = from; k < verb_begin; ++k) {
    if (!lexicon_.Is(LexiconKind::kBackground, *input.tokens, k)) continue;
    bool dated =
        std::any_of(input.times->begin(), input.times->end(),
                    [&](const TimeExpression& t) { return t.begin <= k + 1 && t.end > k; });
    bool told = std::any_of(input.mentions->begin(), input.mentions->end(),
                            [&](const Mention& m) { return m.begin > k && m.end <= verb_begin; });
    bool comma = false;
    for (size_t c = k + 1; c < verb_begin; ++c) comma = comma || (*input.tokens)[c].text == ",";
    if (!dated && !told && !comma) return true;
  }
  return false;
}

size_t EventCoder::Complement(const SentenceInput& input, const std::vector<VerbMatch>& verbs,
                              size_t j) const {
  const VerbPattern& pattern = *verbs[j].pattern;
  if (!ExpressesIntent(pattern) || pattern.say || j + 1 >= verbs.size()) return verbs.size();
  const VerbMatch& next = verbs[j + 1];
  size_t words = 0;
  std::string pledger;  // the state of the last actor named before the pledge
  for (const Mention& mention : *input.mentions) {
    if (mention.end <= verbs[j].begin && !mention.location && !mention.actors.empty()) {
      pledger = mention.actors.front().country;
    }
  }
  for (size_t k = verbs[j].end; k < next.begin; ++k) {
    bool in_time = false;
    for (const TimeExpression& time : *input.times)
      in_time = in_time || (k >= time.begin && k < time.end);
    if (in_time) continue;
    // "berjanji membuka kembali jalur dialog": a few plain words may stand
    // between a pledge and what it pledges, but no punctuation or actor.
    // ("berjanji Indonesia akan segera mengirimkan": the pledger's own state
    // may be named as the one to act.)
    bool plain = (*input.tokens)[k].kind == TokenKind::kWord;
    for (const Mention& mention : *input.mentions) {
      bool own =
          mention.is_state && !mention.actors.empty() && mention.actors.front().country == pledger;
      plain = plain && (!(k >= mention.begin && k < mention.end) || own);
    }
    if (!plain || ++words > 4) return verbs.size();
  }
  return j + 1;
}

std::vector<VerbMatch> EventCoder::FindVerbs(const SentenceInput& input,
                                             std::vector<bool>* acts) const {
  const auto& tokens = *input.tokens;
  std::vector<bool> blocked(tokens.size(), false);
  for (const Mention& mention : *input.mentions) {
    std::fill(blocked.begin() + mention.begin, blocked.begin() + mention.end, true);
  }
  for (const TimeExpression& time : *input.times) {
    std::fill(blocked.begin() + time.begin, blocked.begin() + time.end, true);
  }
  std::vector<VerbMatch> found;
  for (size_t i = 0; i < tokens.size();) {
    VerbMatch match;
    size_t reference_end = 0;
    bool matched =
        verbs_.MatchAt(tokens, *input.analyses, blocked, lexicon_, i, &match, &reference_end);
    if (reference_end > i) std::fill(acts->begin() + i, acts->begin() + reference_end, true);
    if (matched && match.pattern->code == VerbPattern::kNoEvent) {
      i = match.end;  // words that are no event ("menangkap ikan", "luka tembak")
      continue;
    }
    if (matched) {
      // "menerima kunjungan", "signed a ceasefire": an event noun right after
      // another verb is that verb's object, not an event of its own.
      const WordAnalysis& first = (*input.analyses)[match.begin];
      // (In English, a word after a determiner or a possessive "'s" is a noun.)
      bool possessed = english_ && match.begin > 1 && tokens[match.begin - 1].lower == "s" &&
                       (tokens[match.begin - 2].text == "'" || tokens[match.begin - 2].text == "’");
      bool noun = first.nominal || match.pattern->noun ||
                  (!english_ && first.voice == Voice::kNone) || possessed ||
                  (english_ && match.begin > 0 &&
                   lexicon_.Is(LexiconKind::kDeterminer, tokens, match.begin - 1));
      // ... or a reason or object further on ("mengecam junta atas kekerasan
      // dan serangan"), unless its own actor stands right before it, or it
      // follows a preposition with its actor after it ("dalam kunjungan
      // Menteri X ke Y").
      // "menyatakan keluar dari koalisi": a bare verb right after an Indonesian speech
      // verb is what the speaker declares doing.
      bool declared = !english_ && !found.empty() && found.back().pattern->say &&
                      found.back().end == match.begin &&
                      !(first.nominal && StartsClause(input, match.end));
      bool object = !found.empty() && !declared;
      for (const Mention& mention : *input.mentions) {
        if (!object) break;
        bool own = mention.begin >= found.back().end && mention.end <= match.begin &&
                   mention.end + 1 >= match.begin;
        bool told = mention.begin == match.end && match.begin > 0 &&
                    lexicon_.Is(LexiconKind::kPreposition, tokens, match.begin - 1);
        object = !(own || told);
      }
      // "karena khawatir terjebak dalam baku tembak": an Indonesian event noun
      // after a preposition, with no doer after it, names an event, not a new one.
      bool after_preposition =
          !english_ && noun && match.begin > 0 &&
          lexicon_.Is(LexiconKind::kPreposition, tokens, match.begin - 1) &&
          std::none_of(input.mentions->begin(), input.mentions->end(),
                       [&](const Mention& m) { return m.begin == match.end && !m.location; });
      object = object || after_preposition;
      if (!(noun && object)) found.push_back(match);
      if (noun && object) std::fill(acts->begin() + match.begin, acts->begin() + match.end, true);
      i = match.end;
    } else {
      ++i;
    }
  }
  return found;
}

bool EventCoder::IsPassive(const SentenceInput& input, const VerbMatch& verb) const {
  const auto& tokens = *input.tokens;
  const WordAnalysis& analysis = (*input.analyses)[verb.begin];
  if (!english_) return analysis.voice == Voice::kPassive;
  if (tokens[verb.begin].lower == analysis.lemma) return false;  // not a participle
  for (size_t back = 1; back <= 3 && back <= verb.begin; ++back) {
    if (lexicon_.Is(LexiconKind::kBe, tokens, verb.begin - back)) return true;
  }
  // "The talks, hosted by Turkey's foreign minister, ...": a participle
  // with its agent right after it.
  // (Not a reciprocal act: "The EU measures, agreed by foreign ministers".)
  bool participle =
      verb.begin > 0 && tokens[verb.begin - 1].text == "," && !verb.pattern->reciprocal;
  return participle && verb.end < tokens.size() &&
         lexicon_.Is(LexiconKind::kPassiveAgent, tokens, verb.end);
}

std::vector<bool> EventCoder::RelativeClauseTokens(const std::vector<Token>& tokens) const {
  std::vector<bool> relative(tokens.size(), false);
  for (size_t k = 0; k + 1 < tokens.size(); ++k) {
    if (tokens[k].text != ",") continue;
    // "NUG, pemerintahan bayangan yang dibentuk ..., mengecam": an apposition
    // of a few common nouns before the relative word, after a bracketed name.
    size_t opens = k + 1;
    if (!english_ && k > 0 && tokens[k - 1].text == ")") {
      while (opens < tokens.size() && opens < k + 4 && tokens[opens].kind == TokenKind::kWord &&
             !tokens[opens].capitalized && !lexicon_.Is(LexiconKind::kRelative, tokens, opens)) {
        ++opens;
      }
    }
    if (!lexicon_.Is(LexiconKind::kRelative, tokens, opens)) continue;
    size_t close = opens;
    while (close < tokens.size() && tokens[close].text != ",") ++close;
    if (close == tokens.size()) continue;  // no closing comma: not an aside
    std::fill(relative.begin() + k, relative.begin() + close + 1, true);
    k = close;
  }
  return relative;
}

// When the noun before the relative word at `k` (past any time expression)
// names an instrument (a bill, a law, a decree), the actor named before it
// (its maker); else kNoSubject.
int EventCoder::InstrumentMaker(const SentenceInput& input, size_t k) const {
  size_t at = k;
  auto in_time = [&](size_t t) {
    return std::any_of(input.times->begin(), input.times->end(),
                       [&](const TimeExpression& e) { return t >= e.begin && t < e.end; });
  };
  while (at > 0 && in_time(at - 1)) --at;
  bool instrument = false;  // a phrase of the kind ending right before `at`
  for (size_t n = 1; n <= 3 && n <= at; ++n) {
    instrument = instrument || lexicon_.Match(LexiconKind::kInstrument, *input.tokens, at - n) == n;
  }
  if (!instrument) return kNoSubject;
  for (int m = static_cast<int>(input.mentions->size()) - 1; m >= 0; --m) {
    const Mention& mention = (*input.mentions)[m];
    if (mention.end < at && !mention.location) return m;
  }
  return kNoSubject;
}

// "penurunan tarif bagi produk Indonesia": an actor after "bagi", "kepada",
// "against", ... (with at most three lowercase words between) is the object of
// that preposition.
bool EventCoder::Oblique(const SentenceInput& input, const Mention& mention, size_t from) const {
  const auto& tokens = *input.tokens;
  for (size_t back = 1; back <= 4 && back <= mention.begin && mention.begin - back >= from;
       ++back) {
    size_t k = mention.begin - back;
    if (lexicon_.Is(LexiconKind::kOblique, tokens, k)) return true;
    // ("Atas hal itu Partai Gerindra mengingatkan": a demonstrative ends the
    // preposition's object.)
    bool plain = tokens[k].kind == TokenKind::kWord && !tokens[k].capitalized &&
                 (*input.analyses)[k].voice == Voice::kNone &&
                 !lexicon_.Is(LexiconKind::kDemonstrative, tokens, k);
    if (!plain) return false;
  }
  return false;
}

int EventCoder::SubjectOf(const SentenceInput& input, const std::vector<bool>& relative,
                          size_t verb_begin, size_t boundary) const {
  const auto& mentions = *input.mentions;
  const auto& tokens = *input.tokens;
  // "senjata yang dilarang": a verb right after "yang" has the noun before it
  // as its subject, an actor only if that noun is one.
  for (size_t back = 1; back <= 2 && back <= verb_begin; ++back) {
    size_t k = verb_begin - back;
    if (!lexicon_.Is(LexiconKind::kRelative, tokens, k) || (k > 0 && tokens[k - 1].text == ",")) {
      continue;
    }
    // "said that ASEAN condemned": an actor between is the verb's own subject.
    bool own = std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
      return m.begin > k && m.begin < verb_begin && !m.location;
    });
    if (own) break;
    for (int m = static_cast<int>(mentions.size()) - 1; m >= 0; --m) {
      if (mentions[m].end == k && !mentions[m].location) return m;
    }
    // "passed a bill on Thursday that would impose sanctions on X": what an
    // enacted instrument does, its maker does (the verb shares the subject).
    return InstrumentMaker(input, k);
  }
  for (int m = static_cast<int>(mentions.size()) - 1; m >= 0; --m) {
    const Mention& mention = mentions[m];
    if (mention.end > verb_begin || mention.begin < boundary) continue;
    if (mention.location || Oblique(input, mention, boundary)) continue;
    if (relative[mention.begin] && !relative[verb_begin]) continue;
    // "Malaysia selaku Ketua ASEAN menyerukan ...": the actor named before the
    // role it acts in.
    for (size_t back = 1; back <= 2 && back <= mention.begin && m > 0; ++back) {
      size_t r = mention.begin - back;
      if (!lexicon_.Is(LexiconKind::kRole, tokens, r)) continue;
      const Mention& holder = mentions[m - 1];
      if (holder.end == r && holder.begin >= boundary && !holder.location) return m - 1;
    }
    return m;
  }
  return -1;
}

int EventCoder::ObjectOf(const SentenceInput& input, const std::vector<bool>& relative,
                         const std::vector<bool>& breaks, const std::vector<bool>& acts,
                         const VerbMatch& verb, size_t limit) const {
  const auto& mentions = *input.mentions;
  for (size_t m = 0; m < mentions.size(); ++m) {
    const Mention& mention = mentions[m];
    if (mention.begin <= verb.begin || mention.begin >= limit || mention.location) continue;
    if (relative[mention.begin] && !relative[verb.begin]) continue;
    const auto& tokens = *input.tokens;
    // "a ceremony hosted by Malaysia": the agent of another verb.
    if (mention.begin > verb.end &&
        lexicon_.Is(LexiconKind::kPassiveAgent, tokens, mention.begin - 1)) {
      continue;
    }
    // "... fired rockets and Thai jets struck ...", "..., the Jordanian army
    // said": the next clause's subject.
    size_t opens = mention.begin;
    if (opens > 0 && lexicon_.Is(LexiconKind::kDemonstrative, tokens, opens - 1)) --opens;
    if (mention.end == limit && limit < tokens.size() && opens > 0 &&
        (lexicon_.Is(LexiconKind::kConjunction, tokens, opens - 1) ||
         tokens[opens - 1].text == ",")) {
      return -1;
    }
    // "mengecam peluncuran tersebut sebagai ...": the object was a thing.
    if (!english_) {
      for (size_t k = verb.end; k < mention.begin; ++k) {
        if (lexicon_.Is(LexiconKind::kDemonstrative, *input.tokens, k) &&
            !lexicon_.Is(LexiconKind::kPluralPronoun, *input.tokens, k)) {
          return -1;
        }
      }
    }
    // "condemned the strike on the school": a reaction to an act aims at
    // whoever did it, not at what the act hit.
    // ("mengecam serangan udara Israel": an actor right after the act did it.)
    if (Reacts(*verb.pattern) && mention.begin > verb.end && !acts[mention.begin - 1] &&
        std::any_of(acts.begin() + verb.end, acts.begin() + mention.begin,
                    [](bool a) { return a; })) {
      return -1;
    }
    // The object belongs to this clause: stop at "bahwa", "setelah", "that", ...
    // A pledge or threat reaches into its complement ("berjanji untuk ... dengan
    // Rusia"), an appeal or demand to its addressee ("mendesak agar DPR ...").
    // A warning reaches past the "bahwa"/"that" right after it: whoever it
    // says will suffer is its target ("memperingatkan bahwa Israel akan
    // menerima hukuman berat").
    bool reaches = ExpressesIntent(*verb.pattern) || ObjectControls(*verb.pattern);
    bool warns = verb.pattern->code.compare(0, 2, "13") == 0;
    for (size_t k = verb.end; k < mention.begin; ++k) {
      bool passes = (reaches && lexicon_.Is(LexiconKind::kInfinitive, *input.tokens, k)) ||
                    (warns && k == verb.end);
      if (breaks[k] && !passes) return -1;
    }
    return static_cast<int>(m);
  }
  return -1;
}

// "..., the Jordanian army said on Sunday.": a speech verb ending the
// sentence whose speaker comes right after a comma or quote.
bool EventCoder::TrailingAttribution(const SentenceInput& input, const VerbMatch& verb,
                                     int subject) const {
  const auto& tokens = *input.tokens;
  if (subject < 0) return false;
  for (size_t k = verb.end; k < tokens.size(); ++k) {
    bool in_time = false;
    for (const TimeExpression& time : *input.times) {
      in_time = in_time || (k >= time.begin && k < time.end);
    }
    if (!in_time && tokens[k].kind != TokenKind::kPunct) return false;
  }
  size_t begin = (*input.mentions)[subject].begin;
  if (begin > 0 && lexicon_.Is(LexiconKind::kDemonstrative, tokens, begin - 1)) --begin;
  if (begin == 0) return false;
  const std::string& before = tokens[begin - 1].text;
  return before == "," || before == "”" || before == "\"";
}

// "“...,” kata Puan", "..., said the minister": the speaker follows the verb.
int EventCoder::InvertedSpeaker(const SentenceInput& input, const VerbMatch& verb,
                                size_t limit) const {
  const auto& tokens = *input.tokens;
  if (verb.begin == 0) return -1;
  const std::string& before = tokens[verb.begin - 1].text;
  if (before != "," && before != "”" && before != "\"" && before != "’") return -1;
  size_t at = verb.end;
  if (at < limit && lexicon_.Is(LexiconKind::kDemonstrative, tokens, at)) ++at;
  for (size_t m = 0; m < input.mentions->size(); ++m) {
    const Mention& mention = (*input.mentions)[m];
    if (mention.begin != at) continue;
    // ("..., membantah kapal penjaga pantai itu melanggar ...": an actor that
    // is the subject of the next verb is what is said, not who says it.)
    bool subject_of_next = limit < tokens.size() && mention.end <= limit;
    for (size_t k = mention.end; k < limit && subject_of_next; ++k) {
      subject_of_next = tokens[k].kind != TokenKind::kPunct;
    }
    return subject_of_next ? -1 : static_cast<int>(m);
  }
  return -1;
}

// "met Qatar's prime minister in Doha", "... after he arrived in the Iranian
// capital": the state a meeting took place in, or "" when none is named.
std::string EventCoder::MeetingPlace(const SentenceInput& input, const VerbMatch& verb) const {
  for (const Mention& mention : *input.mentions) {
    if (mention.begin < verb.end || !mention.location || mention.dateline) continue;
    if (!mention.actors.empty()) return mention.actors.front().country;
  }
  return "";
}

int EventCoder::AgentOf(const SentenceInput& input, const VerbMatch& verb, size_t limit) const {
  // The agent of a passive: "dipuji oleh Putin", "dipuji Putin", "was condemned by the EU".
  const auto& tokens = *input.tokens;
  size_t at = verb.end;
  bool marked = at < limit && lexicon_.Is(LexiconKind::kPassiveAgent, tokens, at);
  if (marked) ++at;
  if (english_ && !marked) return -1;
  // "oleh aparat Polrestabes", "by the riot police": a word or two may
  // stand before the agent once "oleh"/"by" is written.
  size_t reach = marked ? 3 : 0;
  const auto& mentions = *input.mentions;
  for (size_t m = 0; m < mentions.size(); ++m) {
    if (mentions[m].location || mentions[m].begin < at || mentions[m].begin > at + reach) continue;
    if (mentions[m].begin >= limit) break;
    bool clear = true;
    for (size_t k = at; k < mentions[m].begin; ++k)
      clear = clear && tokens[k].kind == TokenKind::kWord;
    if (clear) return static_cast<int>(m);
  }
  return -1;
}

std::vector<int> EventCoder::WithConjuncts(const SentenceInput& input, int mention,
                                           bool leftwards) const {
  const auto& mentions = *input.mentions;
  const auto& tokens = *input.tokens;
  std::vector<int> group = {mention};
  int current = mention;
  while (true) {
    int next = leftwards ? current - 1 : current + 1;
    if (next < 0 || next >= static_cast<int>(mentions.size())) break;
    const Mention& a = mentions[leftwards ? next : current];
    const Mention& b = mentions[leftwards ? current : next];
    // "South Korea, Japan and the United States": a determiner may open the
    // next conjunct.
    bool determined = b.begin == a.end + 2 &&
                      lexicon_.Is(LexiconKind::kDemonstrative, tokens, a.end + 1) &&
                      lexicon_.Is(LexiconKind::kConjunction, tokens, a.end);
    if ((b.begin != a.end + 1 && !determined) || a.location || b.location) break;
    bool joined =
        tokens[a.end].text == "," || lexicon_.Is(LexiconKind::kConjunction, tokens, a.end);
    if (!joined) break;
    group.push_back(next);
    current = next;
  }
  std::sort(group.begin(), group.end());
  return group;
}

bool EventCoder::IsNegated(const SentenceInput& input, const VerbMatch& verb,
                           size_t subject_end) const {
  size_t from = verb.begin >= 3 ? verb.begin - 3 : 0;
  from = std::max(from, subject_end);
  for (size_t k = from; k < verb.begin; ++k) {
    if (lexicon_.Is(LexiconKind::kNegation, *input.tokens, k)) return true;
  }
  return false;
}

Modality EventCoder::ModalityOf(const SentenceInput& input, const VerbMatch& verb,
                                size_t subject_end, bool inside_accusation) const {
  const auto& tokens = *input.tokens;
  if (inside_accusation) return Modality::kAlleged;
  for (size_t k = 0; k < verb.begin; ++k) {
    if (lexicon_.Is(LexiconKind::kAllegation, tokens, k)) return Modality::kAlleged;
  }
  if (ExpressesIntent(*verb.pattern)) return Modality::kAsserted;
  size_t from = std::max(verb.begin >= 3 ? verb.begin - 3 : size_t{0}, subject_end);
  for (size_t k = from; k < verb.begin; ++k) {
    if (lexicon_.Is(LexiconKind::kIntention, tokens, k)) return Modality::kIntended;
  }
  return Modality::kAsserted;
}

namespace {

// Whether `date` begins after the publication day ("2032" after 2024-05-01;
// "2024" and "2024-05" do not).
bool AfterPublication(const std::optional<Date>& date, const std::optional<Date>& published) {
  if (!date || !published) return false;
  int month = date->precision == DatePrecision::kYear ? 1 : date->month;
  int day = date->precision == DatePrecision::kDay ? date->day : 1;
  return DaysFromCivil(date->year, month, day) >
         DaysFromCivil(published->year, published->month, published->day);
}

// "Menteri Pertahanan membantah pemerintah berencana menjual pesawat itu
// pada tahun 2032": what the article reports as done (asserted or alleged)
// was done by the time it was published, so a later date is the date of a
// plan it mentions, not of the event; only an intended event ("akan
// mengunjungi Malaysia pada tahun 2032") takes it.
bool CanDate(const std::optional<Date>& date, const SentenceInput& input, const CodedEvent& event) {
  return event.modality == Modality::kIntended || !AfterPublication(date, input.published);
}

}  // namespace

void EventCoder::DateOf(const SentenceInput& input, const std::vector<bool>& relative,
                        const VerbMatch& verb, size_t shift_floor, const CoderState& state,
                        CodedEvent* event) const {
  const TimeExpression* nearest = nullptr;
  size_t best = static_cast<size_t>(-1);
  for (const TimeExpression& time : *input.times) {
    if (time.kind == TimeKind::kShift) continue;
    if (relative[time.begin] && !relative[verb.begin]) continue;
    auto date = time.kind == TimeKind::kAnaphor ? state.last_written_date : time.date;
    if (!CanDate(date, input, *event)) continue;
    size_t distance = time.end <= verb.begin ? verb.begin - time.end : time.begin - verb.end;
    if (distance < best) {
      best = distance;
      nearest = &time;
    }
  }
  event->date = input.published;
  if (nearest != nullptr) {
    event->date = nearest->kind == TimeKind::kAnaphor ? state.last_written_date : nearest->date;
    event->date_written = true;
    event->date_range = {nearest->begin, nearest->end};
  }
  for (const TimeExpression& time : *input.times) {
    // "sebulan setelah Kim melakukan perjalanan": the shift dates the clause
    // it introduces, that is the first verb after it.
    if (time.kind != TimeKind::kShift || time.end > verb.begin || time.end < shift_floor) continue;
    bool separated = false;  // "– sebulan setelah X pergi – Kim memuji": another clause
    for (size_t k = time.end; k < verb.begin; ++k) {
      const std::string& text = (*input.tokens)[k].text;
      separated = separated || text == "," || text == "–" || text == "—" || text == ";";
    }
    if (separated) continue;
    auto shifted = TimeFinder::ApplyShift(event->date, time);
    if (!CanDate(shifted, input, *event)) continue;
    event->date = shifted;
    event->date_written = true;
    event->date_range = {time.begin, time.end};
  }
}

std::vector<CodedEvent> EventCoder::Code(const SentenceInput& input, CoderState* state) const {
  const auto& mentions = *input.mentions;
  std::vector<bool> acts(input.tokens->size(), false);  // event nouns in another verb's object
  std::vector<VerbMatch> verbs = FindVerbs(input, &acts);
  std::vector<bool> relative = RelativeClauseTokens(*input.tokens);
  std::vector<bool> breaks(input.tokens->size(), false);
  for (size_t k = 0; k < breaks.size(); ++k) {
    breaks[k] = lexicon_.Is(LexiconKind::kSubordinator, *input.tokens, k);
  }
  for (const TimeExpression& time : *input.times) {
    if (time.kind != TimeKind::kShift) continue;
    std::fill(breaks.begin() + time.begin, breaks.begin() + time.end, true);
  }
  std::vector<CodedEvent> events;

  // What the previous verb of the sentence had, for verbs without a subject.
  std::vector<int> previous_sources;
  std::vector<int> main_sources;  // the subject of the sentence's first verb that has one
  std::vector<int> main_targets;  // ... and that verb's object
  bool appeal_open = false;       // the last verb was an appeal or demand, or urged by one
  bool denial_open = false;       // the last verb was a denial, or denied by one
  bool said_open = false;         // the last verb was a plain statement, or told by one
  bool aim_open = false;          // the last verb was an aim ("agar ...", "so that ...")
  int previous_object = -1;
  std::vector<int> previous_targets;
  bool previous_controls = false;
  bool inside_accusation = false;
  bool subordinate_subject = false;  // the last verb's subject opened a reported clause
  bool intent_open = false;          // the last verb coded was intended

  // complements[j]: the verb that verb j pledges or threatens, else verbs.size().
  std::vector<size_t> complements(verbs.size());
  for (size_t j = 0; j < verbs.size(); ++j) complements[j] = Complement(input, verbs, j);

  for (size_t j = 0; j < verbs.size(); ++j) {
    if (j > 0 && complements[j - 1] == j) continue;  // told by its pledge
    const VerbMatch& verb = verbs[j];
    const VerbPattern& pattern = *verb.pattern;
    size_t boundary = j > 0 ? verbs[j - 1].end : 0;
    // "berjanji akan menemui X", "threatened to expel X": the pledge or threat
    // is the event, its target and kind come from the verb it governs.
    size_t complement = complements[j];
    size_t after = complement < verbs.size() ? complement + 1 : j + 1;
    size_t limit = after < verbs.size() ? verbs[after].begin : input.tokens->size();
    int subject = SubjectOf(input, relative, verb.begin, boundary);
    if (subject == -1 && j > 0 && !relative[verb.begin] && relative[verbs[j - 1].begin]) {
      // "Mesir dan Qatar, yang bersama AS menengahi perundingan, juga mengecam
      // ...": after an aside the clause's subject stands before it.
      size_t outer = 0;
      for (size_t p = j; p-- > 0;) {
        if (!relative[verbs[p].begin]) {
          outer = verbs[p].end;
          break;
        }
      }
      subject = SubjectOf(input, relative, verb.begin, outer);
    }
    std::vector<int> subjects;
    bool inherited = false;
    bool in_previous_object = false;
    if (subject >= 0 && j > 0 && previous_object >= 0 &&
        mentions[subject].begin >= verbs[j - 1].end) {
      // ", Selasa (4/6), menuntut ...": a verb after a comma that follows the
      // previous verb's objects continues that verb's subject.
      for (size_t k = mentions[subject].end; k < verb.begin; ++k) {
        in_previous_object = in_previous_object || (*input.tokens)[k].text == ",";
      }
    }
    // "... and accused", ", accusing him", ", menewaskan": a verb after a
    // conjunction or comma, with no actor of its own before it, continues
    // the main clause.
    // (Not the comma that closes an aside: "NUG, pemerintahan bayangan yang
    // ..., mengecam".)
    bool closes_aside =
        !english_ && verb.begin > 0 && relative[verb.begin - 1] && !relative[verb.begin];
    bool coordinated = j > 0 && verb.begin > 0 && !closes_aside &&
                       (lexicon_.Is(LexiconKind::kConjunction, *input.tokens, verb.begin - 1) ||
                        (*input.tokens)[verb.begin - 1].text == ",");
    if (coordinated && subordinate_subject) {
      // "said that ASEAN condemned the strike and called on the junta": the
      // reported clause's subject goes on.
      subjects = previous_sources;
      inherited = true;
      subject = -1;
    } else if (coordinated && !main_sources.empty()) {
      // "X said ... and accused Y": the verb after "and" shares the main
      // clause's subject, not that of the last verb in the report, and is
      // that subject's own act, not part of an accusation.
      subjects = main_sources;
      inside_accusation = false;
      inherited = true;
      subject = -1;
    } else if (subject == kNoSubject) {
      subject = -1;
    } else if (subject >= 0 && !in_previous_object &&
               !(subject == previous_object && !previous_controls)) {
      subjects = WithConjuncts(input, subject, /*leftwards=*/true);
    } else if (j > 0) {
      subjects = previous_sources;
      inherited = true;
    }
    // "bertepatan dengan kunjungan Perdana Menteri India ke Moskow": an event
    // noun's doer named right after it is its source, and its target follows.
    int doer = -1;
    if (!english_ && DoerFollows(input, lexicon_, verb)) {
      for (size_t m = 0; m < mentions.size(); ++m) {
        if (mentions[m].begin == verb.end && !mentions[m].location) doer = static_cast<int>(m);
      }
    }
    if (doer >= 0) {
      subjects = WithConjuncts(input, doer, false);
      subject = doer;
      inherited = false;
    }
    std::vector<int> sources = subjects, targets;
    bool hosted_told = false;
    int speaker = pattern.say ? InvertedSpeaker(input, verb, limit) : -1;
    if (speaker >= 0 || (pattern.say && TrailingAttribution(input, verb, subject))) {
      // "“...,” kata Puan", "..., the Jordanian army said.": an attribution
      // of what the sentence reports, not a statement worth an event.
      continue;
    } else if (pattern.say) {
      // A statement's addressee ("kepada wartawan") is not its target; a
      // passive one's speaker is its agent ("Tuduhan itu dibantah oleh Polda").
      int agent = IsPassive(input, verb) ? AgentOf(input, verb, limit) : -1;
      if (agent >= 0) {
        sources = WithConjuncts(input, agent, false);
        inherited = false;
      }
    } else if (IsPassive(input, verb)) {
      int agent = AgentOf(input, verb, limit);
      targets = subjects;
      hosted_told = (pattern.code == "043" || pattern.code == "045") && subjects.empty();
      // "The attack on Ukraine's grid was condemned by ...": the act's doer.
      bool of_act =
          !subjects.empty() && Reacts(pattern) && mentions[subjects.front()].begin > boundary &&
          std::any_of(acts.begin() + boundary, acts.begin() + mentions[subjects.front()].begin,
                      [](bool a) { return a; });
      if (of_act) targets.clear();
      sources = agent >= 0 ? WithConjuncts(input, agent, false) : std::vector<int>();
      inherited = false;
    } else if (!pattern.no_target) {
      VerbMatch object_verb = complement < verbs.size() ? verbs[complement] : verb;
      if (doer >= 0) {
        // The object comes after the doer ("serangan Israel ke Gaza").
        size_t doer_end = mentions[subjects.back()].end;
        object_verb.begin = doer_end - 1;
        object_verb.end = doer_end;
      }
      int object = ObjectOf(input, relative, breaks, acts, object_verb, limit);
      if (object >= 0) targets = WithConjuncts(input, object, false);
      // "menuduh pesawat AS melanggar ... dan mengancam akan menembak jatuh
      // pesawat tersebut": a threat joined to the main clause, with no one
      // of its own, is aimed at the main clause's target.
      bool threat = pattern.code.substr(0, 2) == "13";
      if (targets.empty() && threat && coordinated && inherited) targets = main_targets;
    }
    // "mendesak X menerima gencatan senjata", "urged X to accept a ceasefire":
    // what is urged or demanded has not happened; the appeal is the event.
    // "urged Israel and Hamas to accept a ceasefire": any of those urged.
    bool of_urged = std::find(previous_targets.begin(), previous_targets.end(), subject) !=
                    previous_targets.end();
    bool urged = appeal_open && (inherited || subject < 0 || of_urged);
    std::string this_root = pattern.code.substr(0, 2);
    appeal_open = this_root == "02" || this_root == "10" || urged;
    subordinate_subject =
        subject >= 0 && !inherited && mentions[subject].begin > boundary &&
        std::any_of(breaks.begin() + boundary, breaks.begin() + mentions[subject].begin,
                    [](bool b) { return b; });
    previous_sources = sources.empty() ? previous_sources : sources;
    if (main_sources.empty() && !inherited) {
      main_sources = sources;
      main_targets = targets;
    }
    // "Pada pertemuan Senin, Retno mendesak ...": what follows an Indonesian
    // act with no actor at all is no one's object. (An English one is mostly
    // inside a noun phrase: "Israel's demand to keep troops".)
    bool actorless = subjects.empty() && !english_;
    previous_object = targets.empty() || actorless ? -1 : targets.front();
    previous_targets = targets;
    previous_controls = ObjectControls(pattern);
    // "membantah menyerang fasilitas sipil", "denied that Moscow had
    // deported children": what is denied is no event, until "dan"/"and"
    // joins a new verb to the subject.
    bool denied = denial_open && !coordinated;
    denial_open = pattern.code == "016" || denied;
    // "mengatakan kapal itu berpatroli": in what a speaker says, a verb with
    // no actor of its own is not the speaker's act.
    // ("menyatakan akan bertemu ...": an intention or negation may stand between.)
    size_t said_end = j > 0 ? verbs[j - 1].end : 0;
    while (j > 0 && said_end < verb.begin) {
      size_t n = std::max(lexicon_.Match(LexiconKind::kIntention, *input.tokens, said_end),
                          lexicon_.Match(LexiconKind::kNegation, *input.tokens, said_end));
      if (n == 0) break;
      said_end += n;
    }
    bool declared = !english_ && j > 0 && verbs[j - 1].pattern->say && said_end == verb.begin &&
                    !((*input.analyses)[verb.begin].nominal && StartsClause(input, verb.end));
    // ("mengumumkan ..., seusai berbicara dengan X": a clause of time is the
    // speaker's own act, not what is said.)
    bool timed = AnyBetween(LexiconKind::kPreposition, input, boundary, verb.begin);
    bool reported = said_open && inherited && !coordinated && !declared && !timed;
    said_open = (pattern.say && pattern.code == "010") || reported;
    // "suap ... agar DPRD menyetujui APBD", "so that the talks can resume":
    // an aim is not an act, nor is what "dan"/"and" joins to it.
    bool aim =
        AnyBetween(LexiconKind::kPurpose, input, boundary, verb.begin) || (aim_open && coordinated);
    aim_open = aim;
    if (urged || denied || reported || aim || Background(input, boundary, verb.begin) ||
        Describes(input, verb)) {
      continue;
    }

    size_t subject_end = subject >= 0 ? mentions[subject].end : boundary;
    CodedEvent base;
    base.pattern = &pattern;
    if (complement < verbs.size()) base.code = IntentCode(pattern, *verbs[complement].pattern);
    base.verb = {verb.begin, verb.end};
    base.negated = IsNegated(input, verb, subject_end);
    base.modality = ModalityOf(input, verb, subject_end, inside_accusation);
    // "dijadwalkan bertemu lagi di Istanbul ... untuk membahas mekanisme",
    // "will travel to Cairo and meet": what the planner goes on to do is
    // planned too.
    if (inherited && intent_open && base.modality == Modality::kAsserted) {
      base.modality = Modality::kIntended;
    }
    intent_open = base.modality == Modality::kIntended;
    DateOf(input, relative, verb, boundary, *state, &base);
    if (pattern.accuse) inside_accusation = true;

    // Expand mentions into actor pairs.
    struct Side {
      Actor actor;
      TokenRange range;
      bool resolved;
      bool named;
      bool state = false;  // a bare state or its capital
    };
    auto expand = [&](const std::vector<int>& group, bool written) {
      std::vector<Side> sides;
      for (int m : group) {
        for (const Actor& actor : mentions[m].actors) {
          TokenRange range = written ? TokenRange{mentions[m].begin, mentions[m].end}
                                     : TokenRange{verb.begin, verb.begin};
          sides.push_back(
              {actor, range, mentions[m].resolved, mentions[m].named, mentions[m].is_state});
        }
      }
      return sides;
    };
    // "pertempuran antara militer Sudan dan RSF", "clashes between A and B":
    // the parties named after "antara"/"between" act on each other.
    bool between = false;
    if (verb.end < input.tokens->size() &&
        lexicon_.Is(LexiconKind::kBetween, *input.tokens, verb.end)) {
      for (size_t m = 0; m < mentions.size() && !between; ++m) {
        if (mentions[m].begin != verb.end + 1) continue;
        std::vector<int> parties = WithConjuncts(input, static_cast<int>(m), false);
        if (parties.size() >= 2) {
          sources = parties;
          targets.clear();
          inherited = false;
          between = true;
        }
      }
    }
    std::vector<Side> from = expand(sources, !inherited);
    std::vector<Side> to = expand(targets, true);
    // "The talks, hosted by Turkey", "Perundingan tersebut ditengahi oleh
    // Qatar dan Turki": the host received, the mediators mediated between,
    // the parties of the meeting last told.
    // ("Hakan Fidan, yang menjadi tuan rumah pertemuan": so does a host or
    // mediator naming no one.)
    bool brokers = pattern.code == "043" || pattern.code == "045";
    if (hosted_told || (brokers && to.empty())) {
      for (const Actor& party : state->last_meeting) {
        bool itself = std::any_of(from.begin(), from.end(),
                                  [&](const Side& s) { return s.actor.SameAs(party); });
        if (!itself) to.push_back({party, {verb.begin, verb.begin}, true, false});
      }
    }
    // "Pyongyang memperingatkan bahwa Pyongyang akan ...", "berjanji Indonesia
    // akan ...": the source's own state named after the verb is the source
    // again, not its target.
    // ("mengirimkan pesawat Angkatan Udara Singapura yang membawa tenda":
    // aid goes to others, never to the giver's own forces or people.)
    bool aid = pattern.code.compare(0, 2, "07") == 0;
    auto own_state = [&](const Side& t) {
      return (t.actor.agent.empty() || t.state || aid) && !from.empty() &&
             std::all_of(from.begin(), from.end(),
                         [&](const Side& s) { return s.actor.country == t.actor.country; });
    };
    to.erase(std::remove_if(to.begin(), to.end(), own_state), to.end());
    // An attack on a place with no actor named hits that place's people
    // ("serangan udara ke Desa Pazigyi", "struck ... in Russia's Samara region").
    // So does aid dropped or sent to a place ("airdropped food over northern Gaza").
    int root_number = RootOf(pattern.code);
    // ... and a visitor arriving in a foreign city visits its government
    // ("Trump tiba di Kuala Lumpur").
    bool visit = pattern.code == "042";
    if (to.empty() && (root_number >= 18 || root_number == 7 || visit) && !pattern.no_target) {
      for (const Mention& mention : mentions) {
        if (!mention.location || mention.dateline || mention.begin < verb.end ||
            mention.begin >= limit || mention.actors.empty()) {
          continue;
        }
        Actor people;
        people.country = mention.actors.front().country;
        people.agent = visit ? "GOV" : "CVL";
        people.code = people.country + people.agent;
        people.name = mention.actors.front().name;
        bool abroad = std::none_of(from.begin(), from.end(), [&](const Side& s) {
          return s.actor.country == people.country;
        });
        if (!visit || abroad) to.push_back({people, {mention.begin, mention.end}, false, false});
        break;
      }
    }
    auto add = [&](const Side& s, const Side* t, const char* code = nullptr) {
      CodedEvent event = base;
      if (code != nullptr) event.code = code;
      event.source = s.actor;
      event.source_range = s.range;
      if (t != nullptr) {
        event.target = t->actor;
        event.target_range = t->range;
      }
      event.confidence = Confidence(event, !inherited && !s.resolved, s.resolved || inherited);
      events.push_back(std::move(event));
    };
    bool overlap = false;
    for (const Side& s : from) {
      for (const Side& t : to) overlap = overlap || s.actor.country == t.actor.country;
    }
    // Two parties pledging, meeting or praising with no one else named act
    // toward each other ("Kedua menteri berjanji ...").
    std::string root = pattern.code.substr(0, 2);
    // (Mediators or hosts named together never act on each other.)
    bool cooperative = (root == "03" || root == "04" || root == "05" || root == "06") && !brokers;
    // "A dan B bertemu di sela-sela KTT NATO": a reciprocal act of two
    // subjects is between them, whatever is named after it.
    // "the two sides agreed ... on military communication": a role of no
    // state is no party to the two sides' act.
    bool stateless =
        std::all_of(to.begin(), to.end(), [](const Side& t) { return t.actor.country.empty(); });
    bool reciprocal = from.size() >= 2 &&
                      (pattern.reciprocal || overlap || ((cooperative || between) && stateless));
    if (reciprocal && (pattern.reciprocal || stateless)) to.clear();
    std::string host = pattern.reciprocal && pattern.code == "040" && !reciprocal
                           ? MeetingPlace(input, verb)
                           : std::string();
    for (const Side& s : from) {
      if (reciprocal) {
        const std::vector<Side>& others = to.empty() ? from : to;
        for (const Side& t : others) {
          // Two parties of one state count when both are distinct bodies
          // (army and RSF); a state and its own leader do not.
          bool unknown = s.actor.country.empty() || t.actor.country.empty();
          bool bodies =
              !s.actor.agent.empty() && !t.actor.agent.empty() && s.actor.code != t.actor.code;
          // So do two named bodies of one kind ("kedua partai").
          bool named = s.named && t.named && !s.actor.SameAs(t.actor);
          bool distinct = unknown
                              ? !s.actor.SameAs(t.actor)
                              : t.actor.country != s.actor.country || (between && bodies) || named;
          if (distinct) add(s, &t);
        }
      } else if (to.empty()) {
        add(s, nullptr);
      } else {
        for (const Side& t : to) {
          // The same actor code on both sides is the same actor, unless two
          // different people or bodies are named ("Partai Demokrat menuding
          // NasDem", "Bawaslu merekomendasikan KPU").
          bool people = s.actor.start.has_value() || t.actor.start.has_value();
          bool named = s.named || t.named;
          bool same =
              s.actor.SameAs(t.actor) || (s.actor.code == t.actor.code && !s.actor.code.empty() &&
                                          !people && !named && !s.actor.agent.empty());
          if (same) continue;
          // "A met B in Doha": a meeting in one party's state is the other's
          // visit (042) and the host's hosting (043).
          bool s_hosts = !host.empty() && s.actor.country == host;
          bool t_hosts = !host.empty() && t.actor.country == host;
          if (s_hosts != t_hosts) {
            const Side& visitor = s_hosts ? t : s;
            const Side& receiver = s_hosts ? s : t;
            // "visited Japan and met the prime minister in Tokyo": one visit.
            bool told = std::any_of(events.begin(), events.end(), [&](const CodedEvent& e) {
              return e.pattern->code == "042" && e.source.SameAs(visitor.actor) && e.target &&
                     e.target->country == host;
            });
            if (!told) add(visitor, &receiver, "042");
            add(receiver, &visitor, "043");
          } else {
            add(s, &t);
            // "A held talks with B", "A signed a pact with B": a meeting or an
            // agreement is B's with A as well (not a pledge to hold one).
            bool mutual =
                pattern.reciprocal && base.code.empty() && (root == "04" || pattern.code == "057");
            if (mutual && !t.actor.country.empty()) add(t, &s);
          }
        }
      }
    }
  }

  // "X said" is how news attributes what it reports, not news itself: a
  // plain statement (010) is never an event. A specific one (a denial, a
  // claim) counts when a political actor makes it (not residents, medics or
  // companies) and the sentence says nothing more specific.
  events.erase(std::remove_if(events.begin(), events.end(),
                              [](const CodedEvent& e) {
                                const std::string& agent = e.source.agent;
                                return e.pattern->say &&
                                       (e.pattern->code == "010" || agent == "CVL" ||
                                        agent == "HLH" || agent == "BUS" || agent == "EDU" ||
                                        agent == "REF");
                              }),
               events.end());
  // (A statement is dropped for a more specific act of its own speaker's:
  // "India menuding Pakistan ..., sementara Islamabad membantah tuduhan itu"
  // keeps Islamabad's denial.)
  std::vector<Actor> specific_speakers;
  for (const CodedEvent& e : events) {
    if (!e.pattern->say) specific_speakers.push_back(e.source);
  }
  events.erase(std::remove_if(events.begin(), events.end(),
                              [&](const CodedEvent& e) {
                                return e.pattern->say &&
                                       std::any_of(
                                           specific_speakers.begin(), specific_speakers.end(),
                                           [&](const Actor& a) { return a.SameAs(e.source); });
                              }),
               events.end());
  for (CodedEvent& event : events) RecodeByDoer(&event);
  // "menyerang Kyiv, menewaskan 38 orang": a second act of the same kind by
  // the same actor with no target of its own is part of the first.
  std::vector<CodedEvent> kept;
  for (const CodedEvent& event : events) {
    bool part =
        !event.target && std::any_of(events.begin(), events.end(), [&](const CodedEvent& other) {
          // (Reactions of different kinds are not: "mengecam serangan itu dan
          // menuduh Israel ..." is a criticism and an accusation.)
          int root = RootOf(CodeOf(event));
          bool reaction = root == 5 || root == 11 || root == 12 || root == 13;
          bool same = CodeOf(other) == CodeOf(event) || !reaction;
          return other.target && other.source.SameAs(event.source) && same &&
                 CodeOf(other).substr(0, 2) == CodeOf(event).substr(0, 2);
        });
    // "struck homes and a school ..., killing at least 70 people": one act
    // of force on one state's people, told twice (assault, fighting and mass
    // violence alike).
    bool again = std::any_of(kept.begin(), kept.end(), [&](const CodedEvent& other) {
      return other.target && event.target && other.source.SameAs(event.source) &&
             (event.target->country.empty() || other.target->country == event.target->country) &&
             RootOf(CodeOf(other)) >= 18 && RootOf(CodeOf(event)) >= 18;
    });
    if (!part && !again) kept.push_back(event);
  }
  events = std::move(kept);
  // The parties of the last meeting or talks, for a later "hosted by".
  std::vector<Actor> meeting;
  for (const CodedEvent& event : events) {
    if (event.pattern->code.substr(0, 2) != "04" || !event.pattern->reciprocal) continue;
    for (const Actor* actor : {&event.source, event.target ? &*event.target : nullptr}) {
      bool known =
          actor == nullptr || std::any_of(meeting.begin(), meeting.end(),
                                          [&](const Actor& a) { return a.SameAs(*actor); });
      if (!known) meeting.push_back(*actor);
    }
  }
  if (!meeting.empty()) state->last_meeting = meeting;
  // "Pada kesempatan itu" in the next sentence means the date of this one.
  for (const CodedEvent& event : events) {
    if (event.date_written && event.date) state->last_written_date = event.date;
  }
  if (events.empty()) {
    for (const TimeExpression& time : *input.times) {
      if (time.kind == TimeKind::kDate && time.date) state->last_written_date = time.date;
    }
  }
  return events;
}

}  // namespace warta
