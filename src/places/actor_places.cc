// Placing actors: where a sentence says an actor is (places.h).

#include <algorithm>

#include "places/places.h"

namespace warta {

size_t ArticlePlacer::LocativeAt(const std::vector<Token>& tokens, size_t i) const {
  if (lexicon_.Is(LexiconKind::kSource, tokens, i)) return 0;
  return lexicon_.Match(LexiconKind::kLocationPreposition, tokens, i);
}

std::optional<PlaceInText> ArticlePlacer::PlaceActor(const ActorWords& actor) const {
  if (tokens_ == nullptr || actor.begin >= actor.end || actor.end > tokens_->size()) {
    return std::nullopt;
  }
  if (std::optional<PlaceInText> place = PlaceInActorWords(actor)) return place;
  return PlaceAfterActor(actor);
}

// "warga Gaza", "Gubernur Jawa Timur Khofifah", "the mayor of Kyiv", "Police
// in Minsk": the first place inside the actor's words that is neither its
// whole name (a metonym: "Beijing", "Gedung Putih") nor, unless a locative
// word comes before it, its nationality ("Presiden Indonesia"), a seat of
// power ("juru bicara Gedung Putih"; a crowd's own neighbourhood, "warga
// Kalibata", is a place) or a name that is also a word; nothing in a person's
// name ("Nasir Djamil").
std::optional<PlaceInText> ArticlePlacer::PlaceInActorWords(const ActorWords& actor) const {
  const std::vector<Token>& tokens = *tokens_;
  const size_t name_begin = actor.end - std::min(actor.person_words, actor.end - actor.begin);
  WrittenPlace written;
  for (size_t k = actor.begin; k < name_begin; ++k) {
    if (!CanStartName(tokens[k])) continue;
    size_t length = gazetteer_.Match(tokens, k, &written.places);
    if (length == 0) continue;
    bool whole = k == actor.begin && k + length >= actor.end;
    bool locative = false;
    for (size_t word = actor.begin; word < k && !locative; ++word) {
      locative = word + LocativeAt(tokens, word) == k;
    }
    std::erase_if(written.places, [&](int reading) {
      const warta::Place& place = gazetteer_.at(reading);
      bool modifier_only = place.word || place.feature == Feature::kCountry ||
                           (place.feature == Feature::kSite && !actor.crowd);
      return whole || (modifier_only && !locative);
    });
    if (!written.places.empty()) {
      PlaceInText place;
      place.place = Choose(written, {actor.country});
      place.begin = k;
      place.end = k + length;
      place.site = gazetteer_.at(place.place).feature == Feature::kSite;
      return place;
    }
    k += length - 1;
  }
  return std::nullopt;
}

// "pengungsi di Rafah", "protesters in Lima", "Duta Besar RI di Beijing
// mengatakan": a place phrase the sentence writes right behind a locative
// word after the actor.
std::optional<PlaceInText> ArticlePlacer::PlaceAfterActor(const ActorWords& actor) const {
  size_t word = actor.end < tokens_->size() ? LocativeAt(*tokens_, actor.end) : 0;
  if (word == 0) return std::nullopt;
  for (const WrittenPlace& written : written_) {
    if (!written.after_place_word || written.begin != actor.end + word) continue;
    if (!actor.crowd && written.end > actor.verb_begin) return std::nullopt;
    return Taken(written, {actor.country});
  }
  return std::nullopt;
}

}  // namespace warta
