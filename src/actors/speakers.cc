// The grammar passes of ActorTracker: people no list names, found by the
// role they are introduced with ("Ketua DPP PKS Nasir Djamil") or by where
// they stand in the sentence (", kata Anis", "menurut Akbar", "Sufyan
// menilai"). The words they rely on are data/actors/grammar/*.tsv.
#include <algorithm>

#include "actors/actors.h"
#include "util/text.h"

namespace warta {

namespace {

bool IsWord(const Token& token) { return token.kind == TokenKind::kWord; }

// Punctuation after which a new clause, and so a new subject, starts.
bool OpensClause(const Token& token) {
  static const char* const kMarks[] = {",", ";", ":", "(", "\"", "“", "”", "'", "-", "—"};
  return std::any_of(std::begin(kMarks), std::end(kMarks),
                     [&](const char* mark) { return token.text == mark; });
}

// "menilai", "berharap": an active verb by its Indonesian prefix.
bool LooksActiveVerb(const Token& token) {
  const std::string& w = token.lower;
  return IsWord(token) && !token.capitalized && w.size() >= 6 &&
         (w.compare(0, 2, "me") == 0 || w.compare(0, 3, "ber") == 0);
}

std::string Join(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::string text;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin && tokens[i].start > tokens[i - 1].end) text += ' ';
    text += tokens[i].text;
  }
  return text;
}

std::vector<bool> Taken(size_t size, const std::vector<Mention>& mentions) {
  std::vector<bool> taken(size, false);
  for (const Mention& m : mentions) {
    for (size_t k = m.begin; k < m.end && k < size; ++k) taken[k] = true;
  }
  return taken;
}

void SortByPlace(std::vector<Mention>* mentions) {
  std::stable_sort(mentions->begin(), mentions->end(),
                   [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
}

}  // namespace

Actor ActorTracker::ListedPerson(const ActorEntry& person) const {
  const Office* office = dictionary_.OfficeOn(person, published_);
  Actor actor;
  actor.code = office->code;
  actor.country = office->code.substr(0, 3);
  actor.agent = office->code.substr(3);
  actor.name = person.name;
  actor.start = office->start;
  actor.end = office->end;
  return actor;
}

bool ActorTracker::NeverName(const std::vector<Token>& tokens, size_t k) const {
  const Token& token = tokens[k];
  if (!IsWord(token) || !token.capitalized) return true;
  // "JAKARTA, Kamis -": words in capitals longer than an acronym are datelines.
  if (token.text.size() > 5 && AllUpper(token.text)) return true;
  for (Cue cue : {Cue::kNotName, Cue::kSpeech, Cue::kAccording, Cue::kPassive, Cue::kAdverb,
                  Cue::kRole, Cue::kRank, Cue::kPlacePart, Cue::kStance, Cue::kDetained}) {
    if (dictionary_.MatchCue(cue, tokens, k) > 0) return true;
  }
  for (LexiconKind kind :
       {LexiconKind::kConjunction, LexiconKind::kSubordinator, LexiconKind::kPreposition,
        LexiconKind::kDemonstrative, LexiconKind::kPronoun, LexiconKind::kPluralPronoun,
        LexiconKind::kNegation, LexiconKind::kIntention, LexiconKind::kRelative,
        LexiconKind::kLocationPreposition, LexiconKind::kDeterminer}) {
    if (lexicon_.Is(kind, tokens, k)) return true;
  }
  return false;
}

size_t ActorTracker::NameRun(const std::vector<Token>& tokens, size_t i,
                             const std::vector<bool>& taken) const {
  size_t begin = i + dictionary_.MatchCue(Cue::kHonorific, tokens, i);
  if (begin > i && (begin >= tokens.size() || !tokens[begin].capitalized)) begin = i;
  size_t end = begin;
  while (end < tokens.size() && end - begin < 4 && !taken[end] && !NeverName(tokens, end) &&
         (end == begin || !tokens[end].newline_before)) {
    ++end;
  }
  return end == begin ? 0 : end - i;
}

bool ActorTracker::SpeakerBefore(const std::vector<Token>& tokens, size_t i) const {
  for (size_t back = 1; back <= 3 && back <= i; ++back) {
    size_t at = i - back;
    // ", kata Anis": an attribution verb after the quote's punctuation.
    if (dictionary_.MatchCue(Cue::kSpeech, tokens, at) == back && at > 0 &&
        OpensClause(tokens[at - 1])) {
      return true;
    }
    if (dictionary_.MatchCue(Cue::kAccording, tokens, at) == back) return true;
    if (dictionary_.MatchCue(Cue::kPassive, tokens, at) == back) return true;
  }
  return false;
}

// "Sufyan menilai", "Romahurmuziy juga membantah", "Smith said": a name at a
// clause's start before its verb. A common word ("Harga naik") is a name
// only before a verb that people alone do ("Jero optimistis").
bool ActorTracker::SubjectOfVerb(const std::vector<Token>& tokens, size_t i, size_t end) const {
  // ("Namun Anas menegaskan", "Bahkan Anas menyatakan": a connector or an
  // adverb may open the clause before the name.)
  size_t start = i;
  while (start > 0 && (dictionary_.MatchCue(Cue::kNotName, tokens, start - 1) == 1 ||
                       dictionary_.MatchCue(Cue::kAdverb, tokens, start - 1) == 1)) {
    --start;
  }
  if (start > 0 && !OpensClause(tokens[start - 1])) return false;
  size_t k = end;
  while (k < tokens.size() && dictionary_.MatchCue(Cue::kAdverb, tokens, k) == 1) ++k;
  if (k >= tokens.size()) return false;
  if (dictionary_.MatchCue(Cue::kStance, tokens, k) > 0) return true;
  bool common = true;
  for (size_t w = i; w < end; ++w) {
    if (dictionary_.MatchCue(Cue::kHonorific, tokens, w) > 0) continue;
    const std::string& lower = tokens[w].lower;
    bool possessed = HasNyaClitic(lower);
    common = common && (dictionary_.IsCommonWord(lower) || possessed);
  }
  bool function_word = false;
  for (LexiconKind kind : {LexiconKind::kPronoun, LexiconKind::kPluralPronoun,
                           LexiconKind::kDemonstrative, LexiconKind::kNegation}) {
    function_word = function_word || lexicon_.Is(kind, tokens, k);
  }
  // ("Waryono ditahan", "Budi ditetapkan sebagai tersangka": a name before a
  // passive verb of justice is the person it befalls.)
  bool befalls = dictionary_.MatchCue(Cue::kDetained, tokens, k) > 0;
  return !common && !function_word && (LooksActiveVerb(tokens[k]) || befalls);
}

Mention ActorTracker::PersonMention(const std::vector<Token>& tokens, size_t begin, size_t end,
                                    size_t name_begin, Actor actor) {
  actor.name = Join(tokens, name_begin, end);
  if (actor.code.empty()) actor.code = actor.country + actor.agent;
  Mention mention{begin, end, {actor}, false, false, false, false, false, true, true};
  Remember(actor, true);
  return mention;
}

void ActorTracker::FindSpeakers(const std::vector<Token>& tokens, std::vector<Mention>* mentions) {
  std::vector<bool> taken = Taken(tokens.size(), *mentions);
  bool added = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (taken[i]) continue;
    size_t run = NameRun(tokens, i, taken);
    if (run == 0) continue;
    if (!SpeakerBefore(tokens, i) && !SubjectOfVerb(tokens, i, i + run)) continue;
    size_t name_begin = i + dictionary_.MatchCue(Cue::kHonorific, tokens, i);
    if (!tokens[name_begin].capitalized) name_begin = i;
    // "kata Anis" where Anis is one listed person's name is that person.
    Actor actor;
    const ActorEntry* listed =
        run == 1 ? dictionary_.PersonByOneName(tokens[i].text, "", published_) : nullptr;
    if (listed != nullptr) actor = ListedPerson(*listed);
    Mention mention = PersonMention(tokens, i, i + run, name_begin, actor);
    if (listed != nullptr) mention.actors.front().name = listed->name;
    mentions->push_back(std::move(mention));
    for (size_t k = i; k < i + run; ++k) taken[k] = true;
    added = true;
    i += run - 1;
  }
  if (added) SortByPlace(mentions);
}

// "Ketua Komisi III DPR RI Benny Kabur Harman", "Anggota komite konvensi
// Partai Demokrat, Vera Febyanthy", "Duta Besar RI di Canberra Siswo
// Pramono": a role (or a title) of a body or state, then a name, is a person
// of that body's state and agent. A place in between says where the office
// is, not whose it is.
void ActorTracker::NameRoleHolders(const std::vector<Token>& tokens,
                                   std::vector<Mention>* mentions) {
  for (size_t m = 0; m < mentions->size(); ++m) {
    Mention& body = (*mentions)[m];
    if (body.location || body.person || body.resolved || body.actors.size() != 1) continue;
    const Actor actor = body.actors.front();
    if (actor.country.empty() || actor.country == "IGO") continue;
    // The role head: up to three words before the body, lowercase
    // qualifiers between ("Politisi senior", "Anggota komite konvensi").
    size_t head = body.begin;
    for (size_t back = 1; back <= 4 && back <= body.begin; ++back) {
      size_t at = body.begin - back;
      // ("Juru bicara militer kepada AFP": a preposition ends the role.)
      if (lexicon_.Is(LexiconKind::kOblique, tokens, at) ||
          lexicon_.Is(LexiconKind::kPreposition, tokens, at)) {
        break;
      }
      size_t n = dictionary_.MatchCue(Cue::kRole, tokens, at);
      if (n > 0 && at + n <= body.begin) head = at;
      if (n == 0 && (!IsWord(tokens[at]) || tokens[at].capitalized)) break;
    }
    const ActorEntry* first = nullptr;
    bool titled =
        dictionary_.Match(tokens, body.begin, &first) > 0 && first->kind == EntryKind::kTitle;
    if (head == body.begin && !titled) continue;
    // Past a place ("di Canberra"), a comma and a rank ("Kombes").
    size_t k = body.end;
    size_t next = m + 1;
    while (next < mentions->size() && (*mentions)[next].location &&
           (*mentions)[next].begin <= k + 1) {
      k = (*mentions)[next++].end;
    }
    while (k < tokens.size() && dictionary_.MatchCue(Cue::kPlacePart, tokens, k) == 1) ++k;
    if (k < tokens.size() && tokens[k].text == ",") ++k;
    k += k < tokens.size() ? dictionary_.MatchCue(Cue::kRank, tokens, k) : 0;
    // "Kapolres Jakarta Selatan Kombes Ade Rahmat": the name was read after
    // its rank, as a title of no state: it is this body's.
    if (next < mentions->size() && (*mentions)[next].begin <= k && (*mentions)[next].person) {
      Actor& holder = (*mentions)[next].actors.front();
      if (holder.country.empty() && (holder.agent.empty() || holder.agent == actor.agent)) {
        holder.country = actor.country;
        holder.agent = actor.agent;
        holder.code = actor.country + actor.agent;
        Remember(holder, true);
      }
      continue;
    }
    std::vector<bool> taken = Taken(tokens.size(), *mentions);
    size_t run = k < tokens.size() ? NameRun(tokens, k, taken) : 0;
    // ("..., kata Ketua Fraksi Partai Golkar": with no name after it, the
    // role and its body are one mention, the body's officer.)
    if (run == 0 && head < body.begin) body.begin = head;
    if (run == 0 || (k == body.end && !titled && head == body.begin)) continue;
    Actor holder = actor;
    holder.code = actor.country + actor.agent;
    Mention person = PersonMention(tokens, std::min(head, body.begin), k + run, k, holder);
    // The places passed over belong to the office; the person replaces them,
    // and a role word before the body ("Politisi senior Partai Golkar") too.
    size_t from = m;
    while (from > 0 && (*mentions)[from - 1].begin >= person.begin) --from;
    mentions->erase(mentions->begin() + from, mentions->begin() + next);
    m = from;
    mentions->insert(mentions->begin() + m, std::move(person));
  }
}

// Whether tokens[k] goes on as a clause: an adverb, a negation or an
// intention, or an Indonesian active verb ("berasal", "tak", "akan").
bool ActorTracker::VerbFollows(const std::vector<Token>& tokens, size_t k) const {
  if (k >= tokens.size()) return false;
  if (dictionary_.MatchCue(Cue::kAdverb, tokens, k) > 0) return true;
  if (lexicon_.Is(LexiconKind::kNegation, tokens, k) ||
      lexicon_.Is(LexiconKind::kIntention, tokens, k)) {
    return true;
  }
  return LooksActiveVerb(tokens[k]);
}

// "kata Alejandro Sanchez, mahasiswa doktoral di ...", "said John Smith, a
// professor of law": a role right after a comma that follows a person the
// text gives no role is that person's; the role is no actor of its own.
void ActorTracker::TakeApposedRoles(const std::vector<Token>& tokens,
                                    std::vector<Mention>* mentions) {
  for (size_t m = 0; m + 1 < mentions->size(); ++m) {
    Mention& person = (*mentions)[m];
    if (!person.person || person.actors.size() != 1 || !person.actors.front().agent.empty()) {
      continue;
    }
    size_t k = person.end;
    if (k >= tokens.size() || tokens[k].text != ",") continue;
    ++k;
    if (k < tokens.size()) k += lexicon_.Match(LexiconKind::kDeterminer, tokens, k);
    const Mention& role = (*mentions)[m + 1];
    bool apposed = role.begin == k && !role.person && !role.named && !role.location &&
                   !role.resolved && role.actors.size() == 1 && !role.actors.front().agent.empty();
    if (!apposed) continue;
    // ("Menurut Hajrul, partainya tak ...", "kata Agung, Menteri berasal dari
    // ...": after "menurut" or when a verb follows, the comma opens what is
    // said, and the noun is its subject.)
    if (dictionary_.MatchCue(Cue::kAccording, tokens, person.begin > 0 ? person.begin - 1 : 0) >
            0 ||
        HasNyaClitic(tokens[role.end - 1].lower) || VerbFollows(tokens, role.end)) {
      continue;
    }
    Actor& actor = person.actors.front();
    actor.agent = role.actors.front().agent;
    if (actor.country.empty()) actor.country = role.actors.front().country;
    actor.code = actor.country + actor.agent;
    Remember(actor, true);
    mentions->erase(mentions->begin() + static_cast<std::ptrdiff_t>(m) + 1);
  }
}

}  // namespace warta
