// Placing events: the places a sentence writes and the one each event takes
// (places.h).

#include <algorithm>

#include "places/places.h"
#include "util/text.h"

namespace warta {

namespace {

// How far a place phrase runs after its place word: "di Hotel Grand Sahid
// Jaya, Sudirman, Jakarta Pusat" needs nine tokens before the city.
constexpr size_t kMaxPhraseTokens = 10;

// Whether capitalised words from tokens[i] end at a comma ("Samarinda,"):
// the cheap test before looking a name and its parent up.
bool CommaAfterCapitals(const std::vector<Token>& tokens, size_t i) {
  size_t k = i;
  while (k < tokens.size() && k < i + 6 && tokens[k].capitalized) ++k;
  return k > i && k < tokens.size() && tokens[k].text == ",";
}

bool Overlaps(size_t begin, size_t end, size_t other_begin, size_t other_end) {
  return begin < other_end && other_begin < end && other_begin != other_end;
}

}  // namespace

void ArticlePlacer::Read(const std::vector<Token>& tokens, const std::vector<bool>& blocked) {
  written_.clear();
  tokens_ = &tokens;
  if (sentences_ == 0) ReadDateline(tokens);
  // Where the next token that can start a name is: a place word with none
  // in reach starts no place phrase, and costs no look-up.
  std::vector<size_t> next_name(tokens.size() + 1, tokens.size());
  for (size_t k = tokens.size(); k-- > 0;) {
    next_name[k] = CanStartName(tokens[k]) ? k : next_name[k + 1];
  }
  for (size_t i = 0; i < tokens.size();) {
    if (tokens[i].kind != TokenKind::kWord || next_name[i + 1] > i + kMaxPhraseTokens) {
      ++i;
      continue;
    }
    size_t word = lexicon_.Match(LexiconKind::kPlacePreposition, tokens, i);
    if (word > 0) {
      std::optional<WrittenPlace> place = PhraseAfter(tokens, i + word, blocked);
      if (place) {
        place->oblique = lexicon_.Is(LexiconKind::kOblique, tokens, i);
        written_.push_back(*place);
      }
      i = place ? place->end : i + word;
      continue;
    }
    WrittenPlace place;
    if (CommaAfterCapitals(tokens, i) && WithParentAfter(tokens, i, &place)) {
      written_.push_back(place);
      i = place.end;
      continue;
    }
    ++i;
  }
  for (const WrittenPlace& place : written_) {
    if (place.places.size() != 1) continue;
    std::string country = gazetteer_.at(place.places.front()).id.substr(0, 3);
    if (std::find(article_countries_.begin(), article_countries_.end(), country) ==
        article_countries_.end()) {
      article_countries_.push_back(country);
    }
  }
  ++sentences_;
}

// After a place word: site words and names ("Gedung DPR", "rumah tahanan
// Guntur"), then the place ("di Gedung DPR, Senayan, Jakarta"); stops at
// another place word, a time expression or any other word.
std::optional<WrittenPlace> ArticlePlacer::PhraseAfter(const std::vector<Token>& tokens,
                                                       size_t start,
                                                       const std::vector<bool>& blocked) const {
  WrittenPlace written;
  written.begin = start;
  written.after_place_word = true;
  std::vector<int> found;
  size_t k = start;
  while (k < tokens.size() && k < start + kMaxPhraseTokens && !blocked[k]) {
    size_t length = CanStartName(tokens[k]) ? gazetteer_.Match(tokens, k, &found) : 0;
    if (length == 0) found.clear();
    // A name that is also a word is a place only right after the place word
    // ("di Batu"), or with its parent after it.
    if (length > 0 && k > start) {
      std::erase_if(found, [&](int place) { return gazetteer_.at(place).word; });
    }
    if (!found.empty()) {
      written.name_begin = k;
      written.name_end = k + length;
      written.places = found;
      written.end = ChainAfter(tokens, k + length, &written);
      return written;
    }
    if (lexicon_.Is(LexiconKind::kPlacePreposition, tokens, k)) break;
    if (size_t site = lexicon_.Match(LexiconKind::kSite, tokens, k)) {
      written.site = true;
      k += site;
    } else if (size_t noun = lexicon_.Match(LexiconKind::kPlaceNoun, tokens, k)) {
      k += noun;
    } else if (tokens[k].kind == TokenKind::kWord && tokens[k].capitalized) {
      written.site = true;  // a building's own name: "Warung Daun", "Kantor DPP Nasdem"
      ++k;
    } else if (tokens[k].text == "(" || tokens[k].text == ")" ||
               (tokens[k].text == "," && written.site)) {
      if (tokens[k].text == "," && written.site_end == 0) written.site_end = k;
      ++k;  // "Kantor Kementerian Sosial (Kemensos)", "Warung Daun, Cikini, Jakarta"
    } else {
      break;
    }
  }
  return std::nullopt;
}

// "Samarinda, Kalimantan Timur", "Gedung DPR, Senayan, Jakarta": the places
// after commas that contain (or share a province with) the place named go
// into its context; returns where the written place ends.
size_t ArticlePlacer::ChainAfter(const std::vector<Token>& tokens, size_t end,
                                 WrittenPlace* place) const {
  std::vector<int> next;
  while (end + 1 < tokens.size() && tokens[end].text == ",") {
    size_t length = gazetteer_.Match(tokens, end + 1, &next);
    bool related = false;
    for (int a : place->places) {
      for (int b : next) related = related || Related(a, b);
    }
    if (length == 0 || !related) break;
    place->context.insert(place->context.end(), next.begin(), next.end());
    end += 1 + length;
  }
  return end;
}

bool ArticlePlacer::Related(int a, int b) const {
  int adm1 = gazetteer_.at(a).adm1;
  return gazetteer_.Within(a, b) || gazetteer_.Within(b, a) ||
         (adm1 >= 0 && adm1 == gazetteer_.at(b).adm1);
}

// A name with no place word before it is a place when its parent follows
// ("Samarinda, Kalimantan Timur"); a capital standing for its government
// ("Beijing mengecam") has none.
bool ArticlePlacer::WithParentAfter(const std::vector<Token>& tokens, size_t at,
                                    WrittenPlace* place) const {
  std::vector<int> found;
  size_t length = gazetteer_.Match(tokens, at, &found);
  if (length == 0 || at + length >= tokens.size() || tokens[at + length].text != ",") return false;
  place->begin = place->name_begin = at;
  place->name_end = at + length;
  place->places = found;
  place->end = ChainAfter(tokens, at + length, place);
  if (place->context.empty()) return false;
  // Keep the readings that lie inside a place written after them.
  std::erase_if(place->places, [&](int reading) {
    return std::none_of(place->context.begin(), place->context.end(), [&](int parent) {
      return reading != parent && gazetteer_.Within(reading, parent);
    });
  });
  return !place->places.empty();
}

void ArticlePlacer::ReadDateline(const std::vector<Token>& tokens) {
  std::vector<int> found;
  size_t length = gazetteer_.Match(tokens, 0, &found);
  if (length == 0 || !IsDatelineName(tokens, 0, length, /*first_sentence=*/true)) return;
  std::erase_if(found, [&](int place) { return gazetteer_.at(place).word; });
  if (found.empty()) return;
  WrittenPlace written;
  written.places = found;
  dateline_.place = Choose(written, {});
  dateline_.begin = 0;
  dateline_.end = length;
  article_countries_.push_back(gazetteer_.at(dateline_.place).id.substr(0, 3));
}

// Of the readings of an ambiguous name ("Georgia", "Papua", "Tripoli"): the
// one inside or beside a place written with it, else of a country the article
// has placed something in (its dateline too), else of the event's actors;
// between a place and one inside it of the same name ("Gaza") the inner one;
// else the first listed.
int ArticlePlacer::Choose(const WrittenPlace& written,
                          const std::vector<std::string>& countries) const {
  auto has = [](const std::vector<std::string>& list, const std::string& country) {
    return std::find(list.begin(), list.end(), country) != list.end();
  };
  int best = -1, best_score = -1;
  for (int reading : written.places) {
    std::string country = gazetteer_.at(reading).id.substr(0, 3);
    int score = 0;
    for (int other : written.context) score = std::max(score, Related(reading, other) ? 8 : 0);
    if (has(article_countries_, country)) score += 2;
    if (has(countries, country)) score += 4;
    bool inner = best >= 0 && reading != best && gazetteer_.Within(reading, best);
    if (score > best_score || (score == best_score && inner)) {
      best = reading;
      best_score = score;
    }
  }
  return best;
}

std::optional<PlaceInText> ArticlePlacer::Place(const EventWords& event) const {
  const WrittenPlace* nearest = nullptr;
  size_t nearest_distance = 0;
  for (const WrittenPlace& written : written_) {
    // "Beijing mengecam": the event's own actor is no place of it, unless a
    // place word says it is one ("pengungsi di Rafah") and is not the word
    // for an addressee ("talked to China").
    bool actor =
        Overlaps(written.name_begin, written.name_end, event.source_begin, event.source_end) ||
        Overlaps(written.name_begin, written.name_end, event.target_begin, event.target_end);
    if (actor && (!written.after_place_word || written.oblique)) continue;
    if (event.statement && !OutsideWhatIsSaid(written, event)) continue;
    size_t distance = written.begin >= event.verb_end   ? written.begin - event.verb_end
                      : written.end <= event.verb_begin ? event.verb_begin - written.end
                                                        : 0;
    if (nearest == nullptr || distance < nearest_distance) {
      nearest = &written;
      nearest_distance = distance;
    }
  }
  if (nearest != nullptr) return Taken(*nearest, event.countries);
  return TargetPlace(event);
}

PlaceInText ArticlePlacer::Taken(const WrittenPlace& written,
                                 const std::vector<std::string>& countries) const {
  PlaceInText place;
  place.place = Choose(written, countries);
  place.site = written.site;
  place.begin = written.site ? written.begin : written.name_begin;
  place.end = written.site && written.site_end > 0 ? written.site_end : written.name_end;
  return place;
}

// A statement happens where it is made ("..., kata Marwan di Gedung DPR"),
// not where what is said happened ("Jokowi mengungkapkan, kasus lumpur
// Lapindo di Porong ..."). When the speaker comes first, what is said follows
// the verb: only a place right after the verb ("mengatakan di Jakarta") or
// before the speaker is the statement's. When the verb comes first ("kata
// Anis"), what is said precedes it: a place after the verb and the speaker.
bool ArticlePlacer::OutsideWhatIsSaid(const WrittenPlace& written, const EventWords& event) const {
  bool speaker_first =
      event.source_begin < event.source_end && event.source_end <= event.verb_begin;
  if (speaker_first) {
    return written.end <= event.source_begin ||
           (written.begin >= event.verb_end && written.begin <= event.verb_end + 2);
  }
  return written.begin >= event.verb_end && written.begin >= event.source_end;
}

// "Modi mengunjungi Moskow": the destination of a visit is its place, though
// the name stands for the host; "roket menghantam Israel utara": force
// against a place happens there. Only when no place is written besides.
std::optional<PlaceInText> ArticlePlacer::TargetPlace(const EventWords& event) const {
  if (!event.target_is_where || event.target_begin == event.target_end) return std::nullopt;
  WrittenPlace written;
  size_t length = gazetteer_.Match(*tokens_, event.target_begin, &written.places);
  if (length == 0) return std::nullopt;
  PlaceInText place;
  place.place = Choose(written, event.countries);
  place.begin = event.target_begin;
  place.end = event.target_end;
  return place;
}

void PlaceByArticle(const std::optional<Location>& dateline, std::vector<Event>* events) {
  auto same_actors = [](const Event& a, const Event& b) {
    return a.source.code == b.source.code && a.target.has_value() == b.target.has_value() &&
           (!a.target || a.target->code == b.target->code);
  };
  auto of_dateline = [&](const std::optional<Actor>& actor) {
    return !actor || actor->country.empty() || actor->country == dateline->country;
  };
  for (size_t i = 0; i < events->size(); ++i) {
    Event& event = (*events)[i];
    if (event.location) continue;
    for (size_t j = i; j-- > 0;) {
      const Event& earlier = (*events)[j];
      if (earlier.location && earlier.location->basis != "dateline" &&
          earlier.evidence.sentence.start < event.evidence.sentence.start &&
          same_actors(earlier, event)) {
        event.location = earlier.location;
        event.location->basis = "carried";
        break;
      }
    }
    if (!event.location && dateline && of_dateline(event.source) && of_dateline(event.target)) {
      event.location = dateline;
      event.location->basis = "dateline";
    }
  }
}

}  // namespace warta
