// Article rules: what the events of a whole article settle together, after
// (or while) its sentences are coded. Moved here from the pipeline, which
// calls them in this order:
//
//   ArticlePlaces       per sentence, before its events are built: an actor
//                       without a state belongs to the place the sentence
//                       names, else, for ordinary people, to where the story
//                       last was.
//   FillCountry         after the article: the rest belong to the country the
//                       article is about (international bodies to IGO).
//   AddImplicitTargets  targets the text leaves implicit: of reactions (the
//                       latest act they answer), pledges (the other state of
//                       their maker's latest event), repression (the latest
//                       protesters, else suspects), protests (the protesters'
//                       own government) and aid from abroad (the people of
//                       the article's country).
//   FoldDuplicates      the same event told twice is one event; the first
//                       telling (usually the lead) is kept.
//   FoldStatements      one statement per speaker and matter.
//
// Pure functions of their arguments (ArticlePlaces: one per article); thread-safe.
#pragma once

#include <string>
#include <vector>

#include "actors/actors.h"
#include "warta/event.h"

namespace warta {

class ArticlePlaces {
 public:
  // Reads the places one sentence names ("di Khan Younis", "Police in Minsk");
  // call once per sentence, before Fill on its actors.
  void Read(const std::vector<Mention>& mentions);
  // Gives an actor without a state the sentence's place, or for ordinary
  // people ("Ratusan warga setempat" after a boat landed in Pidie, Aceh) the
  // story's last place. Unnamed officials wait for the article's country.
  void Fill(Actor* actor) const;

 private:
  std::string place_;        // the first place the sentence names
  std::string story_place_;  // the last place a sentence named
};

// Gives an actor without a state `country` (an international body named by
// its kind, "blok itu", IGO); nothing when `country` is empty.
void FillCountry(const std::string& country, Actor* actor);

// `country` is the one the article is about ("" when none).
void AddImplicitTargets(const std::string& country, std::vector<Event>* events);

// One event per source, target, code, date, modality and negation.
std::vector<Event> FoldDuplicates(std::vector<Event> events);

// One statement per speaker and matter: a plain comment (010) is no event of
// its own where its speaker has another event with the same target in the
// article (any other event, when it names no target) — the speaker's act, a
// more specific statement, or the first comment told.
std::vector<Event> FoldStatements(std::vector<Event> events);

}  // namespace warta
