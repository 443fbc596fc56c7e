// places: where events happen (issue 14).
//
//   auto gazetteer = Gazetteer::Load("data", segmenter);          // once, shared
//   ArticlePlacer placer(*gazetteer, lexicon);                    // one per article
//   for (sentence : sentences) {
//     placer.Read(sentence.tokens, times);                        // the places it writes
//     std::optional<PlaceInText> place = placer.Place(event_words);   // per event
//   }
//     std::optional<PlaceInText> where = placer.PlaceActor(actor_words);  // per actor
//   PlaceByArticle(*gazetteer, placer.dateline(), &events);      // carried, dateline
//
// The gazetteer (data/places/**/*.tsv, format in data/README.md) is every
// place by id with its names compiled into a PhraseTable under the case rules
// of data/README.md, its parent, country and first-level division. It is
// immutable after Load and thread-safe.
//
// Placement reads what the sentence writes: a place after a place word
// (lexicon kind `place_preposition`: "di", "ke", "in", "at"), through site
// words and names ("di Gedung DPR, Senayan, Jakarta", "ke Pengadilan Negeri
// Jakarta Pusat"), or a name followed by its parent ("Samarinda, Kalimantan
// Timur"). A place that is the event's own source or target ("Beijing
// mengecam", a capital for its government) is no place of that event. Of the
// places a sentence writes, an event takes the one nearest its verb. Events
// the sentence does not place take the place of an earlier event of the
// article with the same actors (basis "carried"), else the dateline's when
// their actors are of its country (basis "dateline"). The actors' country
// alone places nothing: a place the text does not support would be noise.
//
// An actor is placed where its own words say it is (GDELT's Actor1Geo and
// Actor2Geo): a division or town inside them ("warga Gaza", "Gubernur Jawa
// Timur", "the mayor of Kyiv", "Kapolres Jakarta Selatan": a regional office
// places its holder in its region), or any place behind a locative word in or
// right after them ("pengungsi di Rafah", "protesters in Lima"). Never its
// nationality ("Presiden Indonesia": a country is an actor's place only after
// a locative word) nor a metonym (a place that is the actor's whole name,
// "Beijing mengecam"; a seat of power inside it, "juru bicara Gedung Putih").
//
// An ArticlePlacer belongs to one article on one thread.
#pragma once

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

enum class Feature { kCountry, kAdm1, kAdm2, kCity, kSite };
const char* FeatureName(Feature feature);

struct Place {
  std::string id;  // "IDN.JI.surabaya"
  Feature feature = Feature::kCity;
  double lat = 0, lon = 0;
  std::string code;                // FIPS (country) or GDELT ADM1 code (adm1); "" when none
  std::vector<std::string> names;  // the display name first
  bool word = false;               // a name that is also a common word
  int parent = -1;                 // indexes into the gazetteer; -1 for a country
  int country = -1;
  int adm1 = -1;  // -1 for a country (and a place listed right under one)
};

class Gazetteer {
 public:
  // Reads every places/**/*.tsv under data_dir in name order. Each problem
  // (bad feature, coordinate, code or flag, duplicate id, missing parent) goes
  // to *diagnostics as "file:line: message"; the first is the status.
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& data_dir,
                                                 const Segmenter& segmenter,
                                                 Diagnostics* diagnostics = nullptr);

  size_t size() const { return places_.size(); }
  const Place& at(int index) const { return places_[static_cast<size_t>(index)]; }
  // The place with this id, or -1.
  int Find(const std::string& id) const;
  // Whether `place` is `ancestor` or lies inside it.
  bool Within(int place, int ancestor) const;
  // The places a name written at tokens[i] may be (several when places share
  // it), for the longest name whose case rule holds there; its length in
  // tokens, or 0.
  size_t Match(const std::vector<Token>& tokens, size_t i, std::vector<int>* places) const;
  // Whether some name starts in lower case ("patung kuda"): else only a
  // capitalised token can start a place name, the placer's cheap prefilter.
  bool has_lowercase_names() const { return has_lowercase_names_; }
  // The location record of a place: id, feature, country, division, codes and
  // coordinates; name is the display name, span and basis are left empty.
  Location ToLocation(int index) const;

 private:
  Gazetteer() = default;
  void Index();

  std::vector<Place> places_;
  std::vector<std::pair<std::string, int>> by_id_;  // sorted by id
  PhraseTable<std::pair<int, NameCase>> names_;
  bool has_lowercase_names_ = false;
};

// A place written in a sentence: tokens [begin, end) as written ("Gedung DPR,
// Jakarta", "Pengadilan Negeri Jakarta Selatan"), the places its name may be
// (ambiguous names keep every reading until an event chooses) and whether it
// names a building or institution in the place (feature "site").
struct WrittenPlace {
  size_t begin = 0, end = 0;
  size_t name_begin = 0, name_end = 0;  // the gazetteer name inside
  std::vector<int> places;
  std::vector<int> context;  // places written with it ("Kalimantan Timur" after "Samarinda")
  bool site = false;
  size_t site_end = 0;  // where the site's own name ends ("Gedung DPR" of "Gedung DPR, Jakarta")
  bool after_place_word = false;
  bool oblique = false;  // its place word also marks an addressee ("to China")
};

// What placement needs of one coded event of the sentence (token ranges;
// begin == end when not written).
struct EventWords {
  size_t verb_begin = 0, verb_end = 0;
  size_t source_begin = 0, source_end = 0;
  size_t target_begin = 0, target_end = 0;
  std::vector<std::string> countries;  // the actors' countries, to choose among readings
  // A visit (042) or force (18-20): a target written as a place is where it
  // happened ("mengunjungi Moskow", "roket menghantam Israel utara").
  bool target_is_where = false;
  bool statement = false;  // a speech verb: what is said has places of its own
};

// What placement needs of one actor of a coded event: its tokens in the
// sentence (begin == end when not written there).
struct ActorWords {
  size_t begin = 0, end = 0;
  std::string country;  // to choose among readings
  // A crowd ("warga", "protesters") is where a place phrase after it says,
  // wherever the verb is ("polisi menangkap demonstran di Jakarta"); any
  // other actor only when the phrase comes before the event's verb ("Duta
  // Besar di Jakarta mengatakan"), as after the verb it may place the act.
  bool crowd = false;
  size_t verb_begin = 0;
  // How many of the last tokens are a person's name ("Nasir Djamil" of
  // "Ketua DPP PKS Nasir Djamil"): a place name there is part of the name.
  size_t person_words = 0;
};

// An event's place as the sentence writes it.
struct PlaceInText {
  int place = -1;
  size_t begin = 0, end = 0;  // tokens of the sentence
  bool site = false;
};

class ArticlePlacer {
 public:
  ArticlePlacer(const Gazetteer& gazetteer, const Lexicon& lexicon)
      : gazetteer_(gazetteer), lexicon_(lexicon) {}

  // Finds the places one sentence writes; `blocked` marks tokens no place
  // phrase runs through (time expressions: "di Jakarta, Kamis"). The tokens
  // must outlive the calls to Place for this sentence.
  void Read(const std::vector<Token>& tokens, const std::vector<bool>& blocked);
  const std::vector<WrittenPlace>& written() const { return written_; }
  // The place of an event of the last sentence read, or nothing.
  std::optional<PlaceInText> Place(const EventWords& event) const;
  // Where the last sentence read places an actor, or nothing.
  std::optional<PlaceInText> PlaceActor(const ActorWords& actor) const;
  // The article's dateline ("JAKARTA, Kamis -", "GENEVA (Reuters) -"): its
  // place and tokens in the first sentence; place -1 when none.
  const PlaceInText& dateline() const { return dateline_; }

 private:
  bool CanStartName(const Token& token) const {
    return token.capitalized || gazetteer_.has_lowercase_names();
  }
  std::optional<WrittenPlace> PhraseAfter(const std::vector<Token>& tokens, size_t start,
                                          const std::vector<bool>& blocked) const;
  size_t ChainAfter(const std::vector<Token>& tokens, size_t end, WrittenPlace* place) const;
  bool WithParentAfter(const std::vector<Token>& tokens, size_t at, WrittenPlace* place) const;
  void ReadDateline(const std::vector<Token>& tokens);
  bool OutsideWhatIsSaid(const WrittenPlace& written, const EventWords& event) const;
  std::optional<PlaceInText> TargetPlace(const EventWords& event) const;
  int Choose(const WrittenPlace& written, const std::vector<std::string>& countries) const;
  // The place a written place phrase gives: its chosen reading, and the
  // tokens of the site's name or else of the place's.
  PlaceInText Taken(const WrittenPlace& written, const std::vector<std::string>& countries) const;
  std::optional<PlaceInText> PlaceInActorWords(const ActorWords& actor) const;
  std::optional<PlaceInText> PlaceAfterActor(const ActorWords& actor) const;
  // The locative word ("di", "in") at tokens[i]: its length, or 0. Not
  // "dari"/"from": where an actor comes from is not where it is.
  size_t LocativeAt(const std::vector<Token>& tokens, size_t i) const;
  // Whether one place lies in the other, or both in one province.
  bool Related(int a, int b) const;

  const Gazetteer& gazetteer_;
  const Lexicon& lexicon_;
  std::vector<WrittenPlace> written_;
  const std::vector<Token>* tokens_ = nullptr;  // the last sentence read
  std::vector<std::string> article_countries_;  // of the places written so far
  size_t sentences_ = 0;
  PlaceInText dateline_;
};

// After the article rules: an event with no place written in its sentence
// takes the place of the latest earlier event with the same source and target
// (basis "carried", its span where that place is written), else the
// dateline's place when each of its actors is of the dateline's country or
// has none (basis "dateline").
void PlaceByArticle(const std::optional<Location>& dateline, std::vector<Event>* events);

}  // namespace warta
