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

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyse/lexicon.h"
#include "segment/segmenter.h"
#include "util/phrase_table.h"
#include "util/tsv.h"
#include "warta/event.h"
#include "warta/status.h"

namespace warta {

enum class EntryKind { kState, kDemonym, kCapital, kSeat, kCity, kOrganisation, kPerson, kTitle };

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
  static Result<std::unique_ptr<ActorDictionary>> Load(const std::string& data_dir,
                                                       const Segmenter& segmenter,
                                                       Diagnostics* diagnostics = nullptr);

  // Longest entry phrase at tokens[i] that passes its case rule; 0 if none.
  size_t Match(const std::vector<Token>& tokens, size_t i, const ActorEntry** entry) const;
  // The office a person held on `date` (or their latest when date is unknown).
  const Office* OfficeOn(const ActorEntry& person, const std::optional<Date>& date) const;
  size_t size() const { return entries_.size(); }
  // The state's first listed name ("Korea Utara" for PRK), or the code.
  std::string StateName(const std::string& code) const;

 private:
  ActorDictionary() = default;
  void LoadCountries(const TsvFile& file, const Segmenter& segmenter, Diagnostics* diag);
  void LoadOrganisations(const TsvFile& file, const Segmenter& segmenter, Diagnostics* diag);
  void LoadPeople(const TsvFile& file, const Segmenter& segmenter, Diagnostics* diag);
  void LoadTitles(const TsvFile& file, const Segmenter& segmenter, Diagnostics* diag);
  void AddName(const Segmenter& segmenter, const std::string& name, size_t entry);

  std::vector<ActorEntry> entries_;
  PhraseTable<size_t> phrases_;  // phrase → index into entries_
  std::map<std::string, std::string> state_names_;
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
  };

  std::vector<Piece> FindPieces(const std::vector<Token>& tokens) const;
  // The role a word names with the Indonesian possessive "-nya"
  // ("pendukungnya"), or null.
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

  const ActorDictionary& dictionary_;
  const Lexicon& lexicon_;
  std::optional<Date> published_;
  std::vector<Entity> entities_;  // in order of last mention
  std::vector<std::pair<std::string, int>> country_counts_;
  std::map<std::string, size_t> first_seen_;  // country → sentence it was first named in
  size_t sentences_seen_ = 0;
};

}  // namespace warta
