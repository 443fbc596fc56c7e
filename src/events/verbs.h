// Verb patterns (data/verbs/<lang>/*.tsv): phrases on word roots that name a
// CAMEO event. Build → compile → match: patterns are indexed by their first
// item, so a token that starts no pattern costs one or two look-ups.
//
//   auto verbs = VerbDictionary::Load("data", "id", segmenter, codebook);
//   VerbMatch m;
//   if (verbs.value()->MatchAt(tokens, analyses, i, &m)) ...
//
// Immutable after Load; thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyse/analyser.h"
#include "analyse/lexicon.h"
#include "events/codebook.h"
#include "segment/segmenter.h"
#include "util/tsv.h"
#include "util/word_hash.h"
#include "warta/status.h"

namespace warta {

struct VerbPattern {
  enum class ItemKind { kLemma, kExact, kGap };
  struct Item {
    ItemKind kind;
    std::string word;
  };
  // The code of a pattern that matches words which are no event.
  static constexpr const char* kNoEvent = "-";
  std::string code;
  std::vector<Item> items;
  std::string text;         // as written in the file
  bool reciprocal = false;  // flag sym
  bool noun = false;
  bool say = false;
  bool accuse = false;
  bool no_target = false;
  // flag `received`: "mendapat kecaman dari X", "drew criticism from X": the
  // subject receives the act; the actor after "dari"/"from" does it.
  bool received = false;
  // flag `stance`: no event of its own; inside what a speaker says it tells
  // what the statement is ("keliru" → criticism, "harus" → appeal).
  bool stance = false;
};

struct VerbMatch {
  size_t begin = 0;  // tokens [begin, end)
  size_t end = 0;
  const VerbPattern* pattern = nullptr;
};

// "... yang dilancarkan (oleh) Israel": whether tokens[k] opens a passive
// relative clause ("yang" or "which", a passive verb, then "oleh"/"by" or
// not); the token where its agent would start goes to *agent_at.
bool PassiveRelativeAt(const std::vector<Token>& tokens, const std::vector<WordAnalysis>& analyses,
                       const Lexicon& lexicon, size_t k, size_t* agent_at);

// "melontarkan kecaman", "issued a warning": whether a light verb (lexicon
// `light_verb`) stands right before tokens[i], or before a determiner right
// before it. The event noun after one names the act it does.
bool LightVerbBefore(const std::vector<Token>& tokens, const Lexicon& lexicon, size_t i);

// Whether tokens[i] opens a phrase: it starts the sentence or follows
// punctuation or a preposition ("bertepatan dengan kunjungan ...").
bool OpensPhrase(const std::vector<Token>& tokens, const Lexicon& lexicon, size_t i);
// A pe-...-an noun ("penangkapan", not "pertemuan"): it names a process whose
// following actor is mostly its patient ("penangkapan Bupati X").
bool ProcessNoun(const std::string& lower);
// "Kecaman Indonesia terhadap ...", "tuntutan Malaysia", "ajakan Presiden
// Prabowo": an Indonesian noun made from an act's verb, opening its clause
// (first in the sentence or after punctuation) with an actor right after it,
// names that actor's act. After a preposition it is mostly a reference ("lebih
// ringan dari tuntutan jaksa"); a process noun's actor is its patient.
bool PossessedAct(const std::vector<Token>& tokens, const std::vector<WordAnalysis>& analyses,
                  const std::vector<bool>& blocked, size_t i);

class VerbDictionary {
 public:
  static Result<std::unique_ptr<VerbDictionary>> Load(const std::string& data_dir,
                                                      const std::string& language,
                                                      const Codebook& codebook,
                                                      Diagnostics* diagnostics = nullptr);

  // The longest pattern matching from tokens[i]. `blocked[k]` marks tokens
  // that belong to actor names or dates and cannot be part of a verb. An
  // event noun that names an act already told ("the strike") is no match;
  // `reference_end`, when given, is raised to where such a noun ends.
  bool MatchAt(const std::vector<Token>& tokens, const std::vector<WordAnalysis>& analyses,
               const std::vector<bool>& blocked, const Lexicon& lexicon, size_t i, VerbMatch* match,
               size_t* reference_end = nullptr) const;
  // The longest stance pattern (flag `stance`) matching from tokens[i];
  // `blocked` as for MatchAt (a gap counts a blocked run as one word).
  bool StanceAt(const std::vector<Token>& tokens, const std::vector<WordAnalysis>& analyses,
                const std::vector<bool>& blocked, size_t i, VerbMatch* match) const;
  size_t size() const { return patterns_.size(); }

 private:
  VerbDictionary() = default;
  bool RefersBack(const VerbPattern& pattern, const std::vector<Token>& tokens,
                  const std::vector<WordAnalysis>& analyses, const std::vector<bool>& blocked,
                  const Lexicon& lexicon, size_t begin, size_t end) const;
  size_t MatchItems(const VerbPattern& pattern, const std::vector<Token>& tokens,
                    const std::vector<WordAnalysis>& analyses, const std::vector<bool>& blocked,
                    size_t item, size_t k) const;

  // The patterns that start with one word, in file order. A common first
  // word starts hundreds ("minta ... mundur", "minta ... maaf", ...) while a
  // sentence holds few of their second words, so a large bucket is also
  // indexed by its patterns' second word: the matcher tries only those whose
  // second word occurs before the next break.
  struct Bucket {
    std::vector<const VerbPattern*> patterns;
    std::vector<uint32_t> one_word;  // positions in `patterns` of one-word patterns
    WordMap<std::vector<uint32_t>> by_second;
  };
  using Index = WordMap<Bucket>;
  static void AddTo(Index* index, const VerbPattern* pattern);
  // The patterns of `bucket` that can match from tokens[i], in file order
  // (ties between equally long matches go to the first).
  static void Candidates(const Bucket& bucket, const std::vector<Token>& tokens,
                         const std::vector<WordAnalysis>& analyses, size_t i,
                         std::vector<const VerbPattern*>* out);

  std::string language_;
  std::vector<std::unique_ptr<VerbPattern>> patterns_;
  Index by_first_;
  Index stance_by_first_;
};

}  // namespace warta
