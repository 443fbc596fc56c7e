#include "analyse/lexicon.h"

#include <map>

#include "util/text.h"

namespace warta {

std::vector<std::string> PhraseWords(const Segmenter& segmenter, const std::string& phrase) {
  std::vector<std::string> words;
  for (const Token& token : segmenter.Tokenize(phrase)) words.push_back(token.lower);
  return words;
}

Result<std::unique_ptr<Lexicon>> Lexicon::Load(const std::string& path, const Segmenter& segmenter,
                                               Diagnostics* diagnostics) {
  static const std::map<std::string, LexiconKind> kKinds = {
      {"negation", LexiconKind::kNegation},
      {"intention", LexiconKind::kIntention},
      {"allegation", LexiconKind::kAllegation},
      {"passive_agent", LexiconKind::kPassiveAgent},
      {"pronoun", LexiconKind::kPronoun},
      {"pair_people", LexiconKind::kPairPeople},
      {"pair_states", LexiconKind::kPairStates},
      {"relative", LexiconKind::kRelative},
      {"conjunction", LexiconKind::kConjunction},
      {"location_preposition", LexiconKind::kLocationPreposition},
      {"subordinator", LexiconKind::kSubordinator},
      {"be", LexiconKind::kBe},
      {"determiner", LexiconKind::kDeterminer},
      {"preposition", LexiconKind::kPreposition},
      {"demonstrative", LexiconKind::kDemonstrative},
      {"infinitive", LexiconKind::kInfinitive},
      {"connector", LexiconKind::kConnector},
      {"plural_pronoun", LexiconKind::kPluralPronoun},
      {"between", LexiconKind::kBetween},
      {"initials", LexiconKind::kInitials},
      {"instrument", LexiconKind::kInstrument},
      {"role", LexiconKind::kRole},
      {"purpose", LexiconKind::kPurpose},
      {"background", LexiconKind::kBackground},
      {"oblique", LexiconKind::kOblique},
      {"according_to", LexiconKind::kAccordingTo},
      {"self_reference", LexiconKind::kSelfReference},
      {"one_person", LexiconKind::kOnePerson},
      {"condition", LexiconKind::kCondition},
      {"political_topic", LexiconKind::kPoliticalTopic},
      {"citation", LexiconKind::kCitation},
      {"source", LexiconKind::kSource},
      {"weapon", LexiconKind::kWeapon},
      {"place_preposition", LexiconKind::kPlacePreposition},
      {"site", LexiconKind::kSite},
      {"place_noun", LexiconKind::kPlaceNoun},
      {"hope", LexiconKind::kHope},
      {"partner", LexiconKind::kPartner},
      {"light_verb", LexiconKind::kLightVerb},
      {"casualty", LexiconKind::kCasualty},
      {"off_topic", LexiconKind::kOffTopic},
  };
  auto file = ReadTsv(path);
  if (!file.ok()) return file.status();
  Diagnostics local;
  Diagnostics* diag = &local;
  std::unique_ptr<Lexicon> lexicon(new Lexicon());
  for (const TsvRecord& record : file.value().records) {
    auto kind = record.fields.size() == 2 ? kKinds.find(record.fields[0]) : kKinds.end();
    if (kind == kKinds.end()) {
      diag->Error(path, record.line,
                  "expected `kind<TAB>words` with a known kind, got \"" + record.fields[0] + "\"");
      continue;
    }
    for (const std::string& phrase : Split(record.fields[1], '|')) {
      std::vector<std::string> words = PhraseWords(segmenter, phrase);
      if (words.empty()) {
        diag->Error(path, record.line, "empty word in list");
        continue;
      }
      lexicon->tables_[static_cast<size_t>(kind->second)].Add(std::move(words), 0);
    }
  }
  for (auto& table : lexicon->tables_) table.Compile();
  if (diagnostics != nullptr) diagnostics->Merge(local);
  if (!local.ok()) return local.ToStatus();
  return lexicon;
}

}  // namespace warta
