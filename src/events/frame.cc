#include "events/frame.h"

#include <algorithm>
#include <string>

#include "events/nominal.h"
#include "events/roles.h"
#include "events/vocabulary.h"

namespace warta {

bool StartsClause(const Context& cx, size_t at) {
  return at < cx.input.analyses->size() && cx.analysis(at).voice != Voice::kNone &&
         !cx.analysis(at).nominal;
}

namespace {

// Tokens of actor names and dates: no verb may use them.
std::vector<bool> BlockedTokens(const Context& cx) {
  std::vector<bool> blocked(cx.tokens().size(), false);
  for (const Mention& mention : cx.mentions()) {
    std::fill(blocked.begin() + mention.begin, blocked.begin() + mention.end, true);
  }
  for (const TimeExpression& time : cx.times()) {
    std::fill(blocked.begin() + time.begin, blocked.begin() + time.end, true);
  }
  return blocked;
}

// Whether a match reads as an event noun ("kunjungan", "the strike").
bool ReadsAsNoun(const Context& cx, const VerbMatch& match) {
  const auto& tokens = cx.tokens();
  const WordAnalysis& first = cx.analysis(match.begin);
  // (In English, a word after a determiner or a possessive "'s" is a noun.)
  bool possessed = cx.english && match.begin > 1 && tokens[match.begin - 1].lower == "s" &&
                   (tokens[match.begin - 2].text == "'" || tokens[match.begin - 2].text == "’");
  // ("membom", "mengebom": an active form Hunspell does not know is still a
  // verb by its prefix.)
  const std::string& word = tokens[match.begin].lower;
  bool active_form = !cx.english && word.size() >= 6 && word.compare(0, 2, "me") == 0 &&
                     (word[2] == 'm' || word[2] == 'n' || word[2] == 'r' || word[2] == 'l');
  bool bare = !cx.english && first.voice == Voice::kNone && !active_form;
  return first.nominal || match.pattern->noun || bare || possessed ||
         (cx.english && match.begin > 0 && cx.Is(LexiconKind::kDeterminer, match.begin - 1));
}

// Whether an event noun is part of another verb's object rather than an act
// of its own.
bool IsObjectNoun(const Context& cx, const std::vector<VerbMatch>& found, const VerbMatch& match) {
  // ("melontarkan kecaman": what a light verb does is the noun's act.)
  if (LightVerbBefore(cx.tokens(), cx.lexicon, match.begin)) return false;
  // "menerima kunjungan", "signed a ceasefire": an event noun right after
  // another verb is that verb's object; so is one further on as a reason or
  // object ("mengecam junta atas kekerasan dan serangan"), unless its own
  // actor stands right before it, or it follows a preposition with its actor
  // after it ("dalam kunjungan Menteri X ke Y").
  // "menyatakan keluar dari koalisi": a bare verb right after an Indonesian
  // speech verb is what the speaker declares doing.
  // ("..., menurut kami, ucap Nurul": a speech word after a comma or quote
  // attributes what stands before it; it is nobody's object.)
  if (match.pattern->say && match.begin > 0 && IsQuoteOrComma(cx.token(match.begin - 1).text)) {
    return false;
  }
  bool declared = !cx.english && !found.empty() && found.back().pattern->say &&
                  found.back().end == match.begin &&
                  !(cx.analysis(match.begin).nominal && StartsClause(cx, match.end));
  bool preposition = match.begin > 0 && cx.Is(LexiconKind::kPreposition, match.begin - 1);
  // ("akibat serangan udara yang dilancarkan Israel": the doer may follow a
  // passive relative clause.)
  size_t doer_at = match.end;
  PassiveRelativeAfter(cx, match, &doer_at);
  bool object =
      !found.empty() && !declared &&
      std::none_of(cx.mentions().begin(), cx.mentions().end(), [&](const Mention& m) {
        bool own = m.begin >= found.back().end && m.end <= match.begin && m.end + 1 >= match.begin;
        bool told = m.begin == doer_at && preposition;
        return own || told;
      });
  // "karena khawatir terjebak dalam baku tembak": an Indonesian event noun
  // after a preposition, with no doer after it, names an event, not a new one.
  bool after_preposition =
      !cx.english && preposition &&
      std::none_of(cx.mentions().begin(), cx.mentions().end(),
                   [&](const Mention& m) { return m.begin == doer_at && !m.location; });
  return object || after_preposition;
}

std::vector<VerbMatch> FindVerbs(const Context& cx, const VerbDictionary& verbs,
                                 std::vector<bool>* acts) {
  std::vector<bool> blocked = BlockedTokens(cx);
  std::vector<VerbMatch> found;
  for (size_t i = 0; i < cx.tokens().size();) {
    VerbMatch match;
    size_t reference_end = 0;
    bool matched = verbs.MatchAt(cx.tokens(), *cx.input.analyses, blocked, cx.lexicon, i, &match,
                                 &reference_end);
    if (reference_end > i) std::fill(acts->begin() + i, acts->begin() + reference_end, true);
    if (!matched) {
      ++i;
      continue;
    }
    i = match.end;
    // Words that are no event ("menangkap ikan", "luka tembak").
    if (match.pattern->code == VerbPattern::kNoEvent) continue;
    if (ReadsAsNoun(cx, match) && IsObjectNoun(cx, found, match)) {
      std::fill(acts->begin() + match.begin, acts->begin() + match.end, true);
    } else {
      found.push_back(match);
    }
  }
  return found;
}

// "NUG, pemerintahan bayangan yang dibentuk ..., mengecam": the tokens of
// asides, from the comma before the relative word to the comma closing it.
std::vector<bool> RelativeClauseTokens(const Context& cx) {
  const auto& tokens = cx.tokens();
  std::vector<bool> relative(tokens.size(), false);
  for (size_t k = 0; k + 1 < tokens.size(); ++k) {
    if (tokens[k].text != ",") continue;
    // An apposition of a few common nouns may stand before the relative word,
    // after a bracketed name.
    size_t opens = k + 1;
    if (!cx.english && k > 0 && tokens[k - 1].text == ")") {
      while (opens < tokens.size() && opens < k + 4 && tokens[opens].kind == TokenKind::kWord &&
             !tokens[opens].capitalized && !cx.Is(LexiconKind::kRelative, opens)) {
        ++opens;
      }
    }
    if (!cx.Is(LexiconKind::kRelative, opens)) continue;
    size_t close = opens;
    while (close < tokens.size() && tokens[close].text != ",") ++close;
    if (close == tokens.size()) continue;  // no closing comma: not an aside
    std::fill(relative.begin() + k, relative.begin() + close + 1, true);
    k = close;
  }
  return relative;
}

// Subordinators ("bahwa", "setelah", "that") and shifts ("sebulan setelah").
std::vector<bool> ClauseBreaks(const Context& cx) {
  std::vector<bool> breaks(cx.tokens().size(), false);
  for (size_t k = 0; k < breaks.size(); ++k) breaks[k] = cx.Is(LexiconKind::kSubordinator, k);
  for (const TimeExpression& time : cx.times()) {
    if (time.kind != TimeKind::kShift) continue;
    std::fill(breaks.begin() + time.begin, breaks.begin() + time.end, true);
  }
  return breaks;
}

// The state of the last actor named before token `before` ("" when none).
std::string LastStateBefore(const Context& cx, size_t before) {
  std::string state;
  for (const Mention& mention : cx.mentions()) {
    if (mention.end <= before && !mention.location && !mention.actors.empty()) {
      state = mention.actors.front().country;
    }
  }
  return state;
}

// The verb that verb j pledges or threatens ("berjanji akan menemui"), or
// verbs.size() when there is none.
size_t Complement(const Context& cx, const std::vector<VerbMatch>& verbs, size_t j) {
  const VerbPattern& pattern = *verbs[j].pattern;
  bool intent = cameo::ExpressesIntent(cameo::RootOf(pattern.code));
  if (!intent || pattern.say || j + 1 >= verbs.size()) return verbs.size();
  std::string pledger = LastStateBefore(cx, verbs[j].begin);
  size_t words = 0;
  for (size_t k = verbs[j].end; k < verbs[j + 1].begin; ++k) {
    if (cx.InTime(k)) continue;
    // "berjanji membuka kembali jalur dialog": a few plain words may stand
    // between a pledge and what it pledges, but no punctuation or actor.
    // ("berjanji Indonesia akan segera mengirimkan": the pledger's own state
    // may be named as the one to act.)
    bool plain = cx.token(k).kind == TokenKind::kWord;
    for (const Mention& mention : cx.mentions()) {
      bool own =
          mention.is_state && !mention.actors.empty() && mention.actors.front().country == pledger;
      plain = plain && (!(k >= mention.begin && k < mention.end) || own);
    }
    if (!plain || ++words > 4) return verbs.size();
  }
  return j + 1;
}

}  // namespace

SentenceFrame FrameSentence(const Context& cx, const VerbDictionary& verbs) {
  SentenceFrame frame;
  frame.acts.assign(cx.tokens().size(), false);
  frame.verbs = FindVerbs(cx, verbs, &frame.acts);
  frame.relative = RelativeClauseTokens(cx);
  frame.breaks = ClauseBreaks(cx);
  frame.complements.resize(frame.verbs.size());
  for (size_t j = 0; j < frame.verbs.size(); ++j) {
    frame.complements[j] = Complement(cx, frame.verbs, j);
  }
  return frame;
}

}  // namespace warta
