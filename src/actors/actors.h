// actors: who is named in a sentence, and who a later "Kim", "Dia" or
// "kedua pria tersebut" refers to.
//
//   auto dictionary = ActorDictionary::Load("data", segmenter);   // once, shared
//   ActorTracker tracker(*dictionary, lexicon, published);       // one per article
//   for (sentence : sentences)
//     std::vector<Mention> mentions = tracker.Recognise(sentence.tokens);
//
// The dictionary (data/actors/: countries, organisations, people with their
// offices and dates, agent titles) compiles into phrase tables. Recognition
// finds the longest dictionary phrases, then composes neighbours into one
// actor: a title next to a state is that state's agent ("Wakil Menteri Luar
// Negeri Korea Utara" → PRK GOV, "Russian military" → RUS MIL), and the
// capitalised words after it are the person's name ("... Im Chon-il"), even
// when the person is in no list. Capitals and seats of power stand for their
// government (Pyongyang, Kremlin); after "di"/"in" a place is a location, not
// an actor. The tracker remembers the article's people and states so later
// short names, pronouns and pair phrases resolve to them.
//
// ActorDictionary is immutable and thread-safe; an ActorTracker belongs to one
// article on one thread.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "analyse/lexicon.h"
#include "segment/segmenter.h"
#include "util/phrase_table.h"
#include "util/tsv.h"
#include "util/word_hash.h"
#include "warta/event.h"
#include "warta/status.h"

namespace warta {

enum class EntryKind { kState, kDemonym, kCapital, kSeat, kCity, kOrganisation, kPerson, kTitle };

// The kinds of words in data/actors/grammar/*.tsv: the grammar that finds
// people no list names, by their role ("Ketua DPP PKS Nasir Djamil") or by
// where they stand in the sentence (", kata Anis", "menurut Akbar").
enum class Cue {
  kRole,
  kRank,
  kHonorific,
  kSpeech,
  kAccording,
  kPassive,
  kAdverb,
  kStance,
  kDetained,
  kModified,
  kOffice,
  kFormer,
  kEnvoy,
  kPostedTo,
  kPlacePart,
  kNotName,
  kCount
};

struct Office {
  std::string code;  // "RUSGOV"
  std::optional<Date> start, end;
  std::string office;
};

struct ActorEntry {
  EntryKind kind = EntryKind::kState;
  std::string country;          // ISO alpha-3 or IGO
  std::string agent;            // may be empty
  std::string code;             // full actor code for organisations
  std::string name;             // canonical name (persons: full name)
  std::vector<Office> offices;  // persons only
  bool exact_case = false;      // acronym: must match in capitals
  bool needs_capital = false;   // must start with a capital in the text
};

class ActorDictionary {
 public:
  static Result<std::unique_ptr<ActorDictionary>> Load(
      const std::string& data_dir, const Segmenter& segmenter, Diagnostics* diagnostics = nullptr,
      const std::string& hunspell_dir = "/usr/share/hunspell");

  // Longest entry phrase at tokens[i] that passes its case rule; 0 if none.
  size_t Match(const std::vector<Token>& tokens, size_t i, const ActorEntry** entry) const;
  // The office a person held on `date` (or their latest when date is unknown).
  const Office* OfficeOn(const ActorEntry& person, const std::optional<Date>& date) const;
  size_t size() const { return entries_.size(); }
  // The state's first listed name ("Korea Utara" for PRK), or the code.
  std::string StateName(const std::string& code) const;
  // Length in tokens of the grammar phrase of `cue` at tokens[i], or 0.
  size_t MatchCue(Cue cue, const std::vector<Token>& tokens, size_t i) const {
    return cues_[static_cast<size_t>(cue)].LongestMatch(tokens, i);
  }
  // The one listed person "Prabowo" or "Jokowi" names by itself: the single
  // person whose one-word alias, else first name, else last name it is (of
  // those whose office on `date` has `agent`, when an agent is given); null
  // when none or several.
  const ActorEntry* PersonByOneName(const std::string& word, const std::string& agent,
                                    const std::optional<Date>& date) const;
  // Whether a lowercase word is a common word of either language (Hunspell's
  // word lists), so "Harga" opening a sentence is no name.
  // A derived word counts through its root ("pertemuan" through "temu").
  bool IsCommonWord(const std::string& lower) const;

 private:
  ActorDictionary() = default;
  void LoadCountries(const TsvFile& file, const Segmenter& segmenter, Diagnostics* diag);
  void LoadOrganisations(const TsvFile& file, const Segmenter& segmenter, Diagnostics* diag);
  void LoadPeople(const TsvFile& file, const Segmenter& segmenter, Diagnostics* diag);
  void LoadTitles(const TsvFile& file, const Segmenter& segmenter, Diagnostics* diag);
  void LoadGrammar(const TsvFile& file, const Segmenter& segmenter, Diagnostics* diag);
  void LoadCommonWords(const std::string& hunspell_dir);
  void AddName(const Segmenter& segmenter, const std::string& name, size_t entry);
  void AddOneNames(const Segmenter& segmenter, const std::vector<std::string>& names, size_t entry);

  std::vector<ActorEntry> entries_;
  PhraseTable<size_t> phrases_;  // phrase → index into entries_
  std::map<std::string, std::string> state_names_;
  std::array<PhraseTable<int>, static_cast<size_t>(Cue::kCount)> cues_;
  // One name word (as written) → (person entry, 0 alias / 1 first / 2 last).
  std::map<std::string, std::vector<std::pair<size_t, int>>> one_names_;
  // Countries whose people the news names by their first name alone
  // ("Jafar", "Thaksin"); grammar line `first_names`.
  std::set<std::string> first_name_countries_;
  WordSet common_words_;
};

// Agents that name crowds of ordinary people (civilians, students, workers,
// refugees).
bool IsCrowd(const std::string& agent);

// An actor mention in a sentence: tokens [begin, end). Plural mentions ("Kim
// dan Putin" is two mentions; "keduanya" is one with two actors) carry every
// actor they stand for.
struct Mention {
  size_t begin = 0;
  size_t end = 0;
  std::vector<Actor> actors;
  bool location = false;  // "di Rusia": a place, not an actor of the clause
  bool resolved = false;  // from coreference (short name, pronoun, pair)
  bool is_state = false;  // a bare state name ("Rusia") or its capital ("Pyongyang")
  bool dateline = false;  // "JAKARTA (Antara) -": where the story was filed
  bool placed = false;    // "Police in Minsk": the actor names the place it is in
  bool named = false;     // a listed organisation or a person: one body among its code's many
  bool person = false;    // a person named ("Nasir Djamil"), listed or not
};

class ActorTracker {
 public:
  ActorTracker(const ActorDictionary& dictionary, const Lexicon& lexicon,
               std::optional<Date> published);

  std::vector<Mention> Recognise(const std::vector<Token>& tokens);
  // The country mentioned most in the article so far ("" when none).
  std::string DominantCountry() const;

 private:
  struct Piece {
    size_t begin, end;
    const ActorEntry* entry;
  };
  struct Entity {
    Actor actor;
    std::vector<std::string> name_words;  // capitalised words of the full name
    bool person = false;
    size_t first_sentence = 0;  // the sentence that first named it
  };

  std::vector<Piece> FindPieces(const std::vector<Token>& tokens) const;
  bool InvertedSpeakerPronoun(const std::vector<Token>& tokens, size_t i) const;
  // The role a word names with the Indonesian possessive "-nya"
  // ("pendukungnya"), or null.
  // Whether a mention holds an envoy's title ("Duta Besar AS").
  bool PostedEnvoy(const std::vector<Token>& tokens, const Mention& envoy) const;
  // Whether a noun that a role word after it qualifies ends right before
  // tokens[i] (grammar cue `modified`: "kerja sama militer").
  bool ModifiedBefore(const std::vector<Token>& tokens, size_t i) const;
  // A role of `length` words at `i` right after "sebagai"/"as" and before no
  // name: an office, not who holds it.
  bool OfficeOnly(const std::vector<Token>& tokens, size_t i, size_t length) const;
  const ActorEntry* PossessedRole(const Token& token) const;
  void CountCountry(const std::string& country);
  // The latest person of a known state all of whose name words are
  // tokens[begin, end), or null.
  const Entity* KnownPerson(const std::vector<Token>& tokens, size_t begin, size_t end) const;
  Mention Compose(const std::vector<Token>& tokens, const std::vector<Piece>& pieces, size_t first,
                  size_t last);
  size_t ExtendName(const std::vector<Token>& tokens, size_t from, const std::vector<Piece>& pieces,
                    size_t next_piece) const;
  bool IsConnector(const std::vector<Token>& tokens, size_t k) const;
  std::optional<Mention> Resolve(const std::vector<Token>& tokens, size_t i);
  void NameByInitials(const std::vector<Token>& tokens, Mention* mention);
  std::optional<Mention> SubjectPronoun(const std::vector<Token>& tokens, size_t i,
                                        const std::vector<Mention>& mentions) const;
  std::vector<Actor> RecentGroup() const;
  std::vector<Actor> PairOfBodies(const std::vector<Token>& tokens, size_t begin, size_t end) const;
  const Entity* CounterpartOf(const Actor& person) const;
  const Entity* EarlierHolder(const Actor& title, const std::string& words) const;
  void Remember(const Actor& actor, bool person, const std::string& written = "");
  bool NewInThisSentence(const std::string& country) const;

  // The grammar passes over a sentence's mentions (speakers.cc).
  // "Ketua Komisi III DPR RI Benny Kabur Harman": a role, a body, then a name.
  void NameRoleHolders(const std::vector<Token>& tokens, std::vector<Mention>* mentions);
  // ", kata Anis", "menurut Akbar", "Sufyan menilai": unlisted speakers.
  void FindSpeakers(const std::vector<Token>& tokens, std::vector<Mention>* mentions);
  // "Ubedillah Badrun, pengamat politik dari UNJ": a role in apposition is
  // the named person's.
  void TakeApposedRoles(const std::vector<Token>& tokens, std::vector<Mention>* mentions);
  bool VerbFollows(const std::vector<Token>& tokens, size_t k) const;
  // Length of the capitalised name at tokens[i] (honorific, then 1-4 words
  // none of which is taken or a non-name), or 0.
  size_t NameRun(const std::vector<Token>& tokens, size_t i, const std::vector<bool>& taken) const;
  bool NeverName(const std::vector<Token>& tokens, size_t k) const;
  // Whether tokens[i] is a speaker slot: after an attribution verb, after
  // "menurut", after a passive of saying, or a subject before its verb.
  bool SpeakerBefore(const std::vector<Token>& tokens, size_t i) const;
  bool SubjectOfVerb(const std::vector<Token>& tokens, size_t i, size_t end) const;
  Actor ListedPerson(const ActorEntry& person) const;
  Mention PersonMention(const std::vector<Token>& tokens, size_t begin, size_t end,
                        size_t name_begin, Actor actor);

  const ActorDictionary& dictionary_;
  const Lexicon& lexicon_;
  std::optional<Date> published_;
  std::vector<Entity> entities_;  // in order of last mention
  std::vector<std::pair<std::string, int>> country_counts_;
  std::map<std::string, size_t> first_seen_;  // country → sentence it was first named in
  size_t sentences_seen_ = 0;
};

}  // namespace warta
