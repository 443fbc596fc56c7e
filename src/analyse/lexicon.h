// Lexicon: the function words of one language that steer coding (negation,
// intention, pronouns, "kedua pria tersebut", ...), from data/lexicon/<lang>.tsv.
//
//   size_t n = lexicon.Match(LexiconKind::kNegation, tokens, i);  // 0: no match
//
// Immutable after Load; thread-safe.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "segment/segmenter.h"
#include "util/phrase_table.h"
#include "util/tsv.h"
#include "warta/status.h"

namespace warta {

enum class LexiconKind {
  kNegation,
  kIntention,
  kAllegation,
  kPassiveAgent,
  kPronoun,
  kPairPeople,
  kPairStates,
  kRelative,
  kConjunction,
  kLocationPreposition,
  kSubordinator,
  kBe,
  kDeterminer,
  kPreposition,
  kDemonstrative,
  kInfinitive,
  kConnector,
  kPluralPronoun,
  kBetween,
  kInitials,
  kInstrument,
  kRole,
  kPurpose,
  kBackground,
  kOblique,
  kAccordingTo,
  kSelfReference,
  kOnePerson,
  kCondition,
  kPoliticalTopic,
  kCitation,
  kSource,
  kWeapon,
  kPlacePreposition,
  kSite,
  kPlaceNoun,
  kHope,
  kPartner,
  kLightVerb,
  kCasualty,
  kOffTopic,
  kCount
};

class Lexicon {
 public:
  static Result<std::unique_ptr<Lexicon>> Load(const std::string& path, const Segmenter& segmenter,
                                               Diagnostics* diagnostics = nullptr);

  // Length in tokens of the phrase of `kind` starting at tokens[i], or 0.
  size_t Match(LexiconKind kind, const std::vector<Token>& tokens, size_t i) const {
    return tables_[static_cast<size_t>(kind)].LongestMatch(tokens, i);
  }
  bool Is(LexiconKind kind, const std::vector<Token>& tokens, size_t i) const {
    return Match(kind, tokens, i) > 0;
  }
  // How many tokens are this language's function words: a tie-breaker for
  // texts too short for language identification.
  int CountFunctionWords(const std::vector<Token>& tokens) const {
    int count = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      for (size_t kind = 0; kind < tables_.size(); ++kind) {
        // Site words and place nouns ("gedung", "building") are no function words.
        if (kind == static_cast<size_t>(LexiconKind::kSite) ||
            kind == static_cast<size_t>(LexiconKind::kPlaceNoun)) {
          continue;
        }
        if (tables_[kind].LongestMatch(tokens, i) > 0) {
          ++count;
          break;
        }
      }
    }
    return count;
  }

 private:
  Lexicon() = default;
  std::array<PhraseTable<int>, static_cast<size_t>(LexiconKind::kCount)> tables_;
};

// Lowercase words of a phrase, tokenized as article text is.
std::vector<std::string> PhraseWords(const Segmenter& segmenter, const std::string& phrase);

}  // namespace warta
